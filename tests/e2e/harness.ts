import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import type { PaintStats } from "../../lib/messages";
import { type ExtensionBrowser, launchWithExtension } from "../../scripts/browser/launch";
import { waitForPaint } from "../../scripts/browser/page-state";
import { type StaticServer, serveDirectory } from "../../scripts/browser/serve";

export { domAfterLoad, watchDom } from "../../scripts/corpus/dom-watch";

/** The example article, as served from the fixtures. */
export const ARTICLE = "/csto-tajik-afghan-border.html";

/** The example article's HTML, for serving a copy (or a changed copy) of it at another path. */
export const ARTICLE_HTML = readFileSync(resolve(import.meta.dirname, "../fixtures", ARTICLE.slice(1)), "utf8");

/** A headless Chromium with the built extension and a server for the fixtures, for one test file. */
export interface Harness {
  browser: ExtensionBrowser;
  server: StaticServer;
}

/** Starts the harness before the file's tests and stops it after them. */
export function useHarness(): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    harness.server = await serveDirectory(resolve(import.meta.dirname, "../fixtures"));
    harness.browser = await launchWithExtension({ headless: true });
  });
  afterAll(async () => {
    await harness.browser?.close();
    await harness.server?.close();
  });
  return harness;
}

/** A page open in a tab and painted: its tab, its page key (the address it was opened at) and the pass's figures. */
export interface OpenedArticle {
  page: Page;
  tabId: number;
  key: string;
  stats: PaintStats;
}

/**
 * Opens `path` (the example article unless told; a query on it, such as `${ARTICLE}?mine`, keeps a
 * test's stored state apart) in a new tab and waits for Claimmark to paint it. With `html`, serves
 * that at `path` first: a copy of the article (`ARTICLE_HTML`) at an address of its own, or a changed one.
 */
export async function openArticle(harness: Harness, path = ARTICLE, html?: string): Promise<OpenedArticle> {
  if (html !== undefined) harness.server.override(path, html);
  const page = await harness.browser.context.newPage();
  await page.goto(`${harness.server.origin}${path}`);
  const tabId = await harness.browser.tabIdOf(page);
  const stats = await waitForPaint(harness.browser.worker, tabId);
  return { page, tabId, key: `${harness.server.origin}${path}`, stats };
}

/** The text of every range in one of Claimmark's highlights ("claimmark-figure"), read from the page's own world. */
export function painted(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => [...(CSS.highlights.get(n) ?? [])].map((range) => (range as Range).toString()), name);
}

/**
 * Scrolls the highlight of kind `kind` whose text is `text` into view and returns the middle of its
 * widest line box (it may wrap onto a second line), or null when there is no such highlight.
 */
export function highlightPoint(page: Page, text: string, kind: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ([wanted, name]) => {
      const range = [...(CSS.highlights.get(`claimmark-${name}`) ?? [])].find(
        (r) => (r as Range).toString() === wanted,
      ) as Range | undefined;
      range?.startContainer.parentElement?.scrollIntoView({ block: "center", behavior: "instant" });
      const rect = [...(range?.getClientRects() ?? [])].sort((a, b) => b.width - a.width)[0];
      return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
    },
    [text, kind],
  );
}

/** Clicks the highlight of kind `kind` whose text is `text` (on its widest line box) and returns its card. */
export async function openCardOf(page: Page, text: string, kind: string): Promise<Locator> {
  const point = await highlightPoint(page, text, kind);
  if (!point) throw new Error(`no ${kind} highlight for ${text}`);
  await page.mouse.click(point.x, point.y);
  const card = page.getByTestId("card");
  await expect.poll(() => card.count()).toBe(1);
  return card;
}
