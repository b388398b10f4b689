import type { Range } from "./sentences";

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

const isSpace = (ch: string | undefined): boolean => ch === undefined || /\s/u.test(ch);
const OPENING_CONTEXT = /[\s([{\u2014\u2013\-/“‘«‹„‚"'「『]/u;
const CLOSING_CONTEXT = /[\s.,;:!?)\]}\u2014\u2013\-/…”’»›"'」』]/u;

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

/** The role of a possible quotation mark at `i`, or null when it is an apostrophe, an inch sign or stray. */
function classify(
  text: string,
  i: number,
  block: Range,
  stack: Open[],
  lowOpening: boolean,
): { ch: string; length: number; role: "open" | "close" } | null {
  const ch = text[i] as string;
  const length = ch === "'" && text[i + 1] === "'" ? 2 : 1;
  const prev = i > block.start ? text[i - 1] : undefined;
  const next = i + length < block.end ? text[i + length] : undefined;
  const left = !isSpace(next) && (prev === undefined || OPENING_CONTEXT.test(prev));
  const right = !isSpace(prev) && (next === undefined || CLOSING_CONTEXT.test(next));
  const hasOpen = (closer: string) => {
    const accepted = CLOSES[closer] ?? "";
    for (let k = stack.length - 1; k >= Math.max(0, stack.length - 3); k--) {
      if (accepted.includes((stack[k] as Open).ch)) return true;
    }
    return false;
  };
  if (length === 2) {
    if (left && !right) return { ch: '"', length, role: "open" };
    if (right && !left) return hasOpen('"') ? { ch: '"', length, role: "close" } : null;
    return null;
  }
  const wordAfter = /^[\p{L}]+/u.exec(text.slice(i + 1, Math.min(block.end, i + 8)))?.[0]?.toLowerCase() ?? "";
  const elided =
    /\p{N}/u.test(next ?? "") ||
    (ELISIONS.has(wordAfter) && !/[\p{L}]/u.test(text[i + 1 + wordAfter.length] ?? " ") && wordAfter.length > 1) ||
    (wordAfter === "n" && /['’‘]/.test(text[i + 2] ?? ""));
  switch (ch) {
    case "“":
      if (right && !left) return { ch, length, role: "close" };
      if (left && !right)
        return lowOpening && hasOpen("“") ? { ch, length, role: "close" } : { ch, length, role: "open" };
      return hasOpen("“") && (lowOpening || !isSpace(prev))
        ? { ch, length, role: "close" }
        : { ch, length, role: "open" };
    case "”":
      if (left && !right && !hasOpen("”")) return { ch, length, role: "open" };
      return { ch, length, role: "close" };
    case '"':
      if (left && !right) return { ch, length, role: "open" };
      if (right && !left) return hasOpen('"') ? { ch, length, role: "close" } : null;
      if (left && right) return hasOpen('"') ? { ch, length, role: "close" } : { ch, length, role: "open" };
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
      if (right && !left && hasOpen(reversedCloser)) return { ch, length, role: "close" };
      return { ch, length, role: "open" };
    }
    case "»":
    case "›": {
      const opener = ch === "»" ? "«" : "‹";
      if (left && !right && !hasOpen(ch) && stack.every((o) => o.ch !== opener)) return { ch, length, role: "open" };
      return { ch, length, role: "close" };
    }
    case "‚":
      return left && !right ? { ch, length, role: "open" } : null;
    case "‘":
      if (right && !left && hasOpen("‘")) return { ch, length, role: "close" };
      if (left && !right && !elided) return { ch, length, role: "open" };
      return null;
    case "’":
    case "'":
      if (/\p{L}/u.test(prev ?? "") && /\p{L}/u.test(next ?? "")) return null; // don't, O'Neill
      if (right && !left) return hasOpen(ch) ? { ch, length, role: "close" } : null; // the Smiths' album
      if (left && !right) return elided || ch === "’" ? null : { ch, length, role: "open" };
      return null;
    default:
      return null;
  }
}

const MARK_CHARS = new Set(['"', "'", "“", "”", "‘", "’", "«", "»", "„", "‚", "‹", "›", "「", "」", "『", "』"]);

/** Whether a letter or digit occurs in text[start, end). */
function hasWordCharacter(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (/[\p{L}\p{N}]/u.test(text[i] as string)) return true;
  return false;
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
 * Pairs the quotation marks of every paragraph block. Marks pair within their paragraph only,
 * so an unbalanced mark never swallows the text after it; a quotation continues into the next
 * paragraph only by the multi-paragraph convention (no closing mark at the end of one paragraph,
 * the opening mark repeated at the start of the next). Linear in the text's length.
 */
export function findQuotations(text: string, blocks: Range[], lang: string | null): Quotation[] {
  const lowOpening = LOW_OPENING_LANGS.has((lang ?? "").toLowerCase().split(/[-_]/)[0] ?? "");
  const quotations: Quotation[] = [];
  // A quotation carried over from the previous paragraph, with the index it will take.
  let carried: { mark: Open; from: number } | null = null;

  const emit = (open: Open, closeAt: number, closeLength: number, depth: number, extra: Partial<Quotation>) => {
    let start = open.at + open.length;
    let end = closeAt;
    while (start < end && isSpace(text[start])) start++;
    while (end > start && isSpace(text[end - 1])) end--;
    if (!hasWordCharacter(text, start, end)) return -1;
    quotations.push({
      open: open.at,
      openLength: open.length,
      close: closeAt,
      closeLength,
      start,
      end,
      depth,
      parent: -1,
      multiParagraph: false,
      unclosed: false,
      ...extra,
    });
    const index = quotations.length - 1;
    for (const child of open.children) {
      const q = quotations[child];
      if (q && q.parent === -1) q.parent = index;
    }
    return index;
  };

  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b] as Range;
    const stack: Open[] = [];
    let skipAt = -1;
    if (carried) {
      stack.push(carried.mark);
      skipAt = firstVisible(text, block);
      carried = null;
    }
    for (let i = block.start; i < block.end; i++) {
      if (i === skipAt || !MARK_CHARS.has(text[i] as string)) continue;
      const at = i;
      const mark = classify(text, at, block, stack, lowOpening);
      if (!mark) continue;
      if (mark.length === 2) i++;
      if (mark.role === "open") {
        stack.push({ at, length: mark.length, ch: mark.ch, role: "open", index: -1, children: [] });
        continue;
      }
      const accepted = CLOSES[mark.ch] ?? "";
      let k = stack.length - 1;
      while (k >= 0 && k >= stack.length - 3 && !accepted.includes((stack[k] as Open).ch)) k--;
      if (k < 0 || k < stack.length - 3) continue;
      const open = stack[k] as Open;
      for (let d = k + 1; d < stack.length; d++) open.children.push(...(stack[d] as Open).children);
      stack.length = k;
      const multiParagraph = open.at < block.start;
      const index = emit(open, at, mark.length, k, { multiParagraph });
      if (index >= 0 && k > 0) (stack[k - 1] as Open).children.push(index);
      else if (index < 0 && k > 0) (stack[k - 1] as Open).children.push(...open.children);
    }
    const bottom = stack[0];
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
      emit(bottom, end, 0, 0, { unclosed: true, multiParagraph: bottom.at < block.start });
    }
  }
  // Depth from the final nesting: a quotation whose enclosing mark was dropped is an outer one.
  for (let i = quotations.length - 1; i >= 0; i--) {
    const q = quotations[i] as Quotation;
    q.depth = q.parent === -1 ? 0 : (quotations[q.parent] as Quotation).depth + 1;
  }
  return quotations;
}
