/**
 * Dates and times: "November 28", "25 November 2024", "25 de noviembre de 2024", "25. listopadu 2024",
 * "2024-11-25", "11/25/2024", "January 2015", decades ("1990s"), year spans ("2014-15"), clock times
 * ("10:30 a.m.", "2 p.m.", "10h30", "14 Uhr"), and the rule that tells a year from a count.
 * Values are ISO-like: "2024-11-25", "--11-28", "2015-01", "2019", "199X", "2014/2015", "14:30".
 */

import type { Lang, LangProfile } from "./lang";
import { lookup } from "./lookup";
import { type Ctx, isCapitalised, isNum, isWord, low, near, PhraseSet, raw, tight } from "./tokens";

export interface DateMatch {
  /** Token range, end-exclusive. */
  start: number;
  end: number;
  value: string;
  kind: "date" | "time";
  /** True when the date names a month or year but no day, so "early/mid/late" may qualify it. */
  period: boolean;
  /** A machine's timestamp ("2019-09-01T10:38:07Z"): the page's metadata showing through, not the article's. */
  machine?: boolean;
}

const EN_MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const EN_ABBREVIATIONS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const EN_ABBR = lookup(EN_ABBREVIATIONS);

const MONTHS: Readonly<Record<Exclude<Lang, "en">, string[][]>> = {
  fr: [
    ["janvier", "janv"],
    ["février", "févr", "fevrier"],
    ["mars"],
    ["avril", "avr"],
    ["mai"],
    ["juin"],
    ["juillet", "juil"],
    ["août", "aout"],
    ["septembre", "sept"],
    ["octobre", "oct"],
    ["novembre", "nov"],
    ["décembre", "déc", "decembre"],
  ],
  es: [
    ["enero"],
    ["febrero"],
    ["marzo"],
    ["abril"],
    ["mayo"],
    ["junio"],
    ["julio"],
    ["agosto"],
    ["septiembre", "setiembre"],
    ["octubre"],
    ["noviembre"],
    ["diciembre"],
  ],
  de: [
    ["januar", "jänner"],
    ["februar"],
    ["märz"],
    ["april"],
    ["mai"],
    ["juni"],
    ["juli"],
    ["august"],
    ["september"],
    ["oktober"],
    ["november"],
    ["dezember"],
  ],
  pt: [
    ["janeiro"],
    ["fevereiro"],
    ["março"],
    ["abril"],
    ["maio"],
    ["junho"],
    ["julho"],
    ["agosto"],
    ["setembro"],
    ["outubro"],
    ["novembro"],
    ["dezembro"],
  ],
  cs: [
    ["leden", "ledna", "lednu"],
    ["únor", "února", "únoru"],
    ["březen", "března", "březnu"],
    ["duben", "dubna", "dubnu"],
    ["květen", "května", "květnu"],
    ["červen", "června", "červnu"],
    ["červenec", "července", "červenci"],
    ["srpen", "srpna", "srpnu"],
    ["září"],
    ["říjen", "října", "říjnu"],
    ["listopad", "listopadu"],
    ["prosinec", "prosince", "prosinci"],
  ],
};

// Abbreviated month names, which may carry a dot ("janv.", "sept.").
const ABBREVIATIONS: ReadonlySet<string> = new Set(["janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc"]);

const monthTables = new Map<Lang, Map<string, number>>();
function monthTable(lang: Lang): Map<string, number> {
  let m = monthTables.get(lang);
  if (m === undefined) {
    m = new Map();
    if (lang !== "en") {
      for (const [k, forms] of MONTHS[lang].entries()) for (const f of forms) m.set(f, k + 1);
    }
    monthTables.set(lang, m);
  }
  return m;
}

/** Every word monthAt may read as a month in this language: English names and abbreviations, and the language's. */
export function monthWordsOf(lang: Lang): string[] {
  return [...EN_MONTHS, ...Object.keys(EN_ABBREVIATIONS), ...monthTable(lang).keys()];
}

/** The month number (1–12) of the word at token i, and the index past it (an abbreviation's dot included). */
export function monthAt(c: Ctx, i: number, lang: Lang): { month: number; end: number } | null {
  const t = c.toks[i];
  if (t === undefined || t.k !== "w") return null;
  const dot = low(c, i + 1) === "." && tight(c, i + 1) ? 1 : 0;
  // English month names are capitalised: "may" and "march" are verbs.
  if (isCapitalised(t.t)) {
    const full = EN_MONTHS.indexOf(t.l);
    if (full >= 0) return { month: full + 1, end: i + 1 };
    const abbr = EN_ABBR.get(t.l);
    if (abbr !== undefined && t.t.length <= 4) return { month: abbr, end: i + 1 + dot };
  }
  if (lang === "en") return null;
  const m = monthTable(lang).get(t.l);
  if (m === undefined) return null;
  return { month: m, end: i + 1 + (ABBREVIATIONS.has(t.l) ? dot : 0) };
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** The value of the 4-digit year at token i, or null. */
function yearAt(c: Ctx, i: number): number | null {
  const t = c.toks[i];
  if (t === undefined || t.k !== "n" || t.t.length !== 4 || t.t[0] === "0") return null;
  // "2019,5" or "2019.5" is a decimal, "2019-20" a span the caller reads
  const after = c.text[t.e];
  if ((after === "," || after === ".") && /[0-9]/.test(c.text[t.e + 1] ?? "")) return null;
  const v = Number(t.t);
  return v >= 1000 && v <= 2999 ? v : null;
}

function dayAt(c: Ctx, i: number): number | null {
  const t = c.toks[i];
  if (t === undefined || t.k !== "n" || t.t.length > 2) return null;
  const v = Number(t.t);
  return v >= 1 && v <= 31 ? v : null;
}

const ORDINAL_SUFFIX: ReadonlySet<string> = new Set(["st", "nd", "rd", "th", "er", "º", "o"]);

/** Index past an ordinal suffix glued to the day ("28th", "1er", "25."), or i when none. */
function skipOrdinal(c: Ctx, i: number, lang: Lang): number {
  if (ORDINAL_SUFFIX.has(low(c, i)) && tight(c, i)) return i + 1;
  if ((lang === "de" || lang === "cs") && low(c, i) === "." && tight(c, i)) return i + 1;
  return i;
}

// Determiners and prepositions that link a month and year ("June of 2018", "noviembre de 2024").
const MONTH_YEAR_LINK: ReadonlySet<string> = new Set(["of", "de", "del", ","]);

const plural = (w: string) => w.length > 3 && /s$/.test(w) && !/(ss|us|is)$/.test(w);

/** A date that starts with a month name at token i ("November 28", "Nov. 28, 2024", "January 2015"). */
export function dateFromMonth(c: Ctx, i: number, p: LangProfile): DateMatch | null {
  const m = monthAt(c, i, p.lang);
  if (m === null) return null;
  let j = m.end;
  // "Nov, 29, 2016": a stray comma after the month, read only with the whole date ("in May, 29 died")
  if (low(c, j) === "," && dayAt(c, j + 1) !== null && low(c, j + 2) === "," && near(c, j + 3)) {
    const year = yearAt(c, j + 3);
    if (year !== null && tight(c, j + 2)) {
      const value = `${year}-${pad(m.month)}-${pad(dayAt(c, j + 1) as number)}`;
      return { start: i, end: j + 4, value, kind: "date", period: false };
    }
  }
  const day = near(c, j) ? dayAt(c, j) : null;
  if (day !== null && !(low(c, j + 1) === ":" && tight(c, j + 1))) {
    const k = skipOrdinal(c, j + 1, p.lang);
    // "in March 20 people were hurt": a count, not a day
    const next = c.toks[k];
    const countFollows = next !== undefined && next.k === "w" && IRREGULAR_PLURALS.has(next.l);
    const decimal = (low(c, k) === "," || low(c, k) === ".") && isNum(c, k + 1) && tight(c, k + 1);
    if (!countFollows && !decimal) {
      let y = k;
      if (low(c, y) === ",") y++;
      const year = near(c, y) ? yearAt(c, y) : null;
      if (year !== null && !(isWord(c, y + 1) && tight(c, y + 1))) {
        return { start: i, end: y + 1, value: `${year}-${pad(m.month)}-${pad(day)}`, kind: "date", period: false };
      }
      return { start: i, end: k, value: `--${pad(m.month)}-${pad(day)}`, kind: "date", period: false };
    }
  }
  if (MONTH_YEAR_LINK.has(low(c, j)) && near(c, j)) j++;
  const year = near(c, j) ? yearAt(c, j) : null;
  if (year !== null && !(isWord(c, j + 1) && tight(c, j + 1))) {
    return { start: i, end: j + 1, value: `${year}-${pad(m.month)}`, kind: "date", period: true };
  }
  return monthAlone(c, i, m.end, m.month);
}

// Words of time after which a month named alone is a date ("in October", "since May", "early March",
// "mid-December", "en octobre", "desde marzo", "im Mai", "em maio", "v říjnu").
const MONTH_CUES: ReadonlySet<string> = new Set([
  "in",
  "since",
  "until",
  "till",
  "during",
  "early",
  "late",
  "mid",
  "last",
  "next",
  "this",
  "en",
  "depuis",
  "début",
  "fin",
  "mi",
  "dès",
  "desde",
  "hasta",
  "im",
  "seit",
  "bis",
  "anfang",
  "ende",
  "mitte",
  "em",
  "até",
  "v",
  "od",
]);

// Weaker cues, not trusted before a month that is also a name ("by May", "from June" may be people).
const WEAK_MONTH_CUES: ReadonlySet<string> = new Set(["by", "from", "through", "before", "after", "of", "do"]);
const NAME_MONTHS: ReadonlySet<string> = new Set(["may", "june", "april", "august"]);

/** A month named alone after a word of time ("in October", "mid-December"): a date with no year ("--10"). */
function monthAlone(c: Ctx, i: number, end: number, month: number): DateMatch | null {
  // "Nov" alone is too short to be sure of; "May's", "October-November" are a name or another shape
  if (EN_ABBR.has(low(c, i)) || ABBREVIATIONS.has(low(c, i))) return null;
  const next = low(c, end);
  if ((next === "'" || next === "-") && tight(c, end)) return null;
  let cue = low(c, i - 1);
  if (cue === "-" && tight(c, i) && tight(c, i - 1)) cue = low(c, i - 2);
  else if (!near(c, i)) return null;
  // "the Fourth of July", "the Ides of March": a name
  if (cue === "of" && isCapitalised(raw(c, i - 2))) return null;
  const strong = MONTH_CUES.has(cue);
  if (!strong && !(WEAK_MONTH_CUES.has(cue) && !NAME_MONTHS.has(low(c, i)))) return null;
  // "February of last year" is a relative date, like "last week": not read (LABELING.md leaves those optional)
  if (next === "of" && RELATIVE_YEARS.has(low(c, end + 1)) && low(c, end + 2) === "year") return null;
  return { start: i, end, value: `--${pad(month)}`, kind: "date", period: true };
}

const RELATIVE_YEARS: ReadonlySet<string> = new Set(["last", "next", "this", "that"]);

/** A date that starts with its day at token i ("25 November 2024", "28 novembre", "25. listopadu"). */
function dateFromDay(c: Ctx, i: number, p: LangProfile): DateMatch | null {
  const day = dayAt(c, i);
  if (day === null) return null;
  let j = skipOrdinal(c, i + 1, p.lang);
  if (low(c, j) === "of" || low(c, j) === "de") j++;
  if (!near(c, j)) return null;
  const m = monthAt(c, j, p.lang);
  if (m === null) return null;
  let y = m.end;
  if (low(c, y) === "," || low(c, y) === "de" || low(c, y) === "del") y++;
  const year = near(c, y) ? yearAt(c, y) : null;
  if (year !== null && !(isWord(c, y + 1) && tight(c, y + 1))) {
    return { start: i, end: y + 1, value: `${year}-${pad(m.month)}-${pad(day)}`, kind: "date", period: false };
  }
  return { start: i, end: m.end, value: `--${pad(m.month)}-${pad(day)}`, kind: "date", period: false };
}

const validYmd = (y: number, mo: number, d: number) =>
  y >= 1000 && y <= 2999 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31;

/** Numeric dates at token i: "2024-11-25" (with an optional time), "25/11/2024", "11/25/2024", "25.11.2024". */
function numericDate(c: Ctx, i: number, p: LangProfile): DateMatch | null {
  const a = c.toks[i];
  const s1 = c.toks[i + 1];
  const b = c.toks[i + 2];
  const s2 = c.toks[i + 3];
  const d = c.toks[i + 4];
  if (a === undefined || s1 === undefined || b === undefined || s2 === undefined || d === undefined) return null;
  if (b.k !== "n" || d.k !== "n" || s1.l !== s2.l || !(s1.l === "-" || s1.l === "/" || s1.l === ".")) return null;
  for (let k = i + 1; k <= i + 4; k++) if (!tight(c, k)) return null;
  // a longer dotted or dashed chain is a version number or a phone number
  if (c.toks[i + 5]?.l === s1.l && isNum(c, i + 6) && tight(c, i + 6)) return null;
  const A = Number(a.t);
  const B = Number(b.t);
  const D = Number(d.t);
  if (a.t.length === 4 && b.t.length <= 2 && d.t.length <= 2 && s1.l !== ".") {
    if (!validYmd(A, B, D)) return null;
    let end = i + 5;
    // an ISO timestamp: keep its time part inside the date, and say it is a machine's
    let machine = false;
    if (raw(c, end) === "T" || (raw(c, end).startsWith("T") && tight(c, end))) {
      machine = true;
      let k = end;
      while (k < c.toks.length && k < end + 12 && tight(c, k) && /^[T0-9:.Z+]|^\d/.test(raw(c, k))) k++;
      // a sentence's full stop is not part of the timestamp
      while (k > end && (low(c, k - 1) === "." || low(c, k - 1) === ":" || low(c, k - 1) === "+")) k--;
      end = k;
    }
    return { start: i, end, value: `${A}-${pad(B)}-${pad(D)}`, kind: "date", period: false, machine };
  }
  if (a.t.length > 2 || b.t.length > 2 || !(d.t.length === 4 || (d.t.length === 2 && s1.l === "/"))) return null;
  const year = d.t.length === 4 ? D : D < 50 ? 2000 + D : 1900 + D;
  let month = p.monthFirst && s1.l === "/" ? A : B;
  let day = p.monthFirst && s1.l === "/" ? B : A;
  if (month > 12 && day <= 12) [month, day] = [day, month];
  if (!validYmd(year, month, day)) return null;
  return { start: i, end: i + 5, value: `${year}-${pad(month)}-${pad(day)}`, kind: "date", period: false };
}

const AM_PM = new PhraseSet<"am" | "pm">([
  ["a.m.", "am"],
  ["a.m", "am"],
  ["am", "am"],
  ["a. m.", "am"],
  ["p.m.", "pm"],
  ["p.m", "pm"],
  ["pm", "pm"],
  ["p. m.", "pm"],
]);

const ZONES: ReadonlySet<string> = new Set([
  "GMT",
  "UTC",
  "BST",
  "CET",
  "CEST",
  "EET",
  "EEST",
  "MSK",
  "IST",
  "JST",
  "EST",
  "EDT",
  "CST",
  "CDT",
  "MST",
  "MDT",
  "PST",
  "PDT",
  "ET",
  "PT",
  "CT",
  "MT",
  "AEST",
  "AEDT",
  "HKT",
  "SGT",
  "Z",
]);

/** True when the word is a time zone abbreviation ("GMT", "ET"). */
export function isZone(word: string): boolean {
  return ZONES.has(word);
}

function withMeridiem(c: Ctx, j: number, h: number, min: number, start: number, strongOnly: boolean): DateMatch | null {
  const ap = near(c, j) ? AM_PM.matchAt(c, j) : null;
  let end = j;
  let hour = h;
  if (ap !== null) {
    if (h < 1 || h > 12) return null;
    hour = ap.value === "pm" ? (h % 12) + 12 : h % 12;
    end = ap.end;
  } else if (strongOnly) {
    return null;
  }
  if (hour > 23 || min > 59) return null;
  if (ZONES.has(raw(c, end)) && near(c, end)) end++;
  return { start, end, value: `${pad(hour)}:${pad(min)}`, kind: "time", period: false };
}

/** A clock time at token i: "10:30 a.m.", "17:22", "2 p.m.", "1.56pm", "10h30", "14 Uhr", "0401 GMT". */
export function timeAt(c: Ctx, i: number, p: LangProfile, strongOnly: boolean): DateMatch | null {
  const a = c.toks[i];
  if (a === undefined || a.k !== "n" || a.t.length > 2) {
    // "0401 GMT"
    if (a?.k === "n" && a.t.length === 4 && ZONES.has(raw(c, i + 1)) && near(c, i + 1)) {
      const h = Number(a.t.slice(0, 2));
      const m = Number(a.t.slice(2));
      if (h <= 23 && m <= 59)
        return { start: i, end: i + 2, value: `${pad(h)}:${pad(m)}`, kind: "time", period: false };
    }
    return null;
  }
  const h = Number(a.t);
  const sep = low(c, i + 1);
  const mm = c.toks[i + 2];
  if ((sep === ":" || sep === "." || (sep === "h" && p.lang === "fr")) && mm?.k === "n" && mm.t.length === 2) {
    if (tight(c, i + 1) && tight(c, i + 2)) {
      let j = i + 3;
      // seconds
      if (low(c, j) === ":" && tight(c, j) && isNum(c, j + 1) && raw(c, j + 1).length === 2 && tight(c, j + 1)) j += 2;
      if (low(c, j) === "uhr" && near(c, j)) return withMeridiem(c, j + 1, h, Number(mm.t), i, false);
      // "1.56pm" needs its am/pm; "10:30" alone is a time, "3:16" after a name is a verse
      return withMeridiem(c, j, h, Number(mm.t), i, sep !== ":" && sep !== "h" ? true : strongOnly);
    }
  }
  if (sep === "h" && p.lang === "fr" && tight(c, i + 1) && !isWord(c, i + 2)) {
    return h <= 23 ? { start: i, end: i + 2, value: `${pad(h)}:00`, kind: "time", period: false } : null;
  }
  if (sep === "uhr" && near(c, i + 1)) {
    return h <= 23 ? { start: i, end: i + 2, value: `${pad(h)}:00`, kind: "time", period: false } : null;
  }
  return withMeridiem(c, i + 1, h, 0, i, true);
}

/** A decade ("1990s", "1990's") or a span of years ("2014-15", "2019–2020", "2019/20") at token i. */
function decadeOrSpan(c: Ctx, i: number): DateMatch | null {
  const y = yearAt(c, i);
  if (y === null) return null;
  const next = c.toks[i + 1];
  if (next === undefined || !tight(c, i + 1)) return null;
  if (next.t === "s" && y % 10 === 0) {
    return { start: i, end: i + 2, value: `${String(y).slice(0, 3)}X`, kind: "date", period: true };
  }
  if (next.l === "'" && low(c, i + 2) === "s" && tight(c, i + 2) && y % 10 === 0) {
    return { start: i, end: i + 3, value: `${String(y).slice(0, 3)}X`, kind: "date", period: true };
  }
  if (next.l !== "-" && next.l !== "/") return null;
  const b = c.toks[i + 2];
  if (b === undefined || b.k !== "n" || !tight(c, i + 2)) return null;
  if (isNum(c, i + 4) && tight(c, i + 3) && tight(c, i + 4)) return null;
  let end: number | null = null;
  if (b.t.length === 1) {
    // a season or fiscal year written short: "1998-9", "2008/9"
    const e = Math.floor(y / 10) * 10 + Number(b.t);
    if (e > y) end = e;
  } else if (b.t.length === 2) {
    // "1999-00" ends in the next century
    const e = (y % 100 === 99 && b.t === "00" ? y + 1 : Math.floor(y / 100) * 100 + Number(b.t)) as number;
    // "2008-09" is a season, not September: a leading zero only when the years follow each other
    if (e > y && (b.t[0] !== "0" || next.l === "/" || e === y + 1)) end = e;
  } else if (b.t.length === 4) {
    const e = Number(b.t);
    if (e > y && e - y <= 100) end = e;
  }
  if (end === null) return null;
  return { start: i, end: i + 3, value: `${y}/${end}`, kind: "date", period: true };
}

/** Any date or strong time that starts at the number token i (the caller tries month-first dates itself). */
export function dateFromNumber(c: Ctx, i: number, p: LangProfile): DateMatch | null {
  return numericDate(c, i, p) ?? dateFromDay(c, i, p) ?? decadeOrSpan(c, i) ?? timeAt(c, i, p, true);
}

/** The month and year of an ISO "YYYY-MM" at token i ("2019-05"), which a span reading would get wrong. */
export function isoMonth(c: Ctx, i: number): DateMatch | null {
  const y = yearAt(c, i);
  const m = c.toks[i + 2];
  if (y === null || low(c, i + 1) !== "-" || m === undefined || m.k !== "n" || m.t.length !== 2) return null;
  if (!tight(c, i + 1) || !tight(c, i + 2) || m.t[0] !== "0" || m.t === "00") return null;
  if (isNum(c, i + 4) && tight(c, i + 3)) return null;
  return { start: i, end: i + 3, value: `${y}-${m.t}`, kind: "date", period: true };
}

// Words after which a bare four-digit number is a year ("in 2019", "seit 2015", "depuis 2019").
const STRONG_YEAR_CUES: ReadonlySet<string> = new Set([
  "in",
  "since",
  "until",
  "till",
  "during",
  "before",
  "after",
  "circa",
  "year",
  "by",
  "early",
  "late",
  "mid",
  "spring",
  "summer",
  "autumn",
  "fall",
  "winter",
  "en",
  "depuis",
  "avant",
  "après",
  "jusqu'en",
  "dès",
  "année",
  "desde",
  "hasta",
  "antes",
  "después",
  "año",
  "im",
  "seit",
  "bis",
  "vor",
  "nach",
  "jahr",
  "ab",
  "em",
  "até",
  "depois",
  "ano",
  "roce",
  "roku",
  "od",
  "do",
  "před",
  "po",
]);

// Determiners after which a year may still modify a plural noun ("its 2018 sales", "the 2020 elections").
const DETERMINERS: ReadonlySet<string> = new Set([
  "the",
  "its",
  "their",
  "his",
  "her",
  "our",
  "this",
  "that",
  "s",
  "a",
]);

const IRREGULAR_PLURALS: ReadonlySet<string> = new Set([
  "people",
  "men",
  "women",
  "children",
  "police",
  "staff",
  "troops",
  "feet",
  "cattle",
  "personnel",
]);

export interface YearCues {
  /** The qualifier before the number, if any. */
  qualifier: string | null;
}

/**
 * Whether the bare integer at token i (no unit, currency or scale) is a year rather than a count.
 * The cue words before it and a counted noun after it decide; without either, a plausible year is one.
 */
export function isYear(c: Ctx, i: number, value: number, cues: YearCues): boolean {
  if (!Number.isInteger(value) || value < 1000 || value > 2200) return false;
  const next = c.toks[i + 1];
  const countFollows =
    next !== undefined &&
    next.k === "w" &&
    near(c, i + 1) &&
    !isCapitalised(next.t) &&
    (plural(next.l) || IRREGULAR_PLURALS.has(next.l));
  if (cues.qualifier !== null) {
    if (cues.qualifier !== "approximately") return false;
    // "dates from around 1490": a year cue before the qualifier vouches for an older year
    const cue = low(c, i - 2);
    return !countFollows && (value >= 1900 || STRONG_YEAR_CUES.has(cue) || cue === "from");
  }
  const prev = low(c, i - 1);
  if (STRONG_YEAR_CUES.has(prev)) return true;
  if (value > 2100) return false;
  // "Merck's 2018 sales", "the 2020 elections": a year before a noun after a name or determiner
  const name = isWord(c, i - 1) && isCapitalised(raw(c, i - 1)) && !STRONG_YEAR_CUES.has(prev);
  if (countFollows) return (DETERMINERS.has(prev) || name) && value >= 1900;
  return value >= 1500;
}
