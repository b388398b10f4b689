import { describe, expect, it } from "vitest";
import { storedAnnotations, waitForStoredPage } from "../../scripts/browser/extension-db";
import { pageState } from "../../scripts/browser/page-state";
import { ARTICLE, cardIn, openArticle, painted, useHarness } from "./harness";

const harness = useHarness();

describe("pages that change after loading", () => {
  it("reads an article that arrives after the page has loaded", async () => {
    const page = await harness.browser.context.newPage();
    await page.goto(`${harness.server.origin}/late.html`);
    const tabId = await harness.browser.tabIdOf(page);
    // The first pass finds only "Loading…"; the article arrives 1.5 s later.
    await expect
      .poll(
        async () => {
          const state = await pageState(harness.browser.worker, tabId);
          return state?.status === "recorded" && state.paint ? state.paint.annotations : 0;
        },
        { timeout: 15_000 },
      )
      .toBe(14);
    const quotes = await painted(page, "claimmark-quote");
    expect(quotes).toHaveLength(2);
    const stored = await waitForStoredPage(harness.browser.worker, `${harness.server.origin}/late.html`);
    expect(stored).toMatchObject({ hasArticle: true, title: expect.stringContaining("CSTO Secretary General") });
    await page.close();
  });

  it("follows a single-page app to its next story and leaves nothing of the old one", async () => {
    const { page } = await openArticle(harness, "/spa.html");
    expect((await painted(page, "claimmark-quote")).some((text) => text.includes("about 1,200 passengers a day"))).toBe(
      true,
    );

    await page.click("#next");
    await waitForStoredPage(harness.browser.worker, `${harness.server.origin}/spa/bridge`);
    await expect
      .poll(async () => (await painted(page, "claimmark-quote")).join(" | "), { timeout: 15_000 })
      .toContain("We cannot let trucks cross it any longer");
    const figures = await painted(page, "claimmark-figure");
    // "1852" is a date: listed, not painted unless the reader turns dates on.
    expect(figures).toEqual(expect.arrayContaining(["about €2.1 million"]));
    expect(figures.some((text) => text.includes("1,200"))).toBe(false);
    // The first story's record is untouched: the second was not taken for an edit of it.
    const first = await waitForStoredPage(harness.browser.worker, `${harness.server.origin}/spa.html`);
    expect(first.changedAt ?? null).toBeNull();
    const firstAnnotations = (await storedAnnotations(harness.browser.worker)).filter((a) => a.pageKey === first.key);
    expect(firstAnnotations.some((a) => a.anchor?.state === "orphan")).toBe(false);
    await page.close();
  });
});

describe("the card from the keyboard", () => {
  it("walks the highlights with Alt+Shift+Arrow, focuses the card, and closes it with Escape", async () => {
    const { page } = await openArticle(harness, `${ARTICLE}?keyboard`);
    await page.locator("body").click({ position: { x: 5, y: 5 } });

    await page.keyboard.press("Alt+Shift+ArrowDown");
    const card = cardIn(page);
    await expect.poll(() => card.count()).toBe(1);
    // The first highlight in reading order is the first claim, Tasmagambetov's.
    expect(await card.getByTestId("card-kind").textContent()).toMatch(/claim/i);
    expect(await card.getByTestId("card-speaker").textContent()).toContain("Tasmagambetov");
    // Focus is in the card's frame, on its close button.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-claimmark"))).toBe("card");
    await expect
      .poll(() => card.getByTestId("card-close").evaluate((button) => button === document.activeElement))
      .toBe(true);

    // The next painted one: the claim after it, not the date between them ("November 28"), which is not painted.
    await page.keyboard.press("Alt+Shift+ArrowDown");
    await expect.poll(() => card.getByTestId("card-exact").textContent()).toMatch(/the Afghan issue remains/);

    await page.keyboard.press("Escape");
    await expect.poll(() => card.count()).toBe(0);
    await page.close();
  });
});
