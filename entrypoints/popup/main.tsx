import { render } from "preact";
import { Popup, type PopupTarget } from "../../components/Popup";
import { openDb } from "../../lib/db/schema";
import { resolveTarget, targetTabId } from "./tab-target";

const root = document.getElementById("app") as HTMLElement;
const db = openDb();
const show = (target: PopupTarget) => render(<Popup db={db} target={target} />, root);

// The content script may still be reading the page: ask again until it has an answer.
const POLL_MS = 250;
const POLL_LIMIT = 120;

async function start(): Promise<void> {
  show({ kind: "loading" });
  const tabId = await targetTabId(location.search);
  for (let attempt = 0; attempt < POLL_LIMIT; attempt++) {
    const target = await resolveTarget(tabId);
    show(target);
    if (target.kind !== "page" || target.state.status !== "reading") return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

void start();
