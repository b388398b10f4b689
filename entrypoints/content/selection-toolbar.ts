import { type MessageKey, t } from "../../components/i18n";
import type { Lifetime } from "./lifetime";
import type { ReaderSelection } from "./reader-selection";
import { transientUi } from "./transient-ui";
import { reachedAsShown } from "./ui-integrity";

/** Tag name of the toolbar's shadow host: it exists only while text is selected. */
export const TOOLBAR_HOST_TAG = "claimmark-toolbar";

type Kind = "claim" | "figure" | "highlight";

const BUTTONS: [Kind, MessageKey][] = [
  ["claim", "toolbar_claim"],
  ["figure", "kind_figure"],
  ["highlight", "kind_highlight"],
];

const CSS = `
:host { all: initial; }
.bar { position: fixed; z-index: 2147483646; display: flex; gap: 2px; padding: 3px; border-radius: 8px;
  background: #1d1d1f; box-shadow: 0 2px 10px rgb(0 0 0 / 0.3); font: 13px/1.2 system-ui, sans-serif; }
button { all: unset; cursor: pointer; color: #fff; padding: 5px 9px; border-radius: 6px; }
button:hover, button:focus-visible { background: #3a3a40; outline: 2px solid #8cc8ef; outline-offset: -2px; }
.label { color: #a8a8b3; padding: 5px 6px; }
@media (prefers-color-scheme: light) { .bar { background: #ffffff; border: 1px solid #d9d9de; }
  button { color: #1d1d1f; } button:hover, button:focus-visible { background: #eef2f6; } .label { color: #5c5c66; } }
`;

/**
 * A small bar by the reader's selection ("Mark as: Claim · Figure · Highlight"). It shows nothing
 * stored, appears only for a selection the reader made (mouse released, or selecting keys), and a
 * button acts only on the reader's real click on the bar as shown: a page that selects a passage
 * itself, fades or stretches the bar, or dispatches a click gets nothing. It is offered only while
 * `offered()` says so: on a page with no article (or not read yet) a bar would only refuse.
 */
export function watchSelection(
  life: Lifetime,
  reader: ReaderSelection,
  isOurs: (node: Node) => boolean,
  onChoose: (kind: Kind) => void,
  offered: () => boolean = () => true,
): void {
  const ui = transientUi(life, TOOLBAR_HOST_TAG, CSS);
  const hide = ui.hide;
  let settle: ReturnType<typeof setTimeout> | undefined;
  let shownAt = 0;

  const show = (rect: DOMRect) => {
    const bar = document.createElement("div");
    bar.className = "bar";
    bar.setAttribute("role", "toolbar");
    bar.setAttribute("aria-label", t("toolbar_label"));
    const label = document.createElement("span");
    label.className = "label";
    label.textContent = t("toolbar_mark_as");
    bar.append(label);
    for (const [kind, text] of BUTTONS) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = t(text);
      button.dataset.testid = `selection-${kind}`;
      // Keep the selection: pressing a button must not collapse it before the click lands.
      button.addEventListener("mousedown", (event) => event.preventDefault());
      button.addEventListener("click", (event) => {
        const host = ui.current()?.host;
        if (!host || !reachedAsShown(event, host, shownAt)) return;
        hide();
        onChoose(kind);
      });
      bar.append(button);
    }
    const top = rect.bottom + 8 + 34 < window.innerHeight ? rect.bottom + 8 : Math.max(8, rect.top - 42);
    bar.style.top = `${top}px`;
    bar.style.left = `${Math.max(8, Math.min(rect.left, window.innerWidth - 260))}px`;
    ui.show(() => bar);
    shownAt = performance.now();
  };

  const check = () => {
    const selection = document.getSelection();
    if (
      !offered() ||
      !selection ||
      selection.isCollapsed ||
      selection.rangeCount === 0 ||
      !reader.isReaders(selection)
    ) {
      hide();
      return;
    }
    const range = selection.getRangeAt(0);
    if (isOurs(range.commonAncestorContainer) || range.toString().trim().length === 0) return;
    const rects = range.getClientRects();
    const last = rects[rects.length - 1];
    if (!last) return;
    show(last);
  };

  const soon = () => {
    clearTimeout(settle);
    settle = setTimeout(check, 200);
  };
  life.listen(document, "mouseup", (event: MouseEvent) => {
    if (event.isTrusted && !isOurs(event.target as Node)) soon();
  });
  life.listen(document, "keyup", (event: KeyboardEvent) => {
    if (!event.isTrusted) return;
    if (event.shiftKey || event.key === "Shift") soon();
    if (event.key === "Escape") hide();
  });
  life.listen(document, "selectionchange", () => {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || !reader.isReaders(selection)) hide();
  });
  life.onEnd(() => clearTimeout(settle));
}
