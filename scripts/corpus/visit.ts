import type { NoArticleReason } from "../../lib/model";
import type { ExtensionBrowser } from "../browser/launch";
import { waitForPass } from "../browser/page-state";
import { checkDom, type DomCheck, watchDom } from "./dom-watch";
import { collectErrors } from "./errors";
import { countHighlights } from "./highlights";

/** How one corpus page went: what the content script's pass reported, and what we saw around it. */
export interface CorpusRow {
  name: string;
  /** painted: an article, highlighted; no-article: recorded without one; failed / timeout: a failure. */
  outcome: "painted" | "no-article" | "failed" | "timeout";
  /** Why a failed or timed-out page failed. */
  error: string | null;
  noArticleReason: NoArticleReason | null;
  detections: number;
  annotations: number;
  anchored: number;
  fuzzy: number;
  orphans: number;
  /** Ranges the painter says it holds (`PaintStats.painted`). */
  painted: number;
  /** Ranges found in the page's `claimmark-*` highlights. */
  highlights: number;
  extensionErrors: string[];
  pageErrors: number;
  dom: DomCheck;
  readabilityMs: number | null;
  totalMs: number | null;
  longestTaskMs: number | null;
  /** The stage of the pass that longest task belonged to. */
  longestStage: string | null;
  /** The longest stretch of our code outside Readability's parse. */
  longestOwnTaskMs: number | null;
  /** Wall time of the whole visit, page load to checks, in ms. */
  wallMs: number;
}

/** Errors a page can still raise once its pass has ended (a late reply, a late listener) get this long to show. */
const SETTLE_MS = 250;
/** Extra time for the page's own checks and for closing it, beyond the pass's timeout. */
const GRACE_MS = 10_000;

const emptyRow = (name: string): CorpusRow => ({
  name,
  outcome: "failed",
  error: null,
  noArticleReason: null,
  detections: 0,
  annotations: 0,
  anchored: 0,
  fuzzy: 0,
  orphans: 0,
  painted: 0,
  highlights: 0,
  extensionErrors: [],
  pageErrors: 0,
  dom: { snapshot: false, unchanged: false, mutations: 0 },
  readabilityMs: null,
  totalMs: null,
  longestTaskMs: null,
  longestStage: null,
  longestOwnTaskMs: null,
  wallMs: 0,
});

/**
 * Opens `url` in a new tab of `browser`, waits for the content script's pass (at most
 * `timeoutMs`), then reads the highlights and the DOM check and closes the tab. Never throws:
 * whatever goes wrong becomes the row's outcome.
 */
export async function visitPage(
  browser: ExtensionBrowser,
  name: string,
  url: string,
  timeoutMs: number,
): Promise<CorpusRow> {
  const started = Date.now();
  const row = emptyRow(name);
  const page = await browser.context.newPage();
  const errors = collectErrors(page, browser.extensionId);
  const visit = async () => {
    await watchDom(page);
    await page.goto(url, { waitUntil: "domcontentloaded", timeout: timeoutMs });
    const tabId = await browser.tabIdOf(page);
    let state: Awaited<ReturnType<typeof waitForPass>>;
    try {
      state = await waitForPass(browser.worker, tabId, Math.max(1000, started + timeoutMs - Date.now()));
    } catch (error) {
      row.outcome = "timeout";
      throw error;
    }
    await page.waitForTimeout(SETTLE_MS);
    if (state.status === "failed") {
      row.outcome = "failed";
      row.error = `the content script failed: ${state.error}`;
    } else if (state.paint) {
      const paint = state.paint;
      Object.assign(row, {
        outcome: "painted",
        detections: paint.detections,
        annotations: paint.annotations,
        anchored: paint.anchored,
        fuzzy: paint.fuzzy,
        orphans: paint.orphans,
        painted: paint.painted,
        readabilityMs: paint.readabilityMs,
        totalMs: paint.totalMs,
        longestTaskMs: paint.longestTaskMs,
        longestStage: paint.longestStage,
        longestOwnTaskMs: paint.longestOwnTaskMs,
      });
    } else {
      row.outcome = "no-article";
      row.noArticleReason = state.noArticleReason;
    }
    row.highlights = await countHighlights(page);
    row.dom = await checkDom(page);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs + GRACE_MS} ms`)), timeoutMs + GRACE_MS);
  });
  const running = visit();
  // A visit still running when the deadline passes fails later, on the closed page: nobody waits for it.
  running.catch(() => undefined);
  try {
    await Promise.race([running, stuck]);
  } catch (error) {
    if (row.outcome !== "timeout") row.outcome = /timeout|within/i.test(String(error)) ? "timeout" : "failed";
    row.error = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "unknown error";
  } finally {
    clearTimeout(timer);
    await page.close({ runBeforeUnload: false }).catch(() => undefined);
  }
  row.extensionErrors = errors.extension;
  row.pageErrors = errors.page;
  row.wallMs = Date.now() - started;
  return row;
}
