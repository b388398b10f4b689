/**
 * The counted noun after a count: "about 6,500 militants", "four different bosses", "hundreds of its
 * fighters", "one particular demand". No tagger is available, so the rules lean on what English
 * counted nouns look like (plural after numbers above one) and on the words that cannot be nouns.
 */

import type { Lang } from "./lang";
import { numberWord } from "./numbers";
import { type Ctx, isCapitalised, low, near, tight } from "./tokens";

// Function words, auxiliaries and the verbs and adverbs that most often follow a number in news.
const STOP: ReadonlySet<string> = new Set(
  (
    "a an the of to in on at by for with from into onto over under and or but nor as than that which who whom " +
    "whose this these those it its is are was were be been being am has have had do does did will would shall " +
    "should can could may might must not no so if then there here when where while per percent cent more less " +
    "most least each every all some any both either neither such only just also even still yet about around " +
    "after before since until up down out off through during between among against said says say told " +
    "according including plus minus ago he she they we you i his her their our your my them him us me what how " +
    "why later earlier left came went got made took saw became began ran won lost held met put set led fell " +
    "rose grew gave found think thought remain remained apiece respectively alone altogether overall too very " +
    "much many few several other another own same again back away last next first second third year-on-year " +
    "versus vs via hence thus whereas whether because though although unless once twice " +
    "die died dies killed hit reached reaches reach stood stands stand rising falling rose fell compared " +
    "de des du la le les et en à au aux un une y el los las del con por para que und der die das den dem ein " +
    "eine mit von für im am o os as um uma do da dos das em no na com que a na v ve se " +
    // prepositions and adverbs after a number in Romance and German news ("más de 2000 desde")
    "desde hasta sobre entre sin tras según hacia durante contra depuis dans sur sous avec sans pour vers " +
    "selon pendant chez entre seit bis über unter nach vor bei gegen ohne até sobre sem após"
  ).split(" "),
);

const IRREGULAR_PLURALS: ReadonlySet<string> = new Set([
  "people",
  "men",
  "women",
  "children",
  "police",
  "staff",
  "personnel",
  "feet",
  "teeth",
  "mice",
  "geese",
  "cattle",
  "sheep",
  "fish",
  "deer",
  "aircraft",
  "data",
  "media",
  "crew",
  "alumni",
  "criteria",
  "offspring",
  "livestock",
  "clergy",
  "militia",
  "spacecraft",
  "youth",
]);

// Determiners that may sit between a partitive "of" and its noun ("hundreds of its fighters").
const DETERMINERS: ReadonlySet<string> = new Set([
  "the",
  "its",
  "their",
  "his",
  "her",
  "our",
  "your",
  "my",
  "these",
  "those",
  "them",
  "les",
  "des",
  "ses",
  "leurs",
  "los",
  "las",
  "sus",
  "der",
  "die",
  "os",
  "as",
  "seus",
  "suas",
]);

const PARTITIVE: ReadonlySet<string> = new Set(["of", "de", "des", "d", "der", "z"]);

function isPlural(w: string, lang: Lang): boolean {
  if (IRREGULAR_PLURALS.has(w)) return true;
  if (w.length < 3) return false;
  if (lang === "en") return /s$/.test(w) && !/(ss|us|is|'s)$/.test(w);
  if (lang === "fr" || lang === "es" || lang === "pt") return /[sx]$/.test(w);
  return true;
}

const verbLike = (w: string): boolean =>
  (w.length > 4 && /ed$/.test(w) && !/(eed|ied)$/.test(w)) || (w.length > 5 && /ing$/.test(w));

const adverb = (w: string): boolean => w.length > 4 && /ly$/.test(w) && w !== "family" && w !== "supply";

/** One word of a noun phrase at token k (a hyphenated compound counts as one): its text and end. */
function wordAt(c: Ctx, k: number): { t: string; l: string; end: number } | null {
  const tok = c.toks[k];
  if (tok === undefined || tok.k !== "w" || !near(c, k)) return null;
  let end = k + 1;
  let t = tok.t;
  // "first-team", "gas-only", "e-commerce"
  while (end + 1 < c.toks.length && end < k + 5 && low(c, end) === "-" && tight(c, end) && tight(c, end + 1)) {
    const next = c.toks[end + 1];
    if (next === undefined || next.k !== "w") break;
    t += `-${next.t}`;
    end += 2;
  }
  return { t, l: t.toLowerCase(), end };
}

export interface NounOptions {
  lang: Lang;
  /** The count is one: the noun is singular ("one particular demand"). */
  singular: boolean;
  /** The quantity is vague or a fraction, so "of (the)" may come before the noun ("hundreds of its fighters"). */
  partitive: boolean;
}

/** The counted noun phrase starting at token j, as written, and the index past it; null when none. */
export function countedNoun(c: Ctx, j: number, o: NounOptions): { end: number; unit: string } | null {
  let k = j;
  if (o.partitive && PARTITIVE.has(low(c, k)) && near(c, k)) {
    k++;
    if (low(c, k) === "'") k++;
    if (DETERMINERS.has(low(c, k))) k++;
  } else if (o.partitive && DETERMINERS.has(low(c, k)) && o.lang === "en" && low(c, k) === "the") {
    // "half the revenue"
    k++;
  }
  const words: { t: string; l: string; end: number }[] = [];
  for (let n = 0; n < 3; n++) {
    const w = wordAt(c, k);
    if (w === null) break;
    if (STOP.has(w.l) || adverb(w.l) || numberWord(w.l, o.lang) !== undefined) break;
    if (w.t.length === 1) break;
    const capital = isCapitalised(w.t);
    if (o.lang === "de") {
      // German nouns are capitalised; the counted noun is the first one.
      if (capital) return { end: w.end, unit: w.t };
      words.push(w);
      k = w.end;
      continue;
    }
    // "Americans", "Germans": a capitalised plural is a counted noun even after "one in"
    if (isPlural(w.l, o.lang) && !(capital && w.t === w.t.toUpperCase())) {
      // a singular noun phrase ends before an -s word ("one idea holds")
      if (o.singular && words.length > 0) break;
      const all = [...words, w];
      return { end: w.end, unit: all.map((x) => x.t).join(" ") };
    }
    if (capital && o.lang !== "cs" && !o.singular) {
      // capitalised modifiers ("seven European countries") are kept only if a plural noun follows
      words.push(w);
      k = w.end;
      continue;
    }
    words.push(w);
    k = w.end;
  }
  const first = words[0];
  if (first === undefined || isCapitalised(first.t) || verbLike(first.l)) return null;
  if (o.singular) {
    const phrase = [];
    for (const w of words) {
      // "one idea holds": after the noun, an -s word is the verb
      if (isCapitalised(w.t) || verbLike(w.l) || (phrase.length > 0 && /s$/.test(w.l))) break;
      phrase.push(w);
    }
    const last = phrase[phrase.length - 1];
    return last === undefined ? null : { end: last.end, unit: phrase.map((x) => x.t).join(" ") };
  }
  // "12 page document", "a 3 cylinder engine": an attributive noun in the singular
  if (words.length >= 2 && !isCapitalised(words[1]?.t ?? "")) return { end: first.end, unit: first.t };
  if (o.lang !== "en") return { end: first.end, unit: first.t };
  return null;
}
