import { locateFuzzy } from "./fuzzy";
import { SearchBudget } from "./search-budget";
import { locateAtPosition, locateExact, validHint, windowAround } from "./text-quote";

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

/** A score that needs the context to agree on both sides, mostly: quote and context, not the quote alone. */
const TRUSTED_SCORE = 0.8;

/** How `locateAll` may decide. */
export interface LocateOptions {
  /**
   * Take a short quote's only occurrence even when its context disagrees: right when the quotes are
   * known to be in the text (painting this visit's article in its own page), wrong when re-finding
   * old quotes in a changed text, where a deleted phrase must not be pinned to another copy.
   */
  acceptUnique?: boolean;
}

/**
 * The ordered fallback for one target: exact (context first, hint breaks ties), position, fuzzy; the
 * searches of the whole text, when a budget is given, only as far as it goes.
 */
function locateOne(
  text: string,
  target: QuoteTarget,
  hint: number | undefined,
  slack: number,
  options: LocateOptions = {},
  budget?: SearchBudget,
): TextMatch | null {
  if (typeof target.exact !== "string" || target.exact.length === 0) return null;
  const at = validHint(hint, text.length);
  return (
    locateExact(text, target, at, options.acceptUnique, budget) ??
    locateAtPosition(text, target, at, slack) ??
    locateFuzzy(text, target, at, budget)
  );
}

/** Finds one quote in `text`: exact with context, else exact at the hinted position, else fuzzy; null when orphaned. */
export function locateQuote(text: string, target: QuoteTarget): TextMatch | null {
  return locateOne(text, target, target.hint, 0);
}

/**
 * Locates many targets in one text; sorts by hint internally, keeps a running offset delta (positions in
 * the article text vs the searched text differ by a roughly constant shift: navigation text before the
 * article), returns results in input order. Searches of the whole text, for targets not found near
 * their place, share one budget (see `search-budget.ts`), so the time stays linear in the text's length.
 */
export function locateAll(text: string, targets: QuoteTarget[], options: LocateOptions = {}): (TextMatch | null)[] {
  const results: (TextMatch | null)[] = new Array(targets.length).fill(null);
  const budget = new SearchBudget(text.length);
  const hinted: number[] = [];
  const unhinted: number[] = [];
  targets.forEach((target, i) => {
    if (typeof target.hint === "number" && Number.isFinite(target.hint)) hinted.push(i);
    else unhinted.push(i);
  });
  hinted.sort((a, b) => (targets[a]?.hint as number) - (targets[b]?.hint as number) || a - b);
  // Each anchor found tells the shift at its place; the next target, further on, is predicted with it.
  let delta = 0;
  let learned = false;
  for (const i of hinted) {
    const target = targets[i] as QuoteTarget;
    const hint = target.hint as number;
    const predicted = hint + delta;
    const match = locateOne(text, target, predicted, PREDICTION_SLACK, options, budget);
    results[i] = match;
    // A match far from the prediction teaches the shift only as the first anchor (after a page's
    // navigation text) or when its context agrees: a repeated phrase found elsewhere with other
    // surroundings says nothing about the shift here, and learning from it would send the next
    // targets astray.
    if (match !== null) {
      const window = windowAround(predicted, target.exact.length, text.length);
      const near = match.start >= window.from && match.start <= window.to;
      if (near || !learned || match.score >= TRUSTED_SCORE) delta = match.start - hint;
      learned = true;
    }
  }
  for (const i of unhinted) results[i] = locateOne(text, targets[i] as QuoteTarget, undefined, 0, options, budget);
  return results;
}
