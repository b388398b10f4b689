import { describe, expect, it } from "vitest";
import { storedAnnotations, storedSettings } from "../../scripts/browser/extension-db";
import { waitForPaint } from "../../scripts/browser/page-state";
import { ARTICLE_HTML, cardIn, openArticle, openCardOf, painted, useHarness } from "./harness";

const harness = useHarness();

/** A figure outside any quote or claim: painted on its own. */
const FIGHTERS = "hundreds of its fighters";

describe("dismissing and deleting", () => {
  it("dismisses a wrong detection, with undo, and it stays dismissed after a reload", async () => {
    const { page, tabId, key } = await openArticle(harness, "/dismiss.html", ARTICLE_HTML);
    let card = await openCardOf(page, FIGHTERS, "figure");
    await card.getByTestId("card-dismiss").click();
    await expect.poll(async () => (await painted(page, "claimmark-figure")).includes(FIGHTERS)).toBe(false);
    await card.getByTestId("undo").click();
    await expect.poll(async () => (await painted(page, "claimmark-figure")).includes(FIGHTERS)).toBe(true);

    card = await openCardOf(page, FIGHTERS, "figure");
    await card.getByTestId("card-dismiss").click();
    const stored = async () =>
      (await storedAnnotations(harness.browser.worker)).find((a) => a.pageKey === key && a.exact === FIGHTERS);
    await expect.poll(async () => (await stored())?.dismissed).toBe(true);
    await page.reload();
    const stats = await waitForPaint(harness.browser.worker, tabId);
    expect(stats.annotations).toBe(13);
    expect(await painted(page, "claimmark-figure")).not.toContain(FIGHTERS);
    await page.close();
  });
});

describe("the popup and the page", () => {
  it("reveals a row's annotation in the page: it scrolls there, flashes and opens its card", async () => {
    const { page } = await openArticle(harness, "/reveal.html", ARTICLE_HTML);
    const popup = await harness.browser.openPopup(page);
    await popup.getByTestId("search").fill("Badakhshan");
    const reveal = popup.getByTestId("row-reveal").first();
    await expect.poll(() => reveal.count()).toBe(1);
    await reveal.click();
    await expect.poll(async () => (await painted(page, "claimmark-flash")).join()).toContain("Badakhshan");
    await expect.poll(() => cardIn(page).count()).toBe(1);
    await popup.close();
    await page.close();
  });

  it("marks a verdict in the page only once the reader turns that on, and repaints when the popup changes it", async () => {
    const { page, key } = await openArticle(harness, "/popup-edit.html", ARTICLE_HTML);
    const popup = await harness.browser.openPopup(page);
    await popup.getByTestId("search").fill("6,500");
    const stored = async () =>
      (await storedAnnotations(harness.browser.worker)).find(
        (a) => a.pageKey === key && a.exact === "about 6,500 militants",
      );
    const row = popup.locator(`[data-annotation-id="${(await stored())?.id}"]`);
    await row.getByTestId("row-expand").click();
    await row.getByTestId("edit-status").focus();
    await popup.keyboard.press("ArrowDown");
    await popup.keyboard.press("ArrowDown");
    await popup.keyboard.press("ArrowDown");
    await expect.poll(async () => (await stored())?.status).toBe("false");
    // By default the page never learns the verdict: no highlight carries it.
    await page.waitForTimeout(300);
    expect(
      await page.evaluate(() => [...CSS.highlights.keys()].filter((name) => /supported|disputed|false/.test(name))),
    ).toEqual([]);
    expect(await painted(page, "claimmark-figure")).toContain("about 6,500 militants");

    const settings = await harness.browser.context.newPage();
    await settings.goto(`chrome-extension://${harness.browser.extensionId}/options.html#settings`);
    await settings.getByTestId("setting-verdict-marks").click();
    await expect.poll(async () => (await storedSettings(harness.browser.worker))?.verdictMarksInPage).toBe(true);
    await row.getByTestId("edit-status").focus();
    await popup.keyboard.press("ArrowUp");
    await expect.poll(() => painted(page, "claimmark-disputed")).toEqual(["about 6,500 militants"]);
    await settings.getByTestId("setting-verdict-marks").click();
    await expect.poll(async () => (await storedSettings(harness.browser.worker))?.verdictMarksInPage).toBe(false);
    await settings.close();
    await popup.close();
    await page.close();
  });
});

describe("the same figure elsewhere", () => {
  it("lists another page's close figure with the same unit in the card, linked to that page", async () => {
    const other = ARTICLE_HTML.replace("about 6,500 militants", "about 6,000 militants");
    const first = await openArticle(harness, "/other-outlet.html", other);
    await first.page.close();
    const { page } = await openArticle(harness, "/same-figure.html", ARTICLE_HTML);
    const card = await openCardOf(page, "about 6,500 militants", "figure");
    const related = card.getByTestId("related-item");
    // Other tests' copies of the article count too; the other outlet's 6,000 must be among them.
    const outlet = related.filter({ hasText: "6,000" });
    await expect.poll(() => outlet.count()).toBe(1);
    expect(await outlet.locator(`a[href="${harness.server.origin}/other-outlet.html"]`).count()).toBe(1);
    await page.close();
  });
});

describe("two tabs editing one page", () => {
  it("keeps both tabs' changes to the same annotation", async () => {
    const a = await openArticle(harness, "/two-tabs.html", ARTICLE_HTML);
    const { page: b } = await openArticle(harness, "/two-tabs.html");

    await a.page.bringToFront();
    const cardA = await openCardOf(a.page, "about 6,500 militants", "figure");
    await b.bringToFront();
    const cardB = await openCardOf(b, "about 6,500 militants", "figure");

    await a.page.bringToFront();
    await cardA.getByTestId("card-status").focus();
    await a.page.keyboard.press("ArrowDown");
    await b.bringToFront();
    await cardB.getByTestId("card-add-note").click();
    await cardB.getByTestId("note-editor").fill("Written in the second tab.");
    await cardB.getByTestId("note-editor").blur();

    const stored = async () =>
      (await storedAnnotations(harness.browser.worker)).find(
        (x) => x.pageKey === a.key && x.exact === "about 6,500 militants",
      );
    await expect
      .poll(async () => [(await stored())?.status, (await stored())?.note])
      .toEqual(["supported", "Written in the second tab."]);
    await a.page.close();
    await b.close();
  });
});

describe("settings", () => {
  it("turns automatic detection off: pages are then read without detections", async () => {
    const settings = await harness.browser.context.newPage();
    await settings.goto(`chrome-extension://${harness.browser.extensionId}/options.html#settings`);
    await settings.getByTestId("setting-auto-detect").click();
    await expect.poll(async () => (await storedSettings(harness.browser.worker))?.autoDetect).toBe(false);
    const { page } = await openArticle(harness, "/detection-off.html", ARTICLE_HTML);
    expect(await painted(page, "claimmark-quote")).toEqual([]);
    expect(await painted(page, "claimmark-figure")).toEqual([]);
    await settings.getByTestId("setting-auto-detect").click();
    await settings.close();
    await page.close();
  });
});
