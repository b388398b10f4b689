import { resolve } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { type ExtensionBrowser, launchWithExtension } from "../../scripts/browser/launch";
import { type StaticServer, serveDirectory } from "../../scripts/browser/serve";

/** The example article, as served from the fixtures. */
export const ARTICLE = "/csto-tajik-afghan-border.html";

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

/**
 * Makes `page` snapshot its DOM as parsed and count every mutation from then on, from any world
 * (the content script's included). Call before `goto`; read with `domAfterLoad`.
 */
export async function watchDom(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const win = window as unknown as { domBefore?: string; mutations: number };
    win.mutations = 0;
    document.addEventListener("DOMContentLoaded", () => {
      win.domBefore = document.documentElement.outerHTML;
      new MutationObserver((records) => {
        win.mutations += records.length;
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  });
}

/** The DOM as parsed, the DOM now, and the mutations counted in between (see `watchDom`). */
export function domAfterLoad(page: Page): Promise<{ before: string | undefined; now: string; mutations: number }> {
  return page.evaluate(() => {
    const win = window as unknown as { domBefore?: string; mutations: number };
    return { before: win.domBefore, now: document.documentElement.outerHTML, mutations: win.mutations };
  });
}

/** The text of every range in one of Claimmark's highlights ("claimmark-figure"), read from the page's own world. */
export function painted(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => [...(CSS.highlights.get(n) ?? [])].map((range) => (range as Range).toString()), name);
}

/** Clicks the highlight of kind `kind` whose text is `text` (on its widest line box) and returns its card. */
export async function openCardOf(page: Page, text: string, kind: string): Promise<Locator> {
  const point = await page.evaluate(
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
  if (!point) throw new Error(`no ${kind} highlight for ${text}`);
  await page.mouse.click(point.x, point.y);
  const card = page.getByTestId("card");
  await expect.poll(() => card.count()).toBe(1);
  return card;
}
