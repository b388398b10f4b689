/** Sentence boundaries, with offsets into the article text. */

import { isLetterAt, isSpaceAt, startsUpper } from "./chars";

export interface Range {
  start: number;
  end: number;
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof sr jr st gen lt col sgt capt cmdr maj adm brig rep sen gov rev hon pres supt insp det atty " +
    "inc corp co ltd bros no nos vs etc jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave blvd dept univ approx " +
    "fig vol pp ca cf al mme mlle sra srta dra av dir hr ing mgr tel " +
    // US state abbreviations in datelines and affiliations ("Rep. Meeks (D-N.Y.)", "of Ashton, Md.").
    "ala ariz ark calif colo conn del fla ga ill ind kan ky md mass mich minn mo mont neb nev okla ore pa tenn tex va vt wis wyo"
  ).split(" "),
);

const LONGEST_ABBREVIATION = Math.max(...Array.from(ABBREVIATIONS, (word) => word.length));

/** Whether the full stop at `dot` belongs to an abbreviation or an initial rather than ending a sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && (text.charCodeAt(i - 1) === 0x2e || isLetterAt(text, i - 1))) i--;
  const word = text.slice(i, dot);
  if (word.length === 0) return false;
  if (word.includes(".")) return true; // "U.S." "a.m." "e.g."
  if (word.length === 1 && startsUpper(word)) return true; // an initial: "Marc H. Morial"
  // Lower-casing never shortens a word, so a longer one need not be lower-cased to be ruled out.
  return word.length <= LONGEST_ABBREVIATION && ABBREVIATIONS.has(word.toLowerCase());
}

const CLOSERS = new Set(['"', "'", "”", "’", "»", "」", "』", ")", "]", "›"]);

const STOPS = /[.!?…]/g;

/**
 * Offset of the next . ! ? or … at or after `from` in a block, or the block's end: a search in the
 * block's own text (`body`, starting at `offset`), faster than a loop over characters and never
 * running on past the block.
 */
function nextStop(body: string, offset: number, from: number): number {
  STOPS.lastIndex = from - offset;
  // `test` rather than `exec`, which allocates a match: the one-character match ends at lastIndex.
  return STOPS.test(body) ? STOPS.lastIndex - 1 + offset : offset + body.length;
}

/**
 * Sentence ranges of one block. A sentence ends at . ! ? (or …) followed by closing marks,
 * spaces and a capital, digit or opening mark; never inside one of `protect` (quotations),
 * except at its very end, and never after an abbreviation.
 */
export function splitSentences(text: string, block: Range, protect: Range[] = []): Range[] {
  const sentences: Range[] = [];
  let start = block.start;
  while (start < block.end && isSpaceAt(text, start)) start++;
  let p = 0;
  const sorted = protect.length > 1 ? [...protect].sort((a, b) => a.start - b.start) : protect;
  const body = text.slice(block.start, block.end);
  for (let i = nextStop(body, block.start, start); i < block.end; i = nextStop(body, block.start, i + 1)) {
    const ch = text[i] as string;
    let j = i + 1;
    while (j < block.end && (text[j] === "." || text[j] === "!" || text[j] === "?")) j++;
    while (j < block.end && CLOSERS.has(text[j] as string)) j++;
    if (j < block.end && !isSpaceAt(text, j)) continue;
    let k = j;
    while (k < block.end && isSpaceAt(text, k)) k++;
    if (k < block.end && !/[\p{Lu}\p{N}"'“‘«„¿¡([]/u.test(text[k] as string)) continue;
    if (ch === "." && j === i + 1 && isAbbreviation(text, i) && !(k < block.end && /["“‘«„]/u.test(text[k] as string)))
      continue;
    while (p < sorted.length && (sorted[p] as Range).end <= i) p++;
    let inside = false;
    for (let q = p; q < p + 4 && q < sorted.length && !inside; q++) {
      const r = sorted[q] as Range;
      inside = r.start <= i && j < r.end;
    }
    if (inside) continue;
    sentences.push({ start, end: j });
    start = k;
    i = k - 1;
  }
  let end = block.end;
  while (end > start && isSpaceAt(text, end - 1)) end--;
  if (end > start) sentences.push({ start, end });
  return sentences;
}
