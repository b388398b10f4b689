/**
 * Numerals written in digits (with the grouping and decimal marks of the page's language) and numbers
 * written in words ("twenty-eight thousand", "two-thirds", "hundreds", "trois millions").
 */

import type { Lang, LangProfile } from "./lang";
import { lookup } from "./lookup";
import { spacedGroups, unitSignAfter } from "./marks";
import { type Ctx, isWord, low, near, tight } from "./tokens";

export interface Numeral {
  value: number;
  /** Char offset just past the numeral. */
  end: number;
  integer: boolean;
  /** Digits of the integer part, without separators ("2019", "6500"). */
  intDigits: string;
  /** True when the numeral has a thousands separator. */
  grouped: boolean;
}

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= "0" && ch <= "9";

// Spaces that only ever group digits; an ordinary space groups digits only in some languages.
const THIN_SPACES: ReadonlySet<string> = new Set(["\u00a0", "\u202f", "\u2009", "\u2007"]);

// A numeral longer than this is not a number a reader quantifies with; the bound keeps scanning linear.
const MAX_RUNS = 8;
const MAX_RUN_DIGITS = 24;

/** Reads the numeral starting at a digit at `pos`, deciding grouping and decimals by the language. */
export function parseDigits(text: string, pos: number, limit: number, p: LangProfile): Numeral {
  let k = pos;
  while (k < limit && k - pos < MAX_RUN_DIGITS && isDigit(text[k])) k++;
  const after = text[k] ?? "";
  if (
    k + 1 >= limit ||
    !isDigit(text[k + 1]) ||
    !(after === "," || after === "." || after === " " || THIN_SPACES.has(after))
  ) {
    // the common case: a plain run of digits
    const d = text.slice(pos, k);
    return { value: Number(d), end: k, integer: true, intDigits: d, grouped: false };
  }
  const runs: Run[] = [[pos, k]];
  const seps: string[] = [];
  // an untagged page's "1 234 567" groups with plain spaces: no English number is written so
  const spaceGroups = p.spaceGroups || (after === " " && p.untagged && spacedGroups(text, pos, limit));
  while (runs.length < MAX_RUNS && k + 1 < limit) {
    const c = text[k] ?? "";
    const spaceOk = THIN_SPACES.has(c) || (c === " " && spaceGroups);
    if (!(c === "," || c === "." || spaceOk) || !isDigit(text[k + 1])) break;
    let m = k + 1;
    while (m < limit && m - k <= MAX_RUN_DIGITS && isDigit(text[m])) m++;
    seps.push(c);
    runs.push([k + 1, m]);
    k = m;
  }
  const first = runs[0] as Run;
  const s1 = seps[0];
  const r1 = runs[1];
  if (s1 === undefined || r1 === undefined) return withDecimal(text, runs, 1, undefined);
  const isSpace = s1 !== "," && s1 !== ".";
  let groupSep: string | null = null;
  if (isSpace) {
    if (len(first) <= 3 && len(r1) === 3) groupSep = s1;
    else return withDecimal(text, runs, 1, undefined);
  } else if (len(r1) === 3 && len(first) <= 3) {
    const repeated = seps[1] === s1 && len(runs[2]) === 3;
    if (repeated || s1 !== p.decimal) groupSep = s1;
    else return withDecimal(text, runs, 1, r1);
  } else if (s1 === "," && p.decimal === "." && len(first) <= 2 && len(r1) === 2) {
    // Indian grouping (1,00,000): pairs of digits, then a final group of three.
    let n = 1;
    while (seps[n - 1] === "," && len(runs[n]) === 2) n++;
    if (seps[n - 1] === "," && len(runs[n]) === 3) {
      const whole = withDecimal(text, runs, n + 1, undefined);
      const s = seps[n];
      if (s === "." && runs[n + 1] !== undefined) return withDecimal(text, runs, n + 1, runs[n + 1]);
      return whole;
    }
    return withDecimal(text, runs, 1, undefined);
  } else if (s1 === p.decimal || s1 === ".") {
    // A decimal point is read as one in every language: English-style figures are common everywhere.
    return withDecimal(text, runs, 1, r1);
  } else if (p.untagged && s1 === "," && len(r1) <= 2 && unitSignAfter(text, r1[1])) {
    // "12,5 %" on an untagged page: a comma before one or two digits never groups thousands
    return withDecimal(text, runs, 1, r1);
  } else {
    return withDecimal(text, runs, 1, undefined);
  }
  let n = 1;
  while (n < runs.length && seps[n - 1] === groupSep && len(runs[n]) === 3) n++;
  const next = seps[n - 1];
  if (n < runs.length && next !== undefined && next !== groupSep && (next === "," || next === ".")) {
    if (next === p.decimal || (groupSep !== "," && groupSep !== "." && next === ".") || groupSep === ",") {
      if (!(groupSep === "," && next !== ".")) return withDecimal(text, runs, n, runs[n]);
    }
  }
  return withDecimal(text, runs, n, undefined);
}

/** Digit runs of a numeral as [start, end) char offsets. */
type Run = [number, number];

const len = (r: Run | undefined): number => (r === undefined ? 0 : r[1] - r[0]);

/** The numeral whose integer part is the first `intRuns` runs (thousands groups) and decimals `decRun`. */
function withDecimal(text: string, runs: Run[], intRuns: number, decRun: Run | undefined): Numeral {
  let intDigits = "";
  for (let n = 0; n < intRuns && n < runs.length; n++) {
    const r = runs[n] as Run;
    intDigits += text.slice(r[0], r[1]);
  }
  const dec = decRun === undefined ? "" : text.slice(decRun[0], decRun[1]);
  const lastRun = decRun ?? runs[intRuns - 1] ?? (runs[0] as Run);
  return {
    value: Number(dec === "" ? intDigits : `${intDigits}.${dec}`),
    end: lastRun[1],
    integer: dec === "",
    intDigits,
    grouped: intRuns > 1,
  };
}

const VULGAR = lookup<number>({
  "½": 1 / 2,
  "⅓": 1 / 3,
  "⅔": 2 / 3,
  "¼": 1 / 4,
  "¾": 3 / 4,
  "⅕": 1 / 5,
  "⅖": 2 / 5,
  "⅗": 3 / 5,
  "⅘": 4 / 5,
  "⅙": 1 / 6,
  "⅚": 5 / 6,
  "⅛": 1 / 8,
  "⅜": 3 / 8,
  "⅝": 5 / 8,
  "⅞": 7 / 8,
  "⅐": 1 / 7,
  "⅑": 1 / 9,
  "⅒": 1 / 10,
});

/** The value of a vulgar fraction character (½ → 0.5), or undefined. */
export function vulgarFraction(ch: string): number | undefined {
  return VULGAR.get(ch);
}

type Entry =
  | { k: "unit"; v: number }
  | { k: "tens"; v: number }
  | { k: "hundred" }
  | { k: "scale"; v: number }
  | { k: "article" }
  | { k: "dozen" }
  | { k: "approx"; v: number }
  | { k: "vague" }
  | { k: "frac"; den: number; plural: boolean }
  | { k: "half" }
  | { k: "and" };

const unit = (v: number): Entry => ({ k: "unit", v });
const tens = (v: number): Entry => ({ k: "tens", v });
const scale = (v: number): Entry => ({ k: "scale", v });
const frac = (den: number, plural = false): Entry => ({ k: "frac", den, plural });
// "une quinzaine", "una decena": a round number of things, about that many
const approx = (v: number): Entry => ({ k: "approx", v });
const HUNDRED: Entry = { k: "hundred" };
const ARTICLE: Entry = { k: "article" };
const VAGUE: Entry = { k: "vague" };
const AND: Entry = { k: "and" };

const EN: Record<string, Entry> = {
  zero: unit(0),
  one: unit(1),
  two: unit(2),
  three: unit(3),
  four: unit(4),
  five: unit(5),
  six: unit(6),
  seven: unit(7),
  eight: unit(8),
  nine: unit(9),
  ten: unit(10),
  eleven: unit(11),
  twelve: unit(12),
  thirteen: unit(13),
  fourteen: unit(14),
  fifteen: unit(15),
  sixteen: unit(16),
  seventeen: unit(17),
  eighteen: unit(18),
  nineteen: unit(19),
  twenty: tens(20),
  thirty: tens(30),
  forty: tens(40),
  fifty: tens(50),
  sixty: tens(60),
  seventy: tens(70),
  eighty: tens(80),
  ninety: tens(90),
  hundred: HUNDRED,
  thousand: scale(1e3),
  million: scale(1e6),
  billion: scale(1e9),
  trillion: scale(1e12),
  a: ARTICLE,
  an: ARTICLE,
  dozen: { k: "dozen" },
  dozens: VAGUE,
  hundreds: VAGUE,
  thousands: VAGUE,
  millions: VAGUE,
  billions: VAGUE,
  trillions: VAGUE,
  half: { k: "half" },
  halves: frac(2, true),
  third: frac(3),
  thirds: frac(3, true),
  quarter: frac(4),
  quarters: frac(4, true),
  fifth: frac(5),
  fifths: frac(5, true),
  sixth: frac(6),
  sixths: frac(6, true),
  eighth: frac(8),
  eighths: frac(8, true),
  tenth: frac(10),
  tenths: frac(10, true),
  and: AND,
};

const FR: Record<string, Entry> = {
  deux: unit(2),
  trois: unit(3),
  quatre: unit(4),
  cinq: unit(5),
  six: unit(6),
  sept: unit(7),
  huit: unit(8),
  neuf: unit(9),
  dix: unit(10),
  onze: unit(11),
  douze: unit(12),
  quinze: unit(15),
  vingt: tens(20),
  trente: tens(30),
  quarante: tens(40),
  cinquante: tens(50),
  soixante: tens(60),
  cent: HUNDRED,
  cents: HUNDRED,
  mille: scale(1e3),
  million: scale(1e6),
  millions: scale(1e6),
  milliard: scale(1e9),
  milliards: scale(1e9),
  un: ARTICLE,
  une: ARTICLE,
  douzaine: { k: "dozen" },
  dizaine: approx(10),
  quinzaine: approx(15),
  vingtaine: approx(20),
  trentaine: approx(30),
  cinquantaine: approx(50),
  centaine: approx(100),
  millier: approx(1000),
  dizaines: VAGUE,
  centaines: VAGUE,
  milliers: VAGUE,
  moitié: { k: "half" },
  tiers: frac(3, true),
  quart: frac(4),
  quarts: frac(4, true),
};

const ES: Record<string, Entry> = {
  dos: unit(2),
  tres: unit(3),
  cuatro: unit(4),
  cinco: unit(5),
  seis: unit(6),
  siete: unit(7),
  ocho: unit(8),
  nueve: unit(9),
  diez: unit(10),
  once: unit(11),
  doce: unit(12),
  quince: unit(15),
  veinte: tens(20),
  treinta: tens(30),
  cuarenta: tens(40),
  cincuenta: tens(50),
  cien: unit(100),
  ciento: HUNDRED,
  doscientos: unit(200),
  trescientos: unit(300),
  quinientos: unit(500),
  mil: scale(1e3),
  millón: scale(1e6),
  millones: scale(1e6),
  un: ARTICLE,
  una: ARTICLE,
  docena: { k: "dozen" },
  decena: approx(10),
  veintena: approx(20),
  treintena: approx(30),
  centenar: approx(100),
  millar: approx(1000),
  decenas: VAGUE,
  cientos: VAGUE,
  centenares: VAGUE,
  miles: VAGUE,
  mitad: { k: "half" },
  tercio: frac(3),
  tercios: frac(3, true),
};

const DE: Record<string, Entry> = {
  zwei: unit(2),
  drei: unit(3),
  vier: unit(4),
  fünf: unit(5),
  sechs: unit(6),
  sieben: unit(7),
  acht: unit(8),
  neun: unit(9),
  zehn: unit(10),
  elf: unit(11),
  zwölf: unit(12),
  zwanzig: tens(20),
  dreißig: tens(30),
  vierzig: tens(40),
  fünfzig: tens(50),
  hundert: HUNDRED,
  tausend: scale(1e3),
  million: scale(1e6),
  millionen: scale(1e6),
  milliarde: scale(1e9),
  milliarden: scale(1e9),
  ein: ARTICLE,
  eine: ARTICLE,
  dutzende: VAGUE,
  hunderte: VAGUE,
  tausende: VAGUE,
  hälfte: { k: "half" },
  drittel: frac(3, true),
  viertel: frac(4, true),
};

const PT: Record<string, Entry> = {
  dois: unit(2),
  duas: unit(2),
  três: unit(3),
  quatro: unit(4),
  cinco: unit(5),
  seis: unit(6),
  sete: unit(7),
  oito: unit(8),
  nove: unit(9),
  dez: unit(10),
  onze: unit(11),
  doze: unit(12),
  vinte: tens(20),
  trinta: tens(30),
  quarenta: tens(40),
  cinquenta: tens(50),
  cem: unit(100),
  mil: scale(1e3),
  milhão: scale(1e6),
  milhões: scale(1e6),
  bilhão: scale(1e9),
  bilhões: scale(1e9),
  um: ARTICLE,
  uma: ARTICLE,
  dúzia: { k: "dozen" },
  dezena: approx(10),
  centena: approx(100),
  milhar: approx(1000),
  dezenas: VAGUE,
  centenas: VAGUE,
  milhares: VAGUE,
  metade: { k: "half" },
  terço: frac(3),
  terços: frac(3, true),
};

const CS: Record<string, Entry> = {
  dva: unit(2),
  dvě: unit(2),
  tři: unit(3),
  čtyři: unit(4),
  pět: unit(5),
  šest: unit(6),
  sedm: unit(7),
  osm: unit(8),
  devět: unit(9),
  deset: unit(10),
  dvanáct: unit(12),
  dvacet: tens(20),
  třicet: tens(30),
  čtyřicet: tens(40),
  padesát: tens(50),
  sto: HUNDRED,
  tisíc: scale(1e3),
  milion: scale(1e6),
  miliony: scale(1e6),
  milionů: scale(1e6),
  miliarda: scale(1e9),
  miliardy: scale(1e9),
  miliard: scale(1e9),
  desítky: VAGUE,
  stovky: VAGUE,
  tisíce: VAGUE,
  polovina: { k: "half" },
  polovinu: { k: "half" },
  třetina: frac(3),
  třetinu: frac(3),
  čtvrtina: frac(4),
  čtvrtinu: frac(4),
};

const WORDS: Readonly<Record<Lang, Readonly<Record<string, Entry>>>> = {
  en: EN,
  fr: FR,
  es: ES,
  de: DE,
  pt: PT,
  cs: CS,
};
const TABLES: Readonly<Record<Lang, ReadonlyMap<string, Entry>>> = {
  en: lookup(EN),
  fr: lookup(FR),
  es: lookup(ES),
  de: lookup(DE),
  pt: lookup(PT),
  cs: lookup(CS),
};

// Words that may join parts of one spelled number ("two hundred and fifty", "doscientos y cinco").
const JOINERS: ReadonlySet<string> = new Set(["and", "et", "y", "und", "e", "a"]);

// After "half", these show it quantifies something ("half the revenue", "half of them").
const AFTER_HALF: ReadonlySet<string> = new Set([
  "of",
  "the",
  "a",
  "an",
  "its",
  "their",
  "his",
  "her",
  "our",
  "your",
  "my",
  "this",
  "that",
  "these",
  "those",
  "all",
  "de",
  "des",
  "du",
  "la",
  "le",
  "les",
  "del",
  "der",
  "die",
  "das",
  "do",
  "da",
  "dos",
]);

// Before "half", these make it a period or an idiom ("second half", "cut in half", "better half").
const BEFORE_HALF: ReadonlySet<string> = new Set(["first", "second", "other", "latter", "former", "better", "in"]);

export interface WordNumber {
  /** Null for a vague quantity ("hundreds"). */
  value: number | null;
  vague: boolean;
  fraction: boolean;
  /** Token range of the number words, end-exclusive. */
  start: number;
  end: number;
  /** True when the whole number is the single word "one" (or its equivalent): a weak figure. */
  one: boolean;
  /** True when the number ends in a scale word ("three million"), so a currency may follow as after digits. */
  scaled: boolean;
  /** True for a round number that means "about" ("une quinzaine", "una decena"). */
  approx: boolean;
  /** True when the number ends in a collective noun ("une douzaine", "un millier") that takes "de" before its noun. */
  collective: boolean;
}

/** The entry of a word in the page language's number words (English words are known everywhere). */
export function numberWord(word: string, lang: Lang): Entry | undefined {
  return TABLES[lang].get(word) ?? (lang === "en" ? undefined : TABLES.en.get(word));
}

/** The multiplier of a scale word after a number ("million" → 1e6, "hundred" → 100), or undefined. */
export function scaleWord(word: string, lang: Lang): number | undefined {
  const e = numberWord(word, lang);
  if (e === undefined) return undefined;
  if (e.k === "scale") return e.v;
  if (e.k === "hundred") return 100;
  return undefined;
}

/** A WordNumber without object spread (spread is slow on hot paths in V8). */
function wordNumber(start: number, end: number, value: number | null, o: Partial<WordNumber> = {}): WordNumber {
  return {
    start,
    end,
    value,
    vague: o.vague ?? false,
    fraction: o.fraction ?? false,
    one: o.one ?? false,
    scaled: o.scaled ?? false,
    approx: o.approx ?? false,
    collective: o.collective ?? false,
  };
}

const isStarter = (e: Entry | undefined): boolean =>
  e !== undefined && e.k !== "and" && e.k !== "scale" && e.k !== "hundred" && e.k !== "dozen" && e.k !== "approx";

const AFTER_ARTICLE: ReadonlySet<Entry["k"]> = new Set(["hundred", "scale", "dozen", "approx", "frac", "half"]);

/** The words a spelled number may start with in the page language (English words are known everywhere). */
export function numberStartsOf(lang: Lang): string[] {
  const starts = [...VAGUE_LEADS];
  for (const words of [WORDS[lang], EN]) for (const [w, e] of Object.entries(words)) if (isStarter(e)) starts.push(w);
  return starts;
}

/** Reads a number written in words starting at token i, or null when token i does not start one. */
export function parseNumberWords(c: Ctx, i: number, lang: Lang): WordNumber | null {
  const vague = vagueLead(c, i, lang);
  if (vague !== null) return vague;
  const first = numberWord(low(c, i), lang);
  // A bare scale word ("million", "hundred") is read after a numeral or an article, never alone.
  if (first === undefined || !isStarter(first)) return null;
  if (first.k === "vague") {
    let end = i + 1;
    // "hundreds of thousands", "des dizaines de milliers" stay one vague quantity.
    const next = numberWord(low(c, end + 1), lang);
    if ((low(c, end) === "of" || low(c, end) === "de") && next?.k === "vague" && near(c, end + 1)) end += 2;
    return wordNumber(i, end, null, { vague: true });
  }
  if (first.k === "half") return parseHalf(c, i, lang);
  if (first.k === "frac") {
    // Czech names a fraction with a bare noun ("třetina lidí"); elsewhere a numerator is needed.
    if (lang !== "cs" || first.plural) return null;
    return wordNumber(i, i + 1, 1 / first.den, { fraction: true });
  }

  let total = 0;
  let cur = 0;
  let j = i;
  let last: Entry["k"] | null = null;
  let words = 0;
  let sawArticle = false;
  let about = false;
  while (j < c.toks.length && words < 24) {
    if (j > i && !near(c, j)) break;
    const e = numberWord(low(c, j), lang);
    if (e === undefined) break;
    if (e.k === "article") {
      if (j !== i) break;
      const after = numberWord(low(c, j + 1), lang);
      if (after === undefined || !AFTER_ARTICLE.has(after.k) || !near(c, j + 1)) return null;
      cur = 1;
      sawArticle = true;
    } else if (e.k === "unit" || e.k === "tens") {
      if (last === "unit" || last === "tens") break;
      cur += e.v;
      // "twenty-eight"
      const u = numberWord(low(c, j + 2), lang);
      if (e.k === "tens" && low(c, j + 1) === "-" && tight(c, j + 1) && tight(c, j + 2) && u?.k === "unit") {
        if (u.v < 10) {
          cur += u.v;
          j += 2;
        }
      }
      // "two-hundred", "five-thousand": the hyphen joins the scale as a space would
      const k = numberWord(low(c, j + 2), lang)?.k;
      if (low(c, j + 1) === "-" && tight(c, j + 1) && tight(c, j + 2) && (k === "hundred" || k === "scale")) j++;
    } else if (e.k === "hundred") {
      if (last === "hundred") break;
      cur = (cur || 1) * 100;
    } else if (e.k === "scale") {
      if (lang === "es" && last === "scale" && low(c, j - 1) === "mil" && e.v === 1e6) {
        // "mil millones" is a thousand million
        total = total * 1e6;
      } else if (last === "scale") {
        break;
      } else {
        total += (cur || 1) * e.v;
        cur = 0;
      }
    } else if (e.k === "dozen") {
      cur = (cur || 1) * 12;
    } else if (e.k === "approx") {
      if (last === "approx" || last === "scale") break;
      cur = (cur || 1) * e.v;
      about = true;
    } else if (e.k === "and") {
      const after = numberWord(low(c, j + 1), lang);
      if (!(last === "hundred" || last === "scale") || !(after?.k === "unit" || after?.k === "tens")) break;
      if (!JOINERS.has(low(c, j))) break;
    } else {
      break;
    }
    if (e.k !== "article") last = e.k;
    words++;
    j++;
  }
  let value = total + cur;
  let fraction = false;
  // "two-thirds", "one third", "three quarters", "a quarter of", "a half"
  const dashed = low(c, j) === "-" && tight(c, j) && tight(c, j + 1);
  const fAt = dashed ? j + 1 : j;
  const fe = numberWord(low(c, fAt), lang);
  if (fe !== undefined && (fe.k === "frac" || fe.k === "half") && value >= 1 && value <= 20 && near(c, fAt)) {
    const den = fe.k === "frac" ? fe.den : 2;
    const plural = fe.k === "frac" && fe.plural;
    const next = c.toks[fAt + 1];
    // "a third-party app", "a quarter-final": the fraction word is part of a compound
    const compound =
      fe.k === "frac" &&
      next !== undefined &&
      next.l === "-" &&
      tight(c, fAt + 1) &&
      isWord(c, fAt + 2) &&
      tight(c, fAt + 2);
    const quantifies =
      !compound &&
      (plural || value > 1 || lang !== "en" || next === undefined || next.k === "p" || next.l === "of" || dashed);
    if (quantifies && !(fe.k === "half" && !sawArticle && !dashed)) {
      value = value / den;
      fraction = true;
      j = fAt + 1;
    }
  }
  if (words === 0 || (sawArticle && words === 1 && !fraction)) return null;
  // "two and a half"
  if (!fraction && JOINERS.has(low(c, j)) && numberWord(low(c, j + 1), lang)?.k === "article") {
    if (numberWord(low(c, j + 2), lang)?.k === "half" && near(c, j + 1) && near(c, j + 2)) {
      value += 0.5;
      j += 3;
    }
  }
  const one = !fraction && last === "unit" && value === 1 && j === i + 1;
  const collective = !fraction && (last === "approx" || last === "dozen");
  return wordNumber(i, j, value, { fraction, one, scaled: !fraction && last === "scale", approx: about, collective });
}

function parseHalf(c: Ctx, i: number, lang: Lang): WordNumber | null {
  if (BEFORE_HALF.has(low(c, i - 1))) return null;
  const next = low(c, i + 1);
  // "half a dozen", "half a million"
  const third = numberWord(low(c, i + 2), lang);
  if ((next === "a" || next === "an") && third !== undefined && (third.k === "dozen" || third.k === "scale")) {
    const v = third.k === "dozen" ? 6 : third.v / 2;
    return wordNumber(i, i + 3, v, { scaled: third.k === "scale" });
  }
  if (next === "-" && tight(c, i + 1)) return wordNumber(i, i + 1, 0.5, { fraction: true });
  // "half a century", "half an hour": the article belongs to the fraction
  if ((next === "a" || next === "an") && c.toks[i + 2]?.k === "w" && near(c, i + 2)) {
    return wordNumber(i, i + 2, 0.5, { fraction: true });
  }
  const t = c.toks[i + 1];
  if (t === undefined || t.k === "p" || AFTER_HALF.has(next)) return wordNumber(i, i + 1, 0.5, { fraction: true });
  // "la moitié", "die Hälfte": the noun form in other languages needs no cue after it
  if (lang !== "en" && low(c, i) !== "half") return wordNumber(i, i + 1, 0.5, { fraction: true });
  return null;
}

// Words that lead a vague quantity without being number words themselves (see vagueLead).
const VAGUE_LEADS = ["tens", "scores", "several", "few", "a"];

/** "tens of thousands", "scores of", "several hundred", "a few thousand": vague quantities led by a non-number. */
function vagueLead(c: Ctx, i: number, lang: Lang): WordNumber | null {
  const w = low(c, i);
  if ((w === "tens" || w === "scores") && low(c, i + 1) === "of" && near(c, i + 1) && near(c, i + 2)) {
    if (w === "scores") return wordNumber(i, i + 1, null, { vague: true });
    if (numberWord(low(c, i + 2), lang)?.k === "vague") return wordNumber(i, i + 3, null, { vague: true });
    return null;
  }
  if (lang !== "en" || !(w === "several" || w === "few" || (w === "a" && low(c, i + 1) === "few"))) return null;
  const k = w === "a" ? i + 2 : i + 1;
  const e = numberWord(low(c, k), lang);
  if (e === undefined || !near(c, k) || !(e.k === "hundred" || e.k === "scale" || e.k === "dozen")) return null;
  return wordNumber(i, k + 1, null, { vague: true, scaled: e.k === "scale" });
}
