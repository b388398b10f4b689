import { browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";
import { t } from "../components/i18n";
import { CardBroker } from "../lib/card/broker";
import { cardPortHandler } from "../lib/card/port";
import { CARD_PAGE, CARD_PORT, type CardFrameCommand, type CardPageNotice } from "../lib/card/protocol";
import { countAnnotationsByKind } from "../lib/db/pages";
import { openDb } from "../lib/db/schema";
import { backgroundGuard } from "../lib/guard/limits";
import { type BackgroundContext, handleBackgroundMessage } from "../lib/handle-message";
import type { SelectionCommand } from "../lib/messages";

/** The context menu's items and the keyboard commands: what each asks the page to do with its selection. */
const ACTIONS: Record<string, SelectionCommand["kind"]> = {
  "mark-claim": "claim",
  "mark-figure": "figure",
  "highlight-selection": "highlight",
};

/** The welcome page: opened on install, and from the popup. */
const WELCOME_PAGE = "/welcome.html";

/**
 * Whether a (checked) message can change a page's annotation count: a visit or a new annotation.
 * Edits happen in extension pages, which recount themselves.
 */
function mayChangeCount(message: unknown): boolean {
  const { type } = message as { type?: string };
  return type === "page/extracted" || type === "annotation/create";
}

export default defineBackground(() => {
  const db = openDb();
  const context: BackgroundContext = {
    db,
    extensionId: browser.runtime.id,
    cards: new CardBroker(),
    guard: backgroundGuard(),
    detections: Promise.resolve(),
    shown: new Map(),
  };
  // MV2 Firefox calls it browserAction.
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

  /** The toolbar badge of a tab: its page's annotation count. */
  const showCount = async (tabId: number, pageKey: string) => {
    const counts = await countAnnotationsByKind(db, pageKey);
    const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
    await action.setBadgeText({ tabId, text: total > 0 ? String(total) : "" });
    await action.setBadgeBackgroundColor({ tabId, color: "#0b3954" });
  };

  /** The page key each tab's last visit was stored under: a new annotation there recounts it. */
  const tabPages = new Map<number, string>();

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    handleBackgroundMessage(context, message, sender).then((response) => {
      sendResponse(response);
      const tabId = sender.tab?.id;
      if (!response.ok || tabId === undefined || !mayChangeCount(message)) return;
      if ("pageKey" in response) tabPages.set(tabId, response.pageKey);
      const pageKey = tabPages.get(tabId);
      if (pageKey) showCount(tabId, pageKey).catch(() => {});
    });
    return true; // the response is sent asynchronously
  });

  // Card frames: an extension page in a frame of a tab, showing what a token from the tab's content script names.
  // runtime.getURL names card.html by its dynamic URL; the frame's document is at the extension's own origin.
  const ownOrigin = new URL(browser.runtime.getURL("/")).protocol;
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== CARD_PORT) return;
    const tabId = port.sender?.tab?.id;
    const from = port.sender?.url ? new URL(port.sender.url) : null;
    const fromCardPage =
      port.sender?.id === browser.runtime.id && from?.protocol === ownOrigin && from.pathname === CARD_PAGE;
    if (!fromCardPage || tabId === undefined || tabId < 0) {
      port.disconnect();
      return;
    }
    const post = (command: CardFrameCommand) => {
      try {
        port.postMessage(command);
      } catch {
        // The frame went away meanwhile: nobody to answer.
      }
    };
    // The frame's notices for its page, passed on where the frame cannot send them itself (Firefox).
    const tell = (notice: CardPageNotice) => {
      browser.tabs.sendMessage(tabId, notice, { frameId: 0 }).catch(() => {});
    };
    const handle = cardPortHandler(db, context.cards, tabId, post, tell);
    port.onMessage.addListener((message: unknown) => {
      handle(message).then((ours) => {
        if (!ours) port.disconnect();
      });
    });
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    context.cards.forgetTab(tabId);
    context.shown.delete(tabId);
    tabPages.delete(tabId);
  });

  const askPage = (tabId: number | undefined, kind: SelectionCommand["kind"]) => {
    if (tabId === undefined || tabId < 0) return;
    const command: SelectionCommand = { type: "selection/annotate", kind };
    // No content script (a browser page, a PDF): nothing to do.
    browser.tabs.sendMessage(tabId, command, { frameId: 0 }).catch(() => {});
  };

  browser.runtime.onInstalled.addListener(({ reason }) => {
    browser.contextMenus.create({ id: "mark-claim", title: t("menu_mark_claim"), contexts: ["selection"] });
    browser.contextMenus.create({ id: "mark-figure", title: t("menu_mark_figure"), contexts: ["selection"] });
    browser.contextMenus.create({ id: "highlight-selection", title: t("kind_highlight"), contexts: ["selection"] });
    // A first install says what Claimmark does and how; an update or a browser update opens nothing.
    if (reason === "install") void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) }).catch(() => {});
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
