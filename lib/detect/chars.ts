/**
 * Character tests the detectors run on every word and gap: the same answers as the Unicode
 * regular expressions they replace (`/\s/u`, `/\p{L}/u`, `/^\p{Lu}/u`, …), from char codes and a
 * table filled on first sight, since a regular expression per character dominated the running time.
 */

/** Whether a char code is whitespace as `/\s/u` defines it. */
export function isSpaceCode(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Whether the character at `i` is whitespace; false past the end of the text. */
export const isSpaceAt = (text: string, i: number): boolean => isSpaceCode(text.charCodeAt(i));

/** Unicode classes of a code unit, as bits. */
export const LETTER = 1;
export const MARK = 2;
export const NUMBER = 4;
const UPPER = 8;
const LOWER = 16;
const KNOWN = 32;
const CLASSES: [RegExp, number][] = [
  [/\p{L}/u, LETTER],
  [/\p{M}/u, MARK],
  [/\p{N}/u, NUMBER],
  [/\p{Lu}/u, UPPER],
  [/\p{Ll}/u, LOWER],
];

/** Classes of every UTF-16 code unit, filled in on first sight; ASCII up front. */
const table = new Uint8Array(0x10000);
for (let code = 0; code < 0x80; code++) {
  const upper = code >= 0x41 && code <= 0x5a;
  const lower = code >= 0x61 && code <= 0x7a;
  const digit = code >= 0x30 && code <= 0x39;
  table[code] = KNOWN | (upper ? LETTER | UPPER : lower ? LETTER | LOWER : digit ? NUMBER : 0);
}

/** The class bits of one code unit, taken on its own (a lone surrogate is in no class). */
export function unitClass(code: number): number {
  let bits = table[code] as number;
  if (bits === 0) {
    const ch = String.fromCharCode(code);
    bits = KNOWN;
    for (const [pattern, bit] of CLASSES) if (pattern.test(ch)) bits |= bit;
    table[code] = bits;
  }
  return bits & ~KNOWN;
}

/** Whether the code unit at `i` is a letter (`/\p{L}/u` on `text[i]`). */
export const isLetterAt = (text: string, i: number): boolean => (unitClass(text.charCodeAt(i)) & LETTER) !== 0;

/** Class bits of the code point at `i` (a surrogate pair taken as one character); 0 past the end. */
function pointClass(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdfff) {
    const ch = String.fromCodePoint(text.codePointAt(i) as number);
    let bits = 0;
    for (const [pattern, bit] of CLASSES) if (pattern.test(ch)) bits |= bit;
    return bits;
  }
  return i < text.length ? unitClass(code) : 0;
}

// The tests below answer ASCII, nearly every character they see, by range before any table read or
// call (a char code past the end is NaN, which fails `< 0x80` and takes the general path).

/** `/^\p{Lu}/u`: the word starts with a capital letter. */
export const startsUpper = (word: string): boolean => upperAt(word, 0);

/** `/^\p{Lu}/u` on the text from `i` on: a capital letter starts there. */
export function upperAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  return (pointClass(text, i) & UPPER) !== 0;
}

/** `/^\p{Ll}/u`: the word starts with a lower-case letter. */
export function startsLower(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 0x80) return code >= 0x61 && code <= 0x7a;
  return (pointClass(word, 0) & LOWER) !== 0;
}

/** `/^\p{N}/u`: the word starts with a digit or other number character. */
export const startsDigit = (word: string): boolean => (pointClass(word, 0) & NUMBER) !== 0;

/** `/^[\p{Lu}\p{N}]/u`: the word starts with a capital letter or a digit. */
export const startsUpperOrDigit = (word: string): boolean => (pointClass(word, 0) & (UPPER | NUMBER)) !== 0;

/** Offset of the first `ch` (one UTF-16 unit) in text[from, to), or -1: unlike indexOf, never searches past `to`. */
export function indexIn(text: string, ch: string, from: number, to: number): number {
  const code = ch.charCodeAt(0);
  for (let i = Math.max(0, from); i < to && i < text.length; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/** Offset of the last `ch` (one UTF-16 unit) in text[from, to), or -1: unlike lastIndexOf, never searches before `from`. */
export function lastIndexIn(text: string, ch: string, from: number, to: number): number {
  const code = ch.charCodeAt(0);
  for (let i = Math.min(to, text.length) - 1; i >= from && i >= 0; i--) if (text.charCodeAt(i) === code) return i;
  return -1;
}
