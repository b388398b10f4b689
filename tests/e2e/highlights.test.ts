import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { storedAnnotations, waitForStoredPage } from "../../scripts/browser/extension-db";
import { waitForPaint } from "../../scripts/browser/page-state";
import {
  ARTICLE_HTML,
  cardIn,
  domAfterLoad,
  highlightPoint,
  openArticle,
  previewIn,
  useHarness,
  watchDom,
} from "./harness";

const harness = useHarness();

/** The text of every range in each of Claimmark's highlights, read from the page's own world. */
function painted(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights) {
      if (name.startsWith("claimmark-")) out[name] = [...highlight].map((range) => (range as Range).toString());
    }
    return out;
  });
}

const TASMAGAMBETOV = "This is undoubtedly a very serious problem,";
const MILITANTS = "about 6,500 militants";

describe("highlights on the example article", () => {
  it("paints both quotes and the three figures, not the four dates, without changing the page's DOM", async () => {
    const page = await harness.browser.context.newPage();
    await watchDom(page);
    harness.server.override("/paint.html", ARTICLE_HTML);
    await page.goto(`${harness.server.origin}/paint.html`);
    const stats = await waitForPaint(harness.browser.worker, await harness.browser.tabIdOf(page));
    expect(stats.mode).toBe("highlight-api");
    expect(stats.orphans).toBe(0);
    expect(stats.anchored).toBe(stats.annotations);

    const ranges = await painted(page);
    expect(ranges["claimmark-quote"]).toHaveLength(2);
    expect(ranges["claimmark-quote"]?.some((text) => text.includes(TASMAGAMBETOV))).toBe(true);
    expect(ranges["claimmark-quote"]?.some((text) => text.includes(MILITANTS))).toBe(true);
    expect(ranges["claimmark-figure"]?.sort()).toEqual([MILITANTS, "up to 4,000", "hundreds of its fighters"].sort());
    // Dates ("November 28", "2023", "January 2015", "late 2019") are a kind of their own, hidden by default.
    expect(ranges["claimmark-date"]).toBeUndefined();
    expect(ranges["claimmark-claim"]).toHaveLength(5);

    const dom = await domAfterLoad(page);
    expect(dom.before).toBeDefined();
    expect(dom.now).toBe(dom.before);
    expect(dom.mutations).toBe(0);
    await page.close();
  });

  it("opens a card for “about 6,500 militants” with its value, unit, qualifier and speaker", async () => {
    const { page } = await openArticle(harness, "/card.html", ARTICLE_HTML);
    const box = await highlightPoint(page, MILITANTS, "figure");
    expect(box).not.toBeNull();
    await page.mouse.click(box?.x ?? 0, box?.y ?? 0);

    const card = cardIn(page);
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getByTestId("card-kind").textContent()).toMatch(/figure/i);
    expect(await card.getByTestId("card-value").getAttribute("data-value")).toBe("6500");
    expect(await card.getByTestId("card-unit").textContent()).toContain("militants");
    expect(await card.getByTestId("card-qualifier").textContent()).toContain("approximately");
    expect(await card.getByTestId("card-speaker").textContent()).toContain("Sidorov");

    await page.keyboard.press("Escape");
    await expect.poll(() => card.count()).toBe(0);

    // Resting the pointer on the highlight shows only its preview, with the speaker; a click opens the card.
    await page.mouse.move(5, 5);
    await page.mouse.move(box?.x ?? 0, box?.y ?? 0, { steps: 3 });
    await expect.poll(() => previewIn(page).count()).toBe(1);
    expect(await previewIn(page).getByTestId("card-preview-main").textContent()).toContain("Sidorov");
    expect(await card.count()).toBe(0);
    await page.mouse.click(box?.x ?? 0, box?.y ?? 0);
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getByTestId("card-value").getAttribute("data-value")).toBe("6500");
    await page.close();
  });

  it("comes back from storage on reload, with no duplicates", async () => {
    const { page, tabId, stats: first } = await openArticle(harness, "/reload.html", ARTICLE_HTML);
    const before = await painted(page);
    const key = `${harness.server.origin}/reload.html`;
    const stored = (await storedAnnotations(harness.browser.worker)).filter((a) => a.pageKey === key);

    await page.reload();
    const second = await waitForPaint(harness.browser.worker, tabId);
    expect(second.annotations).toBe(first.annotations);
    expect(second.painted).toBe(first.painted);
    const after = await painted(page);
    for (const name of Object.keys(before)) expect(after[name]?.sort()).toEqual(before[name]?.sort());
    const again = (await storedAnnotations(harness.browser.worker)).filter((a) => a.pageKey === key);
    expect(again.map((a) => a.id).sort()).toEqual(stored.map((a) => a.id).sort());
    expect(again.every((a) => a.anchor?.state === "exact")).toBe(true);
    await page.close();
  });

  it("re-finds a quote whose wording changed, flags it, and shows old beside new in the popup", async () => {
    const { page, tabId } = await openArticle(harness, "/edited.html", ARTICLE_HTML);
    const key = `${harness.server.origin}/edited.html`;
    const count = (await storedAnnotations(harness.browser.worker)).filter((a) => a.pageKey === key).length;

    const edited = ARTICLE_HTML.replace("a very serious problem", "a very grave problem");
    expect(edited).not.toBe(ARTICLE_HTML);
    harness.server.override("/edited.html", edited);
    await page.reload();
    const stats = await waitForPaint(harness.browser.worker, tabId);
    expect(stats.fuzzy).toBe(1);
    expect(stats.orphans).toBe(0);
    const quotes = (await painted(page))["claimmark-quote"] ?? [];
    expect(quotes.some((text) => text.includes("This is undoubtedly a very grave problem,"))).toBe(true);
    expect(quotes).toHaveLength(2);

    // The new wording is the old annotation, changed: not a second annotation.
    const annotations = (await storedAnnotations(harness.browser.worker)).filter((a) => a.pageKey === key);
    expect(annotations).toHaveLength(count);
    expect((await waitForStoredPage(harness.browser.worker, key)).changedAt).toEqual(expect.any(Number));

    const popup = await harness.browser.openPopup(page);
    await expect.poll(() => popup.getByTestId("article-changed").count()).toBe(1);
    expect(await popup.getByTestId("changed-item").count()).toBe(1);
    expect(await popup.getByTestId("changed-old").textContent()).toContain("a very serious problem");
    expect(await popup.getByTestId("changed-new").textContent()).toContain("a very grave problem");
    await popup.close();
    await page.close();
  });

  it("keeps the annotations of a removed paragraph as orphans, listed in the popup", async () => {
    const { page, tabId } = await openArticle(harness, "/shortened.html", ARTICLE_HTML);
    const removed = /<p>He further mentioned that[^\n]*<\/p>\n/u;
    expect(removed.test(ARTICLE_HTML)).toBe(true);
    harness.server.override("/shortened.html", ARTICLE_HTML.replace(removed, ""));
    await page.reload();
    const stats = await waitForPaint(harness.browser.worker, tabId);
    expect(stats.orphans).toBe(1);

    const popup = await harness.browser.openPopup(page);
    await expect.poll(() => popup.getByTestId("orphan-item").count()).toBe(1);
    expect(await popup.getByTestId("orphan-item").textContent()).toContain(
      "the main threat to stability stems from numerous extremist groups",
    );
    await popup.close();
    await page.close();
  });

  it("uses the dark-page colours on a dark page", async () => {
    const dark = ARTICLE_HTML.replace(
      "</head>",
      "<style>html, body { background: #121212; color: #e8e8e8; }</style></head>",
    );
    const { page } = await openArticle(harness, "/dark.html", dark);
    const names = Object.keys(await painted(page));
    expect(names).toEqual(expect.arrayContaining(["claimmark-quote-dark", "claimmark-figure-dark"]));
    expect(names.some((name) => !name.endsWith("-dark"))).toBe(false);
    await page.close();
  });

  it("stays invisible to a page whose Content Security Policy forbids inline handlers", async () => {
    const strict = ARTICLE_HTML.replace(
      "<head>",
      `<head><meta http-equiv="Content-Security-Policy" content="script-src 'none'">`,
    )
      // Readability turns <font> into <span>, copying its attributes as it goes.
      .replace("It is worth noting", '<font onclick="void 0">It is worth noting</font>');
    const page = await harness.browser.context.newPage();
    // The page's own handlers are refused while it is parsed; count only what happens after that.
    await page.addInitScript(() => {
      const win = window as unknown as { violations: number; parsed: boolean };
      win.violations = 0;
      document.addEventListener("DOMContentLoaded", () => {
        win.parsed = true;
      });
      document.addEventListener("securitypolicyviolation", () => {
        if (win.parsed) win.violations++;
      });
    });
    harness.server.override("/strict.html", strict);
    await page.goto(`${harness.server.origin}/strict.html`);
    const stats = await waitForPaint(harness.browser.worker, await harness.browser.tabIdOf(page));
    expect(strict).toContain('<font onclick="void 0">It is worth noting');
    expect(stats.annotations).toBe(14);
    expect(await page.evaluate(() => (window as unknown as { violations: number }).violations)).toBe(0);
    await page.close();
  });
});
