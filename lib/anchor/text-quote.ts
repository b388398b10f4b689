import type { QuoteTarget, TextMatch } from "./locate";
import { occurrences } from "./occurrences";
import { exactSearchCost, type SearchBudget } from "./search-budget";

/**
 * Weights of a candidate's score, as Hypothesis weighs them: the quote itself counts most, each side's
 * context less, and the distance to the expected position only breaks near-ties.
 */
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/**
 * Half a window, in characters, around an expected position: wide enough for the shift a page's
 * navigation or an edit above the quote causes, narrow enough that searching it costs microseconds.
 */
const WINDOW_BASE = 4096;
const WINDOW_PER_QUOTE_CHAR = 8;

/**
 * Quotes at least this long are taken where they occur even when no context agrees: a phrase of this
 * length repeated elsewhere in an article is rare, and its context is often what an edit changed.
 */
export const DISTINCTIVE_LENGTH = 20;

/** The weighted score of a candidate in [0, 1], from its quote, prefix, suffix and position similarities. */
export function combinedScore(quote: number, prefix: number, suffix: number, position: number): number {
  return (
    (QUOTE_WEIGHT * quote + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix + POSITION_WEIGHT * position) / TOTAL_WEIGHT
  );
}

/** Closeness of `start` to the expected offset in [0, 1]: 1 there, 0 a whole text away (1 with no hint). */
export function positionScore(start: number, hint: number | undefined, textLength: number): number {
  if (hint === undefined || textLength === 0) return 1;
  return Math.max(0, 1 - Math.abs(start - hint) / textLength);
}

/** The slice [from, to) of a text of `textLength` to search first for a quote of `quoteLength` expected at `hint`. */
export function windowAround(hint: number, quoteLength: number, textLength: number): { from: number; to: number } {
  const half = WINDOW_BASE + WINDOW_PER_QUOTE_CHAR * quoteLength;
  return { from: Math.max(0, hint - half), to: Math.min(textLength, hint + quoteLength + half) };
}

/** A usable start offset from a caller's hint: finite, clamped into the text; undefined otherwise. */
export function validHint(hint: number | undefined, textLength: number): number | undefined {
  if (typeof hint !== "number" || !Number.isFinite(hint)) return undefined;
  return Math.min(textLength, Math.max(0, Math.round(hint)));
}

/** How many characters of `prefix`, read backwards from its end, equal the text just before `at`. */
function prefixAgreement(text: string, at: number, prefix: string): number {
  const limit = Math.min(prefix.length, at);
  let n = 0;
  while (n < limit && text.charCodeAt(at - 1 - n) === prefix.charCodeAt(prefix.length - 1 - n)) n++;
  return n;
}

/** How many characters of `suffix`, read from its start, equal the text from `at` on. */
function suffixAgreement(text: string, at: number, suffix: string): number {
  const limit = Math.min(suffix.length, text.length - at);
  let n = 0;
  while (n < limit && text.charCodeAt(at + n) === suffix.charCodeAt(n)) n++;
  return n;
}

interface ExactCandidate {
  start: number;
  /** How many occurrences the search saw. */
  count: number;
  /** Context characters that agree, counted outwards from the quote on both sides. */
  agreement: number;
  distance: number;
}

/** The best occurrence of `exact` in text[from, to): most agreeing context first, then nearest the hint. */
function bestOccurrence(
  text: string,
  target: QuoteTarget,
  hint: number | undefined,
  from: number,
  to: number,
): ExactCandidate | null {
  const { exact, prefix, suffix } = target;
  // Searching a slice bounds the scan: a search of the whole text would run on past `to` when nothing is there.
  const haystack = from === 0 && to === text.length ? text : text.slice(from, to);
  const anchor = hint ?? 0;
  let best: ExactCandidate | null = null;
  let count = 0;
  for (const i of occurrences(haystack, exact)) {
    count++;
    const start = from + i;
    const agreement = prefixAgreement(text, start, prefix) + suffixAgreement(text, start + exact.length, suffix);
    const distance = hint === undefined ? 0 : Math.abs(start - anchor);
    if (best === null || agreement > best.agreement || (agreement === best.agreement && distance < best.distance))
      best = { start, count, agreement, distance };
  }
  if (best) best.count = count;
  return best;
}

/** Does a candidate's context agree with the target's: at least half of the context characters given. */
function contextAgrees(target: QuoteTarget, agreement: number): boolean {
  const given = target.prefix.length + target.suffix.length;
  return given === 0 || agreement * 2 >= given;
}

/** The match of an exact occurrence starting at `start`, scored like a fuzzy one (quote similarity 1). */
function exactMatch(text: string, target: QuoteTarget, start: number, hint: number | undefined): TextMatch {
  const end = start + target.exact.length;
  const { prefix, suffix } = target;
  const prefixScore = prefix.length === 0 ? 1 : prefixAgreement(text, start, prefix) / prefix.length;
  const suffixScore = suffix.length === 0 ? 1 : suffixAgreement(text, end, suffix) / suffix.length;
  const score = combinedScore(1, prefixScore, suffixScore, positionScore(start, hint, text.length));
  return { start, end, state: "exact", score };
}

/**
 * Finds `target.exact` verbatim: the occurrence whose prefix and suffix agree most, the nearest to `hint`
 * among equals. Searches a window around the hint first and the whole text only when the window has no
 * occurrence whose context agrees (and `budget`, when given, affords it). An occurrence whose context
 * disagrees is taken only for a distinctive (long) quote, or with `acceptUnique` when it is the text's
 * only occurrence (the quote is known to be in this text: a page whose extracted article dropped the
 * words around it); otherwise null, leaving the choice to the position and fuzzy steps.
 */
export function locateExact(
  text: string,
  target: QuoteTarget,
  hint: number | undefined = target.hint,
  acceptUnique = false,
  budget?: SearchBudget,
): TextMatch | null {
  const { exact } = target;
  if (exact.length === 0 || exact.length > text.length) return null;
  const at = validHint(hint, text.length);
  let best: ExactCandidate | null = null;
  let searchedAll = false;
  if (at !== undefined) {
    const { from, to } = windowAround(at, exact.length, text.length);
    best = bestOccurrence(text, target, at, from, to);
    searchedAll = from === 0 && to === text.length;
  }
  // Without the whole-text search, the window's count says nothing of the quote being unique.
  let counted = searchedAll;
  if (!searchedAll && (best === null || !contextAgrees(target, best.agreement))) {
    if (!budget || budget.spend(exactSearchCost(text.length))) {
      best = bestOccurrence(text, target, at, 0, text.length);
      counted = true;
    }
  }
  if (best === null) return null;
  const unique = acceptUnique && counted && best.count === 1 && (searchedAll || !contextAgrees(target, best.agreement));
  if (!contextAgrees(target, best.agreement) && exact.length < DISTINCTIVE_LENGTH && !unique) return null;
  return exactMatch(text, target, best.start, at);
}

/**
 * Finds `target.exact` verbatim at `hint` (within `slack` characters, nearest first) whatever its context:
 * where a stored position still holds the quote, the quote is there even if every copy's context changed.
 */
export function locateAtPosition(
  text: string,
  target: QuoteTarget,
  hint: number | undefined,
  slack = 0,
): TextMatch | null {
  const { exact } = target;
  const at = validHint(hint, text.length);
  if (exact.length === 0 || at === undefined) return null;
  const from = Math.max(0, at - slack);
  const to = Math.min(text.length, at + slack + exact.length);
  const haystack = text.slice(from, to);
  let nearest = -1;
  for (const i of occurrences(haystack, exact)) {
    if (nearest === -1 || Math.abs(from + i - at) < Math.abs(nearest - at)) nearest = from + i;
  }
  return nearest === -1 ? null : exactMatch(text, target, nearest, at);
}
