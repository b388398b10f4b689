import search from "approx-string-match";
import type { QuoteTarget, TextMatch } from "./locate";
import { fuzzySearchCost, type SearchBudget } from "./search-budget";
import { combinedScore, DISTINCTIVE_LENGTH, positionScore, validHint, windowAround } from "./text-quote";

/**
 * The least similarity (1 - errors / quote length) a fuzzy match of the quote may have. At 0.75 a
 * quoted sentence survives a changed word or two, while unrelated prose (about 0.25 similar, rarely
 * over 0.5) is far below it.
 */
export const MIN_QUOTE_SIMILARITY = 0.75;

/**
 * Below this similarity of prefix and suffix, a short (not distinctive) fuzzy match is not trusted:
 * two unrelated 32-character stretches of prose are about 0.25 similar, and fewer than 1 in 100 pass 0.5.
 */
const MIN_CONTEXT_SIMILARITY = 0.6;

/**
 * Quotes longer than this have their every fuzzy search charged to the search budget, not only those
 * of the whole text: the error budget stops growing here, and a search's cost keeps growing with the square.
 */
const LONG_QUOTE = 1024;

/** How far around the hint, beyond the errors allowed, the first and narrowest search looks. */
const AT_HINT_SLACK = 32;

/**
 * Errors allowed when searching: exactly those a match passing MIN_QUOTE_SIMILARITY can have, so the
 * search never works for a match the threshold would reject. Search time grows with errors / 32, so the
 * budget stops at 256 (a quote over 1,024 characters then needs to be more than 0.75 similar).
 */
export function errorBudget(quoteLength: number): number {
  return Math.min(256, Math.floor(quoteLength * (1 - MIN_QUOTE_SIMILARITY)));
}

/** Similarity in [0, 1] of `actual` to `expected`: 1 - edit errors / expected length (0 when either is empty). */
function similarity(actual: string, expected: string): number {
  if (expected.length === 0 || actual.length === 0) return 0;
  const [best] = search(actual, expected, expected.length);
  return best === undefined ? 0 : 1 - best.errors / expected.length;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Widens [start, end) so that it does not cut a surrogate pair (an emoji, say) in half. */
function snapToCodePoints(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  if (s > 0 && isLowSurrogate(text.charCodeAt(s)) && isHighSurrogate(text.charCodeAt(s - 1))) s--;
  if (e > s && e < text.length && isHighSurrogate(text.charCodeAt(e - 1)) && isLowSurrogate(text.charCodeAt(e))) e++;
  return { start: s, end: e };
}

/** The best acceptable match among approximate matches of the quote in text[from, to), or null. */
function bestMatch(
  text: string,
  target: QuoteTarget,
  hint: number | undefined,
  from: number,
  to: number,
): TextMatch | null {
  const { exact, prefix, suffix } = target;
  const haystack = from === 0 && to === text.length ? text : text.slice(from, to);
  let best: TextMatch | null = null;
  for (const found of search(haystack, exact, errorBudget(exact.length))) {
    const { start, end } = snapToCodePoints(text, from + found.start, from + found.end);
    if (end <= start) continue;
    const quoteScore = 1 - found.errors / exact.length;
    if (quoteScore < MIN_QUOTE_SIMILARITY) continue;
    const prefixScore =
      prefix.length === 0 ? 1 : similarity(text.slice(Math.max(0, start - prefix.length), start), prefix);
    const suffixScore = suffix.length === 0 ? 1 : similarity(text.slice(end, end + suffix.length), suffix);
    const given = prefix.length + suffix.length;
    const contextScore = given === 0 ? 1 : (prefixScore * prefix.length + suffixScore * suffix.length) / given;
    // A short quote matches by chance in long text; without its context it is not evidence enough.
    if (exact.length * quoteScore < DISTINCTIVE_LENGTH && contextScore < MIN_CONTEXT_SIMILARITY) continue;
    const score = combinedScore(quoteScore, prefixScore, suffixScore, positionScore(start, hint, text.length));
    if (best === null || score > best.score)
      best = { start, end, state: found.errors === 0 ? "exact" : "fuzzy", score };
  }
  return best;
}

/**
 * Finds the best approximate match of `target.exact` (at least MIN_QUOTE_SIMILARITY similar), scored on
 * quote, prefix, suffix and position similarity. Searches where the hint says first, then a window
 * around it, then the whole text (when `budget`, if given, affords it). Never throws; an empty quote
 * gives null. State is "exact" when the matched text has no errors.
 */
export function locateFuzzy(
  text: string,
  target: QuoteTarget,
  hint: number | undefined = target.hint,
  budget?: SearchBudget,
): TextMatch | null {
  const length = target.exact.length;
  if (length === 0 || text.length === 0) return null;
  const at = validHint(hint, text.length);
  // A search costs its stretch of text times the quote's length / 32. Near the hint that is little for
  // a quote of up to LONG_QUOTE characters; a longer one, searched in a stretch at least as long as
  // itself, costs the square of its length, so its searches there are charged like the whole text's.
  const affordsNear = (from: number, to: number): boolean =>
    !budget || length <= LONG_QUOTE || budget.spend(fuzzySearchCost(to - from, length));
  if (at !== undefined) {
    // Only the least-erroneous matches of a search come back, so a near-identical sentence next door
    // (a list of "Step 3: …", "Step 4: …") would hide the edited quote; where it was expected comes first.
    const slack = AT_HINT_SLACK + errorBudget(length);
    const start = Math.max(0, at - slack);
    const end = Math.min(text.length, at + length + slack);
    if (!affordsNear(start, end)) return null;
    const atHint = bestMatch(text, target, at, start, end);
    if (atHint !== null) return atHint;
    const { from, to } = windowAround(at, length, text.length);
    if (!affordsNear(from, to)) return null;
    const near = bestMatch(text, target, at, from, to);
    if (near !== null || (from === 0 && to === text.length)) return near;
  }
  if (budget && !budget.spend(fuzzySearchCost(text.length, length))) return null;
  return bestMatch(text, target, at, 0, text.length);
}
