import type { Lexicon } from "./lexicon";
import type { Range } from "./sentences";
import { type CueMatch, isPlausibleSource, type SourcePhrase, subjectBefore } from "./speakers";
import type { Token } from "./words";

/**
 * An attribution set in an "as" clause: "As X noted, …" opening the sentence, "A, as X noted, B"
 * inside it, or "…, as X has said." closing it. The claim is the rest of the sentence.
 */
export interface AsAside {
  source: SourcePhrase;
  /** Where the aside opens: the comma before "as", or "as" itself. */
  open: number;
  place: "opening" | "inside" | "closing";
  /** Opening and inside: the offset right after the comma that closes the aside. */
  after: number;
}

/** Punctuation that no aside spans (commas may: "as many experts, including X, have noted"; full stops of "Mr." may). */
const ASIDE_BREAKS = /[;:!?()"“”«»—–]/u;
/** Subordinators that may stand before an opening aside ("If, as X noted, …"). */
const OPENERS = new Set("if when while although though because since once".split(" "));
/** Words of at most this many an aside may take between its cue and its closing comma ("with a chart"). */
const TAIL_WORDS = 8;

/**
 * The "as" aside whose verb of saying is token `verb`, or null. "as" must open the sentence (after
 * a connective at most) or follow a comma, so "such as", "as well as" and "as much as" never count;
 * the words between "as" and the cue must be a plausible source.
 */
export function asAside(
  text: string,
  tokens: Token[],
  verb: number,
  cue: CueMatch,
  sentence: Range,
  sentenceEnd: number,
  lexicon: Lexicon,
): AsAside | null {
  let j = verb - 1;
  while (j >= 0 && (tokens[j] as Token).start >= cue.start) j--;
  const floor = Math.max(0, j - 10);
  for (; j >= floor; j--) {
    const token = tokens[j] as Token;
    if (ASIDE_BREAKS.test(text.slice(token.end, (tokens[j + 1] as Token).start))) return null;
    if (token.lower === "as") break;
  }
  if (j < floor) return null;
  const as = tokens[j] as Token;
  // "As X noted, …", "But as X noted, …", "If, as X noted, …": only connectives or a subordinator before it.
  let opening = true;
  for (let k = 0; k < j; k++)
    if (!lexicon.connectives.has((tokens[k] as Token).lower) && !OPENERS.has((tokens[k] as Token).lower))
      opening = false;
  let open = as.start;
  if (!opening || !/^[\s"“,]*$/u.test(text.slice(j > 0 ? (tokens[j - 1] as Token).end : sentence.start, as.start))) {
    opening = false;
    const before = text.slice(j > 0 ? (tokens[j - 1] as Token).end : sentence.start, as.start);
    if (j === 0 || !/^\s*,\s*$/u.test(before)) return null;
    open = (tokens[j - 1] as Token).end + before.indexOf(",");
  }
  // "as many tax experts, including Ms. Ortiz, have noted": the source is the phrase before its appositive.
  const comma = text.indexOf(",", as.end);
  const source =
    subjectBefore(text, as.end, cue.start, lexicon) ??
    (comma >= 0 && comma < cue.start ? subjectBefore(text, as.end, comma, lexicon) : null);
  if (!source || !isPlausibleSource(text, source, lexicon) || source.start < as.end) return null;
  // The aside ends at the next comma, a few words after its cue at most, or with the sentence.
  let words = 0;
  let at = cue.end;
  for (; at < sentenceEnd; at++) {
    const ch = text[at] as string;
    if (ch === ",") break;
    if (ASIDE_BREAKS.test(ch)) return null;
    if (/\s/u.test(ch) && !/\s/u.test(text[at + 1] ?? " ") && ++words > TAIL_WORDS) return null;
  }
  if (at >= sentenceEnd) return opening ? null : { source, open, place: "closing", after: sentenceEnd };
  return { source, open, place: opening ? "opening" : "inside", after: at + 1 };
}
