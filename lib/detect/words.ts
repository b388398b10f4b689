import { LETTER, MARK, NUMBER, unitClass } from "./chars";

/**
 * Word tokens with offsets into the article text. The detectors ask for the words of many
 * overlapping windows of one text (a sentence, the 80 characters before a quotation, a clause);
 * the whole text is tokenised once and each window is cut from that list, which gives the same
 * tokens as scanning the window on its own.
 */

/** A word token. Tokens are shared by every window of a text, so they are read-only. */
export interface Token {
  /** The word as written ("Colonel-General", "U.S.", "don't"). */
  readonly text: string;
  /** Lower case, with a typographic apostrophe made straight. */
  readonly lower: string;
  readonly start: number;
  readonly end: number;
}

// Letters with inner hyphens or apostrophes ("al-Qaeda", "O'Neill", "don't"); dotted
// abbreviations ("U.S.", "a.m."); numbers with separators ("6,500", "1.5"). The scanner below
// implements exactly this pattern; the pattern itself serves texts with astral characters and
// windows that start inside a word.
const WORD = /(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}]*(?:[-'’][\p{L}\p{M}]+)*|\p{N}+(?:[.,:]\p{N}+)*/gu;

/** Thrown by the scanner on a surrogate, for the pattern to take over. */
const SURROGATE = new Error("surrogate");

/** LETTER, MARK or NUMBER bits of ASCII characters, looked up without a call. */
const ASCII_CLASSES = Uint8Array.from({ length: 0x80 }, (_, code) => unitClass(code) & (LETTER | MARK | NUMBER));

/** LETTER, MARK or NUMBER bits of the code unit at `i`; throws SURROGATE on a surrogate. */
function classAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0x80) return ASCII_CLASSES[code] as number;
  if (code >= 0xd800 && code <= 0xdfff) throw SURROGATE;
  return unitClass(code) & (LETTER | MARK | NUMBER);
}

const APOSTROPHE = 0x2019; // ’

/** A token, with its lower case computed only when the word is not already plain lower-case ASCII. */
function makeToken(text: string, start: number, end: number, plain: boolean): Token {
  const word = text.slice(start, end);
  if (plain) return { text: word, lower: word, start, end };
  const lower = word.toLowerCase();
  return { text: word, lower: lower.includes("’") ? lower.replace(/’/g, "'") : lower, start, end };
}

/** Whether a code unit is plain lower-case ASCII (its own lower case) as far as a token goes. */
const isPlain = (code: number): boolean => code < 0x80 && !(code >= 0x41 && code <= 0x5a);

/** Token flags: plain lower-case ASCII (its own lower case); ASCII only. */
const PLAIN = 1;
const ASCII = 2;

/** Flags of a word found by the scanner, `plain` as it tracked it. */
function flagsOf(text: string, start: number, end: number, plain: boolean): number {
  if (plain) return PLAIN | ASCII;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) >= 0x80) return 0;
  return ASCII;
}

/** Finds the words of a whole text (the WORD pattern, by character class); throws SURROGATE on an astral character. */
function scan(text: string, index: TokenIndex): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cls = classAt(text, i);
    if (cls === LETTER) {
      // Dotted abbreviation first, as the pattern tries it first: two or more "letter." pairs.
      let j = i;
      let plain = true;
      while (j + 1 < n && text.charCodeAt(j + 1) === 0x2e && classAt(text, j) === LETTER) {
        plain = plain && isPlain(text.charCodeAt(j));
        j += 2;
      }
      if (j - i >= 4) {
        index.add(i, j, flagsOf(text, i, j, plain));
        i = j;
        continue;
      }
      // A word: letters and marks, then groups of a hyphen or apostrophe and more letters and marks.
      plain = isPlain(text.charCodeAt(i));
      j = i + 1;
      for (;;) {
        for (; j < n; j++) {
          const code = text.charCodeAt(j);
          // ASCII letters inline: nearly every character of an English text takes this path.
          if (code >= 0x61 && code <= 0x7a) continue;
          if (code >= 0x41 && code <= 0x5a) plain = false;
          else if (code < 0x80 || !(classAt(text, j) & (LETTER | MARK))) break;
          else plain = false;
        }
        const sep = text.charCodeAt(j);
        if (
          j + 1 < n &&
          (sep === 0x2d || sep === 0x27 || sep === APOSTROPHE) &&
          classAt(text, j + 1) & (LETTER | MARK)
        ) {
          plain = plain && sep !== APOSTROPHE;
          j++;
          continue;
        }
        break;
      }
      index.add(i, j, flagsOf(text, i, j, plain));
      i = j;
    } else if (cls === NUMBER) {
      let j = i + 1;
      let plain = isPlain(text.charCodeAt(i));
      for (;;) {
        while (j < n && classAt(text, j) === NUMBER) {
          plain = plain && isPlain(text.charCodeAt(j));
          j++;
        }
        const sep = text.charCodeAt(j);
        if (j + 1 < n && (sep === 0x2e || sep === 0x2c || sep === 0x3a) && classAt(text, j + 1) === NUMBER) {
          j++;
          continue;
        }
        break;
      }
      index.add(i, j, flagsOf(text, i, j, plain));
      i = j;
    } else i++;
  }
}

/** Finds the words of a whole text with the WORD pattern itself. */
function scanWithPattern(text: string, index: TokenIndex): void {
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match; match = WORD.exec(text)) {
    index.add(match.index, match.index + match[0].length, 0);
  }
}

/**
 * The words of one text, by position: offsets and flags in arrays, and each Token object
 * made on first request. Most words are only ever looked at through a window or a quick test, and
 * a text's worth of objects made up front was a third of what detection allocated.
 */
export class TokenIndex {
  /** Number of words. */
  count = 0;
  // Plain arrays of small integers: typed arrays cost more to allocate than they save on a page.
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly flags: number[] = [];
  private made: (Token | undefined)[];

  /** `text` is the string last asked about: equal in content, and taken over by later equal strings. */
  constructor(public text: string) {
    try {
      scan(text, this);
    } catch (error) {
      if (error !== SURROGATE) throw error;
      this.count = 0;
      this.starts.length = 0;
      this.ends.length = 0;
      this.flags.length = 0;
      scanWithPattern(text, this);
    }
    this.made = new Array(this.count);
  }

  /** Records a word (scanner use). */
  add(start: number, end: number, flags: number): void {
    this.starts.push(start);
    this.ends.push(end);
    this.flags.push(flags);
    this.count++;
  }

  /** Word `k`, made on first request. */
  token(k: number): Token {
    let token = this.made[k];
    if (token === undefined) {
      token = makeToken(this.text, this.startOf(k), this.endOf(k), ((this.flags[k] as number) & PLAIN) !== 0);
      this.made[k] = token;
    }
    return token;
  }

  /** Offset where word `k` starts. */
  startOf(k: number): number {
    return this.starts[k] as number;
  }

  /** Offset where word `k` ends. */
  endOf(k: number): number {
    return this.ends[k] as number;
  }

  /** Whether word `k` is ASCII only, so that lower-casing it changes neither its length nor its letters' low five bits. */
  isAscii(k: number): boolean {
    return ((this.flags[k] as number) & ASCII) !== 0;
  }

  /** Index of the first word that starts at or after `at`. */
  private firstFrom(at: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.starts[mid] as number) < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the first word from `k` on that ends after `end` (words do not overlap, so their ends ascend too). */
  private firstPast(k: number, end: number): number {
    let lo = k;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.ends[mid] as number) <= end) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether `at` falls strictly inside word `k - 1`, where scanning from `at` would split that word. */
  private splits(k: number, at: number): boolean {
    return k > 0 && (this.starts[k - 1] as number) < at && at < (this.ends[k - 1] as number);
  }

  /**
   * The words [from, to) that a scan of text[start, end) finds, or null when the window starts
   * inside a word (whose tail the scan would find as a word of its own).
   */
  span(start: number, end: number): { from: number; to: number } | null {
    const at = Math.max(0, start);
    const from = this.firstFrom(at);
    if (this.splits(from, at)) return null;
    return { from, to: this.firstPast(from, end) };
  }

  /** The tokens a scan of text[start, end) finds: whole words from the index, a split word rescanned. */
  window(start: number, end: number): Token[] {
    const out: Token[] = [];
    let from = Math.max(0, start);
    let k = this.firstFrom(from);
    // Scanning from inside a word finds its tail (and maybe more) until it is back in step with the index.
    while (this.splits(k, from)) {
      WORD.lastIndex = from;
      const match = WORD.exec(this.text);
      if (!match || match.index >= end) return out;
      const matchEnd = match.index + match[0].length;
      if (matchEnd > end) return out;
      out.push(makeToken(this.text, match.index, matchEnd, false));
      from = matchEnd;
      k = this.firstFrom(from);
    }
    const to = this.firstPast(k, end);
    if (out.length > 0) {
      for (let i = k; i < to; i++) out.push(this.token(i));
      return out;
    }
    const tokens = new Array<Token>(to - k);
    for (let i = k; i < to; i++) tokens[i - k] = this.token(i);
    return tokens;
  }
}

/** The index of the text tokenised last: detection asks about one text at a time, many times over. */
let last: TokenIndex | null = null;

/** The word index of `text`, shared by every window of it. */
export function tokenIndex(text: string): TokenIndex {
  if (last === null || last.text !== text) last = new TokenIndex(text);
  // An equal text in another string takes the index over, so that later calls compare by reference
  // and not, character by character, by content.
  last.text = text;
  return last;
}

/** The word tokens of `text` between `start` and `end`. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  return tokenIndex(text).window(start, end);
}

/** Lets go of the last text's index, once detection on it is over. */
export function releaseTokens(): void {
  last = null;
}
