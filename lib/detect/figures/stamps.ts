/**
 * A page's own time stamps: when the page was published or updated ("First published Feb 1, 2016: 1:28
 * AM ET", "Updated 2:55 p.m. PT:") and the dateline that opens a story or an update ("Feb. 23, 2015 --
 * Peanut allergies ...", "2/26/2015 7:11 AM PST BY STAFF", "12:00 PM PT -- Deputies were ..."). They
 * say when the page was written, not what the article claims: page furniture (LABELING.md), whatever
 * role the block was given. Every test reads a few tokens around one date or time.
 */

import { isZone, monthAt } from "./dates";
import type { Lang } from "./lang";
import { type Ctx, isCapitalised, low, near, raw, tight } from "./tokens";

// Words that announce the page's own time: "Published", "Updated on", "Posted at", "Publié le", "Actualizado".
const STAMP_WORDS: ReadonlySet<string> = new Set([
  "published",
  "updated",
  "posted",
  "modified",
  "publié",
  "publiée",
  "modifié",
  "publicado",
  "actualizado",
  "veröffentlicht",
  "aktualisiert",
  "atualizado",
  "publikováno",
  "aktualizováno",
]);

// Words between the stamp word and its date or time.
const STAMP_LINKS: ReadonlySet<string> = new Set(["on", "at", ":", "le", "el", "am", "um", "em", "à", "a", "|"]);

// Before a stamp word: "First published", "Last updated", "Originally posted".
const STAMP_LEADS: ReadonlySet<string> = new Set(["first", "last", "originally", "dernière", "mis", "última"]);

// Separators that end a dateline: a dash, a bar, a bullet; or the byline that follows it.
const DATELINE_ENDS: ReadonlySet<string> = new Set(["-", "|", "•", "·", "by", "par", "por", "von", "od"]);

// Words inside a stamp between its date and its time: "Mon", "at", "a.m.", "ET".
const STAMP_WORDS_INSIDE: ReadonlySet<string> = new Set([
  "at",
  "a",
  "p",
  "m",
  "am",
  "pm",
  "mon",
  "tue",
  "tues",
  "wed",
  "thu",
  "thur",
  "thurs",
  "fri",
  "sat",
  "sun",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
]);

/** At most this many tokens are read past a stamp's first date or time, looking for its end. */
const STAMP_SPAN = 14;

/** True when a stamp word (with its lead) ends just before token `start`, opening a line or capitalised. */
function stampWordBefore(c: Ctx, start: number): boolean {
  let k = start - 1;
  // the word may be followed by "on", "at", a colon: at most two such tokens
  for (let n = 0; n < 2 && STAMP_LINKS.has(low(c, k)); n++) k--;
  const word = c.toks[k];
  if (word === undefined || word.k !== "w" || !STAMP_WORDS.has(word.l)) return false;
  let first = k;
  if (STAMP_LEADS.has(low(c, k - 1)) && near(c, k)) first = k - 1;
  else if (low(c, k - 1) === "à" && low(c, k - 2) === "jour") first = k - 3; // "mis à jour le"
  // "The study, published March 3, found": a stamp word inside a sentence is the article's own
  return first <= 0 || isCapitalised(raw(c, first)) || low(c, first - 1) === "|" || low(c, first - 1) === ")";
}

/** True when token k is part of a stamp's date or time ("Mon", "1:28", "a.m.", "PST", a month). */
function insideStamp(c: Ctx, k: number, lang: Lang): boolean {
  const t = c.toks[k];
  if (t === undefined) return false;
  if (t.k === "n") return true;
  // a dot only inside an abbreviation ("a.m.", "Feb."): a spaced one ends a sentence
  if (t.k === "p") return t.l === "," || t.l === ":" || t.l === "/" || (t.l === "." && tight(c, k));
  return STAMP_WORDS_INSIDE.has(t.l) || isZone(t.t) || monthAt(c, k, lang) !== null;
}

/** True when token k ends a dateline: a dash, a bar, a byline's "By", an agency in brackets and a dash. */
function datelineEnd(c: Ctx, k: number): boolean {
  const w = low(c, k);
  if (DATELINE_ENDS.has(w)) return true;
  // "(Reuters) -"
  return w === "(" && low(c, k + 2) === ")" && low(c, k + 3) === "-";
}

/**
 * The token index up to which the date or time found at token range [start, end) and those that follow
 * it are the page's time stamp, or -1 when it is not one. A stamp is a date or time after a stamp word,
 * or one that opens its block and runs into a dash, a bar, a byline or the block's end.
 */
export function stampEnd(c: Ctx, start: number, end: number, lang: Lang): number {
  const stamped = stampWordBefore(c, start);
  // a dateline opens its block, after at most a place in capitals and a comma ("LONDON, March 3 (Reuters) -")
  const opens = start === 0 || (start === 2 && low(c, 1) === "," && raw(c, 0) === raw(c, 0).toUpperCase());
  if (!stamped && !opens) return -1;
  let k = end;
  const limit = Math.min(c.toks.length, end + STAMP_SPAN);
  while (k < limit && insideStamp(c, k, lang)) k++;
  if (k === c.toks.length || stamped) return k;
  return datelineEnd(c, k) ? k : -1;
}
