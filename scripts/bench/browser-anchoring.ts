import { type Browser, chromium, type Page } from "playwright-core";
import { chromiumPath } from "../browser/launch";
import type { StaticServer } from "../browser/serve";
import { keepOffline } from "../corpus/offline";
import type { SyntheticArticle } from "./browser-article";
import { BENCH_GLOBAL, type InPageBench, readHighlightStyles, readMarkJs } from "./browser-bundle";
import type { AnchoringTiming, BaselineTiming, PaintTiming } from "./browser-inpage";

/** What one round measured on the synthetic article: re-anchoring (exact and edited) and painting. */
export interface AnchoringRound {
  exact: AnchoringTiming;
  exactBaseline: BaselineTiming;
  edited: AnchoringTiming;
  editedBaseline: BaselineTiming;
  ours: PaintTiming;
  markJs: PaintTiming;
}

/** The scripts a bench page gets: our bundled code, mark.js, and the extension's highlight styles. */
export interface InPageScripts {
  bundle: string;
  markJs: string;
  styles: string;
}

const ARTICLE_PATH = "/claimmark-bench/article.html";
const EDITED_PATH = "/claimmark-bench/article-edited.html";

/**
 * A Chromium without the extension, for timing our code alone: the extension's own pass would
 * run on the same page, paint under the same highlight names and take the same main thread.
 */
export async function launchPlain(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
}

/** Reads mark.js and the highlight styles, next to the bundle already built. */
export async function inPageScripts(bundle: string): Promise<InPageScripts> {
  return { bundle, markJs: await readMarkJs(), styles: await readHighlightStyles() };
}

/** Opens `url` in `page` and adds the bench scripts to it. */
async function load(page: Page, url: string, scripts: InPageScripts): Promise<void> {
  await page.goto(url, { waitUntil: "load" });
  await page.addStyleTag({ content: scripts.styles });
  await page.addScriptTag({ content: scripts.markJs });
  await page.addScriptTag({ content: scripts.bundle });
}

/** Calls one function of the in-page bench with an argument, in the page's main world. */
function call<K extends keyof InPageBench>(
  page: Page,
  name: K,
  arg: Parameters<InPageBench[K]>[0],
): Promise<Awaited<ReturnType<InPageBench[K]>>> {
  return page.evaluate(
    ([global, fn, value]) => {
      const api = (window as unknown as Record<string, Record<string, (input: unknown) => unknown>>)[global];
      const run = api?.[fn];
      if (!run) throw new Error(`${global}.${fn} is not in the page`);
      return run(value);
    },
    [BENCH_GLOBAL, name, arg] as const,
  ) as Promise<Awaited<ReturnType<InPageBench[K]>>>;
}

/**
 * Serves the synthetic article and its edited copy from 127.0.0.1, and measures, `rounds` times
 * on a fresh load each: re-anchoring every quote against the baseline (exact page, then edited
 * page), and painting every quote with our painter and with mark.js. Within a round the order of
 * ours and theirs alternates, so that whatever a first run pays falls on both.
 */
export async function measureAnchoring(
  server: StaticServer,
  article: SyntheticArticle,
  scripts: InPageScripts,
  rounds: number,
): Promise<AnchoringRound[]> {
  server.override(ARTICLE_PATH, article.html);
  server.override(EDITED_PATH, article.editedHtml);
  const browser = await launchPlain();
  const results: AnchoringRound[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await keepOffline(context, server.origin);
    const page = await context.newPage();
    await load(page, `${server.origin}${ARTICLE_PATH}`, scripts);
    const text = await call(page, "describeText", undefined);
    if (!text.same || text.textContentLength !== article.text.length) {
      throw new Error(`the bench page's text is not the generated text: ${JSON.stringify(text)}`);
    }
    for (let round = 0; round < rounds; round++) {
      const oursFirst = round % 2 === 0;
      await load(page, `${server.origin}${ARTICLE_PATH}`, scripts);
      const pair = async <A, B>(ours: () => Promise<A>, theirs: () => Promise<B>): Promise<[A, B]> => {
        if (oursFirst) {
          const a = await ours();
          return [a, await theirs()];
        }
        const b = await theirs();
        return [await ours(), b];
      };
      const [exact, exactBaseline] = await pair(
        () => call(page, "timeAnchoring", { quotes: article.quotes, expected: article.quotes.map((q) => q.start) }),
        () => call(page, "timeIndexOf", article.quotes),
      );
      const [ours, markJs] = await pair(
        () => call(page, "timeOurPainting", article.quotes),
        () => call(page, "timeMarkJs", article.quotes),
      );
      await load(page, `${server.origin}${EDITED_PATH}`, scripts);
      const [edited, editedBaseline] = await pair(
        () => call(page, "timeAnchoring", { quotes: article.quotes, expected: article.editedStarts }),
        () => call(page, "timeIndexOf", article.quotes),
      );
      results.push({ exact, exactBaseline, edited, editedBaseline, ours, markJs });
    }
  } finally {
    await browser.close();
  }
  return results;
}
