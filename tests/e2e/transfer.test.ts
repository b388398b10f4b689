import { describe, expect, it } from "vitest";
import { CSV_COLUMNS } from "../../lib/transfer/csv";
import { storedAnnotations } from "../../scripts/browser/extension-db";
import { launchWithExtension } from "../../scripts/browser/launch";
import { ARTICLE, download, openArticle, openCardOf, painted, useHarness } from "./harness";

const harness = useHarness();
const MILITANTS = "about 6,500 militants";
const SOURCE = "https://www.csto.org/en/news/border-programme";

describe("export and import", () => {
  it("exports the example article's annotations in every format from the popup, and a fresh profile imports the JSON-LD and paints it again", async () => {
    const { page } = await openArticle(harness, `${ARTICLE}?export`);
    const card = await openCardOf(page, MILITANTS, "figure");
    await card.getByTestId("card-status").focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await card.getByTestId("source-new").click();
    await card.getByTestId("source-url").fill(SOURCE);
    await card.getByTestId("source-title").fill("CSTO: border programme");
    await card.getByTestId("source-add").click();
    await expect.poll(() => card.getByTestId("source-item").count()).toBe(1);
    const statusOf = async (worker: typeof harness.browser.worker) =>
      (await storedAnnotations(worker)).find((a) => a.exact === MILITANTS && a.pageKey.endsWith("?export"))?.status;
    await expect.poll(() => statusOf(harness.browser.worker)).toBe("disputed");

    const popup = await harness.browser.openPopup(page);
    await popup.getByTestId("transfer-toggle").click();

    const w3c = await download(popup, "export-w3c");
    expect(w3c.name).toMatch(/^claimmark-page-\d{4}-\d{2}-\d{2}\.jsonld$/);
    const collection = JSON.parse(w3c.text);
    expect(collection.type).toBe("AnnotationCollection");
    expect(collection.first.items).toHaveLength(14);
    const militants = collection.first.items.find(
      (item: { target: { selector: { type: string; exact?: string }[] } }) =>
        item.target.selector.some((s) => s.exact === MILITANTS),
    );
    expect(militants.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ purpose: "assessing", value: "disputed" }),
        expect.objectContaining({ purpose: "linking", source: SOURCE }),
      ]),
    );

    const csv = await download(popup, "export-csv");
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.text.startsWith(`\uFEFF${CSV_COLUMNS.join(",")}\r\n`)).toBe(true);
    expect(csv.text).toContain(`"${MILITANTS}"`);
    expect(csv.text).toContain(`${SOURCE},CSTO: border programme`);

    const md = await download(popup, "export-md");
    expect(md.text).toContain(MILITANTS);
    expect(md.text).toContain(`  - [CSTO: border programme](${SOURCE})\n    - Address: <${SOURCE}>`);

    const review = await download(popup, "export-claimreview");
    const reviews = JSON.parse(review.text);
    expect(reviews).toEqual([
      expect.objectContaining({
        "@type": "ClaimReview",
        // The sentence the figure is in, as far as the stored context holds it.
        claimReviewed: expect.stringContaining(MILITANTS),
        reviewRating: expect.objectContaining({ alternateName: expect.stringMatching(/disputed/i) }),
      }),
    ]);
    // "Copy as Markdown" puts the same Markdown on the clipboard: paste it somewhere to see.
    await popup.getByTestId("copy-md").click();
    await expect.poll(() => popup.getByTestId("export-status").textContent()).toMatch(/^Copied 14 annotations/);
    const notes = await harness.browser.context.newPage();
    await notes.setContent("<textarea></textarea>");
    await notes.locator("textarea").focus();
    await notes.keyboard.press("Control+V");
    expect(await notes.locator("textarea").inputValue()).toBe(md.text);
    await notes.close();
    await popup.close();
    await page.close();

    // A fresh profile: nothing stored until the file is imported.
    const fresh = await launchWithExtension({ headless: true });
    try {
      const library = await fresh.context.newPage();
      await library.goto(`chrome-extension://${fresh.extensionId}/options.html`);
      await library.getByTestId("transfer-toggle").click();
      await library.getByTestId("import-file").setInputFiles({
        name: w3c.name,
        mimeType: "application/ld+json",
        buffer: Buffer.from(w3c.text),
      });
      await expect.poll(() => library.getByTestId("import-report").textContent()).toContain("14 annotations added");

      const { page: again, stats } = await openArticle({ browser: fresh, server: harness.server }, `${ARTICLE}?export`);
      expect(stats).toMatchObject({ annotations: 14, anchored: 14 });
      expect(await painted(again, "claimmark-figure")).toContain(MILITANTS);
      expect(await statusOf(fresh.worker)).toBe("disputed");
    } finally {
      await fresh.close();
    }
  });

  it("refuses a malformed file, says what is wrong, and changes nothing", async () => {
    const library = await harness.browser.context.newPage();
    await library.goto(`chrome-extension://${harness.browser.extensionId}/options.html`);
    await library.getByTestId("transfer-toggle").click();
    await library.getByTestId("import-file").setInputFiles({
      name: "broken.jsonld",
      mimeType: "application/ld+json",
      buffer: Buffer.from('{"type": "AnnotationCollection", "first": {"items": [{"type": "Annotation", "target": 5'),
    });
    await expect
      .poll(() => library.getByTestId("import-error").textContent())
      .toMatch(/broken\.jsonld: .*Nothing was imported/);
    await library.close();
  });
});
