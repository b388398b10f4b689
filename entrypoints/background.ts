import { browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";
import { countAnnotationsByKind } from "../lib/db/pages";
import { openDb } from "../lib/db/schema";
import { handleBackgroundMessage } from "../lib/handle-message";
import type { SelectionCommand } from "../lib/messages";

/** The context menu's items and the keyboard commands: what each asks the page to do with its selection. */
const ACTIONS: Record<string, SelectionCommand["kind"]> = {
  "mark-claim": "claim",
  "mark-figure": "figure",
  "highlight-selection": "highlight",
};

/**
 * Whether a (checked) message can change a page's annotation count: a visit, a new annotation, or
 * a deletion or dismissal. Other edits (saved as the reader types) and card openings cannot.
 */
function mayChangeCount(message: unknown): boolean {
  const { type, patch } = message as { type?: string; patch?: object };
  if (type === "page/extracted" || type === "annotation/create") return true;
  return type === "annotation/update" && patch !== undefined && ("deleted" in patch || "dismissed" in patch);
}

export default defineBackground(() => {
  const db = openDb();
  // MV2 Firefox calls it browserAction.
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

  /** The toolbar badge of a tab: its page's annotation count. */
  const showCount = async (tabId: number, pageKey: string) => {
    const counts = await countAnnotationsByKind(db, pageKey);
    const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
    await action.setBadgeText({ tabId, text: total > 0 ? String(total) : "" });
    await action.setBadgeBackgroundColor({ tabId, color: "#0b3954" });
  };

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    handleBackgroundMessage(db, message, sender, browser.runtime.id).then((response) => {
      sendResponse(response);
      const pageKey = !response.ok
        ? null
        : "pageKey" in response
          ? response.pageKey
          : response.details.annotation.pageKey;
      const tabId = sender.tab?.id;
      if (pageKey && tabId !== undefined && mayChangeCount(message)) showCount(tabId, pageKey).catch(() => {});
    });
    return true; // the response is sent asynchronously
  });

  const askPage = (tabId: number | undefined, kind: SelectionCommand["kind"]) => {
    if (tabId === undefined || tabId < 0) return;
    const command: SelectionCommand = { type: "selection/annotate", kind };
    // No content script (a browser page, a PDF): nothing to do.
    browser.tabs.sendMessage(tabId, command, { frameId: 0 }).catch(() => {});
  };

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: "mark-claim", title: "Mark as claim", contexts: ["selection"] });
    browser.contextMenus.create({ id: "mark-figure", title: "Mark as figure", contexts: ["selection"] });
    browser.contextMenus.create({ id: "highlight-selection", title: "Highlight", contexts: ["selection"] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const kind = ACTIONS[String(info.menuItemId)];
    if (kind) askPage(tab?.id, kind);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    const kind = ACTIONS[command];
    if (kind) askPage(tab?.id, kind);
  });
});
