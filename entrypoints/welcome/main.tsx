import { render } from "preact";
import { browser } from "wxt/browser";
import { localizeDocument } from "../../components/i18n";
import { type ShortcutCommand, Welcome } from "../../components/welcome/Welcome";
import { openDb } from "../../lib/db/schema";
import "../content/highlights.css";

localizeDocument("welcome_title");
const root = document.getElementById("app") as HTMLElement;
const db = openDb();

/** Opens the browser's shortcut settings: Firefox has an API for it; Chromium (and Edge) a page. */
function openShortcuts(): void {
  const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
  if (typeof commands.openShortcutSettings === "function") {
    void commands.openShortcutSettings().catch(() => {});
    return;
  }
  void browser.tabs.create({ url: "chrome://extensions/shortcuts" }).catch(() => {});
}

function openLibrary(section: "library" | "settings"): void {
  if (section === "library") {
    void browser.runtime.openOptionsPage().catch(() => {});
    return;
  }
  void browser.tabs.create({ url: browser.runtime.getURL("/options.html#settings") }).catch(() => {});
}

function show(commands: ShortcutCommand[] | null): void {
  render(<Welcome db={db} commands={commands} onOpenShortcuts={openShortcuts} onOpenLibrary={openLibrary} />, root);
}

/** Reads the shortcuts as the browser has them now: the reader may have just changed them in another tab. */
async function refresh(): Promise<void> {
  try {
    show(await browser.commands.getAll());
  } catch {
    show([]);
  }
}

show(null);
void refresh();
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible") void refresh();
});
