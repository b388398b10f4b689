import type { Lifetime } from "./lifetime";
import { transientUi } from "./transient-ui";

/** Tag name of the notice's shadow host: it exists only while a notice shows. */
export const NOTICE_HOST_TAG = "claimmark-notice";

const SHOWN_MS = 6000;

const CSS = `
:host { all: initial; }
.notice { position: fixed; z-index: 2147483646; right: 16px; bottom: 16px; max-width: 360px; padding: 10px 14px;
  border-radius: 8px; background: #1d1d1f; color: #fff; font: 14px/1.4 system-ui, sans-serif;
  box-shadow: 0 2px 10px rgb(0 0 0 / 0.3); }
`;

/** A short message in the corner of the page ("That selection is not part of the article"), gone by itself. */
export function noticeShower(life: Lifetime) {
  const ui = transientUi(life, NOTICE_HOST_TAG, CSS);
  let timer: ReturnType<typeof setTimeout> | undefined;
  life.onEnd(() => clearTimeout(timer));
  return (message: string) => {
    clearTimeout(timer);
    ui.show(() => {
      const box = document.createElement("div");
      box.className = "notice";
      box.setAttribute("role", "status");
      box.dataset.testid = "page-notice";
      box.textContent = message;
      return box;
    });
    timer = setTimeout(ui.hide, SHOWN_MS);
  };
}
