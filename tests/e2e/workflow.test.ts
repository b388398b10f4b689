import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { storedAnnotations } from "../../scripts/browser/extension-db";
import { waitForPaint } from "../../scripts/browser/page-state";
import { ARTICLE, openArticle, openCardOf, useHarness } from "./harness";

const harness = useHarness();
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const MILITANTS = "about 6,500 militants";
const SOURCE = "https://www.csto.org/en/news/border-programme";

/** axe-core's violations on a page or frame (or inside the elements matching `include`). */
async function axeViolations(page: Page | Frame, include?: string): Promise<string[]> {
  // Evaluated through the DevTools protocol: extension pages' CSP refuses inline script tags.
  await page.evaluate(readFileSync(AXE, "utf8"));
  return page.evaluate(async (selector) => {
    const axe = (
      window as unknown as {
        axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
      }
    ).axe;
    const context = selector ? { include: [[selector]] } : document;
    const result = await axe.run(context, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  }, include ?? null);
}

describe("pinning a figure to its source", () => {
  it("tags “about 6,500 militants” with a source and a note, marks it disputed, and finds it intact after a reload in the card, the popup and the library", async () => {
    const { page, tabId, key } = await openArticle(harness, `${ARTICLE}?workflow`);
    let card = await openCardOf(page, MILITANTS, "figure");
    // From the keyboard: the card ignores untrusted events, and Playwright's selectOption makes those.
    await card.getByTestId("card-status").focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await card.getByTestId("card-add-tags").click();
    await card.getByTestId("tag-input").fill("border");
    await card.getByTestId("tag-input").press("Enter");
    await card.getByTestId("card-add-note").click();
    await card.getByTestId("note-editor").fill("Other outlets give 6,000; check the CSTO release.");
    await card.getByTestId("note-editor").blur();
    await card.getByTestId("source-new").click();
    await card.getByTestId("source-url").fill(SOURCE);
    await card.getByTestId("source-title").fill("CSTO: border programme");
    await card.getByTestId("source-note").fill("Gives the 6,500 estimate");
    await card.getByTestId("source-add").click();

    const stored = async () =>
      (await storedAnnotations(harness.browser.worker)).find((a) => a.pageKey === key && a.exact === MILITANTS);
    await expect.poll(async () => (await stored())?.status).toBe("disputed");
    await expect.poll(async () => (await stored())?.note).toBe("Other outlets give 6,000; check the CSTO release.");
    expect((await stored())?.tags).toEqual(["border"]);
    await expect.poll(() => card.getByTestId("source-item").count()).toBe(1);
    // The verdict, the tag, the note and the source stay in the card's frame: the page's own world
    // sees none of them, in its DOM, its frames or its highlights.
    const seenByPage = () =>
      page.evaluate(() =>
        [
          document.documentElement.outerHTML,
          [...CSS.highlights.keys()].join(" "),
          [...document.querySelectorAll("iframe")].map((f) => {
            try {
              return f.contentDocument?.documentElement.outerHTML ?? "";
            } catch {
              return "";
            }
          }),
        ].join("\n"),
      );
    for (const secret of ["disputed", "Other outlets give 6,000", "csto.org/en/news", "CSTO: border programme"])
      expect(await seenByPage()).not.toContain(secret);
    const frame = page.frames().find((f) => f.url().endsWith("/card.html"));
    expect(frame).toBeDefined();
    expect(await axeViolations(frame as Frame)).toEqual([]);

    await page.reload();
    await waitForPaint(harness.browser.worker, tabId);
    card = await openCardOf(page, MILITANTS, "figure");
    await expect.poll(() => card.getByTestId("source-item").count()).toBe(1);
    expect(await card.getByTestId("card-status").inputValue()).toBe("disputed");
    expect(await card.getByTestId("card-note").textContent()).toContain("Other outlets give 6,000");
    expect(await card.getByTestId("tag").textContent()).toContain("border");
    expect(await card.getByTestId("source-item").textContent()).toContain("CSTO: border programme");

    const popup = await harness.browser.openPopup(page);
    // The list shows only the rows in view: search for the figure, as a reader would.
    await popup.getByTestId("search").fill("6,500");
    const row = popup.locator(`[data-annotation-id="${(await stored())?.id}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId("row-status").textContent()).toMatch(/disputed/i);
    expect(await row.getByTestId("row-sources").textContent()).toContain("1");
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();

    const library = await harness.browser.context.newPage();
    await library.goto(`chrome-extension://${harness.browser.extensionId}/options.html`);
    await library.getByTestId("library-search").fill("6,500 militants");
    const libraryRow = library.locator(`[data-testid="library-row"][data-annotation-id="${(await stored())?.id}"]`);
    await expect.poll(() => libraryRow.count()).toBe(1);
    expect(await libraryRow.textContent()).toContain("CSTO: border programme");
    expect(await libraryRow.textContent()).toMatch(/disputed/i);
    expect(await libraryRow.locator(`a[href="${SOURCE}"]`).count()).toBe(1);
    expect(await axeViolations(library)).toEqual([]);
    await library.close();
    await page.close();
  });
});
