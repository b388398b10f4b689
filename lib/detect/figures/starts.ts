/**
 * Which tokens can start a figure. Most tokens of a page are ordinary words and punctuation that no rule
 * reads as the first token of a figure; a cheap test lets the scan step over them instead of running every
 * date and number rule on each. The word sets are built from the rules' own tables and are supersets: a
 * token that passes still goes through all the rules, so this changes only the speed.
 */

import { monthWordsOf } from "./dates";
import type { Lang } from "./lang";
import { numberStartsOf, vulgarFraction } from "./numbers";
import { shapeOf, type Tok } from "./tokens";

/** The words that may start a figure in one language, with a quick pre-test of their shape. */
export interface StartWords {
  words: ReadonlySet<string>;
  /** Marks the shapes (see `Tok.shape`) of the words, so most other words are turned away without hashing them. */
  shapes: Uint8Array;
}

const startWordSets = new Map<Lang, StartWords>();

/** Lower-case words that may start a figure: month names (dates) and number words (spelled numbers). */
export function startWords(lang: Lang): StartWords {
  let set = startWordSets.get(lang);
  if (set === undefined) {
    const words = new Set([...monthWordsOf(lang), ...numberStartsOf(lang)]);
    const shapes = new Uint8Array(1 << 16);
    for (const w of words) shapes[shapeOf(w)] = 1;
    set = { words, shapes };
    startWordSets.set(lang, set);
  }
  return set;
}

/** False when no rule can read a figure starting at this token; `starts` belongs to the page language. */
export function mayStart(t: Tok, starts: StartWords): boolean {
  if (t.k === "n") return true;
  // punctuation starts a figure only as a vulgar fraction ("½ cup"), and those are all from U+00BC on
  if (t.k === "p") return t.t.charCodeAt(0) >= 0xbc && vulgarFraction(t.t) !== undefined;
  return starts.shapes[t.shape()] === 1 && starts.words.has(t.l);
}
