import { render } from "preact";
import { browser } from "wxt/browser";
import { localizeDocument } from "../../components/i18n";
import { Popup, type PopupActions, type PopupTarget } from "../../components/Popup";
import { openDb } from "../../lib/db/schema";
import { takeStart } from "./early-start";
import { resolveTarget, targetTabId } from "./tab-target";

localizeDocument("ext_name");
// What popup-start.js asked while this module loaded, where it ran (not in tests, nor `wxt dev`).
const early = takeStart();
const root = document.getElementById("app") as HTMLElement;
const db = openDb();
// Open the database now, while the tab is asked what it shows: the list's first read finds it open.
// Then the warm-up connection popup-start.js made is no longer needed.
db.open()
  .catch(() => {}) // a failure is shown by the list's own query
  .finally(() => early?.release());

// The content script may still be reading the page: ask again until it has an answer.
const POLL_MS = 250;
const POLL_LIMIT = 120;

/** Messages to the tab's content script; a tab without one (closed, reloaded) is not an error here. */
function actionsFor(tabId: number | null): PopupActions {
  const tell = (message: { type: "annotation/reveal" | "annotation/changed"; id: string }) => {
    if (tabId === null) return;
    browser.tabs.sendMessage(tabId, message).catch(() => {});
  };
  return {
    onReveal: (id) => tell({ type: "annotation/reveal", id }),
    onChanged: (id) => tell({ type: "annotation/changed", id }),
    onOpenLibrary: () => void browser.runtime.openOptionsPage().catch(() => {}),
  };
}

/** Opens the welcome page in a tab of its own. */
const openWelcome = () => void browser.tabs.create({ url: browser.runtime.getURL("/welcome.html") }).catch(() => {});

async function start(): Promise<void> {
  let actions = actionsFor(null);
  const show = (target: PopupTarget) =>
    render(<Popup db={db} target={target} actions={actions} onOpenWelcome={openWelcome} />, root);
  show({ kind: "loading" });
  const tabId = await (early?.tabId ?? targetTabId(location.search));
  actions = actionsFor(tabId);
  for (let attempt = 0; attempt < POLL_LIMIT; attempt++) {
    const target = await (attempt === 0 && early ? early.target : resolveTarget(tabId));
    show(target);
    if (target.kind !== "page" || target.state.status !== "reading") return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

void start();
