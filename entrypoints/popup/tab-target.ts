import { browser } from "wxt/browser";
import type { PopupTarget } from "../../components/Popup";
import type { PageState } from "../../lib/messages";
import { restrictionOf } from "../../lib/url/restricted";

/**
 * The tab the popup speaks for: `?tab=ID` when given (an extension page opened in a tab of
 * its own, as the end-to-end tests do), else the active tab of the current window.
 */
export async function targetTabId(search: string): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(search).get("tab"));
  if (Number.isSafeInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function askContentScript(tabId: number): Promise<PageState | null> {
  try {
    const state: unknown = await browser.tabs.sendMessage(tabId, { type: "page/state" });
    return isPageState(state) ? state : null;
  } catch {
    return null; // no content script in that tab
  }
}

function isPageState(value: unknown): value is PageState {
  if (typeof value !== "object" || value === null) return false;
  const status = (value as { status?: unknown }).status;
  return status === "reading" || status === "recorded" || status === "failed";
}

/** Finds out what the popup should show for a tab: its recorded page, or why there is none. */
export async function resolveTarget(tabId: number | null): Promise<PopupTarget> {
  if (tabId === null) return { kind: "unreachable", webPage: false };
  // Both asked at once: the content script's answer is what the popup's first rows wait for.
  // activeTab grants the URL when the popup was opened from the toolbar; otherwise it is unknown.
  const [url, state] = await Promise.all([
    browser.tabs.get(tabId).then(
      (tab) => tab.url ?? tab.pendingUrl ?? null,
      () => null,
    ),
    askContentScript(tabId),
  ]);
  if (state) return { kind: "page", state };
  const restriction = url ? restrictionOf(url) : null;
  if (restriction) return { kind: "restricted", restriction };
  return { kind: "unreachable", webPage: url !== null };
}
