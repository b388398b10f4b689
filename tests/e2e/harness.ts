import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { FrameLocator, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import type { PaintStats } from "../../lib/messages";
import type { PageReport } from "../../lib/model";
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

/**
 * Starts the harness before the file's tests and stops it after them; `args` go to Chromium. The
 * welcome page Claimmark opens on install is closed first, unless `keepWelcome`.
 */
export function useHarness(args: string[] = [], options: { keepWelcome?: boolean } = {}): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    harness.server = await serveDirectory(resolve(import.meta.dirname, "../fixtures"));
    harness.browser = await launchWithExtension({ headless: true, args, keepWelcome: options.keepWelcome });
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

/** In a page's own world, as its scripts could: sets the card frame's opacity, overriding ours. Shared with the Firefox tests. */
export const setCardOpacity = (opacity: string): void =>
  (document.querySelector('iframe[data-claimmark="card"]') as HTMLElement).style.setProperty(
    "opacity",
    opacity,
    "important",
  );

/** In a page's own world: the text of every range in the highlight named `name`. Shared with the Firefox tests. */
export const highlightTexts = (name: string): string[] =>
  [...(CSS.highlights.get(name) ?? [])].map((range) => (range as Range).toString());

/**
 * In a page's own world: scrolls the highlight of kind `name` whose text is `wanted` into view and
 * returns the middle of its widest line box (it may wrap onto a second line), or null when there is
 * none. Shared with the Firefox tests.
 */
export const highlightCentre = ([wanted, name]: [string, string]): { x: number; y: number } | null => {
  const range = [...(CSS.highlights.get(`claimmark-${name}`) ?? [])].find((r) => (r as Range).toString() === wanted) as
    | Range
    | undefined;
  range?.startContainer.parentElement?.scrollIntoView({ block: "center", behavior: "instant" });
  const rect = [...(range?.getClientRects() ?? [])].sort((a, b) => b.width - a.width)[0];
  return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
};

/** The text of every range in one of Claimmark's highlights ("claimmark-figure"), read from the page's own world. */
export function painted(page: Page, name: string): Promise<string[]> {
  return page.evaluate(highlightTexts, name);
}

/**
 * Scrolls the highlight of kind `kind` whose text is `text` into view and returns the middle of its
 * widest line box (it may wrap onto a second line), or null when there is no such highlight.
 */
export function highlightPoint(page: Page, text: string, kind: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate(highlightCentre, [text, kind] as [string, string]);
}

/** The card's frame in a page: an extension page the page itself cannot look into (Playwright can). */
export function cardFrameOf(page: Page): FrameLocator {
  return page.frameLocator('iframe[data-claimmark="card"]');
}

/** The card in its frame (it may not be shown). */
export function cardIn(page: Page): Locator {
  return cardFrameOf(page).getByTestId("card");
}

/** The preview a rest of the pointer shows, in the card's frame (it may not be shown). */
export function previewIn(page: Page): Locator {
  return cardFrameOf(page).getByTestId("card-preview");
}

/** Whether the card's frame (card or preview) is on screen. */
export function frameShown(page: Page): Promise<boolean> {
  return page.locator('iframe[data-claimmark="card"]').isVisible();
}

/**
 * Waits until the card takes clicks: it refuses a pointer for a moment after it appears or moves
 * (its clickjacking guard), as a browser's permission prompt does.
 */
export async function whenArmed(card: Locator): Promise<Locator> {
  await expect.poll(() => card.getAttribute("data-armed"), { timeout: 5000 }).toBe("true");
  return card;
}

/** Clicks the highlight of kind `kind` whose text is `text` (on its widest line box) and returns its card, ready for clicks. */
export async function openCardOf(page: Page, text: string, kind: string): Promise<Locator> {
  const point = await highlightPoint(page, text, kind);
  if (!point) throw new Error(`no ${kind} highlight for ${text}`);
  await page.mouse.click(point.x, point.y);
  const card = cardIn(page);
  await expect.poll(() => card.count()).toBe(1);
  return whenArmed(card);
}

/**
 * Selects the first occurrence of `text` in the page as a reader does: a real mouse drag from its
 * first character to its last (Claimmark annotates only selections the reader made).
 */
export async function selectByDrag(page: Page, text: string): Promise<void> {
  const ends = await page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted);
      if (at < 0) continue;
      (node.parentElement as HTMLElement).scrollIntoView({ block: "center", behavior: "instant" });
      const charRect = (offset: number) => {
        const range = document.createRange();
        range.setStart(node as Text, offset);
        range.setEnd(node as Text, offset + 1);
        return range.getBoundingClientRect();
      };
      const first = charRect(at);
      const last = charRect(at + wanted.length - 1);
      // Inside the first character's left half and the last one's right half: the caret lands on their outer edges.
      return {
        from: { x: first.left + Math.min(2, first.width / 4), y: first.top + first.height / 2 },
        to: { x: last.right - Math.min(2, last.width / 4), y: last.top + last.height / 2 },
      };
    }
    return null;
  }, text);
  if (!ends) throw new Error(`not in the page: ${text}`);
  await page.mouse.move(ends.from.x, ends.from.y);
  await page.mouse.down();
  await page.mouse.move(ends.to.x, ends.to.y, { steps: 8 });
  await page.mouse.up();
  const selected = await page.evaluate(() => document.getSelection()?.toString() ?? "");
  if (selected.trim() !== text.trim())
    throw new Error(`dragging selected ${JSON.stringify(selected)}, not ${JSON.stringify(text)}`);
}

/**
 * The centre of the element with `data-testid` `testId` inside the closed shadow root of our
 * `hostTag` element (the selection bar, a notice): page scripts cannot reach in, so the test finds
 * it through the DevTools protocol, which sees closed shadow roots, and then clicks like a reader.
 */
export async function pointInClosedShadow(
  page: Page,
  hostTag: string,
  testId: string,
): Promise<{ x: number; y: number } | null> {
  const session = await page.context().newCDPSession(page);
  try {
    type Node = {
      nodeName: string;
      attributes?: string[];
      children?: Node[];
      shadowRoots?: Node[];
      backendNodeId: number;
    };
    const { root } = (await session.send("DOM.getDocument", { depth: -1, pierce: true })) as { root: Node };
    const find = (node: Node, inHost: boolean): Node | null => {
      const attributes = node.attributes ?? [];
      const here = inHost || node.nodeName.toLowerCase() === hostTag;
      for (let i = 0; i < attributes.length; i += 2) {
        if (here && attributes[i] === "data-testid" && attributes[i + 1] === testId) return node;
      }
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
        const found = find(child, here);
        if (found) return found;
      }
      return null;
    };
    const node = find(root, false);
    if (!node) return null;
    const { model } = (await session.send("DOM.getBoxModel", { backendNodeId: node.backendNodeId })) as {
      model: { content: number[] };
    };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
  } finally {
    await session.detach();
  }
}

/** The text of our element `hostTag`'s closed shadow root (a notice), read through the DevTools protocol. */
export async function closedShadowText(page: Page, hostTag: string): Promise<string | null> {
  const session = await page.context().newCDPSession(page);
  try {
    type Node = { nodeName: string; nodeValue?: string; children?: Node[]; shadowRoots?: Node[] };
    const { root } = (await session.send("DOM.getDocument", { depth: -1, pierce: true })) as { root: Node };
    const text = (node: Node): string =>
      (node.nodeName === "#text" ? (node.nodeValue ?? "") : "") +
      [...(node.shadowRoots ?? []), ...(node.children ?? [])]
        .filter((n) => n.nodeName !== "STYLE")
        .map(text)
        .join("");
    const find = (node: Node): Node | null => {
      if (node.nodeName.toLowerCase() === hostTag) return node;
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
        const found = find(child);
        if (found) return found;
      }
      return null;
    };
    const host = find(root);
    return host ? text(host) : null;
  } finally {
    await session.detach();
  }
}

/** Clicks the selection bar's button for `kind` as a reader does, once the bar has been shown long enough to take clicks. */
export async function clickSelectionBar(page: Page, kind: "claim" | "figure" | "highlight"): Promise<void> {
  let point: { x: number; y: number } | null = null;
  await expect
    .poll(async () => {
      point = await pointInClosedShadow(page, "claimmark-toolbar", `selection-${kind}`);
      return point !== null;
    })
    .toBe(true);
  // The bar ignores clicks in its first moments, so that one cannot be slipped under the pointer.
  await page.waitForTimeout(450);
  const at = point as unknown as { x: number; y: number };
  await page.mouse.click(at.x, at.y);
}

/** The text of the notice Claimmark shows in the page's corner, or null when none shows. */
export function pageNotice(page: Page): Promise<string | null> {
  return closedShadowText(page, "claimmark-notice");
}

/** Clicks an export button (in the popup or the library) and returns the downloaded file's name and text. */
export async function download(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const started = page.waitForEvent("download");
  await page.getByTestId(testId).click();
  const file = await started;
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, "utf8") };
}

/** A page report with no article, as a content script sends it, with `fields` changed: for forged messages. */
export function noArticleReport(fields: Partial<PageReport> = {}): PageReport {
  return {
    canonicalUrl: null,
    readerable: false,
    hasArticle: false,
    noArticleReason: "not-readerable",
    title: "forged",
    byline: null,
    siteName: null,
    publishedTime: null,
    lang: null,
    excerpt: null,
    textLength: 0,
    textHash: null,
    ...fields,
  };
}
