/**
 * What each block role allows the span detectors: a heading, a byline or a list of links never
 * holds somebody's words, and page furniture (headings, captions, credits, datelines) never names
 * the person a later "he" or "the minister" stands for.
 */

import type { Range } from "./sentences";
import type { BlockRole } from "./types";

/** Whether quotes and reported claims may be found in a block of this role (terms always may). */
export function holdsClaims(role: BlockRole | undefined): boolean {
  return role !== "heading" && role !== "byline" && role !== "links" && role !== "aside";
}

/** Whether the names of a block of this role may be speakers of the text around it. */
export function namesSpeakers(role: BlockRole | undefined): boolean {
  return role !== "heading" && role !== "caption" && role !== "byline" && role !== "links" && role !== "aside";
}

/**
 * Whether the names of a block may be speakers of the text around it, by its role and its text:
 * a "heading" written as a full sentence ("Fiona Parry issued a plea for help.") is a lede styled
 * as a heading, whose names are the story's; short lines that end like no sentence are furniture.
 */
export function blockNamesSpeakers(text: string, block: Range, role: BlockRole | undefined): boolean {
  if (role === "heading") return SENTENCE_END.test(text.slice(Math.max(block.start, block.end - 4), block.end));
  return namesSpeakers(role) && !looksLikeFurniture(text, block);
}

/** A full stop (closing marks allowed after it) at the end of a block. */
const SENTENCE_END = /\.["'”’»)]*\s*$/u;

/** Marks that end a sentence of running text (a closing quotation mark or bracket may follow them). */
const ENDS_SENTENCE = /[.!?…:;]["'”’»)\]]*\s*$|["”’»]\s*$/u;
/** A credit line: "Photo: …", "Image credit: …", "(Reuters)". */
const CREDIT =
  /^\s*(?:\(?\s*(?:photo|photograph|image|picture|video|illustration|graphic|credit|source|foto|bild|imagen)s?\b[^:]{0,20}:|\(\s*\p{Lu}[\p{L} ]{1,30}\)\s*$)/iu;

/**
 * Whether a block without a role is page furniture all the same: a short line that does not end
 * like a sentence (a headline, a subheading, a dateline, a byline), or a picture credit.
 */
export function looksLikeFurniture(text: string, block: Range): boolean {
  const length = block.end - block.start;
  if (length > 400) return false;
  const body = text.slice(block.start, block.end);
  if (CREDIT.test(body)) return true;
  if (ENDS_SENTENCE.test(body)) return false;
  // Up to 20 words and no sentence end: a headline or a label, not a paragraph cut short.
  let words = 1;
  for (let i = 0; i < body.length && words <= 20; i++) if (body.charCodeAt(i) === 0x20) words++;
  return words <= 20;
}
