import type { PaintStats } from "../../lib/messages";
import { launchWithExtension } from "../browser/launch";
import { waitForPass } from "../browser/page-state";
import type { StaticServer } from "../browser/serve";
import { neutralisePage } from "../corpus/neutralise";
import { keepOffline } from "../corpus/offline";
import { type LongTask, longestTaskSinceDomContentLoaded, observeLongTasks } from "./browser-longtasks";
import type { CorpusPage } from "./corpus";

/** One load of a page with the extension: the pass's own figures, and the longest long task the page saw. */
export interface PassRound {
  stats: PaintStats;
  longTask: LongTask | null;
}

/** A corpus page's passes, one per round; empty when the page has no article to paint. */
export interface PagePasses {
  name: string;
  bytes: number;
  rounds: PassRound[];
}

/** Long tasks are reported to observers asynchronously: give the last one time to arrive. */
const LONG_TASK_DELIVERY_MS = 200;

/**
 * Where a corpus page is served for the browser benches and `npm run corpus`: its scripts
 * neutralised, and its inline handlers renamed or (with `csp`) forbidden (see `neutralisePage`).
 */
export function servePage(server: StaticServer, page: CorpusPage, options: { csp?: boolean } = {}): string {
  const path = `/${encodeURIComponent(page.name)}/source.html`;
  server.override(path, neutralisePage(page.html, options));
  return `${server.origin}${path}`;
}

/**
 * Loads each page in Chromium with the built extension: once to warm up (a first visit, which
 * stores the annotations), then `rounds` reloads, each a full pass that re-anchors what was
 * stored; collects each pass's `PaintStats` and the page's longest long task.
 */
export async function measurePasses(server: StaticServer, pages: CorpusPage[], rounds: number): Promise<PagePasses[]> {
  const browser = await launchWithExtension({ headless: true });
  const results: PagePasses[] = [];
  try {
    await keepOffline(browser.context, server.origin);
    for (const corpusPage of pages) {
      const page = await browser.context.newPage();
      await observeLongTasks(page);
      await page.goto(servePage(server, corpusPage), { waitUntil: "domcontentloaded" });
      const tabId = await browser.tabIdOf(page);
      const passes: PagePasses = { name: corpusPage.name, bytes: Buffer.byteLength(corpusPage.html), rounds: [] };
      const first = await waitForPass(browser.worker, tabId);
      if (first.status === "recorded" && first.paint) {
        for (let round = 0; round < rounds; round++) {
          await page.reload({ waitUntil: "domcontentloaded" });
          const state = await waitForPass(browser.worker, tabId);
          if (state.status === "failed")
            throw new Error(`${corpusPage.name}: the content script failed: ${state.error}`);
          if (!state.paint) break;
          await page.waitForTimeout(LONG_TASK_DELIVERY_MS);
          passes.rounds.push({ stats: state.paint, longTask: await longestTaskSinceDomContentLoaded(page) });
        }
      }
      results.push(passes);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}
