import { isSpaceCode, LETTER, startsDigit, unitClass } from "./chars";
import type { Range } from "./sentences";
import { WordCharacters } from "./word-characters";

/** A span between matching quotation marks. */
export interface Quotation {
  /** Offset of the opening mark, and its length (2 for a typewriter '' pair). */
  open: number;
  openLength: number;
  /** Offset of the closing mark; for an unclosed quotation, the end of its paragraph. */
  close: number;
  closeLength: number;
  /** The text between the marks, without the spaces French typography puts inside them. */
  start: number;
  end: number;
  /** 0 for an outer quotation, 1 for a quotation within it, and so on. */
  depth: number;
  /** Index of the enclosing quotation in the returned list, or -1. */
  parent: number;
  /** Runs over several paragraphs, its opening mark repeated at the start of each. */
  multiParagraph: boolean;
  /** Opens a paragraph and is never closed: bounded by that paragraph. */
  unclosed: boolean;
}

interface Mark {
  at: number;
  length: number;
  /** The mark as a pairing key: '"' stands for both typewriter forms. */
  ch: string;
  role: "open" | "close";
}

interface Open extends Mark {
  index: number;
  children: number[];
}

/** Which opening marks each closing mark can close (curly and typewriter marks get mixed in the wild). */
const CLOSES: Record<string, string> = {
  "”": '“„”"',
  "“": '„“"',
  '"': '"“„”',
  "»": "«»",
  "«": "»",
  "’": "‘'‚",
  "'": "'‘‚",
  "‘": "‚",
  "›": "‹›",
  "‹": "›",
  "」": "「",
  "』": "『",
};

/** Words that begin with an elided letter, so their apostrophe opens no quotation. */
const ELISIONS = new Set([
  "n",
  "em",
  "til",
  "cause",
  "cos",
  "cuz",
  "tis",
  "twas",
  "bout",
  "round",
  "ol",
  "s",
  "d",
  "ll",
  "re",
  "ve",
  "m",
  "t",
]);

const isSpace = (ch: string | undefined): boolean => ch === undefined || isSpaceCode(ch.charCodeAt(0));
/** Characters (besides spaces) after which a mark opens, and before which it closes, a quotation. */
const OPENING_CONTEXT = new Set(Array.from("([{\u2014\u2013-/“‘«‹„‚\"'「『"));
const CLOSING_CONTEXT = new Set(Array.from(".,;:!?)]}\u2014\u2013-/…”’»›\"'」』"));
/** Whether a character (one code unit) is a letter. */
const isLetter = (ch: string | undefined): boolean => ch !== undefined && (unitClass(ch.charCodeAt(0)) & LETTER) !== 0;

/** Languages that close with “ after a „ opening (German, Czech and neighbours). */
const LOW_OPENING_LANGS = new Set([
  "de",
  "cs",
  "sk",
  "pl",
  "hu",
  "ro",
  "hr",
  "sl",
  "sr",
  "bg",
  "lt",
  "et",
  "lv",
  "is",
  "da",
]);

/** The opening marks of a paragraph still waiting for their closing marks, innermost last. */
class OpenMarks {
  readonly list: Open[] = [];
  /** How many of each mark the list holds: whether a « is open anywhere must not take reading them all. */
  private readonly counts = new Map<string, number>();

  /** Adds an opening mark, innermost. */
  push(open: Open): void {
    this.list.push(open);
    this.counts.set(open.ch, (this.counts.get(open.ch) ?? 0) + 1);
  }

  /** Drops the marks from the `k`th on. */
  truncate(k: number): void {
    for (let d = k; d < this.list.length; d++) {
      const ch = (this.list[d] as Open).ch;
      this.counts.set(ch, (this.counts.get(ch) ?? 1) - 1);
    }
    this.list.length = k;
  }

  /** Whether a `ch` mark is open at any depth. */
  holds(ch: string): boolean {
    return (this.counts.get(ch) ?? 0) > 0;
  }
}

/** Whether an opening mark among the top three of the stack can be closed by `closer`. */
function hasOpenFor(stack: OpenMarks, closer: string): boolean {
  const accepted = CLOSES[closer] ?? "";
  const list = stack.list;
  for (let k = list.length - 1; k >= Math.max(0, list.length - 3); k--) {
    if (accepted.includes((list[k] as Open).ch)) return true;
  }
  return false;
}

/** Whether the apostrophe at `i` stands for elided letters or digits ('em, 'n', '90s) rather than opening a quotation. */
function isElided(text: string, i: number, block: Range, next: string | undefined): boolean {
  const wordAfter = /^[\p{L}]+/u.exec(text.slice(i + 1, Math.min(block.end, i + 8)))?.[0]?.toLowerCase() ?? "";
  return (
    startsDigit(next ?? "") ||
    (ELISIONS.has(wordAfter) && !/[\p{L}]/u.test(text[i + 1 + wordAfter.length] ?? " ") && wordAfter.length > 1) ||
    (wordAfter === "n" && /['’‘]/.test(text[i + 2] ?? ""))
  );
}

/** The role of a possible quotation mark at `i`, or null when it is an apostrophe, an inch sign or stray. */
function classify(
  text: string,
  i: number,
  block: Range,
  stack: OpenMarks,
  lowOpening: boolean,
): { ch: string; length: number; role: "open" | "close" } | null {
  const ch = text[i] as string;
  const length = ch === "'" && text[i + 1] === "'" ? 2 : 1;
  const prev = i > block.start ? text[i - 1] : undefined;
  const next = i + length < block.end ? text[i + length] : undefined;
  const left = !isSpace(next) && (prev === undefined || isSpace(prev) || OPENING_CONTEXT.has(prev));
  const right = !isSpace(prev) && (next === undefined || isSpace(next) || CLOSING_CONTEXT.has(next));
  if (length === 2) {
    if (left && !right) return { ch: '"', length, role: "open" };
    if (right && !left) return hasOpenFor(stack, '"') ? { ch: '"', length, role: "close" } : null;
    return null;
  }
  switch (ch) {
    case "“":
      if (right && !left) return { ch, length, role: "close" };
      if (left && !right)
        return lowOpening && hasOpenFor(stack, "“") ? { ch, length, role: "close" } : { ch, length, role: "open" };
      return hasOpenFor(stack, "“") && (lowOpening || !isSpace(prev))
        ? { ch, length, role: "close" }
        : { ch, length, role: "open" };
    case "”":
      if (left && !right && !hasOpenFor(stack, "”")) return { ch, length, role: "open" };
      return { ch, length, role: "close" };
    case '"':
      if (left && !right) return { ch, length, role: "open" };
      if (right && !left) return hasOpenFor(stack, '"') ? { ch, length, role: "close" } : null;
      if (left && right) return hasOpenFor(stack, '"') ? { ch, length, role: "close" } : { ch, length, role: "open" };
      return null;
    case "„":
    case "「":
    case "『":
      return isSpace(next) ? null : { ch, length, role: "open" };
    case "」":
    case "』":
      return { ch, length, role: "close" };
    case "«":
    case "‹": {
      const reversedCloser = ch === "«" ? "«" : "‹";
      if (right && !left && hasOpenFor(stack, reversedCloser)) return { ch, length, role: "close" };
      return { ch, length, role: "open" };
    }
    case "»":
    case "›": {
      const opener = ch === "»" ? "«" : "‹";
      if (left && !right && !hasOpenFor(stack, ch) && !stack.holds(opener)) return { ch, length, role: "open" };
      return { ch, length, role: "close" };
    }
    case "‚":
      return left && !right ? { ch, length, role: "open" } : null;
    case "‘":
      if (right && !left && hasOpenFor(stack, "‘")) return { ch, length, role: "close" };
      if (left && !right && !isElided(text, i, block, next)) return { ch, length, role: "open" };
      return null;
    case "’":
    case "'":
      if (isLetter(prev) && isLetter(next)) return null; // don't, O'Neill
      if (right && !left) return hasOpenFor(stack, ch) ? { ch, length, role: "close" } : null; // the Smiths' album
      if (left && !right) return ch === "’" || isElided(text, i, block, next) ? null : { ch, length, role: "open" };
      return null;
    default:
      return null;
  }
}

const MARKS = /["'“”‘’«»„‚‹›「」『』]/g;

/**
 * Offset of the next possible quotation mark at or after `from` in a block, or the block's end: a
 * search in the block's own text (`body`, starting at `offset`), faster than testing every character.
 */
function nextMark(body: string, offset: number, from: number): number {
  MARKS.lastIndex = from - offset;
  // `test` rather than `exec`, which allocates a match: the one-character match ends at lastIndex.
  return MARKS.test(body) ? MARKS.lastIndex - 1 + offset : offset + body.length;
}

/** First non-space offset of a block, or its end. */
function firstVisible(text: string, block: Range): number {
  let i = block.start;
  while (i < block.end && isSpace(text[i])) i++;
  return i;
}

/** Whether `ch` at the start of a paragraph repeats the opening mark `opener` of a running quotation. */
function continues(opener: string, ch: string): boolean {
  return ch === opener;
}

/**
 * Adds the quotation that `open` starts and a mark at `closeAt` ends (or the paragraph, when
 * unclosed), unless it holds no word; adopts the quotations found inside it. Its index, or -1.
 */
function emit(
  text: string,
  words: WordCharacters,
  quotations: Quotation[],
  open: Open,
  closeAt: number,
  closeLength: number,
  depth: number,
  multiParagraph: boolean,
  unclosed: boolean,
): number {
  let start = open.at + open.length;
  let end = closeAt;
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  if (!words.within(start, end)) return -1;
  quotations.push({
    open: open.at,
    openLength: open.length,
    close: closeAt,
    closeLength,
    start,
    end,
    depth,
    parent: -1,
    multiParagraph,
    unclosed,
  });
  const index = quotations.length - 1;
  for (const child of open.children) {
    const q = quotations[child];
    if (q && q.parent === -1) q.parent = index;
  }
  return index;
}

/**
 * Pairs the quotation marks of every paragraph block. Marks pair within their paragraph only,
 * so an unbalanced mark never swallows the text after it; a quotation continues into the next
 * paragraph only by the multi-paragraph convention (no closing mark at the end of one paragraph,
 * the opening mark repeated at the start of the next). Linear in the text's length.
 */
export function findQuotations(text: string, blocks: Range[], lang: string | null): Quotation[] {
  const lowOpening = LOW_OPENING_LANGS.has((lang ?? "").toLowerCase().split(/[-_]/)[0] ?? "");
  const quotations: Quotation[] = [];
  const words = new WordCharacters(text);
  // A quotation carried over from the previous paragraph, with the index it will take.
  let carried: { mark: Open; from: number } | null = null;

  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b] as Range;
    const stack = new OpenMarks();
    let skipAt = -1;
    if (carried) {
      stack.push(carried.mark);
      skipAt = firstVisible(text, block);
      carried = null;
    }
    const body = text.slice(block.start, block.end);
    for (let i = nextMark(body, block.start, block.start); i < block.end; i = nextMark(body, block.start, i + 1)) {
      if (i === skipAt) continue;
      const at = i;
      const mark = classify(text, at, block, stack, lowOpening);
      if (!mark) continue;
      if (mark.length === 2) i++;
      if (mark.role === "open") {
        stack.push({ at, length: mark.length, ch: mark.ch, role: "open", index: -1, children: [] });
        continue;
      }
      const accepted = CLOSES[mark.ch] ?? "";
      const list = stack.list;
      let k = list.length - 1;
      while (k >= 0 && k >= list.length - 3 && !accepted.includes((list[k] as Open).ch)) k--;
      if (k < 0 || k < list.length - 3) continue;
      const open = list[k] as Open;
      for (let d = k + 1; d < list.length; d++) open.children.push(...(list[d] as Open).children);
      stack.truncate(k);
      const multiParagraph = open.at < block.start;
      const index = emit(text, words, quotations, open, at, mark.length, k, multiParagraph, false);
      if (index >= 0 && k > 0) (list[k - 1] as Open).children.push(index);
      else if (index < 0 && k > 0) (list[k - 1] as Open).children.push(...open.children);
    }
    const bottom = stack.list[0];
    if (!bottom) continue;
    const nextBlock = blocks[b + 1];
    const nextStart = nextBlock ? firstVisible(text, nextBlock) : -1;
    if (nextBlock && nextStart < nextBlock.end && continues(bottom.ch, text[nextStart] as string)) {
      carried = { mark: bottom, from: b };
      continue;
    }
    // Unclosed: a quotation that opens its paragraph runs to the paragraph's end; any other is dropped.
    const opensParagraph = bottom.at < block.start || bottom.at === firstVisible(text, block);
    if (opensParagraph) {
      let end = block.end;
      while (end > block.start && isSpace(text[end - 1])) end--;
      emit(text, words, quotations, bottom, end, 0, 0, bottom.at < block.start, true);
    }
  }
  // Depth from the final nesting: a quotation whose enclosing mark was dropped is an outer one.
  for (let i = quotations.length - 1; i >= 0; i--) {
    const q = quotations[i] as Quotation;
    q.depth = q.parent === -1 ? 0 : (quotations[q.parent] as Quotation).depth + 1;
  }
  return quotations;
}
