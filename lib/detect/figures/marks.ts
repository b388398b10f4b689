/**
 * The decimal and grouping marks of a page that names no language (or one whose marks we do not know),
 * read from its numbers' own shapes. Some shapes say it alone: "1.234.567" groups with dots, "12,5 %"
 * has a decimal comma, "1 234 567" groups with spaces; "2.500" or "3,25" do not, so the page's other
 * numbers decide them. English "1,234" and "3.5" read as before unless the page shows otherwise.
 */

import type { LangProfile } from "./lang";

// Shapes only a comma-decimal page writes: a decimal comma before a percent or euro sign, two or more
// dot groups of three, dot groups then a decimal comma ("1.234,5").
const COMMA_PAGE = /\d,\d{1,2}[ \u00a0\u202f]?[%‰€]|\d\.\d{3}\.\d{3}(?![\d])|\d\.\d{3},\d/g;
// Shapes only a point-decimal page writes: two or more comma groups, comma groups then a decimal point,
// a decimal point before a percent sign.
const POINT_PAGE = /\d,\d{3},\d{3}(?![\d])|\d,\d{3}\.\d|\d\.\d{1,2} ?(?:%|per ?cent)/g;

// Enough evidence: past this many matches the count of the other kind is not worth finishing.
const ENOUGH = 50;

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (n < ENOUGH && re.exec(text) !== null) n++;
  return n;
}

/**
 * The profile with the marks the text itself shows, when the page's language did not give them: more
 * comma-decimal shapes than point-decimal ones make it a comma-decimal page (as French or Spanish).
 */
export function inferMarks(text: string, p: LangProfile): LangProfile {
  if (!p.untagged) return p;
  const comma = count(COMMA_PAGE, text);
  if (comma === 0 || comma <= count(POINT_PAGE, text)) return p;
  return { lang: p.lang, region: p.region, decimal: ",", spaceGroups: true, monthFirst: false, untagged: true };
}

const isDigit = (cu: number): boolean => cu >= 48 && cu <= 57;

/** True when text at pos is "d{1,3}" then two or more groups of three after a plain space ("1 234 567"). */
export function spacedGroups(text: string, pos: number, limit: number): boolean {
  let k = pos;
  while (k < limit && k - pos < 4 && isDigit(text.charCodeAt(k))) k++;
  if (k - pos > 3) return false;
  let groups = 0;
  while (k + 3 < limit + 1 && text[k] === " " && groups < 8) {
    if (!(isDigit(text.charCodeAt(k + 1)) && isDigit(text.charCodeAt(k + 2)) && isDigit(text.charCodeAt(k + 3)))) break;
    if (k + 4 < limit && isDigit(text.charCodeAt(k + 4))) return false;
    groups++;
    k += 4;
  }
  return groups >= 2;
}

/** True when a numeral ending at `end` is followed by a percent, per mille or euro sign ("12,5 %", "3,2€"). */
export function unitSignAfter(text: string, end: number): boolean {
  let k = end;
  const ch = text[k];
  if (ch === " " || ch === "\u00a0" || ch === "\u202f") k++;
  const sign = text[k];
  return sign === "%" || sign === "‰" || sign === "€";
}
