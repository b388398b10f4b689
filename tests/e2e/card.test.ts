import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { storedAnnotations } from "../../scripts/browser/extension-db";
import {
  ARTICLE,
  ARTICLE_HTML,
  cardIn,
  frameShown,
  openArticle,
  openCardOf,
  painted,
  previewIn,
  useHarness,
  whenArmed,
} from "./harness";

/**
 * The card stays out of the reader's way: it opens on a click or a key (a rest of the pointer
 * shows only a small preview), never covers the highlight it belongs to, follows it when the page
 * scrolls, and Escape puts the keyboard back on the highlight. Placement is measured from the
 * boxes the browser lays out: the frame's against every line box of its highlight.
 */

const harness = useHarness();
const MILITANTS = "about 6,500 militants";
const FRAME = 'iframe[data-claimmark="card"]';
/** The article with a screen's height of room above and below it, so any highlight can be scrolled to any height. */
const ROOMY = ARTICLE_HTML.replace("</style>", "body { padding: 100vh 0; }</style>");

interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * Scrolls the page so that the highlight's first line is `y` px from the viewport's top, and
 * returns the centre of that line (where a reader would point).
 */
function scrollHighlightTo(page: Page, text: string, kind: string, y: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([wanted, name, at]) => {
      const range = [...(CSS.highlights.get(`claimmark-${name}`) ?? [])].find(
        (r) => (r as Range).toString() === wanted,
      ) as Range | undefined;
      if (!range) throw new Error(`no ${name} highlight ${wanted}`);
      window.scrollBy({ top: (range.getClientRects()[0] as DOMRect).top - at, behavior: "instant" });
      const first = range.getClientRects()[0] as DOMRect;
      return { x: first.left + first.width / 2, y: first.top + first.height / 2 };
    },
    [text, kind, y] as const,
  );
}

/** The card frame's box and its highlight's line boxes, measured in the page, with the viewport's size. */
function measure(
  page: Page,
  text: string,
  kind: string,
): Promise<{ frame: Rect | null; lines: Rect[]; viewport: { width: number; height: number } }> {
  return page.evaluate(
    ([wanted, name, selector]) => {
      const range = [...(CSS.highlights.get(`claimmark-${name}`) ?? [])].find(
        (r) => (r as Range).toString() === wanted,
      ) as Range | undefined;
      const frame = document.querySelector(selector) as HTMLElement | null;
      const box = (r: DOMRect) => ({ top: r.top, bottom: r.bottom, left: r.left, right: r.right });
      const shown = frame && getComputedStyle(frame).display !== "none";
      return {
        frame: shown ? box(frame.getBoundingClientRect()) : null,
        lines: [...(range?.getClientRects() ?? [])].filter((r) => r.width > 0 && r.height > 0).map(box),
        viewport: { width: document.documentElement.clientWidth, height: window.innerHeight },
      };
    },
    [text, kind, FRAME] as const,
  );
}

/** Checks that the frame is on screen, inside the viewport, and intersects none of its highlight's line boxes. */
async function expectBeside(page: Page, text: string, kind: string): Promise<{ frame: Rect; lines: Rect[] }> {
  // One animation frame: the content script places the frame on the next one after a scroll.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const { frame, lines, viewport } = await measure(page, text, kind);
  expect(frame).not.toBeNull();
  expect(lines.length).toBeGreaterThan(0);
  const f = frame as Rect;
  expect(f.top).toBeGreaterThanOrEqual(0);
  expect(f.left).toBeGreaterThanOrEqual(0);
  expect(f.bottom).toBeLessThanOrEqual(viewport.height);
  expect(f.right).toBeLessThanOrEqual(viewport.width);
  for (const line of lines) {
    const intersects = f.left < line.right && line.left < f.right && f.top < line.bottom && line.top < f.bottom;
    expect(intersects, `frame ${JSON.stringify(f)} over line ${JSON.stringify(line)}`).toBe(false);
  }
  return { frame: f, lines };
}

/** Saves a picture of the card's frame with the text around it (for the README). */
async function screenshotAround(page: Page, path: string) {
  const box = (await page.locator(FRAME).boundingBox()) as { x: number; y: number; width: number; height: number };
  const viewport = page.viewportSize() ?? { width: 1200, height: 900 };
  const top = Math.max(0, box.y - 140);
  const bottom = Math.min(viewport.height, box.y + box.height + 140);
  await page.screenshot({ path, clip: { x: 0, y: top, width: viewport.width, height: bottom - top } });
}

/** Clicks a highlight's line and waits for its full card. */
async function clickOpen(page: Page, point: { x: number; y: number }) {
  await page.mouse.click(point.x, point.y);
  await expect.poll(() => cardIn(page).count()).toBe(1);
}

/** Closes whatever the frame shows, with Escape in the page. */
async function closeCard(page: Page) {
  await page.keyboard.press("Escape");
  await expect.poll(() => frameShown(page)).toBe(false);
}

describe("the card's place", () => {
  it("never covers its highlight, near the top, the middle and the bottom of the viewport, nor a quote's lines; and follows it when the page scrolls", async () => {
    const { page } = await openArticle(harness, "/card-placement.html", ROOMY);
    const height = await page.evaluate(() => window.innerHeight);
    for (const y of [4, Math.round(height / 2), height - 30]) {
      const point = await scrollHighlightTo(page, MILITANTS, "figure", y);
      await clickOpen(page, point);
      const { frame, lines } = await expectBeside(page, MILITANTS, "figure");
      // Below the highlight near the top, above it near the bottom.
      if (y < 100) expect(frame.top).toBeGreaterThanOrEqual(Math.max(...lines.map((l) => l.bottom)));
      if (y > height - 100) expect(frame.bottom).toBeLessThanOrEqual(Math.min(...lines.map((l) => l.top)));
      await closeCard(page);
    }

    // The longest quote wraps over several lines: the card covers none of them.
    const quotes = await painted(page, "claimmark-quote");
    const quote = [...quotes].sort((a, b) => b.length - a.length)[0] as string;
    const point = await scrollHighlightTo(page, quote, "quote", Math.round(height / 3));
    expect((await measure(page, quote, "quote")).lines.length).toBeGreaterThan(1);
    await clickOpen(page, point);
    await expectBeside(page, quote, "quote");

    // The reader scrolls with the card open: it moves with its highlight, still clear of it.
    const before = (await measure(page, quote, "quote")).frame as Rect;
    await page.mouse.move(5, Math.round(height / 2));
    await page.mouse.wheel(0, 120);
    await expect.poll(async () => (await measure(page, quote, "quote")).frame?.top).not.toBe(before.top);
    await expectBeside(page, quote, "quote");
    await page.close();
  });

  it("stays inside the viewport and off its highlight by the right edge of the page", async () => {
    // The figure floated to the right edge of a column as wide as the page.
    const rightAligned = ROOMY.replace(
      "</style>",
      ".layout { max-width: none; margin: 24px 0; padding: 0 2px 0 0; } aside { display: none; }</style>",
    ).replace(MILITANTS, `<span style="float: right">${MILITANTS}</span>`);
    const { page } = await openArticle(harness, "/card-right-edge.html", rightAligned);
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    for (const y of [4, 300, (await page.evaluate(() => window.innerHeight)) - 30]) {
      const point = await scrollHighlightTo(page, MILITANTS, "figure", y);
      const { lines } = await measure(page, MILITANTS, "figure");
      // The setup: the figure ends within a few pixels of the page's right edge.
      expect(Math.max(...lines.map((l) => l.right))).toBeGreaterThan(width - 40);
      await clickOpen(page, point);
      await expectBeside(page, MILITANTS, "figure");
      await closeCard(page);
    }
    await page.close();
  });
});

describe("the preview", () => {
  it("shows on a rest of the pointer with the speaker, stays while the pointer is on it, closes when it leaves, and opens the card on a click", async () => {
    const { page } = await openArticle(harness, `${ARTICLE}?preview`);
    const height = await page.evaluate(() => window.innerHeight);
    const point = await scrollHighlightTo(page, MILITANTS, "figure", Math.round(height / 2));
    await page.mouse.move(5, 5);
    await page.mouse.move(point.x, point.y, { steps: 3 });
    // Not at once: a pointer passing over a highlight opens nothing.
    await page.waitForTimeout(300);
    expect(await frameShown(page)).toBe(false);
    const preview = previewIn(page);
    await expect.poll(() => preview.count()).toBe(1);
    expect(await preview.getByTestId("card-preview-kind").textContent()).toBe("Figure");
    expect(await preview.getByTestId("card-preview-main").textContent()).toContain("Sidorov");
    expect(await preview.getByTestId("card-preview-status").textContent()).toBe("Unverified");
    expect(await cardIn(page).count()).toBe(0);
    await expectBeside(page, MILITANTS, "figure");
    await screenshotAround(page, ".output/card-preview.png");

    // The pointer leaves the highlight for the page: the preview closes.
    await page.mouse.move(5, 5, { steps: 3 });
    await expect.poll(() => frameShown(page)).toBe(false);

    // It rests again, then goes onto the preview, which stays while the pointer is on it...
    await page.mouse.move(point.x, point.y, { steps: 3 });
    await expect.poll(() => preview.count()).toBe(1);
    const box = (await page.locator(FRAME).boundingBox()) as { x: number; y: number; width: number; height: number };
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await page.waitForTimeout(800);
    expect(await preview.count()).toBe(1);
    // ...and a click on it opens the full card, by the highlight still.
    await whenArmed(preview);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => cardIn(page).count()).toBe(1);
    expect(await cardIn(page).getByTestId("card-speaker").textContent()).toContain("Sidorov");
    await expectBeside(page, MILITANTS, "figure");
    await whenArmed(cardIn(page));
    await screenshotAround(page, ".output/card.png");
    // A card opened on purpose stays when the pointer leaves it.
    await page.mouse.move(5, 5, { steps: 3 });
    await page.waitForTimeout(800);
    expect(await cardIn(page).count()).toBe(1);
    await closeCard(page);

    // From the preview, leaving the window: it closes.
    await page.mouse.move(point.x, point.y, { steps: 3 });
    await expect.poll(() => preview.count()).toBe(1);
    const again = (await page.locator(FRAME).boundingBox()) as typeof box;
    await page.mouse.move(again.x + again.width / 2, again.y + again.height / 2, { steps: 4 });
    await page.waitForTimeout(400);
    expect(await preview.count()).toBe(1);
    await page.mouse.move(again.x + again.width / 2, again.y + again.height / 2 + 400, { steps: 4 });
    await expect.poll(() => frameShown(page)).toBe(false);

    // A click on the highlight while its preview shows opens the card.
    await page.mouse.move(point.x, point.y, { steps: 3 });
    await expect.poll(() => preview.count()).toBe(1);
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => cardIn(page).count()).toBe(1);
    await page.close();
  });

  it("names a quote's speaker", async () => {
    const { page } = await openArticle(harness, `${ARTICLE}?preview-quote`);
    const key = `${harness.server.origin}${ARTICLE}?preview-quote`;
    const quote = (await storedAnnotations(harness.browser.worker)).find(
      (a) => a.pageKey === key && a.kind === "quote" && a.speaker,
    );
    if (!quote?.speaker) throw new Error("no attributed quote");
    const point = await scrollHighlightTo(page, quote.exact, "quote", 300);
    await page.mouse.move(5, 5);
    await page.mouse.move(point.x, point.y, { steps: 3 });
    await expect.poll(() => previewIn(page).getByTestId("card-preview-main").textContent()).toBe(quote.speaker);
    expect(await previewIn(page).getByTestId("card-preview-kind").textContent()).toBe("Quote");
    await expectBeside(page, quote.exact, "quote");
    await page.close();
  });
});

describe("Escape", () => {
  it("puts the keyboard back on the highlight: its text selected, the page focused, Enter opens its card again", async () => {
    const { page } = await openArticle(harness, `${ARTICLE}?escape`);
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("Alt+Shift+ArrowDown");
    const card = cardIn(page);
    await expect.poll(() => card.count()).toBe(1);
    const speaker = await card.getByTestId("card-speaker").textContent();
    const exact = (await card.getByTestId("card-exact").textContent()) as string;
    await expect
      .poll(() => card.getByTestId("card-close").evaluate((button) => button === document.activeElement))
      .toBe(true);

    await page.keyboard.press("Escape");
    await expect.poll(() => frameShown(page)).toBe(false);
    const where = () =>
      page.evaluate(() => ({
        selected: document.getSelection()?.toString() ?? "",
        focused: document.hasFocus(),
        active: document.activeElement?.localName,
      }));
    await expect.poll(where).toEqual({ selected: exact, focused: true, active: "body" });

    // Enter on it opens its card again, with the keyboard in it.
    await page.keyboard.press("Enter");
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getByTestId("card-speaker").textContent()).toBe(speaker);
    await whenArmed(card);
    await expect
      .poll(() => card.getByTestId("card-close").evaluate((button) => button === document.activeElement))
      .toBe(true);

    // A card opened by a click, the keyboard then in it: Escape comes back to that highlight too.
    await page.keyboard.press("Escape");
    const opened = await openCardOf(page, MILITANTS, "figure");
    await opened.getByTestId("card-status").focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => frameShown(page)).toBe(false);
    await expect.poll(where).toEqual({ selected: MILITANTS, focused: true, active: "body" });
    // And the walk goes on from there: the next highlight after the figure.
    await page.keyboard.press("Alt+Shift+ArrowDown");
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getByTestId("card-exact").textContent()).not.toBe(MILITANTS);
    await page.close();
  });
});
