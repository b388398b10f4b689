import { browser } from "wxt/browser";
import { defineContentScript } from "wxt/utils/define-content-script";
import { extractArticle } from "../../lib/extract/article";
import { checkContentMessage, type PageExtractedResponse, type PageState } from "../../lib/messages";

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

    let report: ReturnType<typeof extractArticle>["report"];
    try {
      report = extractArticle(document, location.href).report;
    } catch (error) {
      state = { status: "failed", error: error instanceof Error ? error.message : String(error) };
      return;
    }
    browser.runtime
      .sendMessage({ type: "page/extracted", report })
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
