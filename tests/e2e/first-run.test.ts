import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { storedSettings } from "../../scripts/browser/extension-db";
import { waitForPaint, waitForPass } from "../../scripts/browser/page-state";
import {
  ARTICLE_HTML,
  openArticle,
  pageNotice,
  painted,
  pointInClosedShadow,
  selectByDrag,
  useHarness,
} from "./harness";

// This file keeps the welcome page Claimmark opens on install (the harness closes it elsewhere).
const harness = useHarness([], { keepWelcome: true });

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const MILITANTS = "about 6,500 militants";
const DATES = ["November 28", "2023", "January 2015", "late 2019"];

/** axe-core's violations on a page, as "rule (count)". */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(AXE, "utf8"));
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
    };
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

describe("first run", () => {
  it("opens the welcome page on install: the shortcuts as set, the legend painted as pages are, no axe violation", async () => {
    const welcome = harness.browser.welcome;
    if (!welcome) throw new Error("no welcome page opened on install");
    await expect.poll(() => welcome.getByTestId("welcome").count()).toBe(1);
    await expect.poll(() => welcome.getByTestId("shortcut-mark-claim").textContent()).toContain("Alt+Shift+M");
    expect(await welcome.getByTestId("shortcut-highlight-selection").textContent()).toContain("Alt+Shift+H");
    // The samples are painted under the page's own highlight names, dates among them.
    const names = await welcome.evaluate(() => [...CSS.highlights.keys()]);
    expect(names).toEqual(
      expect.arrayContaining([
        "claimmark-quote",
        "claimmark-claim",
        "claimmark-figure",
        "claimmark-date",
        "claimmark-highlight",
        "claimmark-disputed",
      ]),
    );
    expect(await axeViolations(welcome)).toEqual([]);
    await welcome.screenshot({ path: ".output/welcome.png", fullPage: true });
  });

  it("opens it again from the popup's legend, which shows on demand", async () => {
    const { page } = await openArticle(harness, "/legend.html", ARTICLE_HTML);
    const popup = await harness.browser.openPopup(page);
    expect(await popup.getByTestId("legend").count()).toBe(0);
    await popup.getByTestId("open-legend").click();
    await expect.poll(() => popup.getByTestId("legend-date").count()).toBe(1);
    expect(await axeViolations(popup)).toEqual([]);
    const opened = harness.browser.context.waitForEvent("page");
    await popup.getByTestId("open-welcome").click();
    const welcome = await opened;
    await welcome.waitForURL(/\/welcome\.html$/);
    expect(new URL(welcome.url()).host).toBe(harness.browser.extensionId);
    await welcome.close();
    await popup.close();
    await page.close();
  });

  it("cannot be loaded by a web page, which so cannot tell from it that Claimmark is installed", async () => {
    const { page } = await openArticle(harness, "/probe.html", ARTICLE_HTML);
    const url = `chrome-extension://${harness.browser.extensionId}/welcome.html`;
    const outcome = await page.evaluate(async (address) => {
      try {
        await fetch(address);
        return "loaded";
      } catch {
        return "refused";
      }
    }, url);
    expect(outcome).toBe("refused");
    await page.close();
  });
});

describe("dates, a kind of their own", () => {
  it("lists dates in the popup without painting them, and paints them once the reader turns them on", async () => {
    const { page, tabId } = await openArticle(harness, "/dates.html", ARTICLE_HTML);
    expect(await painted(page, "claimmark-date")).toEqual([]);
    const figures = await painted(page, "claimmark-figure");
    expect(figures).toContain(MILITANTS);
    for (const date of DATES) expect(figures).not.toContain(date);

    // Listed in the popup, and filtered apart from the figures (with the reader's own key presses:
    // the popup ignores the untrusted events Playwright's selectOption makes).
    const popup = await harness.browser.openPopup(page);
    // Tall enough for every row of the page to be rendered (the list is windowed).
    await popup.setViewportSize({ width: 400, height: 2400 });
    await expect.poll(() => popup.getByTestId("row").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const dateRows = popup.getByTestId("row-kind").filter({ hasText: /^Date$/ });
    await expect.poll(() => dateRows.count()).toBe(DATES.length);
    // The kind filter may be folded under a "Filters" button.
    const fold = popup.getByTestId("filters-toggle");
    if ((await fold.count()) > 0 && (await fold.getAttribute("aria-expanded")) !== "true") await fold.click();
    const kind = popup.getByTestId("filter-kind");
    for (let i = 0; i < 8 && (await kind.inputValue()) !== "date"; i++) await kind.press("ArrowDown");
    expect(await kind.inputValue()).toBe("date");
    await expect.poll(() => popup.getByTestId("row").count()).toBe(DATES.length);
    expect((await popup.getByTestId("row-text").allTextContents()).map((text) => text.trim()).sort()).toEqual(
      [...DATES].sort(),
    );
    expect(new Set(await popup.getByTestId("row-kind").allTextContents())).toEqual(new Set(["Date"]));
    await popup.close();

    const settings = await harness.browser.context.newPage();
    await settings.goto(`chrome-extension://${harness.browser.extensionId}/options.html#settings`);
    expect(await settings.getByTestId("setting-kind-date").isChecked()).toBe(false);
    await settings.getByTestId("setting-kind-date").click();
    await expect.poll(async () => (await storedSettings(harness.browser.worker))?.highlightKinds.date).toBe(true);
    await page.reload();
    await waitForPaint(harness.browser.worker, tabId);
    expect((await painted(page, "claimmark-date")).sort()).toEqual([...DATES].sort());
    expect((await painted(page, "claimmark-figure")).sort()).toEqual(figures.sort());

    // Off again: the rest of this file sees the default.
    await settings.getByTestId("setting-kind-date").click();
    await expect.poll(async () => (await storedSettings(harness.browser.worker))?.highlightKinds.date).toBe(false);
    await settings.close();
    await page.close();
  });
});

describe("a page with no article", () => {
  it("offers no selection bar where it could only refuse, and says why when asked from the menu or keyboard", async () => {
    // On an article, the same reader's drag brings the bar.
    const { page } = await openArticle(harness, "/bar.html", ARTICLE_HTML);
    await selectByDrag(page, MILITANTS);
    await expect.poll(() => pointInClosedShadow(page, "claimmark-toolbar", "selection-claim")).not.toBeNull();
    await page.close();

    const links = await harness.browser.context.newPage();
    await links.goto(`${harness.server.origin}/no-article.html`);
    const tabId = await harness.browser.tabIdOf(links);
    expect(await waitForPass(harness.browser.worker, tabId)).toMatchObject({ status: "recorded", hasArticle: false });
    await selectByDrag(links, "Links");
    // The bar shows 200 ms after the reader lets go; wait well past that.
    await links.waitForTimeout(800);
    expect(await links.evaluate(() => document.querySelector("claimmark-toolbar"))).toBeNull();
    // What "Mark as claim" in the context menu and Alt+Shift+M make the background send.
    await harness.browser.worker.evaluate(
      (id) => chrome.tabs.sendMessage(id, { type: "selection/annotate", kind: "claim" }),
      tabId,
    );
    await expect.poll(() => pageNotice(links)).toMatch(/no article on this page/);
    await links.close();
  });
});
