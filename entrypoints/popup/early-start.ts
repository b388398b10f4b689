import type { PopupTarget } from "../../components/Popup";
import { resolveTarget, targetTabId } from "./tab-target";

/**
 * What the popup asks the browser before its own code has loaded: which tab it speaks for and what
 * that tab shows (a message to the tab's content script, through two processes), and a first
 * connection to the database (the browser's first open in a page is the slow one). Started by
 * the small script `popup-start.js`, which popup.html runs before its modules arrive; the popup's
 * module takes it over, or starts it itself where that script did not run (tests, `wxt dev`).
 */
export interface EarlyStart {
  tabId: Promise<number | null>;
  /** What the tab shows, asked once. */
  target: Promise<PopupTarget>;
  /** Closes the warm-up connection: the popup's own is open. */
  release(): void;
}

/** Where the script leaves its start for the module: one global, of the popup page only. */
const SLOT = "__claimmarkPopupStart";

type Slot = { [SLOT]?: EarlyStart };

/** Opens the database raw, only to warm the browser's side up; never creates or upgrades it. */
function warmDatabase(): () => void {
  let db: IDBDatabase | null = null;
  let released = false;
  try {
    const request = indexedDB.open("claimmark");
    // No database yet (or none this old): leave it to the popup's own code to make.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => {};
    request.onsuccess = () => {
      db = request.result;
      // A newer version waits for every connection to close: this one never holds it up.
      db.onversionchange = () => db?.close();
      if (released) db.close();
    };
  } catch {
    // no IndexedDB here: the popup's own open says so
  }
  return () => {
    released = true;
    db?.close();
  };
}

/** Starts asking (from `popup-start.js`); the popup's module takes it with `takeStart`. */
export function beginStart(search: string): void {
  const tabId = targetTabId(search);
  const start: EarlyStart = {
    tabId,
    target: tabId.then((id) => resolveTarget(id)),
    release: warmDatabase(),
  };
  // A rejected answer is the module's to handle, when it takes it.
  start.target.catch(() => {});
  (globalThis as Slot)[SLOT] = start;
}

/** The start `popup-start.js` made, taken once; null when it did not run. */
export function takeStart(): EarlyStart | null {
  const slot = globalThis as Slot;
  const start = slot[SLOT] ?? null;
  delete slot[SLOT];
  return start;
}
