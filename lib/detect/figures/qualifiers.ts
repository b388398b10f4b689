/**
 * Words that say how exact a figure is: before it ("about", "up to", "more than", "environ", "mehr als"),
 * after it ("or more", "40-odd", "50+"), and for dates ("late 2019", "mid-2020", "fin 2019").
 */

import type { Qualifier } from "../types";
import type { Lang } from "./lang";
import { type Ctx, low, near, PhraseSet, tight } from "./tokens";

type Q = Qualifier;

const BEFORE_EN: [string, Q][] = [
  ["about", "approximately"],
  ["around", "approximately"],
  ["roughly", "approximately"],
  ["some", "approximately"],
  ["approximately", "approximately"],
  ["approx", "approximately"],
  ["approx.", "approximately"],
  ["nearly", "approximately"],
  ["almost", "approximately"],
  ["circa", "approximately"],
  ["ca.", "approximately"],
  ["close to", "approximately"],
  ["more or less", "approximately"],
  ["an estimated", "approximately"],
  ["estimated", "approximately"],
  ["just about", "approximately"],
  ["~", "approximately"],
  ["≈", "approximately"],
  ["up to", "at most"],
  ["as many as", "at most"],
  ["as much as", "at most"],
  ["as high as", "at most"],
  ["no more than", "at most"],
  ["not more than", "at most"],
  ["at most", "at most"],
  ["a maximum of", "at most"],
  ["maximum of", "at most"],
  ["a max of", "at most"],
  ["≤", "at most"],
  ["at least", "at least"],
  ["no fewer than", "at least"],
  ["no less than", "at least"],
  ["not less than", "at least"],
  ["not fewer than", "at least"],
  ["a minimum of", "at least"],
  ["minimum of", "at least"],
  ["≥", "at least"],
  ["more than", "more than"],
  ["over", "more than"],
  ["above", "more than"],
  ["upwards of", "more than"],
  ["upward of", "more than"],
  ["in excess of", "more than"],
  ["greater than", "more than"],
  ["higher than", "more than"],
  ["exceeding", "more than"],
  ["just over", "more than"],
  ["well over", "more than"],
  ["well above", "more than"],
  [">", "more than"],
  ["less than", "less than"],
  ["fewer than", "less than"],
  ["under", "less than"],
  ["below", "less than"],
  ["lower than", "less than"],
  ["just under", "less than"],
  ["just below", "less than"],
  ["just shy of", "less than"],
  ["shy of", "less than"],
  ["<", "less than"],
];

const BEFORE: Readonly<Record<Lang, [string, Q][]>> = {
  en: [],
  fr: [
    ["environ", "approximately"],
    ["près de", "approximately"],
    ["quelque", "approximately"],
    ["autour de", "approximately"],
    ["presque", "approximately"],
    ["à peu près", "approximately"],
    ["approximativement", "approximately"],
    ["jusqu'à", "at most"],
    ["au plus", "at most"],
    ["au maximum", "at most"],
    ["au moins", "at least"],
    ["au minimum", "at least"],
    ["plus de", "more than"],
    ["plus d'", "more than"],
    ["au-delà de", "more than"],
    ["moins de", "less than"],
    ["moins d'", "less than"],
  ],
  es: [
    ["unos", "approximately"],
    ["unas", "approximately"],
    ["alrededor de", "approximately"],
    ["cerca de", "approximately"],
    ["aproximadamente", "approximately"],
    ["casi", "approximately"],
    ["en torno a", "approximately"],
    ["hasta", "at most"],
    ["como máximo", "at most"],
    ["al menos", "at least"],
    ["por lo menos", "at least"],
    ["como mínimo", "at least"],
    ["más de", "more than"],
    ["menos de", "less than"],
  ],
  de: [
    ["etwa", "approximately"],
    ["rund", "approximately"],
    ["ungefähr", "approximately"],
    ["circa", "approximately"],
    ["ca.", "approximately"],
    ["fast", "approximately"],
    ["knapp", "approximately"],
    ["gut", "approximately"],
    ["bis zu", "at most"],
    ["höchstens", "at most"],
    ["maximal", "at most"],
    ["mindestens", "at least"],
    ["wenigstens", "at least"],
    ["mehr als", "more than"],
    ["über", "more than"],
    ["weniger als", "less than"],
    ["unter", "less than"],
  ],
  pt: [
    ["cerca de", "approximately"],
    ["aproximadamente", "approximately"],
    ["quase", "approximately"],
    ["uns", "approximately"],
    ["umas", "approximately"],
    ["por volta de", "approximately"],
    ["até", "at most"],
    ["no máximo", "at most"],
    ["pelo menos", "at least"],
    ["no mínimo", "at least"],
    ["mais de", "more than"],
    ["menos de", "less than"],
  ],
  cs: [
    ["asi", "approximately"],
    ["přibližně", "approximately"],
    ["zhruba", "approximately"],
    ["kolem", "approximately"],
    ["okolo", "approximately"],
    ["téměř", "approximately"],
    ["skoro", "approximately"],
    ["cca", "approximately"],
    ["cca.", "approximately"],
    ["až", "at most"],
    ["nejvýše", "at most"],
    ["maximálně", "at most"],
    ["nejméně", "at least"],
    ["alespoň", "at least"],
    ["minimálně", "at least"],
    ["více než", "more than"],
    ["víc než", "more than"],
    ["přes", "more than"],
    ["méně než", "less than"],
  ],
};

const AFTER: [string, Q][] = [
  ["or more", "at least"],
  ["or above", "at least"],
  ["or higher", "at least"],
  ["and above", "at least"],
  ["and up", "at least"],
  ["or so", "approximately"],
  ["or less", "at most"],
  ["or fewer", "at most"],
  ["at most", "at most"],
  ["at least", "at least"],
  ["+", "at least"],
  ["-plus", "at least"],
  ["plus", "at least"],
  ["-odd", "approximately"],
  ["odd", "approximately"],
  ["-ish", "approximately"],
  ["ou plus", "at least"],
  ["o más", "at least"],
  ["und mehr", "at least"],
  ["ou mais", "at least"],
];

const DATE_BEFORE: [string, Q][] = [
  ["early", "early"],
  ["mid", "mid"],
  ["mid-", "mid"],
  ["late", "late"],
  ["the end of", "late"],
  ["end of", "late"],
  ["the beginning of", "early"],
  ["beginning of", "early"],
  ["the start of", "early"],
  ["start of", "early"],
  ["the middle of", "mid"],
  ["the first half of", "early"],
  ["the second half of", "late"],
  ["début", "early"],
  ["fin", "late"],
  ["mi-", "mid"],
  ["principios de", "early"],
  ["comienzos de", "early"],
  ["mediados de", "mid"],
  ["finales de", "late"],
  ["fines de", "late"],
  ["Anfang", "early"],
  ["Mitte", "mid"],
  ["Ende", "late"],
  ["início de", "early"],
  ["meados de", "mid"],
  ["final de", "late"],
  ["fim de", "late"],
  ["začátkem", "early"],
  ["počátkem", "early"],
  ["koncem", "late"],
  ["v polovině", "mid"],
];

const beforeSets = new Map<Lang, PhraseSet<Q>>();
const afterSet = new PhraseSet<Q>(AFTER);
const dateSet = new PhraseSet<Q>(DATE_BEFORE);

function beforeSet(lang: Lang): PhraseSet<Q> {
  let set = beforeSets.get(lang);
  if (set === undefined) {
    set = new PhraseSet<Q>([...BEFORE[lang], ...BEFORE_EN]);
    beforeSets.set(lang, set);
  }
  return set;
}

// "all over 30 countries" and "game over" are not qualifiers; neither is "under" after "children".
const NOT_BEFORE_OVER: ReadonlySet<string> = new Set(["all", "game", "is", "was", "are", "were"]);

/** The qualifier written just before token `start` (not before token `min`): its value and first token. */
export function qualifierBefore(c: Ctx, start: number, lang: Lang, min: number): { start: number; q: Q } | null {
  if (start - 1 < min || !near(c, start)) return null;
  const m = beforeSet(lang).matchBefore(c, start);
  if (m === null || m.start < min) return null;
  const first = low(c, m.start);
  if ((first === "over" || first === "under") && NOT_BEFORE_OVER.has(low(c, m.start - 1))) return null;
  // "some" before a year or in "some of" is no approximation; the caller only asks before numbers.
  return { start: m.start, q: m.value };
}

/** The qualifier written just after token `end` ("or more", "-odd", "+"): its value and the index past it. */
export function qualifierAfter(c: Ctx, end: number): { end: number; q: Q } | null {
  const t = c.toks[end];
  if (t === undefined) return null;
  const m = afterSet.matchAt(c, end);
  if (m === null) return null;
  const glued = t.l === "+" || t.l === "-";
  if (glued && !tight(c, end)) return null;
  if (!glued && !near(c, end)) return null;
  // "50 + 3" is arithmetic; "50+" ends there
  if (t.l === "+" && c.toks[m.end]?.k === "n") return null;
  if (t.l === "plus" && c.toks[m.end] !== undefined && c.toks[m.end]?.k !== "p") return null;
  if (t.l === "odd" && c.toks[m.end]?.k === "w" && !near(c, m.end)) return null;
  return { end: m.end, q: m.value };
}

/** The period qualifier before a date ("late 2019", "mid-2020", "Ende 2019"): its value and first token. */
export function dateQualifierBefore(c: Ctx, start: number, min: number): { start: number; q: Q } | null {
  if (start - 1 < min) return null;
  const m = dateSet.matchBefore(c, start);
  if (m === null || m.start < min) return null;
  // "mid-" must be glued to the date; the others are separated by a space.
  if (low(c, start - 1) === "-" && !tight(c, start)) return null;
  if (low(c, start - 1) !== "-" && !near(c, start)) return null;
  return { start: m.start, q: m.value };
}
