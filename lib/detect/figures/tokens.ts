/**
 * Tokens of one paragraph block. Words are runs of letters, numbers are runs of ASCII digits and every
 * other visible character is a token of its own, so "COVID-19", "5km" and "$3.2bn" split into parts the
 * rules can look at one by one. The gap between two tokens tells whether they were written tight.
 */

export type TokKind = "w" | "n" | "p";

export interface Tok {
  /** Offsets into the whole text, end-exclusive. */
  s: number;
  e: number;
  k: TokKind;
  /** As written. */
  t: string;
  /** Lower case, with typographic apostrophes and dashes folded to ASCII, for matching. */
  l: string;
}

/** What every rule reads: the whole text, the tokens of one block and the page's language. */
export interface Ctx {
  text: string;
  toks: Tok[];
  /** Text length of the block, for rules (page furniture) that depend on it. */
  blockLength: number;
}

// One code point per punctuation token; letters with their combining marks; ASCII digits.
const TOKEN = /(\p{L}[\p{L}\p{M}]*)|([0-9]+)|(\S)/gu;

const FOLD: Record<string, string> = {
  "\u2019": "'",
  "\u2018": "'",
  "\u02bc": "'",
  "`": "'",
  "\u00b4": "'",
  "\u2013": "-",
  "\u2014": "-",
  "\u2212": "-",
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
};

/** Splits `text[start, end)` into tokens with offsets into `text`. */
export function tokenize(text: string, start: number, end: number): Tok[] {
  const slice = text.slice(start, end);
  const toks: Tok[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m !== null; m = TOKEN.exec(slice)) {
    const t = m[0];
    const k: TokKind = m[1] !== undefined ? "w" : m[2] !== undefined ? "n" : "p";
    const l = k === "p" ? (FOLD[t] ?? t) : k === "w" ? t.toLowerCase() : t;
    toks.push({ s: start + m.index, e: start + m.index + t.length, k, t, l });
  }
  return toks;
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
