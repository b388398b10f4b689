import { locateFuzzy } from "./fuzzy";
import { locateAtPosition, locateExact, validHint } from "./text-quote";

/** A quote to find: a TextQuoteSelector's parts, and where it is expected to start. */
export interface QuoteTarget {
  exact: string;
  prefix: string;
  suffix: string;
  /** expected start offset in the searched text, if known */
  hint?: number;
}

/** Where a quote was found: [start, end) of the searched text, how, and how well (score in [0, 1]). */
export interface TextMatch {
  start: number;
  end: number;
  state: "exact" | "fuzzy";
  score: number;
}

/**
 * How far from a predicted position the position step still takes the quote in `locateAll`: the
 * prediction comes from the shift at the previous anchor, and whitespace collapsed in between (a blank
 * line between paragraphs becomes one space) moves it by a character or so per paragraph.
 */
const PREDICTION_SLACK = 16;

/** The ordered fallback for one target: exact (context first, hint breaks ties), position, fuzzy. */
function locateOne(text: string, target: QuoteTarget, hint: number | undefined, slack: number): TextMatch | null {
  if (typeof target.exact !== "string" || target.exact.length === 0) return null;
  const at = validHint(hint, text.length);
  return locateExact(text, target, at) ?? locateAtPosition(text, target, at, slack) ?? locateFuzzy(text, target, at);
}

/** Finds one quote in `text`: exact with context, else exact at the hinted position, else fuzzy; null when orphaned. */
export function locateQuote(text: string, target: QuoteTarget): TextMatch | null {
  return locateOne(text, target, target.hint, 0);
}

/**
 * Locates many targets in one text; sorts by hint internally, keeps a running offset delta (positions in
 * the article text vs the searched text differ by a roughly constant shift: navigation text before the
 * article), returns results in input order.
 */
export function locateAll(text: string, targets: QuoteTarget[]): (TextMatch | null)[] {
  const results: (TextMatch | null)[] = new Array(targets.length).fill(null);
  const hinted: number[] = [];
  const unhinted: number[] = [];
  targets.forEach((target, i) => {
    if (typeof target.hint === "number" && Number.isFinite(target.hint)) hinted.push(i);
    else unhinted.push(i);
  });
  hinted.sort((a, b) => (targets[a]?.hint as number) - (targets[b]?.hint as number) || a - b);
  // Each anchor found tells the shift at its place; the next target, further on, is predicted with it.
  let delta = 0;
  for (const i of hinted) {
    const target = targets[i] as QuoteTarget;
    const hint = target.hint as number;
    const match = locateOne(text, target, hint + delta, PREDICTION_SLACK);
    results[i] = match;
    if (match !== null) delta = match.start - hint;
  }
  for (const i of unhinted) results[i] = locateOne(text, targets[i] as QuoteTarget, undefined, 0);
  return results;
}
