import { describe, expect, it } from "vitest";
import { storedPages, waitForStoredPage } from "../../scripts/browser/extension-db";
import { ARTICLE, domAfterLoad, noArticleReport, useHarness, watchDom } from "./harness";

const harness = useHarness();

describe("the example article", () => {
  it("is recorded with its metadata under its normalised URL and shown in the popup", async () => {
    const page = await harness.browser.context.newPage();
    await page.goto(`${harness.server.origin}${ARTICLE}?utm_source=newsletter&utm_medium=email#comments`);
    const stored = await waitForStoredPage(harness.browser.worker, `${harness.server.origin}${ARTICLE}`);

    // The canonical link points at another site (the publisher), so the page keeps its own URL,
    // without the fragment and the tracking parameters.
    expect(stored.key).toBe(`${harness.server.origin}${ARTICLE}`);
    expect(stored.hasArticle).toBe(true);
    expect(stored.title).toBe(
      "CSTO Secretary General announces adoption of Program for development of Tajik-Afghan border",
    );
    expect(stored.siteName).toBe("CentralasianLIGHT.org");
    expect(stored.publishedTime).toBe("2024-11-25T09:00:00+05:00");
    expect(stored.lang).toBe("en");
    expect(stored.excerpt).toMatch(/^The Collective Security Council/);
    expect(stored.textLength).toBeGreaterThan(1500);
    expect(stored.textHash).toMatch(/^[0-9a-f]{64}$/);

    const popup = await harness.browser.openPopup(page);
    await expect.poll(() => popup.getByTestId("page-title").textContent()).toBe(stored.title);
    expect(await popup.getByTestId("page-site").textContent()).toBe("CentralasianLIGHT.org");
    expect(await popup.getByTestId("page-published").textContent()).toBe("November 25, 2024");
    // The page's byline only repeats the site and the date, which are shown already.
    expect(await popup.getByTestId("page-byline").count()).toBe(0);
    // What the count holds is checked in detection.test.ts; here, that the popup shows one.
    expect(await popup.getByTestId("annotation-count").textContent()).toMatch(/^\d+ annotations?$/);
    await popup.close();
    await page.close();
  });

  it("is read without changing the page's DOM", async () => {
    const page = await harness.browser.context.newPage();
    await watchDom(page);
    await page.goto(`${harness.server.origin}${ARTICLE}?dom-check`);
    await waitForStoredPage(harness.browser.worker, `${harness.server.origin}${ARTICLE}?dom-check`);
    const after = await domAfterLoad(page);
    expect(after.before).toBeDefined();
    expect(after.now).toBe(after.before);
    expect(after.mutations).toBe(0);
    await page.close();
  });
});

describe("a page with no article", () => {
  it("is recorded as having none, and the popup says so", async () => {
    const page = await harness.browser.context.newPage();
    await page.goto(`${harness.server.origin}/no-article.html`);
    const stored = await waitForStoredPage(harness.browser.worker, `${harness.server.origin}/no-article.html`);
    expect(stored.hasArticle).toBe(false);
    expect(stored.noArticleReason).toBe("not-readerable");
    expect(stored.textHash).toBeNull();

    const popup = await harness.browser.openPopup(page);
    await expect.poll(() => popup.getByTestId("notice").textContent()).toContain("No article found on this page");
    await popup.close();
    await page.close();
  });
});

describe("pages that cannot be annotated", () => {
  it("a browser page gets a plain explanation in the popup", async () => {
    const page = await harness.browser.context.newPage();
    await page.goto("chrome://version");
    const popup = await harness.browser.openPopup(page);
    await expect.poll(() => popup.getByTestId("notice").textContent()).toContain("This page cannot be annotated");
    await popup.close();
    await page.close();
  });
});

describe("the background", () => {
  it("refuses a page message that does not come from a web page's content script", async () => {
    const page = await harness.browser.context.newPage();
    await page.goto(`chrome-extension://${harness.browser.extensionId}/popup.html`);
    const before = (await storedPages(harness.browser.worker)).length;
    const report = noArticleReport({ readerable: true, noArticleReason: "empty" });
    const response = await page.evaluate(
      (report) => chrome.runtime.sendMessage({ type: "page/extracted", url: "https://example.com/forged", report }),
      report,
    );
    // An extension page in a tab is not a web page: its word about "its page" is refused.
    expect(response).toEqual({ ok: false, error: "refused: message is not from a web page" });
    expect((await storedPages(harness.browser.worker)).length).toBe(before);
    await page.close();
  });
});
