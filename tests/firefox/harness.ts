import { resolve } from "node:path";
import type { Frame, Page } from "puppeteer-core";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { detect } from "../../lib/detect/index";
import type { PaintStats } from "../../lib/messages";
import type { Annotation } from "../../lib/model";
import {
  type FirefoxWithExtension,
  launchFirefoxWithExtension,
  locationOf,
} from "../../scripts/browser/launch-firefox";
import { untilPainted } from "../../scripts/browser/page-state";
import { type StaticServer, serveDirectory } from "../../scripts/browser/serve";
import { exportSetOf } from "../../scripts/cli/export";
import { prepare } from "../../scripts/cli/input";
import { ARTICLE, ARTICLE_HTML, highlightCentre, highlightTexts } from "../e2e/harness";

export { ARTICLE, ARTICLE_HTML, setCardOpacity } from "../e2e/harness";

/** Firefox ESR headless with the built add-on and a server for the fixtures, for one test file. */
export interface FirefoxHarness {
  firefox: FirefoxWithExtension;
  server: StaticServer;
}

/**
 * The automatic annotations Claimmark stores for the example article, found in Node by the same
 * extraction and detection (what `claimmark detect --format w3c` writes): Firefox must store and
 * paint the same, whatever the detector finds this week.
 */
export function expectedAnnotations(): Annotation[] {
  const prepared = prepare("article.html", ARTICLE_HTML, { mode: "html", url: "https://example.org/", lang: null });
  if (!prepared.ok) throw new Error(`the example article has no article in Node: ${prepared.reason}`);
  const { url, report, input } = prepared;
  return exportSetOf([{ url, report, text: input.text, detections: detect(input) }]).annotations;
}

/**
 * Starts the harness before the file's tests and stops it after them. When Firefox cannot start
 * (it is not installed), every test fails with the reason and the fix: none is skipped.
 */
export function useFirefox(): FirefoxHarness {
  const harness = {} as FirefoxHarness;
  let failure: unknown = null;
  beforeAll(async () => {
    harness.server = await serveDirectory(resolve(import.meta.dirname, "../fixtures"));
    harness.firefox = await launchFirefoxWithExtension({ headless: true }).catch((error: unknown) => {
      failure = error;
      return undefined as unknown as FirefoxWithExtension;
    });
  });
  beforeEach(() => {
    if (failure) throw failure;
  });
  afterAll(async () => {
    await harness.firefox?.close();
    await harness.server?.close();
  });
  return harness;
}

/** A page open in a tab and painted: its tab and the pass's figures. */
export interface OpenedArticle {
  page: Page;
  tabId: number;
  stats: PaintStats;
}

/** Opens `path` (the example article unless told) in a new tab and waits for Claimmark to paint it. */
export async function openArticle(harness: FirefoxHarness, path = ARTICLE): Promise<OpenedArticle> {
  const page = await harness.firefox.browser.newPage();
  await page.goto(`${harness.server.origin}${path}`);
  const tabId = await harness.firefox.tabIdOf(page);
  return { page, tabId, stats: await waitForPaint(harness, tabId) };
}

/** Waits for the tab's content script to finish a pass and returns what it painted. */
export function waitForPaint(harness: FirefoxHarness, tabId: number): Promise<PaintStats> {
  return untilPainted(() => harness.firefox.pageState(tabId));
}

/** The text of every range in one of Claimmark's highlights ("claimmark-figure"), read from the page's own world. */
export function painted(page: Page, name: string): Promise<string[]> {
  return page.evaluate(highlightTexts, name);
}

/**
 * How much of the highlight's first line box, on screen, has the background `rgb` (within a few
 * units): a screenshot's pixels, decoded in an extension page, so the test sees what a reader sees.
 */
export async function shareOfColour(
  harness: FirefoxHarness,
  page: Page,
  text: string,
  kind: string,
  rgb: [number, number, number],
): Promise<number> {
  const box = await page.evaluate(
    ([wanted, name]) => {
      const range = [...(CSS.highlights.get(`claimmark-${name}`) ?? [])].find(
        (r) => (r as Range).toString() === wanted,
      ) as Range | undefined;
      range?.startContainer.parentElement?.scrollIntoView({ block: "center", behavior: "instant" });
      const rect = range?.getClientRects()[0];
      return rect ? { x: rect.left, y: rect.top, width: rect.width, height: rect.height } : null;
    },
    [text, kind] as [string, string],
  );
  if (!box) throw new Error(`no ${kind} highlight for ${text}`);
  const png = await page.screenshot({ encoding: "base64" });
  return harness.firefox.control.evaluate(
    async (data, area, [r, g, b]) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${data}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext("2d") as OffscreenCanvasRenderingContext2D;
      context.drawImage(bitmap, 0, 0);
      const pixels = context.getImageData(
        Math.round(area.x),
        Math.round(area.y),
        Math.max(1, Math.round(area.width)),
        Math.max(1, Math.round(area.height)),
      ).data;
      let matching = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        const near =
          Math.abs((pixels[i] ?? 0) - r) + Math.abs((pixels[i + 1] ?? 0) - g) + Math.abs((pixels[i + 2] ?? 0) - b);
        if (near <= 12) matching++;
      }
      return matching / (pixels.length / 4);
    },
    png,
    box,
    rgb,
  );
}

/** The card's frame in `page` (an extension page at moz-extension://), once it shows a card that takes clicks. */
export async function cardFrameOf(page: Page): Promise<Frame> {
  let found: Frame | null = null;
  await expect
    .poll(
      async () => {
        for (const frame of page.frames()) {
          if (frame === page.mainFrame() || !(await locationOf(frame)).endsWith("/card.html")) continue;
          // The card refuses a pointer for a moment after it appears (its clickjacking guard).
          if ((await armedState(frame)) === "true") found = frame;
        }
        return found !== null;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return found as unknown as Frame;
}

/** Whether the card in `frame` takes a pointer now (its clickjacking guard is armed): "true", "false", or null with no card. */
export function armedState(frame: Frame): Promise<string | null> {
  return frame.$eval('[data-testid="card"]', (card) => card.getAttribute("data-armed")).catch(() => null);
}

/** Waits until the card in `frame` takes a pointer again (it was restored, and has been still a while). */
export async function whenArmed(frame: Frame): Promise<Frame> {
  await expect.poll(() => armedState(frame), { timeout: 5000 }).toBe("true");
  return frame;
}

/** Clicks the element with `data-testid` `testId` in the card's frame with the mouse, at its centre, as a reader does. */
export async function clickIn(page: Page, frame: Frame, testId: string): Promise<void> {
  const at = await centreIn(page, frame, testId);
  await page.mouse.click(at.x, at.y);
}

/** Whether the card's frame (card or preview) is on screen in `page`. */
export function frameShown(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const frame = document.querySelector('iframe[data-claimmark="card"]');
    return frame !== null && getComputedStyle(frame).display !== "none";
  });
}

/** Clicks the highlight of kind `kind` whose text is `text` as a reader does and returns its card's frame. */
export async function openCardOf(page: Page, text: string, kind: string): Promise<Frame> {
  const point = await page.evaluate(highlightCentre, [text, kind] as [string, string]);
  if (!point) throw new Error(`no ${kind} highlight for ${text}`);
  await page.mouse.click(point.x, point.y);
  return cardFrameOf(page);
}

/** The text of the element with `data-testid` `testId` in a page or frame ("" when there is none). */
export function textOf(target: Page | Frame, testId: string): Promise<string> {
  return target.$eval(`[data-testid="${testId}"]`, (element) => element.textContent ?? "").catch(() => "");
}

/** The centre, in the page's viewport, of the element with `data-testid` `testId` in the card's frame (scrolled into its view). */
export async function centreIn(page: Page, frame: Frame, testId: string): Promise<{ x: number; y: number }> {
  const inFrame = await frame.$eval(`[data-testid="${testId}"]`, (element) => {
    // The card scrolls inside its frame: bring the element into the frame's view first.
    element.scrollIntoView({ block: "center", behavior: "instant" });
    const rect = element.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  const at = await page.evaluate(() => {
    const rect = (document.querySelector('iframe[data-claimmark="card"]') as HTMLElement).getBoundingClientRect();
    return { x: rect.left, y: rect.top };
  });
  return { x: at.x + inFrame.x, y: at.y + inFrame.y };
}
