import { LETTER, NUMBER, unitClass } from "./chars";

/**
 * Whether a stretch of a text holds a letter or digit, asked of every quotation found. A letter
 * nearly always comes within a few characters; but quotation marks nested as deep as the text
 * ("“‘“‘…x…’”’”"), each pair asking about everything inside it, made that scan quadratic, so
 * past a short scan the answer comes from a table of where the next letter or digit is.
 */
export class WordCharacters {
  /** `next[i]`: the first offset at or after `i` holding a letter or digit (the text's length if none). */
  private next: Int32Array | null = null;

  constructor(private readonly text: string) {}

  /** Whether a letter or digit occurs in text[start, end). */
  within(start: number, end: number): boolean {
    const quick = Math.min(end, start + SHORT_SCAN);
    for (let i = start; i < quick; i++) if (isWordCode(this.text.charCodeAt(i))) return true;
    if (quick >= end) return false;
    this.next ??= nextWordCharacters(this.text);
    return (this.next[quick] as number) < end;
  }
}

/** How far the plain scan goes before the table is made (once per text, when a quotation needs it). */
const SHORT_SCAN = 64;

const WORD = LETTER | NUMBER;

/** Whether a code unit is a letter or a digit (a lone surrogate is neither). */
const isWordCode = (code: number): boolean => (unitClass(code) & WORD) !== 0;

/** For each offset, the first offset at or after it that holds a letter or digit. */
function nextWordCharacters(text: string): Int32Array {
  const next = new Int32Array(text.length + 1);
  next[text.length] = text.length;
  for (let i = text.length - 1; i >= 0; i--) next[i] = isWordCode(text.charCodeAt(i)) ? i : (next[i + 1] as number);
  return next;
}
