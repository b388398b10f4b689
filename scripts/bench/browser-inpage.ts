/**
 * The browser bench's code that runs inside the page, in its main world: bundled by
 * `browser-bundle.ts` into one script that exposes these functions as `window.ClaimmarkBench`.
 * Every timing is taken here, with the page's own clock, around exactly the work it names;
 * preparation (targets, ranges, offsets) happens before the clock starts.
 */
import type Mark from "mark.js";
import { indexDomText } from "../../lib/anchor/dom-text";
import { locateAll, type QuoteTarget } from "../../lib/anchor/locate";
import { normalizeWhitespace } from "../../lib/anchor/normalize";
import { createPainter, type Paintable } from "../../lib/paint/painter";

/** A stored annotation's selector: quote, 32 characters of context each side, and its offset in the page text. */
export interface BenchQuote {
  exact: string;
  prefix: string;
  suffix: string;
  /** Offset in the page's text: the position hint, and mark.js's start (its text model is `textContent`). */
  start: number;
}

/** Time and outcome of re-anchoring every quote in the live page. */
export interface AnchoringTiming {
  ms: number;
  exact: number;
  fuzzy: number;
  orphans: number;
  /** Found, but away from where the quote is in the page: another occurrence taken (a quality check). */
  misplaced: number;
  /** Ranges whose text is not the quote found (a mapping error). */
  wrongRanges: number;
}

/** The quotes to re-anchor, and where each one really is in the page (to check the places found). */
export interface AnchoringInput {
  quotes: BenchQuote[];
  expected: number[];
}

/** How far a fuzzy match may start from the quote's true place: its edges may move by a few characters. */
const FUZZY_SLACK = 8;

/** Time of the baseline: one `textContent` read and one `indexOf` per quote. */
export interface BaselineTiming {
  ms: number;
  found: number;
}

/** Time of painting: synchronously with one forced layout, and until the next frame has been produced. */
export interface PaintTiming {
  syncMs: number;
  frameMs: number;
  /** Highlights the painter holds, or `<mark>` elements mark.js made. */
  painted: number;
}

/** The page's text as seen by our index and by `textContent` (mark.js): equal lengths make offsets shared. */
export function describeText(): { indexLength: number; textContentLength: number; same: boolean } {
  const indexed = indexDomText(document.body).text;
  const textContent = document.body.textContent ?? "";
  return {
    indexLength: indexed.length,
    textContentLength: textContent.length,
    same: indexed === normalizeWhitespace(textContent).trim(),
  };
}

const targetsOf = (quotes: BenchQuote[]): QuoteTarget[] =>
  quotes.map(({ exact, prefix, suffix, start }) => ({ exact, prefix, suffix, hint: start }));

/** Times `indexDomText(document.body)` + `locateAll` + `rangeAt` for all quotes, as the content script's pass does. */
export function timeAnchoring({ quotes, expected }: AnchoringInput): AnchoringTiming {
  const targets = targetsOf(quotes);
  const started = performance.now();
  const index = indexDomText(document.body);
  const matches = locateAll(index.text, targets);
  const ranges = matches.map((match) => (match ? index.rangeAt(match.start, match.end) : null));
  const ms = performance.now() - started;

  let exact = 0;
  let fuzzy = 0;
  let wrongRanges = 0;
  let misplaced = 0;
  matches.forEach((match, i) => {
    if (!match) return;
    if (match.state === "exact") exact++;
    else fuzzy++;
    const distance = Math.abs(match.start - (expected[i] ?? Number.NaN));
    if (!(distance <= (match.state === "exact" ? 0 : FUZZY_SLACK))) misplaced++;
    const range = ranges[i];
    if (!range || normalizeWhitespace(range.toString()) !== index.text.slice(match.start, match.end)) wrongRanges++;
  });
  return { ms, exact, fuzzy, orphans: quotes.length - exact - fuzzy, misplaced, wrongRanges };
}

/** Times the baseline: one read of `document.body.textContent` and an `indexOf` of every quote in it. */
export function timeIndexOf(quotes: BenchQuote[]): BaselineTiming {
  const started = performance.now();
  const text = document.body.textContent ?? "";
  let found = 0;
  for (const quote of quotes) if (text.indexOf(quote.exact) !== -1) found++;
  return { ms: performance.now() - started, found };
}

/** Resolves once the browser has produced the next frame (style, layout and paint of what changed). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Lets pending style and layout finish, so a timing starts from a settled page. */
async function settle(): Promise<void> {
  void document.body.offsetHeight;
  await nextFrame();
}

const KINDS: Paintable["kind"][] = ["quote", "claim", "figure"];

/** Times our painter (`createPainter(document).paint`) on the ranges of all quotes, then clears it. */
export async function timeOurPainting(quotes: BenchQuote[]): Promise<PaintTiming> {
  const index = indexDomText(document.body);
  const matches = locateAll(index.text, targetsOf(quotes));
  const items: Paintable[] = [];
  matches.forEach((match, i) => {
    const range = match ? index.rangeAt(match.start, match.end) : null;
    if (range) items.push({ id: `q${i}`, kind: KINDS[i % KINDS.length] ?? "quote", status: "unverified", range });
  });
  const painter = createPainter(document);
  await settle();

  const started = performance.now();
  painter.paint(items);
  void document.body.offsetHeight;
  const syncMs = performance.now() - started;
  await nextFrame();
  const frameMs = performance.now() - started;

  const painted = painter.size;
  painter.clear();
  await settle();
  return { syncMs, frameMs, painted };
}

/**
 * Times mark.js's `markRanges` on the same quotes, then unmarks. Its ranges are offsets into the
 * concatenated text nodes of the context, which on the bench page is `document.body.textContent`,
 * the text the quotes were taken from.
 */
export async function timeMarkJs(quotes: BenchQuote[]): Promise<PaintTiming> {
  const MarkJs = (globalThis as unknown as { Mark?: typeof Mark }).Mark;
  if (!MarkJs) throw new Error("mark.js is not loaded in the page");
  const ranges = quotes.map((quote) => ({ start: quote.start, length: quote.exact.length }));
  const marker = new MarkJs(document.body);
  await settle();

  const started = performance.now();
  let finished = false;
  const done = new Promise<void>((resolve) => {
    marker.markRanges(ranges, {
      done: () => {
        finished = true;
        resolve();
      },
    });
  });
  // mark.js reports the end through a callback; it only goes asynchronous when it waits for iframes.
  if (!finished) await done;
  void document.body.offsetHeight;
  const syncMs = performance.now() - started;
  await nextFrame();
  const frameMs = performance.now() - started;

  const painted = document.querySelectorAll("mark[data-markjs]").length;
  marker.unmark();
  await settle();
  return { syncMs, frameMs, painted };
}
