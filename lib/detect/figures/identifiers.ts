/**
 * Numbers that name rather than quantify: model and product names (G7, F-16, COVID-19, Windows 10,
 * Model 3, S&P 500), labels (Article 5, Section 427, No. 1, page 12), phone numbers, street numbers,
 * ordinals (22nd, 3.) and page furniture (117 views, 5 min read).
 */

import type { Lang } from "./lang";
import { type Ctx, hasUpper, isCapitalised, isNum, isWord, low, near, raw, tight } from "./tokens";

// Words that may stand capitalised before a number without naming it ("In 2019", "About 300").
const NOT_LABELS: ReadonlySet<string> = new Set(
  (
    "the a an in on at by for with from to of and or but nor since until till after before during about around " +
    "over under nearly almost some only just more less than up down all each every these those this that its " +
    "their his her our my your we they he she it i you there here now then when while where what which who why " +
    "how as if so between among within without per approximately roughly exactly estimated another other both " +
    "either total last next first least most above below whopping fully some many few several another " +
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight " +
    "january february march april may june july august september october november december " +
    "jan feb mar apr jun jul aug sep sept oct nov dec " +
    "early late mid circa ca approx nearly barely scored won lost beat led " +
    "le la les un une des du de en et à au aux dans sur pour par avec sans entre environ plus moins près " +
    "el los las unos unas del y con sin sobre hasta desde casi más " +
    "der die das den dem des ein eine und im am vom zum zur mit von bis seit etwa rund mehr fast über unter " +
    "o os as um uma do da dos das em no na nos nas com sem até cerca mais quase " +
    "v ve na do od za po před přes asi kolem téměř skoro více méně " +
    "including excluding like unlike plus minus whereas because although reaching totaling totalling costing " +
    "killing injuring affecting involving aged only another knapp gut insgesamt weitere nur bereits schon noch je " +
    "pro quelque quelques seulement déjà encore soit sólo solo ya otros otras apenas outros outras já celkem " +
    "už již dalších nejméně alespoň až zhruba přibližně okolo cca"
  ).split(" "),
);

// Lower-case nouns that label what follows them ("article 5", "page 12", "room 101", "version 2").
const LABEL_NOUNS: ReadonlySet<string> = new Set(
  (
    "article articles section sections chapter chapter page pages room flight route highway line platform gate " +
    "terminal version model number no nr vol volume issue episode season series level phase stage category " +
    "grade class type size channel bus exit row seat track part rule clause paragraph item figure table lot " +
    "plot block apartment apt suite box ward district zone unit division bay pier dock lane pp p " +
    "artikel kapitel seite absatz paragraf článek strana kapitola página capítulo artículo"
  ).split(" "),
);

const STREET_SUFFIXES: ReadonlySet<string> = new Set(
  (
    "Street St Road Rd Avenue Ave Av Boulevard Blvd Lane Ln Drive Dr Way Place Pl Court Ct Terrace Crescent " +
    "Parkway Pkwy Square Sq Row Close Gardens Grove Wharf Quay Plaza Alley Circle Broadway"
  ).split(" "),
);

// In French, Spanish and Portuguese the street word follows the number ("12 rue de Rivoli").
const STREET_WORDS_AFTER: ReadonlySet<string> = new Set([
  "rue",
  "avenue",
  "boulevard",
  "bd",
  "allée",
  "impasse",
  "chemin",
  "quai",
  "rua",
  "avenida",
  "calle",
  "travessa",
]);

const FURNITURE: ReadonlySet<string> = new Set([
  "views",
  "view",
  "comments",
  "comment",
  "shares",
  "likes",
  "reads",
  "replies",
  "retweets",
  "reactions",
  "followers",
  "subscribers",
]);

const NUMBER_ABBREVIATIONS: ReadonlySet<string> = new Set([
  "no",
  "nr",
  "nos",
  "vol",
  "p",
  "pp",
  "art",
  "fig",
  "figs",
  "eq",
  "eqs",
  "ch",
  "sec",
  "sect",
  "para",
  "ex",
  "ref",
  "refs",
  "tab",
  "op",
]);
const EN_ORDINALS: ReadonlySet<string> = new Set(["st", "nd", "rd", "th"]);
const FR_ORDINALS: ReadonlySet<string> = new Set(["e", "er", "re", "ème", "eme", "è"]);
const IBERIAN_ORDINALS: ReadonlySet<string> = new Set(["º", "ª", "o", "a", "er"]);

// Prefixes glued to a year by a hyphen that still make it a date ("mid-2020", "pre-2008").
const DATE_PREFIXES: ReadonlySet<string> = new Set(["mid", "pre", "post", "early", "late", "circa", "mi", "fin"]);

/** True when the numeral starting at token i is glued to a name before it (G7, F-16, COVID-19, ID.3, #1). */
export function gluedToName(c: Ctx, i: number): boolean {
  const prev = c.toks[i - 1];
  if (prev === undefined || !tight(c, i)) return false;
  if (prev.k === "w") return true;
  if (prev.l === "#" || prev.l === "№") return true;
  // "UTC+12", "Disney+ 2" is not glued (a space); "COVID-19", "ID.3", "type_2", "b/2"
  if (prev.l === "+" && isWord(c, i - 2) && tight(c, i - 1)) return true;
  if ((prev.l === "-" || prev.l === "." || prev.l === "_" || prev.l === "/") && isWord(c, i - 2) && tight(c, i - 1)) {
    if (prev.l === "-" && DATE_PREFIXES.has(low(c, i - 2))) return false;
    return true;
  }
  return false;
}

/** True when a label word stands before the numeral at token i ("Article 5", "Windows 10", "No. 3", "page 12"). */
export function labelledBefore(c: Ctx, i: number): boolean {
  if (!near(c, i) || tight(c, i)) return false;
  const prev = c.toks[i - 1];
  if (prev === undefined) return false;
  // "No. 1", "Nr. 5", "n° 3"
  if (prev.l === "." && tight(c, i - 1) && NUMBER_ABBREVIATIONS.has(low(c, i - 2))) {
    return true;
  }
  if (prev.l === "°" && (low(c, i - 2) === "n" || low(c, i - 2) === "no")) return true;
  if (prev.l === "&" || prev.l === "#") return true;
  if (prev.k !== "w") return false;
  if (LABEL_NOUNS.has(prev.l) && !isCapitalised(prev.t) && prev.l.length > 1) {
    // "the 12 page document" has the noun after; "page 12" before
    return true;
  }
  if (!(isCapitalised(prev.t) || hasUpper(prev.t))) return false;
  if (NOT_LABELS.has(prev.l)) return false;
  // "S&P 500", "FTSE 100", "Windows 10", "Article 5", "Model 3"
  return true;
}

/** True when a lower-case label noun stands just before the spelled number at token i ("number two", "phase three"). */
export function wordLabelledBefore(c: Ctx, i: number): boolean {
  const prev = c.toks[i - 1];
  return (
    prev !== undefined &&
    prev.k === "w" &&
    near(c, i) &&
    prev.t === prev.l &&
    prev.l.length > 1 &&
    LABEL_NOUNS.has(prev.l)
  );
}

const isDigitAt = (text: string, k: number): boolean => {
  const cu = text.charCodeAt(k);
  return cu >= 48 && cu <= 57;
};

/** True when the text at k reads three digits and a dot or dash, as a US phone number starts. */
function threeDigitsDash(text: string, k: number): boolean {
  const sep = text[k + 3];
  return isDigitAt(text, k) && isDigitAt(text, k + 1) && isDigitAt(text, k + 2) && (sep === "." || sep === "-");
}

/** The token index past a phone number starting at (or just before) token i, or null. */
export function phoneEnd(c: Ctx, i: number): number | null {
  const t = c.toks[i];
  if (t === undefined || t.k !== "n") return null;
  if (isNum(c, i - 2) && tight(c, i - 1) && tight(c, i)) return null;
  const before = c.text[t.s - 1];
  const from = before === "+" || before === "(" ? t.s - 1 : t.s;
  // The patterns below start with "+", "(", "0" or three digits and a dot or dash ("555-123-4567"):
  // checking those few characters first spares most numbers the five regexes.
  if (from === t.s && t.t[0] !== "0" && !threeDigitsDash(c.text, t.s)) return null;
  const window = c.text.slice(from, Math.min(c.text.length, from + 24));
  const m =
    /^\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]\d{2,4}){1,4}/.exec(window) ??
    /^\(\d{2,5}\) ?\d{3,4}[ .-]?\d{3,4}/.exec(window) ??
    /^\d{3}[.-]\d{3}[.-]\d{4}(?![0-9])/.exec(window) ??
    /^0\d{2,4}[ -]\d{3,4}[ -]\d{3,4}(?![0-9])/.exec(window) ??
    /^0\d(?:[ .]\d{2}){4}(?![0-9])/.exec(window);
  if (m === null) return null;
  const digits = m[0].replace(/[^0-9]/g, "").length;
  if (digits < 7) return null;
  const end = from + m[0].length;
  let k = i;
  while (k < c.toks.length && (c.toks[k]?.e ?? 0) <= end) k++;
  return k;
}

/** True when the numeral ending before token j is a street number ("575 Wilbraham Road", "12 rue de Rivoli"). */
export function streetNumber(c: Ctx, j: number): boolean {
  if (!near(c, j) || tight(c, j)) return false;
  if (STREET_WORDS_AFTER.has(low(c, j))) return true;
  for (let k = j; k < j + 5; k++) {
    const t = c.toks[k];
    if (t === undefined || (k > j && !near(c, k))) return false;
    // "22 Ave Foch" has the street word first; "5 St Louis players" does not make an address
    if (t.k === "w" && STREET_SUFFIXES.has(t.t) && (k > j || t.t === "Ave" || t.t === "Avenue")) return true;
    if (t.k === "n" && EN_ORDINALS.has(low(c, k + 1)) && tight(c, k + 1)) {
      k++;
      continue;
    }
    if (!(t.k === "w" && isCapitalised(t.t))) return false;
  }
  return false;
}

/** True when the number is page furniture: a counter ("117 views") in a short block, or a reading time. */
export function furniture(c: Ctx, j: number): boolean {
  const w = low(c, j);
  if ((w === "min" || w === "minute" || w === "mins") && low(c, j + 1) === "read") return true;
  return FURNITURE.has(w) && c.blockLength <= 60;
}

/**
 * True when the numeral at tokens [i, j) is markup: a citation mark ("[12]", "[n 3]", "[note 4]"), an
 * exponent ("x^2"), a footnote mark glued after punctuation ("alerts,22 and", "burnout:24"), an
 * enumerator ("(2) the fee", "store 2. push tasks") or a page number after a dotted leader ("Terms.....7").
 */
export function markup(c: Ctx, i: number, j: number, lang: Lang): boolean {
  const before = low(c, i - 1);
  const after = low(c, j);
  if (after === "]" && tight(c, j)) {
    if (before === "[" && tight(c, i)) return true;
    // "[n 3]", "[note 4]", "[a 2]": a labelled note
    if (isWord(c, i - 1) && low(c, i - 2) === "[" && tight(c, i - 1) && near(c, i) && raw(c, i - 1).length <= 4)
      return true;
  }
  if ((after === "^" && tight(c, j)) || (before === "^" && tight(c, i))) return true;
  return footnoteMark(c, i) || enumerator(c, i, j, lang) || dottedLeader(c, i);
}

// Punctuation a footnote mark is glued after ("emails,22", "burnout:24", "visible?25", "said.”3").
const FOOTNOTE_AFTER: ReadonlySet<string> = new Set([",", ":", ";", "?", "!", ".", "\u201d", '"', ")"]);

/** A footnote mark: digits glued after punctuation that is itself glued after a word, not before more digits. */
function footnoteMark(c: Ctx, i: number): boolean {
  if (!tight(c, i) || !FOOTNOTE_AFTER.has(raw(c, i - 1)) || !tight(c, i - 1)) return false;
  // footnotes run to hundreds; four digits glued after a comma are a year ("Mathematics,1998")
  if (raw(c, i).length > 3) return false;
  const w = c.toks[i - 2];
  if (w === undefined || w.k !== "w" || w.t.length < 2) return false;
  // "p.12", "No.3", "Fig.2", "v.2" are labels or versions, read as such elsewhere; a sentence end glued to
  // the next sentence's number ("in May.2019") is rare next to these
  return raw(c, i - 1) !== "." || w.t.length > 3;
}

/** An enumerator in running text: "(2) the fee", "second: 1. poll tasks", "store 2. push tasks". */
function enumerator(c: Ctx, i: number, j: number, lang: Lang): boolean {
  const n = c.toks[i];
  if (n === undefined || n.k !== "n" || n.t.length > 2 || j !== i + 1) return false;
  const next = c.toks[j + 1];
  // "(2) the fee": a counter in brackets before a word
  if (low(c, i - 1) === "(" && tight(c, i) && low(c, j) === ")" && tight(c, j)) {
    return next !== undefined && next.k === "w" && near(c, j + 1) && !tight(c, j + 1);
  }
  // "2. push": a number, a full stop and a lower-case word is no sentence end (German "3. größte" is an ordinal)
  if (low(c, j) !== "." || !tight(c, j) || lang === "de" || lang === "cs") return false;
  if (next === undefined || next.k !== "w" || tight(c, j + 1) || !near(c, j + 1)) return false;
  return next.t === next.l || low(c, i - 1) === ":";
}

/** A page number after a dotted leader ("Terminology.........7"). */
function dottedLeader(c: Ctx, i: number): boolean {
  for (let k = i - 1; k >= i - 4; k--) if (low(c, k) !== "." || !tight(c, k + 1)) return false;
  return true;
}

/**
 * True when the bare numeral at token i is a tally after a name and a colon at the start of the block
 * ("Ann Lee: 7", "Rovers: 2"): a rating or a score in a list, with nothing said of what it counts.
 */
export function nameTally(c: Ctx, i: number): boolean {
  if (low(c, i - 1) !== ":" || i - 1 > 4 || i < 2 || raw(c, i).length > 2) return false;
  for (let k = 0; k < i - 1; k++) {
    const t = c.toks[k];
    if (t === undefined || t.k !== "w" || !isCapitalised(t.t)) return false;
  }
  return true;
}

// Identifier schemes whose numbers are names: "doi:10.1111/…", "ISBN 978-0-…", "arXiv:1706.03762".
const SCHEMES: ReadonlySet<string> = new Set(["doi", "isbn", "issn", "arxiv", "pmid", "pmcid", "oclc", "lccn"]);

/** True when the numeral at token i continues an identifier scheme ("doi:10.1111", "ISBN 978-0-14"). */
export function schemeIdentifier(c: Ctx, i: number): boolean {
  for (let k = i - 1; k >= i - 2 && k >= 0; k--) {
    if (SCHEMES.has(low(c, k))) return near(c, k + 1);
    if (!(low(c, k) === ":" || low(c, k) === "-")) return false;
  }
  return false;
}

/**
 * True when the numeral at tokens [i, j) numbers a list item or a heading: it opens a short block and is
 * followed by "." or ")" ("1. Finland") or by a capitalised word ("3.7 Components", "2 Values").
 */
export function listNumber(c: Ctx, i: number, j: number): boolean {
  // "(1) Think of a noun" opens with a bracket
  const opens = i === 0 || (i === 1 && low(c, 0) === "(" && tight(c, 1) && raw(c, 1).length <= 2);
  if (!opens || c.blockLength > 80) return false;
  const next = c.toks[j];
  if (next === undefined) return true;
  if ((next.l === "." || next.l === ")") && tight(c, j) && !tight(c, j + 1)) return true;
  return next.k === "w" && !tight(c, j) && isCapitalised(next.t);
}

/** True when the numeral ending before token j carries an ordinal suffix ("22nd", "3rd", "1er", "2º"). */
export function ordinalSuffix(c: Ctx, j: number, lang: Lang): boolean {
  if (!tight(c, j)) return false;
  const w = low(c, j);
  if (EN_ORDINALS.has(w)) return true;
  if (lang === "fr" && FR_ORDINALS.has(w)) return true;
  if ((lang === "es" || lang === "pt") && IBERIAN_ORDINALS.has(w) && raw(c, j).length <= 2) {
    return w !== "a" || raw(c, j) === "ª";
  }
  return false;
}

// German and Czech write ordinals with a dot ("der 3. Platz"); after these words the dot marks one.
const ORDINAL_DOT_CUES: ReadonlySet<string> = new Set([
  "der",
  "die",
  "das",
  "den",
  "dem",
  "des",
  "am",
  "im",
  "zum",
  "zur",
  "vom",
  "beim",
  "ve",
  "v",
  "na",
]);

/** True when a dot after the numeral makes it an ordinal in German or Czech ("am 3. Spieltag"). */
export function ordinalDot(c: Ctx, i: number, j: number, lang: Lang): boolean {
  if (lang !== "de" && lang !== "cs") return false;
  return low(c, j) === "." && tight(c, j) && ORDINAL_DOT_CUES.has(low(c, i - 1));
}
