/**
 * Documents that speak for their authors: "the report says", "the statement said", "said the ruling".
 * The author is whoever the text gave the document to when it brought it in ("a report by the Lund
 * Institute", "the council's statement", "the council issued a statement").
 */

import type { Mentions } from "./mentions";

/** Nouns for documents, media and messages that a text lets speak for their authors. */
export const DOCUMENT_NOUNS = new Set(
  (
    "report study survey poll statement letter memo memorandum ruling decision opinion verdict judgment book " +
    "article editorial column ad advert advertisement commercial spot video clip documentary document filing " +
    "complaint lawsuit paper analysis review release post tweet email message petition resolution proposal plan " +
    "communique communiqué transcript audit assessment"
  ).split(" "),
);

/** How far back the document's first mention is looked for, in characters: a bounded look-back. */
const REACH = 3000;
/** How many earlier mentions of the noun are tried, latest first. */
const TRIES = 3;

/** Whether a code unit is a letter (ASCII, or any code above Latin-1's symbols, as a cheap test). */
const isLetterCode = (code: number): boolean =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code > 0xbf;

/** The sentence start before `at`, looked for no further than `floor`: after ". ", "! ", "? " or a line break. */
function sentenceStart(text: string, floor: number, at: number): number {
  for (let k = at - 1; k > floor; k--) {
    const code = text.charCodeAt(k);
    if (code === 0x0a) return k + 1;
    if ((code === 0x2e || code === 0x21 || code === 0x3f) && text.charCodeAt(k + 1) === 0x20) return k + 2;
  }
  return floor;
}

/**
 * The document `noun` ("report") that a source phrase at `at` refers back to, named with its author
 * ("Lund Institute report", "Ana Ruiz’s book"): the name written with an earlier mention of the noun
 * ("a report by X", "X's report"), or the subject of the sentence that brought it in ("X issued a
 * statement"). Reads at most `REACH` characters back.
 */
export function documentAuthor(text: string, noun: string, at: number, mentions: Mentions): string | null {
  const floor = Math.max(0, at - REACH);
  const window = text.slice(floor, at).toLowerCase();
  let end = window.length;
  for (let tries = 0; tries < TRIES && end > 0; ) {
    const found = window.lastIndexOf(noun, end - 1);
    if (found < 0) return null;
    end = found;
    // The noun itself or its plural, not a longer word ("reporter").
    const after = window.charCodeAt(found + noun.length) === 0x73 ? found + noun.length + 1 : found + noun.length;
    if (isLetterCode(window.charCodeAt(found - 1)) || isLetterCode(window.charCodeAt(after))) continue;
    tries++;
    const start = floor + found;
    const author = mentions.nameAround(start, start + noun.length);
    if (author) return author.person ? `${author.name}’s ${noun}` : `${author.name} ${noun}`;
    const subject = mentions.subjectOf(sentenceStart(text, floor, start), start);
    if (subject) return `${subject} ${noun}`;
  }
  return null;
}
