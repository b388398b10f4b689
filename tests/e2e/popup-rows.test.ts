import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { storedAnnotations } from "../../scripts/browser/extension-db";
import { ARTICLE_HTML, openArticle, useHarness } from "./harness";

const harness = useHarness();
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
/** Chrome's popups are 600 px tall at most; the list must show a page's rows at that size. */
const POPUP = { width: 400, height: 600 };
const KIND_NAMES = ["Quote", "Claim", "Figure", "Date", "Highlight", "Term"];

/** The popup for a tab at its largest default size, its rows shown. */
async function openPopupFor(page: Page): Promise<Page> {
  const tabId = await harness.browser.tabIdOf(page);
  const popup = await harness.browser.context.newPage();
  await popup.setViewportSize(POPUP);
  await popup.goto(`chrome-extension://${harness.browser.extensionId}/popup.html?tab=${tabId}`);
  await expect.poll(() => popup.getByTestId("row").count(), { timeout: 10_000 }).toBeGreaterThan(0);
  return popup;
}

/** The rows wholly on screen (inside the window and the list's scrolled box), each with its kind label. */
function rowsOnScreen(popup: Page): Promise<{ text: string; kind: string; label: string }[]> {
  return popup.evaluate(() => {
    const list = document.querySelector(".vlist")?.getBoundingClientRect();
    const bottom = Math.min(window.innerHeight, list?.bottom ?? 0);
    const top = Math.max(0, list?.top ?? 0);
    return [...document.querySelectorAll<HTMLElement>('[data-testid="row"]')]
      .filter((row) => {
        const box = row.getBoundingClientRect();
        return box.height > 0 && box.top >= top - 0.5 && box.bottom <= bottom + 0.5;
      })
      .map((row) => ({
        text: row.querySelector('[data-testid="row-text"]')?.textContent ?? "",
        kind: row.dataset.kind ?? "",
        label: row.querySelector('[data-testid="row-kind"]')?.textContent?.trim() ?? "",
      }));
  });
}

/** The texts of the rows the list holds now. */
function rowTexts(popup: Page): Promise<string[]> {
  return popup.getByTestId("row-text").allTextContents();
}

describe("the popup's list", () => {
  it("shows at least eight rows of the example article at 600 px, each labelled with its kind", async () => {
    const { page } = await openArticle(harness, "/popup-rows.html", ARTICLE_HTML);
    const popup = await openPopupFor(page);
    await popup.screenshot({ path: ".output/popup-rows.png" });
    const total = Number((await popup.getByTestId("shown-count").textContent())?.match(/\d+/)?.[0]);
    const shown = await rowsOnScreen(popup);
    expect(shown.length).toBeGreaterThanOrEqual(Math.min(8, total));
    for (const row of shown) {
      expect(row.text).not.toBe("");
      // Shown as a word, not only as a colour.
      expect(KIND_NAMES).toContain(row.label);
    }
    // Quotes and claims share a section, and each says which it is.
    const labels = new Set(shown.map((row) => row.label));
    expect(labels.has("Quote") || labels.has("Claim")).toBe(true);
    // Rows are as tall as their content: a one-line figure is shorter than a two-line claim.
    const heights = await popup.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-testid="row"]')].map((row) => row.offsetHeight),
    );
    expect(new Set(heights).size).toBeGreaterThan(1);

    await popup.evaluate(readFileSync(AXE, "utf8"));
    const violations = await popup.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
        }
      ).axe;
      const result = await axe.run(document, { resultTypes: ["violations"] });
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
    await popup.close();
    await page.close();
  });

  it("keeps every row reachable by Tab, scrolling the list as the focus moves down", async () => {
    const { page } = await openArticle(harness, "/popup-tab.html", ARTICLE_HTML);
    const popup = await openPopupFor(page);
    const total = Number((await popup.getByTestId("shown-count").textContent())?.match(/\d+/)?.[0]);
    await popup.getByTestId("row-reveal").first().focus();
    const seen = new Set<string>();
    for (let step = 0; step < total * 3 + 3; step++) {
      const id = await popup.evaluate(
        () => document.activeElement?.closest<HTMLElement>('[data-testid="row"]')?.dataset.annotationId,
      );
      if (id) seen.add(id);
      await popup.keyboard.press("Tab");
    }
    expect(seen.size).toBe(total);
    await popup.close();
    await page.close();
  });

  it("finds “about 6,500 militants” by 6500 and by its tag, the same search as the library's", async () => {
    const { page, key } = await openArticle(harness, "/popup-search.html", ARTICLE_HTML);
    const popup = await openPopupFor(page);
    const search = popup.getByTestId("search");
    for (const query of ["6500", "6 500", "6.5k"]) {
      await search.fill(query);
      await expect.poll(() => rowTexts(popup)).toContain("about 6,500 militants");
    }

    // Tag it in the popup's editor, then find it by the tag alone.
    await search.fill("6,500 militants");
    const row = popup
      .getByTestId("row")
      .filter({ has: popup.getByTestId("row-text").getByText("about 6,500 militants", { exact: true }) });
    await row.getByTestId("row-expand").click();
    await row.getByTestId("edit-add-tags").click();
    await row.getByTestId("tag-input").fill("csto-estimate");
    await row.getByTestId("tag-input").press("Enter");
    await expect
      .poll(async () =>
        (await storedAnnotations(harness.browser.worker)).find(
          (a) => a.pageKey === key && a.exact === "about 6,500 militants",
        ),
      )
      .toMatchObject({ tags: ["csto-estimate"] });
    await row.getByTestId("row-expand").click();
    await search.fill("csto-estimate");
    await expect.poll(() => rowTexts(popup)).toEqual(["about 6,500 militants"]);
    await popup.close();
    await page.close();
  });
});
