import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import background from "../../entrypoints/background";
import { openDb } from "../../lib/db/schema";
import type { PageExtractedResponse } from "../../lib/messages";
import type { PageReport } from "../../lib/model";

const report: PageReport = {
  canonicalUrl: null,
  readerable: false,
  hasArticle: false,
  noArticleReason: "not-readerable",
  title: "Links",
  byline: null,
  siteName: null,
  publishedTime: null,
  lang: "en",
  excerpt: null,
  textLength: 0,
  textHash: null,
};

async function send(message: unknown, sender: object): Promise<PageExtractedResponse> {
  let respond!: (value: PageExtractedResponse) => void;
  const response = new Promise<PageExtractedResponse>((resolve) => {
    respond = resolve;
  });
  await fakeBrowser.runtime.onMessage.trigger(message, sender, respond);
  return response;
}

describe("background", () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await openDb().pages.clear();
    background.main();
  });

  it("stores the page a content script reports, under the URL the browser gives", async () => {
    const sender = {
      id: fakeBrowser.runtime.id,
      url: "https://example.com/links?fbclid=1",
      frameId: 0,
      tab: { id: 7 },
    };
    const response = await send({ type: "page/extracted", report, detections: [] }, sender);
    expect(response).toEqual({ ok: true, pageKey: "https://example.com/links" });
    expect(await openDb().pages.get("https://example.com/links")).toMatchObject({ title: "Links", hasArticle: false });
  });

  it("refuses messages from elsewhere or of the wrong shape, and stores nothing", async () => {
    const page = { url: "https://example.com/links", frameId: 0, tab: { id: 7 } };
    const refused = [
      await send({ type: "page/extracted", report, detections: [] }, { ...page, id: "another-extension" }),
      await send(
        { type: "page/extracted", report: { ...report, title: 7 }, detections: [] },
        { ...page, id: fakeBrowser.runtime.id },
      ),
      await send({ type: "pages/delete-all" }, { ...page, id: fakeBrowser.runtime.id }),
    ];
    for (const response of refused)
      expect(response).toMatchObject({ ok: false, error: expect.stringMatching(/^refused/) });
    expect(await openDb().pages.count()).toBe(0);
  });
});
