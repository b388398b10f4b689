/** Word tokens and sentence boundaries, with offsets into the article text. */

export interface Token {
  /** The word as written ("Colonel-General", "U.S.", "don't"). */
  text: string;
  /** Lower case, with a typographic apostrophe made straight. */
  lower: string;
  start: number;
  end: number;
}

export interface Range {
  start: number;
  end: number;
}

// Letters with inner hyphens or apostrophes ("al-Qaeda", "O'Neill", "don't"); dotted
// abbreviations ("U.S.", "a.m."); numbers with separators ("6,500", "1.5").
const WORD = /(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}]*(?:[-'’][\p{L}\p{M}]+)*|\p{N}+(?:[.,:]\p{N}+)*/gu;

/** The word tokens of `text` between `start` and `end`. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = start;
  for (let match = WORD.exec(text); match && match.index < end; match = WORD.exec(text)) {
    const matchEnd = match.index + match[0].length;
    if (matchEnd > end) break;
    tokens.push({
      text: match[0],
      lower: match[0].toLowerCase().replace(/’/g, "'"),
      start: match.index,
      end: matchEnd,
    });
  }
  return tokens;
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

/** Whether the full stop at `dot` belongs to an abbreviation or an initial rather than ending a sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1] as string)) i--;
  const word = text.slice(i, dot);
  if (word.length === 0) return false;
  if (word.includes(".")) return true; // "U.S." "a.m." "e.g."
  if (word.length === 1 && /\p{Lu}/u.test(word)) return true; // an initial: "Marc H. Morial"
  return ABBREVIATIONS.has(word.toLowerCase());
}

const CLOSERS = new Set(['"', "'", "”", "’", "»", "」", "』", ")", "]", "›"]);

/**
 * Sentence ranges of one block. A sentence ends at . ! ? (or …) followed by closing marks,
 * spaces and a capital, digit or opening mark; never inside one of `protect` (quotations),
 * except at its very end, and never after an abbreviation.
 */
export function splitSentences(text: string, block: Range, protect: Range[] = []): Range[] {
  const sentences: Range[] = [];
  let start = block.start;
  while (start < block.end && /\s/u.test(text[start] as string)) start++;
  let p = 0;
  const sorted = [...protect].sort((a, b) => a.start - b.start);
  for (let i = start; i < block.end; i++) {
    const ch = text[i] as string;
    if (ch !== "." && ch !== "!" && ch !== "?" && ch !== "…") continue;
    let j = i + 1;
    while (j < block.end && (text[j] === "." || text[j] === "!" || text[j] === "?")) j++;
    while (j < block.end && CLOSERS.has(text[j] as string)) j++;
    if (j < block.end && !/\s/u.test(text[j] as string)) continue;
    let k = j;
    while (k < block.end && /\s/u.test(text[k] as string)) k++;
    if (k < block.end && !/[\p{Lu}\p{N}"'“‘«„¿¡([]/u.test(text[k] as string)) continue;
    if (ch === "." && j === i + 1 && isAbbreviation(text, i) && !(k < block.end && /["“‘«„]/u.test(text[k] as string)))
      continue;
    while (p < sorted.length && (sorted[p] as Range).end <= i) p++;
    const inside = sorted.slice(p, p + 4).some((r) => r.start <= i && j < r.end);
    if (inside) continue;
    sentences.push({ start, end: j });
    start = k;
    i = k - 1;
  }
  let end = block.end;
  while (end > start && /\s/u.test(text[end - 1] as string)) end--;
  if (end > start) sentences.push({ start, end });
  return sentences;
}
