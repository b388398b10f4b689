import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import background from "../../entrypoints/background";
import { openDb } from "../../lib/db/schema";
import type { PageDetectionsResponse, PageExtractedResponse } from "../../lib/messages";
import type { PageReport } from "../../lib/model";
import { MILITANTS } from "./samples";

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

const article: PageReport = {
  ...report,
  readerable: true,
  hasArticle: true,
  noArticleReason: null,
  title: "Border report",
  textLength: 200,
  textHash: "a".repeat(64),
};

const figure = MILITANTS;

const tabSender = (url: string) => ({ id: fakeBrowser.runtime.id, url, frameId: 0, tab: { id: 7 } });

async function send<T = PageExtractedResponse>(message: unknown, sender: object): Promise<T> {
  let respond!: (value: T) => void;
  const response = new Promise<T>((resolve) => {
    respond = resolve;
  });
  await fakeBrowser.runtime.onMessage.trigger(message, sender, respond);
  return response;
}

describe("background", () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await openDb().pages.clear();
    await openDb().annotations.clear();
    background.main();
  });

  it("stores the page a content script reports, under the URL the browser gives", async () => {
    const sender = {
      id: fakeBrowser.runtime.id,
      url: "https://example.com/links?fbclid=1",
      frameId: 0,
      tab: { id: 7 },
    };
    const response = await send({ type: "page/extracted", url: sender.url, report }, sender);
    expect(response).toEqual({ ok: true, pageKey: "https://example.com/links", changed: false, annotations: [] });
    expect(await openDb().pages.get("https://example.com/links")).toMatchObject({ title: "Links", hasArticle: false });
  });

  it("refuses messages from elsewhere or of the wrong shape, and stores nothing", async () => {
    const page = { url: "https://example.com/links", frameId: 0, tab: { id: 7 } };
    const refused = [
      await send({ type: "page/extracted", url: page.url, report }, { ...page, id: "another-extension" }),
      await send(
        { type: "page/extracted", url: page.url, report: { ...report, title: 7 } },
        { ...page, id: fakeBrowser.runtime.id },
      ),
      await send({ type: "pages/delete-all" }, { ...page, id: fakeBrowser.runtime.id }),
    ];
    for (const response of refused)
      expect(response).toMatchObject({ ok: false, error: expect.stringMatching(/^refused/) });
    expect(await openDb().pages.count()).toBe(0);
  });

  it("stores detections, gives them back on the next visit, and records how they were re-found", async () => {
    const sender = tabSender("https://example.com/border");
    await send({ type: "page/extracted", url: sender.url, report: article }, sender);
    const stored = await send<PageDetectionsResponse>(
      { type: "page/detections", url: sender.url, canonicalUrl: null, detections: [figure], anchors: [] },
      sender,
    );
    expect(stored).toEqual({ ok: true, added: 1, kept: 0, anchored: 0 });

    const again = await send({ type: "page/extracted", url: sender.url, report: article }, sender);
    if (!again.ok) throw new Error(again.error);
    expect(again.changed).toBe(false);
    expect(again.annotations).toEqual([
      expect.objectContaining({ kind: "figure", exact: "about 6,500 militants", prefix: "now reaching ", start: 100 }),
    ]);
    const id = again.annotations[0]?.id as string;
    const recorded = await send<PageDetectionsResponse>(
      {
        type: "page/detections",
        url: sender.url,
        canonicalUrl: null,
        detections: [],
        anchors: [
          { id, state: "fuzzy", current: "about 6,600 militants" },
          { id: "auto-of-another-page", state: "orphan", current: null },
        ],
      },
      sender,
    );
    expect(recorded).toMatchObject({ ok: true, anchored: 1 });
    expect((await openDb().annotations.get(id))?.anchor).toMatchObject({
      state: "fuzzy",
      current: "about 6,600 militants",
    });
  });

  it("says when the article's text changed since the last visit", async () => {
    const sender = tabSender("https://example.com/border");
    await send({ type: "page/extracted", url: sender.url, report: article }, sender);
    const edited = await send(
      { type: "page/extracted", url: sender.url, report: { ...article, textHash: "b".repeat(64) } },
      sender,
    );
    expect(edited).toMatchObject({ ok: true, changed: true });
    expect(await openDb().pages.get("https://example.com/border")).toMatchObject({
      textHash: "b".repeat(64),
      previousTextHash: "a".repeat(64),
    });
  });

  it("refuses detections for a page without an article, or beyond its text", async () => {
    const links = tabSender("https://example.com/links");
    await send({ type: "page/extracted", url: links.url, report }, links);
    const none = await send<PageDetectionsResponse>(
      { type: "page/detections", url: links.url, canonicalUrl: null, detections: [figure], anchors: [] },
      links,
    );
    expect(none).toMatchObject({ ok: false, error: expect.stringMatching(/no article/) });

    const border = tabSender("https://example.com/border");
    await send({ type: "page/extracted", url: border.url, report: { ...article, textLength: 110 } }, border);
    const beyond = await send<PageDetectionsResponse>(
      { type: "page/detections", url: border.url, canonicalUrl: null, detections: [figure], anchors: [] },
      border,
    );
    expect(beyond).toMatchObject({ ok: false, error: expect.stringMatching(/outside the article/) });
    expect(await openDb().annotations.count()).toBe(0);
  });

  it("takes the address the page reports on the tab's own origin only", async () => {
    const sender = tabSender("https://example.com/app");
    const spa = await send({ type: "page/extracted", url: "https://example.com/app/story-2", report }, sender);
    expect(spa).toMatchObject({ ok: true, pageKey: "https://example.com/app/story-2" });
    const forged = await send({ type: "page/extracted", url: "https://bank.example/account", report }, sender);
    expect(forged).toMatchObject({ ok: true, pageKey: "https://example.com/app" });
  });
});
