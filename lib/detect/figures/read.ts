/**
 * Reads the figure that starts at one token: a date or time, or a quantity (numeral, scale, currency,
 * unit or counted noun) with its qualifier, or a range, ratio or score made of two numbers. Every read
 * looks a bounded number of tokens around its start, so a whole block is read in linear time.
 */

import type { FigureDetection, FigureKind, Qualifier } from "../types";
import { type DateMatch, dateFromMonth, dateFromNumber, isoMonth, isYear, isZone, timeAt } from "./dates";
import {
  furniture,
  gluedToName,
  labelledBefore,
  listNumber,
  markup,
  nameTally,
  ordinalDot,
  ordinalSuffix,
  phoneEnd,
  schemeIdentifier,
  streetNumber,
  wordLabelledBefore,
} from "./identifiers";
import type { LangProfile } from "./lang";
import { operand, powerAt, timesTenAt } from "./math";
import { countedNoun } from "./nouns";
import { numberWord, parseDigits, parseNumberWords, vulgarFraction } from "./numbers";
import { dateQualifierBefore, qualifierAfter, qualifierBefore } from "./qualifiers";
import { changeBefore, connectorAt, introBefore, sportsNear } from "./ranges";
import { mayStart, type StartWords } from "./starts";
import { type Ctx, isCapitalised, isNum, isWord, low, near, raw, tight, tokAt } from "./tokens";
import {
  matchCurrencyAfter,
  matchCurrencyBefore,
  matchMeasure,
  matchPercent,
  matchRate,
  matchScale,
  matchTimeUnit,
} from "./units";

/** A figure found in token coordinates (start and end are token indexes); the caller turns it into a detection. */
export type Found = Pick<
  FigureDetection,
  "start" | "end" | "figureKind" | "value" | "unit" | "qualifier" | "confidence"
>;

/** A unit a later number inherits from an earlier one ("dropped from 208 pounds to 193"). */
export interface Inherited {
  unit: string | null;
  kind: FigureKind;
}

export interface ReadState {
  p: LangProfile;
  /** The words that may start a figure in the page language (see starts.ts). */
  starts: StartWords;
  /** First token the read may look back to: the end of the previous figure. */
  min: number;
  inherit: Map<number, Inherited>;
}

export interface ReadResult {
  found: Found[];
  /** Token to continue scanning from (always past the start token). */
  next: number;
}

interface Core {
  start: number;
  end: number;
  value: number | null;
  vague: boolean;
  fraction: boolean;
  one: boolean;
  words: boolean;
  /** The spelled number ends in a scale word ("three million"). */
  scaledWords: boolean;
  integer: boolean;
  intDigits: string;
  grouped: boolean;
  signed: boolean;
  /** A round number that means "about" ("une quinzaine"). */
  approx?: boolean;
  /** Ends in a collective noun ("une douzaine", "un millier"): its noun follows "de", "of". */
  collective?: boolean;
}

interface Quantity {
  /** Token range of currency, numeral, scale and unit, end-exclusive. */
  start: number;
  end: number;
  core: Core;
  /** The numeral's own value, before any scale. */
  raw: number | null;
  mult: number;
  value: number | null;
  kind: FigureKind;
  unit: string | null;
  /** The unit is a currency, percent or measure (not a counted noun). */
  unitExplicit: boolean;
}

type Skip = { skip: number };

const isSkip = (x: Quantity | Skip | null): x is Skip => x !== null && "skip" in x;

// Video resolutions are names of formats, not amounts of pence.
const RESOLUTIONS: ReadonlySet<string> = new Set(["240", "360", "480", "576", "720", "1080", "1440", "2160", "4320"]);

// Glued after a number these make a name ("Windows 10", "24/7", "9/11"); they are idioms, not ratios.
const SLASH_IDIOMS: ReadonlySet<string> = new Set(["24/7", "9/11", "7/11", "4/20"]);

// A capitalised number word inside a sentence is part of a name ("Formula One", "the Big Three").
function sentenceStart(c: Ctx, i: number): boolean {
  const prev = c.toks[i - 1];
  if (prev === undefined) return true;
  return prev.k === "p" && /[.!?:;"“”‘’'([«»„—\-*•]/.test(prev.t);
}

/** The same state with another look-back limit. */
const withMin = (st: ReadState, min: number): ReadState => ({ p: st.p, starts: st.starts, min, inherit: st.inherit });

/** Past a chain of glued letters, digits and joiners ("COVID-19", "9AB8", "3.5.1"), starting at token i. */
function skipChain(c: Ctx, i: number): number {
  let k = i + 1;
  while (k < c.toks.length && k < i + 12 && tight(c, k)) {
    const t = c.toks[k];
    if (t === undefined) break;
    const joiner = t.l === "-" || t.l === "." || t.l === "/" || t.l === "_" || (t.l === "," && isNum(c, k + 1));
    if (joiner && !(tight(c, k + 1) && (isNum(c, k + 1) || isWord(c, k + 1)))) break;
    if (!(t.k === "n" || t.k === "w" || joiner)) break;
    k++;
  }
  return k;
}

/** Past everything glued to token i, up to the next space ("10.1016/j.respol.2004.01.006"). */
function skipGlued(c: Ctx, i: number): number {
  let k = i + 1;
  while (k < c.toks.length && k < i + 40 && tight(c, k)) k++;
  return k;
}

function readCore(c: Ctx, i: number, st: ReadState): Core | null {
  const t = c.toks[i];
  if (t === undefined) return null;
  const p = st.p;
  if (t.k === "n") {
    const last = c.toks[c.toks.length - 1];
    const num = parseDigits(c.text, t.s, last === undefined ? t.e : last.e, p);
    let end = tokAt(c, num.end);
    let start = i;
    let value = num.value;
    let integer = num.integer;
    // ".001 per cent": a decimal without its zero
    if (
      low(c, i - 1) === "." &&
      tight(c, i) &&
      i - 1 >= st.min &&
      !tight(c, i - 1) &&
      num.integer &&
      !num.grouped &&
      p.decimal === "."
    ) {
      value = Number(`0.${num.intDigits}`);
      integer = false;
      start = i - 1;
    }
    let signed = false;
    const s = low(c, start - 1);
    if ((s === "-" || s === "+") && tight(c, start) && start - 1 >= st.min) {
      if (!tight(c, start - 1) || low(c, start - 2) === "(") {
        signed = true;
        if (s === "-") value = -value;
        start--;
      }
    }
    // "2½", "6 ½ minutes"
    const vf = vulgarFraction(raw(c, end));
    if (vf !== undefined && near(c, end) && integer && !num.grouped) {
      value += value < 0 ? -vf : vf;
      integer = false;
      end++;
    }
    return {
      start,
      end,
      value,
      vague: false,
      fraction: false,
      one: false,
      words: false,
      scaledWords: false,
      integer,
      intDigits: num.intDigits,
      grouped: num.grouped,
      signed,
    };
  }
  if (t.k === "p") {
    const vf = vulgarFraction(t.t);
    if (vf === undefined) return null;
    return {
      start: i,
      end: i + 1,
      value: vf,
      vague: false,
      fraction: true,
      one: false,
      words: false,
      scaledWords: false,
      integer: false,
      intDigits: "",
      grouped: false,
      signed: false,
    };
  }
  const w = parseNumberWords(c, i, p.lang);
  if (w === null) return null;
  if (isCapitalised(t.t) && !sentenceStart(c, i)) return null;
  return {
    signed: false,
    start: w.start,
    end: w.end,
    value: w.value,
    vague: w.vague,
    fraction: w.fraction,
    one: w.one,
    words: true,
    scaledWords: w.scaled,
    approx: w.approx,
    collective: w.collective,
    integer: w.value !== null && Number.isInteger(w.value),
    intDigits: "",
    grouped: false,
  };
}

// "no one", "the one", "at one point": "one" after these is a pronoun or an idiom.
const NOT_BEFORE_ONE: ReadonlySet<string> = new Set([
  "no",
  "any",
  "every",
  "each",
  "the",
  "this",
  "that",
  "which",
  "at",
  "some",
]);
// "in one day", "for one day" count a day; "one day he left" does not.
const BEFORE_ONE_DAY: ReadonlySet<string> = new Set(["in", "for", "within", "after", "than", "only", "just", "per"]);

// "one thing", "one way", "on the one hand": idioms, not counts.
const ONE_IDIOMS: ReadonlySet<string> = new Set(["thing", "way", "hand", "another", "day", "time", "point", "side"]);
// Words after which "one" counts: verbs, prepositions, focus adverbs ("have one", "in one year", "only one").
const ONE_CUES: ReadonlySet<string> = new Set(
  (
    "have had has is was are were be been being with without in on for from by into than only just about " +
    "nearly almost exactly and or but to of get got take took make made need needs want wants own owns buy " +
    "bought sell sold hire hired add added lose lost win won kill killed injure injured find found there " +
    "least most over under per among including"
  ).split(" "),
);

const COMPOUND_IDIOMS: ReadonlySet<string> = new Set([
  "way",
  "fold",
  "off",
  "sided",
  "on",
  "of",
  "and",
  "or",
  "to",
  "strong",
]);

// "over 10 years" is "more than" after these; elsewhere ("cost $1bn over 66 years") it means "during".
const OVER_AS_MORE: ReadonlySet<string> = new Set(
  "for in after within of than took takes take spent spend lasted lasting been aged ago".split(" "),
);

/** Reads currency, numeral, scale and unit at token i; a Skip when the number is an identifier. */
function readQuantity(c: Ctx, i: number, st: ReadState): Quantity | Skip | null {
  const p = st.p;
  const core = readCore(c, i, st);
  if (core === null) return null;
  let start = core.start;
  let money: string | null = null;
  if (!core.words) {
    const cb = matchCurrencyBefore(c, core.start);
    if (cb !== null && cb.start >= st.min) {
      money = cb.code;
      start = cb.start;
    }
  }
  if (!core.words && money === null && c.toks[i]?.k === "n" && gluedToName(c, i)) return { skip: skipChain(c, i) };
  let j = core.end;
  if (!core.words && (ordinalSuffix(c, j, p.lang) || ordinalDot(c, i, j, p.lang))) return { skip: j + 1 };
  // "3.5.1", "192.168.0.1": a dotted chain is a version or an address
  const dotted = c.toks[j + 1];
  if (!core.words && low(c, j) === "." && tight(c, j) && tight(c, j + 1) && dotted !== undefined) {
    if (dotted.k === "n" || (dotted.k === "w" && dotted.t.length === 1)) return { skip: skipChain(c, j) };
  }
  let mult = 1;
  let scaled = core.scaledWords;
  if (!core.vague) {
    for (let n = 0; n < 2; n++) {
      const sc = matchScale(c, j, p, money !== null);
      if (sc === null) break;
      mult *= sc.mult;
      j = sc.end;
      scaled = true;
    }
  }
  let unit: string | null = null;
  let kind: FigureKind = "count";
  let explicit = false;
  const pc = matchPercent(c, j);
  if (pc !== null) {
    unit = pc.unit;
    kind = "percent";
    j = pc.end;
    explicit = true;
  } else {
    const ca = money === null ? matchCurrencyAfter(c, j, p, scaled || core.vague) : null;
    if (ca !== null) {
      money = ca.unit;
      j = ca.end;
    } else if (money === null) {
      const ms = matchMeasure(c, j, p);
      if (ms !== null) {
        unit = ms.unit;
        kind = ms.kind;
        j = ms.end;
        explicit = true;
      } else if (low(c, j) === "-" && tight(c, j) && isWord(c, j + 1) && tight(c, j + 1)) {
        // "five-year", "2.4-liter", "65-year-old", "four-cylinder"
        const cm = matchMeasure(c, j + 1, p);
        const cp = matchPercent(c, j + 1);
        const cc = matchCurrencyAfter(c, j + 1, p, true);
        const w = c.toks[j + 1];
        if (cc !== null && c.toks[j + 1]?.k === "w") {
          // "a billion-dollar deal"
          money = cc.unit;
          j = cc.end;
        } else if (cm !== null) {
          unit = cm.unit;
          kind = cm.kind;
          j = cm.end;
          explicit = true;
        } else if (cp !== null) {
          unit = cp.unit;
          kind = "percent";
          j = cp.end;
          explicit = true;
        } else if (w !== undefined && qualifierAfter(c, j) === null) {
          const lower = w.t === w.l;
          if (!lower && !core.words) return { skip: skipChain(c, i) };
          if (
            !lower ||
            core.one ||
            w.t.length < 2 ||
            COMPOUND_IDIOMS.has(w.l) ||
            numberWord(w.l, p.lang) !== undefined
          ) {
            if (core.one) return { skip: j + 2 };
          } else {
            unit = w.t;
            j += 2;
          }
        }
      } else if (!core.words && isWord(c, j) && tight(c, j)) {
        // letters glued to digits that are no unit: "5G", "4K", "1080p"; but "164p" is pence
        if (raw(c, j) === "p" && !RESOLUTIONS.has(core.intDigits) && !(isWord(c, j + 1) && tight(c, j + 1))) {
          money = "GBX";
          j++;
        } else {
          return { skip: skipChain(c, i) };
        }
      }
    }
  }
  if (money !== null) {
    kind = "money";
    unit = money;
    explicit = true;
  }
  if (explicit) {
    const rate = matchRate(c, j);
    if (rate !== null) {
      unit = `${unit}${rate.unit}`;
      j = rate.end;
    }
  }
  const value = core.value === null ? null : core.value * mult;
  return { start, end: j, core, raw: core.value, mult, value, kind, unit, unitExplicit: explicit };
}

/** A bare number: no currency, unit or scale, digits only, neither grouped nor signed. */
const bare = (q: Quantity) =>
  !q.unitExplicit && q.mult === 1 && !q.core.words && !q.core.grouped && !q.core.signed && q.core.integer;

const yearShaped = (q: Quantity) =>
  bare(q) && q.core.intDigits.length === 4 && q.core.intDigits[0] !== "0" && (q.value ?? 0) <= 2200;

function dateFound(c: Ctx, d: DateMatch, st: ReadState): ReadResult {
  let start = d.start;
  let qualifier: Qualifier | null = null;
  if (d.period) {
    const dq = dateQualifierBefore(c, d.start, st.min);
    if (dq !== null) {
      start = dq.start;
      qualifier = dq.q;
    }
  }
  const found: Found = {
    start,
    end: d.end,
    figureKind: d.kind,
    value: d.value,
    unit: null,
    qualifier,
    confidence: 0.9,
  };
  return { found: [found], next: d.end };
}

/** The figure or figures starting at token i, or null when token i starts none. */
export function readAt(c: Ctx, i: number, st: ReadState): ReadResult | null {
  const t = c.toks[i];
  if (t === undefined) return null;
  const p = st.p;
  // Most tokens start nothing; a rule added below that starts at a new kind of word must add it to starts.ts.
  if (!mayStart(t, st.starts)) return null;
  if (t.k === "w") {
    const d = dateFromMonth(c, i, p);
    if (d !== null) return dateFound(c, d, st);
  }
  if (t.k === "n") {
    const cur = matchCurrencyBefore(c, i);
    const hasCurrency = cur !== null && cur.start >= st.min;
    if (!hasCurrency && gluedToName(c, i)) return { found: [], next: skipChain(c, i) };
    if (schemeIdentifier(c, i)) return { found: [], next: skipGlued(c, i) };
    const phone = phoneEnd(c, i);
    if (phone !== null) return { found: [], next: phone };
    const pw = hasCurrency ? null : powerAt(c, i);
    if (pw !== null) return expression(c, i, pw.end, pw.value, st);
    if (!hasCurrency) {
      const d = dateFromNumber(c, i, p) ?? isoMonth(c, i);
      // a machine's timestamp is the page's metadata (LABELING.md: page furniture)
      if (d?.machine === true) return { found: [], next: d.end };
      if (d !== null) return dateFound(c, d, st);
      if ((low(c, i + 1) === ":" || low(c, i + 1) === "h") && tight(c, i + 1)) {
        const tm = timeAt(c, i, p, false);
        if (tm !== null) {
          // "John 3:16" is a verse; "GMT 17:22" a time
          if (labelledBefore(c, i) && !isZone(raw(c, i - 1))) return { found: [], next: tm.end };
          return dateFound(c, tm, st);
        }
      }
    }
  }
  const q = readQuantity(c, i, st);
  if (q === null) return null;
  if (isSkip(q)) return { found: [], next: Math.max(i + 1, q.skip) };
  return finish(c, i, q, st);
}

function finish(c: Ctx, i: number, q: Quantity, st: ReadState): ReadResult | null {
  const p = st.p;
  const core = q.core;
  const next = Math.max(i + 1, q.end);
  // Identifiers that only show once we know nothing quantitative follows the number.
  const plain = !q.unitExplicit && q.mult === 1 && !core.words;
  if (!core.words && (markup(c, core.start, core.end, p.lang) || (plain && listNumber(c, core.start, q.end)))) {
    return { found: [], next };
  }
  // "twelve o'clock", "6 o'clock": a time
  const clock = oClock(c, q);
  if (clock !== null) return dateFound(c, clock, st);
  // "number two", "phase three": a spelled label
  if (core.words && !q.unitExplicit && wordLabelledBefore(c, core.start)) return { found: [], next };
  // A year inside a name is still a date ("the Digital Economy Act 2017"); other labelled numbers are names.
  const year = yearShaped(q) && isYear(c, core.start, core.value ?? 0, { qualifier: null });
  if (!q.unitExplicit && q.mult === 1 && !core.words && !year && labelledBefore(c, core.start)) {
    // "beat Chelsea 2-1" is a score even after a name
    const score = low(c, q.end) === "-" && tight(c, q.end) && isNum(c, q.end + 1) && sportsNear(c, q.start, q.end + 2);
    if (!score) return { found: [], next: skipChain(c, core.end - 1) };
  }
  if (!core.words && (furniture(c, core.end) || furniture(c, q.end))) return { found: [], next };
  if (bare(q) && (streetNumber(c, q.end) || nameTally(c, core.start))) return { found: [], next };
  // "x² = 4", "N + 0": an operand of written arithmetic counts nothing on its own
  if (bare(q) && operand(c, core.start, q.end) && !countsAfter(c, q.end, p)) return { found: [], next };
  // "6.02 × 10^23 molecules": scientific notation is one number
  if (!q.unitExplicit && q.mult === 1 && !core.words && core.value !== null) {
    const ten = timesTenAt(c, q.end);
    if (ten !== null)
      return expression(
        c,
        q.start,
        ten.end,
        ten.value === null ? null : Number((core.value * ten.value).toPrecision(15)),
        st,
      );
  }
  const pre = qualifierBefore(c, q.start, p.lang, st.min);

  // Two numbers: ratio, range, change, score.
  const two = core.value !== null && !core.vague ? readSecond(c, q, pre, st) : null;
  if (two !== null) return two;

  let start = q.start;
  let end = q.end;
  let value: number | string | null = q.value;
  let unit = q.unit;
  let kind = q.kind;
  let qualifier: Qualifier | null = pre?.q ?? null;
  if (pre !== null) start = pre.start;

  // A year, not a count: "in 2019", "the 2003 Iron Bowl"
  if (yearShaped(q) && isYear(c, core.start, core.value ?? 0, { qualifier: pre?.q ?? null })) {
    // "around 1490": an approximate year keeps its qualifier
    const dq = dateQualifierBefore(c, q.start, st.min) ?? (pre?.q === "approximately" ? pre : null);
    const found: Found = {
      start: dq?.start ?? q.start,
      end: q.end,
      figureKind: "date",
      value: core.intDigits,
      unit: null,
      qualifier: dq?.q ?? null,
      confidence: 0.85,
    };
    return { found: [found], next };
  }

  const inherited = st.inherit.get(core.start);
  if (inherited !== undefined && unit === null) {
    unit = inherited.unit;
    kind = inherited.kind;
  }

  if (kind === "count" && unit === null) {
    // "tens of millions of dollars"
    if (core.vague) {
      const ca = matchCurrencyAfter(c, end, p, true);
      if (ca !== null) {
        kind = "money";
        unit = ca.unit;
        end = ca.end;
      }
    }
    if (unit === null) {
      const noun = countedNoun(c, end, {
        lang: p.lang,
        singular: core.one || core.fraction,
        partitive: core.vague || core.fraction || q.mult !== 1 || core.scaledWords || core.collective === true,
      });
      if (noun !== null) {
        unit = noun.unit;
        end = noun.end;
      }
    }
    if (core.fraction) kind = "ratio";
  }
  // "one" is a figure only when it counts a noun: not "one of the", "no one", "one another", "at one point".
  if (core.one) {
    const prev = low(c, core.start - 1);
    if (unit === null || NOT_BEFORE_ONE.has(prev) || ONE_IDIOMS.has(unit.toLowerCase())) return { found: [], next };
    // "a decent one costs": after an adjective "one" is a pronoun; after a verb or preposition it counts
    const p0 = c.toks[core.start - 1];
    if (p0 !== undefined && p0.k === "w" && !sentenceStart(c, core.start) && !ONE_CUES.has(prev) && !/ed$/.test(prev)) {
      return { found: [], next };
    }
    if (kind === "duration" && unit === "days" && !BEFORE_ONE_DAY.has(prev)) {
      return { found: [], next };
    }
  }
  // "a day or two", "a thing or two": an idiom of vagueness, not a count
  if (core.words && unit === null && low(c, core.start - 1) === "or" && isWord(c, core.start - 2)) {
    if (numberWord(low(c, core.start - 2), p.lang) === undefined) return { found: [], next };
  }
  // "zero" is a figure only with its noun ("zero deaths"), never in "net zero" or "zero tolerance".
  if (core.words && core.value === 0 && (unit === null || low(c, core.start - 1) === "net")) return { found: [], next };

  if (kind === "duration" && pre !== null && low(c, pre.start) === "over" && pre.start === q.start - 1) {
    if (!OVER_AS_MORE.has(low(c, pre.start - 1))) {
      qualifier = null;
      start = q.start;
    }
  }
  const post = qualifierAfter(c, end);
  if (post !== null) {
    end = post.end;
    qualifier ??= post.q;
  }
  if (core.vague) {
    value = null;
    qualifier ??= "vague";
  }
  if (core.approx === true) qualifier ??= "approximately";
  const confidence = core.one
    ? 0.5
    : core.vague
      ? 0.6
      : core.words
        ? 0.7
        : q.unitExplicit || unit !== null
          ? 0.9
          : 0.75;
  return {
    found: [{ start, end, figureKind: kind, value, unit, qualifier, confidence }],
    next: Math.max(next, end),
  };
}

/** A number written as arithmetic at tokens [i, end) ("10^5", "2^15 − 1 bytes"): one figure with its unit or noun. */
function expression(c: Ctx, i: number, end: number, value: number | null, st: ReadState): ReadResult {
  const p = st.p;
  let j = end;
  let unit: string | null = null;
  let kind: FigureKind = "count";
  const ms = matchMeasure(c, j, p);
  if (ms !== null) {
    unit = ms.unit;
    kind = ms.kind;
    j = ms.end;
  } else {
    const noun = countedNoun(c, j, { lang: p.lang, singular: false, partitive: false });
    if (noun !== null) {
      unit = noun.unit;
      j = noun.end;
    }
  }
  const pre = qualifierBefore(c, i, p.lang, st.min);
  const found: Found = {
    start: pre?.start ?? i,
    end: j,
    figureKind: kind,
    value,
    unit,
    qualifier: pre?.q ?? null,
    confidence: 0.7,
  };
  return { found: [found], next: j };
}

/** "twelve o'clock", "6 o'clock": an hour from 1 to 12 before "o'clock", as a time. */
function oClock(c: Ctx, q: Quantity): DateMatch | null {
  const v = q.core.value;
  const j = q.end;
  if (v === null || !Number.isInteger(v) || v < 1 || v > 12 || q.unit !== null || q.mult !== 1) return null;
  if (low(c, j) !== "o" || low(c, j + 1) !== "'" || low(c, j + 2) !== "clock" || !near(c, j)) return null;
  if (!tight(c, j + 1) || !tight(c, j + 2)) return null;
  return { start: q.start, end: j + 3, value: `${String(v).padStart(2, "0")}:00`, kind: "time", period: false };
}

const RANGE_QUALIFIER: Qualifier = "at least";

/** Ratios, ranges, changes and scores: the quantity q followed by a second number. */
function readSecond(
  c: Ctx,
  q: Quantity,
  pre: { start: number; q: Qualifier } | null,
  st: ReadState,
): ReadResult | null {
  const p = st.p;
  const core = q.core;
  const j = q.end;
  const v1 = q.value ?? 0;

  // Ratios: "1 in 5", "one out of three", "3/4", "1⁄32", "3:1"
  if (!q.unitExplicit && q.mult === 1 && core.integer && !core.signed) {
    let k = -1;
    if (low(c, j) === "in" && near(c, j)) k = j + 1;
    else if (low(c, j) === "out" && low(c, j + 1) === "of" && near(c, j + 1)) k = j + 2;
    if (k > 0 && near(c, k)) {
      const den = readCore(c, k, withMin(st, k));
      const yearLike = den !== null && !den.words && den.intDigits.length === 4 && !den.grouped;
      if (den !== null && den.value !== null && den.integer && !den.vague && !yearLike && v1 < den.value && v1 > 0) {
        if (!(isWord(c, den.end) && tight(c, den.end))) {
          return ratio(c, q, pre, den.end, v1 / den.value, st);
        }
      }
    }
    const slash = low(c, j) === "/" || raw(c, j) === "\u2044";
    if (!core.words && (slash || low(c, j) === ":") && tight(c, j) && isNum(c, j + 1) && tight(c, j + 1)) {
      const den = readCore(c, j + 1, withMin(st, j + 1));
      if (den !== null && den.value !== null && den.value !== 0 && den.integer) {
        if (SLASH_IDIOMS.has(`${core.intDigits}/${den.intDigits}`)) return { found: [], next: den.end };
        if (isWord(c, den.end) && tight(c, den.end)) return null;
        return ratio(c, q, pre, den.end, v1 / den.value, st);
      }
    }
  }

  // Dimensions: "1800 x 1920 pixels", "3 × 4 m" name a size, not two counts or two years
  if (!core.words && (low(c, j) === "x" || raw(c, j) === "×") && near(c, j) && isNum(c, j + 1) && near(c, j + 1)) {
    const s = readQuantity(c, j + 1, withMin(st, j + 1));
    if (s !== null && !isSkip(s) && !s.core.words) {
      let end = s.end;
      let unit = s.unit;
      if (unit === null) {
        const noun = countedNoun(c, end, { lang: p.lang, singular: false, partitive: false });
        if (noun !== null) {
          unit = noun.unit;
          end = noun.end;
        }
      }
      const kind: FigureKind = s.kind === "measure" ? "measure" : "other";
      const found: Found = {
        start: q.start,
        end,
        figureKind: kind,
        value: null,
        unit,
        qualifier: null,
        confidence: 0.7,
      };
      return { found: [found], next: end };
    }
  }

  const intro = pre === null ? introBefore(c, q.start, p.lang, st.min) : null;
  const conn = connectorAt(c, j, p.lang, intro?.intro ?? null);
  if (conn === null) return null;
  if (pre !== null && !conn.dash) return null;
  const second = readQuantity(c, numeralFrom(c, conn.next), withMin(st, conn.next));
  if (second === null || isSkip(second) || second.value === null || second.core.vague) return null;
  const s = second;
  const v2 = s.value ?? 0;

  // Scores: "won 2-1", "a 4-4 draw"
  if (conn.dash && bare(q) && bare(s) && core.intDigits.length <= 2 && s.core.intDigits.length <= 2) {
    if (v1 >= v2 || sportsNear(c, q.start, s.end)) {
      const found: Found = {
        start: q.start,
        end: s.end,
        figureKind: "other",
        value: null,
        unit: null,
        qualifier: null,
        confidence: 0.5,
      };
      return { found: [found], next: s.end };
    }
  }

  // Tallies: "passed 52 to 48", "won 3 to 1": a descending pair of bare counts, not a range or a change
  if (!conn.dash && intro === null && bare(q) && bare(s) && v1 > v2 && !yearShaped(q) && !changeBefore(c, q.start)) {
    const noun = countedNoun(c, s.end, { lang: p.lang, singular: false, partitive: false });
    const end = noun?.end ?? s.end;
    const found: Found = {
      start: q.start,
      end,
      figureKind: "other",
      value: null,
      unit: noun?.unit ?? null,
      qualifier: null,
      confidence: 0.5,
    };
    return { found: [found], next: end };
  }

  // Spans of years: "between 1600 and 1900", "from 2014 to 2017"
  if (yearShaped(q) && yearShaped(s) && v2 > v1 && (intro !== null || conn.dash)) {
    const bothYears =
      isYear(c, core.start, v1, { qualifier: null }) && isYear(c, s.core.start, v2, { qualifier: null });
    // "between 1250 and 1300" with nothing counted after it: medieval years have no cue of their own
    const oldSpan = intro !== null && v1 >= 1000 && v2 - v1 <= 300 && !countsAfter(c, s.end, p);
    if (bothYears || oldSpan) {
      const start = intro?.adjacent ? intro.start : q.start;
      const found: Found = {
        start,
        end: s.end,
        figureKind: "date",
        value: `${core.intDigits}/${s.core.intDigits}`,
        unit: null,
        qualifier: null,
        confidence: 0.85,
      };
      return { found: [found], next: s.end };
    }
  }

  // The first number takes the second's scale and unit when it has none ("33-35 billion euros", "3-5%").
  const far = s.unitExplicit || s.mult !== 1 ? s : (farEnd(c, s, st) ?? s);
  let low1 = v1;
  if (q.mult === 1 && !core.scaledWords && far.mult !== 1 && (q.raw ?? 0) < (s.raw ?? 0))
    low1 = (q.raw ?? 0) * far.mult;
  // "$500,000 to $1 million a year": the rate after the second end applies to the whole range
  const sameUnit = q.unit === s.unit || (q.unit !== null && (s.unit ?? "").startsWith(`${q.unit}/`));
  const compatible = !q.unitExplicit || (sameUnit && q.kind === s.kind);
  const change = intro?.intro === "from" && changeBefore(c, intro.start);

  if (change || !compatible || low1 >= v2) {
    if (change && !q.unitExplicit && far.unitExplicit) {
      // "increase from 24.2 to 33-35 billion euros": the first value is in the second's unit
      const found = plainFigure(q, pre, low1, far.unit, far.kind);
      return { found: [found], next: conn.next };
    }
    if (change && q.unitExplicit && !s.unitExplicit) st.inherit.set(s.core.start, { unit: q.unit, kind: q.kind });
    return null;
  }

  let end = s.end;
  let unit = s.unit;
  let kind = s.kind;
  if (!s.unitExplicit && q.unitExplicit) {
    unit = q.unit;
    kind = q.kind;
  }
  if (kind === "count" && unit === null) {
    const noun = countedNoun(c, end, { lang: p.lang, singular: false, partitive: s.mult !== 1 });
    if (noun !== null) {
      unit = noun.unit;
      end = noun.end;
    }
  }
  // "approximately 10-11%": a qualifier before the range describes the whole of it
  const found: Found = {
    start: pre !== null ? pre.start : intro?.adjacent ? intro.start : q.start,
    end,
    figureKind: kind,
    value: low1,
    unit,
    qualifier: pre !== null ? pre.q : RANGE_QUALIFIER,
    confidence: 0.8,
  };
  return { found: [found], next: end };
}

/** True when a counted noun or a unit follows token j ("1250 and 1300 troops"). */
function countsAfter(c: Ctx, j: number, p: LangProfile): boolean {
  return (
    countedNoun(c, j, { lang: p.lang, singular: false, partitive: false }) !== null || matchMeasure(c, j, p) !== null
  );
}

/** The first numeral at or just after token k (past a currency sign: "to $5 billion"). */
function numeralFrom(c: Ctx, k: number): number {
  for (let n = k; n < k + 4 && n < c.toks.length; n++) {
    const t = c.toks[n];
    if (t === undefined) break;
    if (t.k === "n") return n;
    if (n > k && !near(c, n)) break;
  }
  return k;
}

/** The far end of a dashed range that starts with quantity s ("33-35 billion euros" from "33"). */
function farEnd(c: Ctx, s: Quantity, st: ReadState): Quantity | null {
  const conn = connectorAt(c, s.end, st.p.lang, null);
  if (conn === null || !conn.dash) return null;
  const t = readQuantity(c, numeralFrom(c, conn.next), withMin(st, conn.next));
  return t === null || isSkip(t) ? null : t;
}

function plainFigure(
  q: Quantity,
  pre: { start: number; q: Qualifier } | null,
  value: number,
  unit: string | null,
  kind: FigureKind,
): Found {
  return {
    start: pre?.start ?? q.start,
    end: q.end,
    figureKind: kind,
    value,
    unit,
    qualifier: pre?.q ?? null,
    confidence: 0.75,
  };
}

function ratio(
  c: Ctx,
  q: Quantity,
  pre: { start: number; q: Qualifier } | null,
  denEnd: number,
  value: number,
  st: ReadState,
): ReadResult {
  let end = denEnd;
  let unit: string | null = null;
  const noun = countedNoun(c, end, { lang: st.p.lang, singular: true, partitive: true });
  if (noun !== null) {
    unit = noun.unit;
    end = noun.end;
  } else {
    const tu = matchTimeUnit(c, end, st.p);
    if (tu !== null) {
      unit = tu.unit;
      end = tu.end;
    }
  }
  const found: Found = {
    start: pre?.start ?? q.start,
    end,
    figureKind: "ratio",
    value,
    unit,
    qualifier: pre?.q ?? null,
    confidence: 0.8,
  };
  return { found: [found], next: end };
}
