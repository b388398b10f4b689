/**
 * Tokens of one paragraph block. Words are runs of letters, numbers are runs of ASCII digits and every
 * other visible character is a token of its own, so "COVID-19", "5km" and "$3.2bn" split into parts the
 * rules can look at one by one. The gap between two tokens tells whether they were written tight.
 */

export type TokKind = "w" | "n" | "p";

// Character classes, decided per code point exactly as the regex /(\p{L}[\p{L}\p{M}]*)|([0-9]+)|(\S)/u
// splits text: letters and marks make words, ASCII digits make numbers, spaces separate, anything else is a
// token of its own. A table read per character replaces running a Unicode regex at every position. (Kept in
// this module: the tokenizer's loop reads them for every character.)
const LETTER = 1;
const MARK = 2;
const SPACE = 3;
const DIGIT = 4;
const OTHER = 5;

const IS_LETTER = /^\p{L}$/u;
const IS_MARK = /^\p{M}$/u;
const IS_SPACE = /^\s$/u;

function classify(ch: string): number {
  if (IS_LETTER.test(ch)) return LETTER;
  if (IS_MARK.test(ch)) return MARK;
  return IS_SPACE.test(ch) ? SPACE : OTHER;
}

// Classes of the Basic Multilingual Plane, filled on first sight of each code unit (0: not yet known), so a
// page pays only for the characters it uses; ASCII is filled at load. Other planes (emoji, math letters)
// are rare and kept in a Map.
const BMP_CLASS = new Uint8Array(0x10000);
for (let cu = 0; cu < 128; cu++) BMP_CLASS[cu] = cu >= 48 && cu <= 57 ? DIGIT : classify(String.fromCharCode(cu));
const ASTRAL_CLASS = new Map<number, number>();

/** The class of a code point: LETTER, MARK, SPACE, DIGIT (ASCII only) or OTHER. */
function classOf(cp: number): number {
  if (cp < 0x10000) {
    const known = BMP_CLASS[cp] as number;
    if (known !== 0) return known;
    const cls = classify(String.fromCharCode(cp));
    BMP_CLASS[cp] = cls;
    return cls;
  }
  let cls = ASTRAL_CLASS.get(cp);
  if (cls === undefined) {
    cls = classify(String.fromCodePoint(cp));
    ASTRAL_CLASS.set(cp, cls);
  }
  return cls;
}

/** The code point at k, not reading past `end` (a surrogate pair cut by the block end is a lone surrogate). */
function codePointAt(text: string, k: number, end: number): number {
  const hi = text.charCodeAt(k);
  if (hi < 0xd800 || hi > 0xdbff || k + 1 >= end) return hi;
  const lo = text.charCodeAt(k + 1);
  return lo >= 0xdc00 && lo <= 0xdfff ? ((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000 : hi;
}

/** Code units the code point takes: 2 beyond the Basic Multilingual Plane. */
const width = (cp: number): number => (cp > 0xffff ? 2 : 1);

// Typographic apostrophes and dashes, folded to ASCII in a punctuation token's matching form.
const FOLD: ReadonlyMap<string, string> = new Map([
  ["\u2019", "'"],
  ["\u2018", "'"],
  ["\u02bc", "'"],
  ["`", "'"],
  ["\u00b4", "'"],
  ["\u2013", "-"],
  ["\u2014", "-"],
  ["\u2212", "-"],
  ["\u2010", "-"],
  ["\u2011", "-"],
  ["\u2012", "-"],
]);

/**
 * One token. A word's text is cut from the page only when a rule reads it: the rules look at numbers and
 * the few tokens around them, so most words never are, and slicing and lower-casing each one was most of
 * the tokenizer's cost.
 */
export class Tok {
  // `declare` keeps these out of class-field definitions: the constructor's plain assignments are faster,
  // and hundreds of thousands of tokens are made per page.
  /** Offsets into the whole text, end-exclusive. */
  declare readonly s: number;
  declare readonly e: number;
  declare readonly k: TokKind;
  declare private readonly text: string;
  /** The text as written and its matching form, once made (a plain ASCII word's are made on first read). */
  declare private written: string | undefined;
  declare private lower: string | undefined;

  constructor(text: string, s: number, e: number, k: TokKind, written?: string, lower?: string) {
    this.s = s;
    this.e = e;
    this.k = k;
    this.text = text;
    this.written = written;
    this.lower = lower;
  }

  /** As written. */
  get t(): string {
    if (this.written === undefined) this.written = this.text.slice(this.s, this.e);
    return this.written;
  }

  /** Lower case, with typographic apostrophes and dashes folded to ASCII, for matching. */
  get l(): string {
    if (this.lower === undefined) {
      // only plain ASCII words are left to do: lower-case letters are their own form
      const t = this.t;
      this.lower = asciiLower(this.text, this.s, this.e) ? t : t.toLowerCase();
    }
    return this.lower;
  }

  /**
   * Length, first and last character of the matching form, folded into 16 bits without making it: a
   * fingerprint that lets a table turn most words away before hashing them (see `shapeOf`).
   */
  shape(): number {
    if (this.lower !== undefined) return shapeOf(this.lower);
    // a plain ASCII word: its lower case is each letter's code with bit 5 set
    const text = this.text;
    return packShape(this.e - this.s, text.charCodeAt(this.s) | 32, text.charCodeAt(this.e - 1) | 32);
  }
}

const packShape = (length: number, first: number, last: number): number =>
  ((length < 16 ? length : 15) << 12) | ((first & 63) << 6) | (last & 63);

/** The fingerprint `Tok.shape` gives a token whose matching form is `l`. */
export function shapeOf(l: string): number {
  return packShape(l.length, l.charCodeAt(0), l.charCodeAt(l.length - 1));
}

/** True when text[k, m) is all lower-case ASCII letters. */
function asciiLower(text: string, k: number, m: number): boolean {
  for (let n = k; n < m; n++) {
    const cu = text.charCodeAt(n);
    if (cu < 97 || cu > 122) return false;
  }
  return true;
}

/** What every rule reads: the whole text, the tokens of one block and the page's language. */
export interface Ctx {
  text: string;
  toks: Tok[];
  /** Text length of the block, for rules (page furniture) that depend on it. */
  blockLength: number;
}

/** Splits `text[start, end)` into tokens with offsets into `text`, in one pass over its characters. */
export function tokenize(text: string, start: number, end: number): Tok[] {
  const toks: Tok[] = [];
  let k = start;
  while (k < end) {
    const cu = text.charCodeAt(k);
    const cp = cu < 0xd800 ? cu : codePointAt(text, k, end);
    const cls = classOf(cp);
    if (cls === SPACE) {
      k += width(cp);
    } else if (cls === DIGIT) {
      let m = k + 1;
      for (let d = text.charCodeAt(m); m < end && d >= 48 && d <= 57; d = text.charCodeAt(++m));
      const t = text.slice(k, m);
      toks.push(new Tok(text, k, m, "n", t, t));
      k = m;
    } else if (cls === LETTER) {
      k = readWord(text, k, width(cp), end, toks);
    } else {
      // punctuation, a stray mark: one code point
      const w = width(cp);
      const t = w === 1 ? text.charAt(k) : text.slice(k, k + 2);
      // "`" is the only ASCII character that folds
      const l = cu < 128 && cu !== 96 ? t : (FOLD.get(t) ?? t);
      toks.push(new Tok(text, k, k + w, "p", t, l));
      k += w;
    }
  }
  return toks;
}

/** Pushes the word that starts at k (its first letter `first` code units long); returns the index past it. */
function readWord(text: string, k: number, first: number, end: number, toks: Tok[]): number {
  let ascii = first === 1 && text.charCodeAt(k) < 128;
  let m = k + first;
  while (m < end) {
    const cu = text.charCodeAt(m);
    if (cu < 128) {
      // in ASCII only letters continue a word
      if ((cu | 32) < 97 || (cu | 32) > 122) break;
      m++;
      continue;
    }
    const cp = codePointAt(text, m, end);
    const cls = classOf(cp);
    if (cls !== LETTER && cls !== MARK) break;
    ascii = false;
    m += width(cp);
  }
  // Plain ASCII words make their strings when read; others now, since only ASCII lower-cases by one bit.
  if (ascii) {
    toks.push(new Tok(text, k, m, "w"));
  } else {
    const t = text.slice(k, m);
    toks.push(new Tok(text, k, m, "w", t, t.toLowerCase()));
  }
  return m;
}

/** True when token i touches the token before it. */
export function tight(c: Ctx, i: number): boolean {
  const a = c.toks[i - 1];
  const b = c.toks[i];
  return a !== undefined && b !== undefined && a.e === b.s;
}

/** True when tokens i-1 and i are separated by nothing or by plain spaces on one line. */
export function near(c: Ctx, i: number): boolean {
  const a = c.toks[i - 1];
  const b = c.toks[i];
  if (a === undefined || b === undefined) return false;
  if (b.s - a.e > 3) return false;
  for (let k = a.e; k < b.s; k++) if (c.text[k] === "\n") return false;
  return true;
}

/** Lower-case form of token i, or "" outside the block. */
export function low(c: Ctx, i: number): string {
  return c.toks[i]?.l ?? "";
}

/** Token i as written, or "" outside the block. */
export function raw(c: Ctx, i: number): string {
  return c.toks[i]?.t ?? "";
}

/** True when token i is a word. */
export function isWord(c: Ctx, i: number): boolean {
  return c.toks[i]?.k === "w";
}

/** True when token i is a run of digits. */
export function isNum(c: Ctx, i: number): boolean {
  return c.toks[i]?.k === "n";
}

/** True when the word starts with an upper-case letter. */
export function isCapitalised(word: string): boolean {
  const ch = word[0] ?? "";
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** True when a word has an upper-case letter anywhere (iPhone, eBay, COVID). */
export function hasUpper(word: string): boolean {
  return word !== word.toLowerCase();
}

/** Index of the first token that starts at or after char offset `pos` (toks.length when none). */
export function tokAt(c: Ctx, pos: number): number {
  let lo = 0;
  let hi = c.toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((c.toks[mid]?.s ?? 0) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A set of phrases (token sequences) with a value each, matched forward or backward from a token. */
export class PhraseSet<V> {
  private readonly byFirst = new Map<string, { seq: string[]; value: V }[]>();
  private readonly byLast = new Map<string, { seq: string[]; value: V }[]>();

  /** `caseSensitive` compares the written form, otherwise the lower-case folded form. */
  constructor(
    entries: Iterable<[string, V]>,
    private readonly caseSensitive = false,
  ) {
    for (const [phrase, value] of entries) this.add(phrase, value);
  }

  /** Adds a phrase; its tokens are split exactly as the text's are. */
  add(phrase: string, value: V): void {
    const seq = tokenize(phrase, 0, phrase.length).map((t) => (this.caseSensitive ? t.t : t.l));
    const first = seq[0];
    const last = seq[seq.length - 1];
    if (first === undefined || last === undefined) return;
    const push = (m: Map<string, { seq: string[]; value: V }[]>, key: string) => {
      const list = m.get(key) ?? [];
      list.push({ seq, value });
      list.sort((a, b) => b.seq.length - a.seq.length);
      m.set(key, list);
    };
    push(this.byFirst, first);
    push(this.byLast, last);
  }

  private key(c: Ctx, i: number): string {
    const t = c.toks[i];
    if (t === undefined) return "";
    return this.caseSensitive ? t.t : t.l;
  }

  /** The longest phrase starting at token i: its value and the index just past it. */
  matchAt(c: Ctx, i: number): { value: V; end: number } | null {
    const list = this.byFirst.get(this.key(c, i));
    if (list === undefined) return null;
    for (const { seq, value } of list) {
      let ok = true;
      for (let k = 1; k < seq.length && ok; k++) ok = this.key(c, i + k) === seq[k] && near(c, i + k);
      if (ok) return { value, end: i + seq.length };
    }
    return null;
  }

  /** The longest phrase ending just before token `end`: its value and its first token. */
  matchBefore(c: Ctx, end: number): { value: V; start: number } | null {
    const list = this.byLast.get(this.key(c, end - 1));
    if (list === undefined) return null;
    for (const { seq, value } of list) {
      const start = end - seq.length;
      if (start < 0) continue;
      let ok = true;
      for (let k = 0; k < seq.length - 1 && ok; k++) ok = this.key(c, start + k) === seq[k] && near(c, start + k + 1);
      if (ok) return { value, start };
    }
    return null;
  }
}
