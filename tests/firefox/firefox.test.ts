import type { Page } from "puppeteer-core";
import { describe, expect, it } from "vitest";
import { type ShownKind, shownKind } from "../../lib/shown-kind";
import { CSV_COLUMNS } from "../../lib/transfer/csv";
import { launchFirefoxWithExtension } from "../../scripts/browser/launch-firefox";
import { DOM_WATCH, readDomWatch } from "../../scripts/corpus/dom-watch";
import {
  ARTICLE,
  armedState,
  centreIn,
  clickIn,
  expectedAnnotations,
  type FirefoxHarness,
  frameShown,
  openArticle,
  openCardOf,
  painted,
  setCardOpacity,
  shareOfColour,
  textOf,
  useFirefox,
  waitForPaint,
  whenArmed,
} from "./harness";

const harness = useFirefox();
const MILITANTS = "about 6,500 militants";
/** A figure outside any quote or claim: its tint is the figure's alone. */
const FIGHTERS = "hundreds of its fighters";
const NOTE = "Other outlets give 6,000; check the CSTO release.";
/** The example article's annotations as Node's extraction and detection find them (14 when this was written). */
const EXPECTED = expectedAnnotations();
const STORED = EXPECTED.length;
/** The expected annotations painted as `kind` ("date" for detected dates and times, as the reader sees them). */
const shownAs = (kind: ShownKind) => EXPECTED.filter((a) => shownKind(a) === kind);
/** The figure highlight's background, rgba(0, 158, 115, 0.2), on the article's white page. */
const FIGURE_TINT: [number, number, number] = [204, 236, 227];

/** Whether the page paints `text` as a figure now. */
const paintedFigure = async (page: Page, text: string) => (await painted(page, "claimmark-figure")).includes(text);

/** The popup for the tab of `tabId`, in a tab of its own (a test cannot click the toolbar button), once it lists rows. */
async function openPopup(on: FirefoxHarness, tabId: number) {
  const popup = await on.firefox.openExtensionPage(`/popup.html?tab=${tabId}`);
  await expect.poll(async () => (await popup.$$('[data-testid="row"]')).length, { timeout: 10_000 }).toBeGreaterThan(0);
  return popup;
}

describe("Claimmark in Firefox ESR", () => {
  it("extracts the example article and paints its annotations with the Highlight API, leaving the page's DOM as it was", async () => {
    const page = await harness.firefox.browser.newPage();
    await page.evaluateOnNewDocument(DOM_WATCH);
    await page.goto(`${harness.server.origin}${ARTICLE}?paint`);
    const stats = await waitForPaint(harness, await harness.firefox.tabIdOf(page));
    expect(stats).toMatchObject({ annotations: STORED, anchored: STORED, orphans: 0, mode: "highlight-api" });

    expect(STORED).toBeGreaterThanOrEqual(10);
    expect(await painted(page, "claimmark-quote")).toHaveLength(shownAs("quote").length);
    expect(await painted(page, "claimmark-claim")).toHaveLength(shownAs("claim").length);
    expect((await painted(page, "claimmark-figure")).sort()).toEqual(
      shownAs("figure")
        .map((a) => a.exact)
        .sort(),
    );
    // Dates are stored but not painted unless the reader turns them on.
    expect(shownAs("date").length).toBeGreaterThan(0);
    expect(await painted(page, "claimmark-figure")).toEqual(expect.arrayContaining([MILITANTS, FIGHTERS]));
    expect(await painted(page, "claimmark-date")).toEqual([]);
    // What a reader sees: the figure's green tint behind its words, painted by Firefox itself.
    expect(await shareOfColour(harness, page, FIGHTERS, "figure", FIGURE_TINT)).toBeGreaterThan(0.3);

    const dom = await page.evaluate(readDomWatch);
    expect(dom.before).toBeDefined();
    expect(dom.now).toBe(dom.before);
    expect(dom.mutations).toBe(0);
    await page.close();
  });

  it("keeps a card's edits through a reload, inside the card's frame where the page cannot read them", async () => {
    const { page, tabId } = await openArticle(harness, `${ARTICLE}?card`);
    let card = await openCardOf(page, MILITANTS, "figure");
    expect(await textOf(card, "card-kind")).toMatch(/figure/i);
    expect(await textOf(card, "card-speaker")).toContain("Sidorov");
    // From the keyboard, as a reader would: the card acts only on trusted input.
    await card.focus('[data-testid="card-status"]');
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await card.click('[data-testid="card-add-note"]');
    await card.type('[data-testid="note-editor"]', NOTE);
    // Tab to "Done" and press it: leaving the editor saves the note, and the card shows it.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => card.$eval('[data-testid="card-status"]', (s) => (s as HTMLSelectElement).value))
      .toBe("disputed");
    await expect.poll(() => textOf(card, "card-note")).toContain(NOTE);
    const seenByPage = await page.evaluate(() => document.documentElement.outerHTML);
    expect(seenByPage).not.toContain("disputed");
    expect(seenByPage).not.toContain("Other outlets");

    await page.reload();
    expect(await waitForPaint(harness, tabId)).toMatchObject({ annotations: STORED, anchored: STORED });
    card = await openCardOf(page, MILITANTS, "figure");
    expect(await card.$eval('[data-testid="card-status"]', (s) => (s as HTMLSelectElement).value)).toBe("disputed");
    expect(await textOf(card, "card-note")).toContain(NOTE);
    await page.close();
  });

  it("acts on the reader's mouse clicks in the card: Not a figure hides the highlight, Undo brings it back, × closes", async () => {
    const { page, tabId } = await openArticle(harness, `${ARTICLE}?click`);
    let card = await openCardOf(page, FIGHTERS, "figure");
    await clickIn(page, card, "card-dismiss");
    await expect.poll(() => paintedFigure(page, FIGHTERS)).toBe(false);
    expect(await textOf(card, "toast")).toMatch(/dismissed/i);
    await clickIn(page, card, "undo");
    await expect.poll(() => paintedFigure(page, FIGHTERS)).toBe(true);
    await clickIn(page, card, "card-close");
    await expect.poll(() => frameShown(page)).toBe(false);

    // Dismissed for good: gone after a reload too.
    card = await openCardOf(page, FIGHTERS, "figure");
    await clickIn(page, card, "card-dismiss");
    await expect.poll(() => paintedFigure(page, FIGHTERS)).toBe(false);
    await page.reload();
    expect(await waitForPaint(harness, tabId)).toMatchObject({ annotations: STORED - 1 });
    expect(await paintedFigure(page, FIGHTERS)).toBe(false);
    await page.close();
  });

  it("has the card refuse a click while the page makes it transparent, without IntersectionObserver v2", async () => {
    const { page } = await openArticle(harness, `${ARTICLE}?clickjack`);
    // Firefox lacks it: the content script's watch alone must catch the page's tricks.
    expect(await page.evaluate(() => "isVisible" in IntersectionObserverEntry.prototype)).toBe(false);
    const card = await openCardOf(page, "up to 4,000", "figure");
    const target = await centreIn(page, card, "card-dismiss");
    const refusals = () =>
      card.$eval('[data-testid="card-refused"]', (n) => Number(n.getAttribute("data-count"))).catch(() => 0);

    // Made nearly transparent, over something the reader means to click.
    await page.evaluate(setCardOpacity, "0.02");
    await page.mouse.click(target.x, target.y);
    await expect.poll(refusals).toBe(1);
    expect(await armedState(card)).toBe("false");
    expect(await paintedFigure(page, "up to 4,000")).toBe(true);

    // Restored, the card takes a click again once it has been still a while.
    await page.evaluate(setCardOpacity, "1");
    await whenArmed(card);
    // The notice of the refusal sits above the buttons: click once it has gone, and the layout with it.
    await expect.poll(() => textOf(card, "card-refused"), { timeout: 6000 }).toBe("");
    await clickIn(page, card, "card-dismiss");
    await expect.poll(() => paintedFigure(page, "up to 4,000")).toBe(false);
    // Not refused: no notice came back.
    expect(await textOf(card, "card-refused")).toBe("");
    await page.close();
  });

  it("lists the page's annotations in the popup, with the card's edit", async () => {
    const { page, tabId } = await openArticle(harness, `${ARTICLE}?card`);
    const popup = await openPopup(harness, tabId);
    await expect.poll(() => textOf(popup, "page-title")).toMatch(/^CSTO Secretary General announces/);
    expect(await textOf(popup, "annotation-count")).toBe(`${STORED} annotations`);
    // Each row names its kind in words, not only by colour.
    const kinds = await popup.$$eval('[data-testid="row-kind"]', (labels) => labels.map((l) => l.textContent?.trim()));
    expect(kinds.length).toBeGreaterThanOrEqual(8);
    for (const kind of kinds) expect(["Quote", "Claim", "Figure", "Date"]).toContain(kind);
    await popup.type('[data-testid="search"]', "6,500");
    await expect
      .poll(() => popup.$$eval('[data-testid="row-text"]', (rows) => rows.map((row) => row.textContent)))
      .toContain(MILITANTS);
    const status = await popup.$$eval(
      '[data-testid="row"]',
      (rows, wanted) => {
        const row = rows.find((r) => r.querySelector('[data-testid="row-text"]')?.textContent === wanted);
        return row?.querySelector('[data-testid="row-status"]')?.textContent ?? "";
      },
      MILITANTS,
    );
    expect(status).toMatch(/disputed/i);
    await popup.close();
    await page.close();
  });

  it("exports from the popup, and a fresh Firefox imports the file and paints the article again", async () => {
    const { page, tabId } = await openArticle(harness, `${ARTICLE}?card`);
    const popup = await openPopup(harness, tabId);
    await popup.click('[data-testid="transfer-toggle"]');
    const w3c = await harness.firefox.download(() => popup.click('[data-testid="export-w3c"]'));
    expect(w3c.name).toMatch(/^claimmark-page-\d{4}-\d{2}-\d{2}\.jsonld$/);
    const items = JSON.parse(w3c.text).first.items as { body: { purpose: string; value?: string }[] }[];
    expect(items).toHaveLength(STORED);
    expect(items.flatMap((item) => item.body)).toContainEqual(
      expect.objectContaining({ purpose: "assessing", value: "disputed" }),
    );
    const csv = await harness.firefox.download(() => popup.click('[data-testid="export-csv"]'));
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.text.startsWith(`\uFEFF${CSV_COLUMNS.join(",")}\r\n`)).toBe(true);
    expect(csv.text).toContain(`"${MILITANTS}"`);
    await popup.close();
    await page.close();

    // A fresh profile: nothing stored until the file is imported from the library.
    const fresh = { firefox: await launchFirefoxWithExtension({ headless: true }), server: harness.server };
    try {
      const library = await fresh.firefox.openExtensionPage("/options.html");
      await library.click('[data-testid="transfer-toggle"]');
      const input = await library.waitForSelector('input[data-testid="import-file"]');
      await input?.uploadFile(w3c.path);
      await expect
        .poll(() => textOf(library, "import-report"), { timeout: 10_000 })
        .toContain(`${STORED} annotations added`);

      const again = await openArticle(fresh, `${ARTICLE}?card`);
      expect(again.stats).toMatchObject({ annotations: STORED, anchored: STORED });
      expect(await painted(again.page, "claimmark-figure")).toContain(MILITANTS);
      const card = await openCardOf(again.page, MILITANTS, "figure");
      expect(await card.$eval('[data-testid="card-status"]', (s) => (s as HTMLSelectElement).value)).toBe("disputed");
      expect(await textOf(card, "card-note")).toContain(NOTE);
    } finally {
      await fresh.firefox.close();
    }
  });
});
