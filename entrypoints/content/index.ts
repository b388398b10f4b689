import { browser } from "wxt/browser";
import { defineContentScript } from "wxt/utils/define-content-script";
import {
  checkContentMessage,
  type PageExtractedMessage,
  type PageExtractedResponse,
  type PageState,
} from "../../lib/messages";
import { readPage } from "../../lib/read-page";

export default defineContentScript({
  matches: ["http://*/*", "https://*/*"],
  runAt: "document_idle",
  main(ctx) {
    let state: PageState = { status: "reading" };

    // The popup asks the tab what it knows; only this extension's pages may ask.
    const onMessage = (message: unknown, sender: { id?: string }, sendResponse: (state: PageState) => void) => {
      if (sender.id !== browser.runtime.id || !checkContentMessage(message).ok) return;
      sendResponse(state);
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    let message: PageExtractedMessage;
    try {
      message = readPage(document, location.href);
    } catch (error) {
      state = { status: "failed", error: error instanceof Error ? error.message : String(error) };
      return;
    }
    const { report } = message;
    browser.runtime
      .sendMessage(message)
      .then((response: PageExtractedResponse | undefined) => {
        state = response?.ok
          ? {
              status: "recorded",
              pageKey: response.pageKey,
              hasArticle: report.hasArticle,
              noArticleReason: report.noArticleReason,
            }
          : { status: "failed", error: response?.error ?? "the extension did not answer" };
      })
      .catch((error: unknown) => {
        state = { status: "failed", error: error instanceof Error ? error.message : String(error) };
      });
  },
});
