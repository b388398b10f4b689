/**
 * What each kind of page block keeps of the figures found in it (see `BlockRole`). Readability keeps
 * some page furniture with the article; the element a block came from says which of its numbers a
 * fact-checker would check.
 */

import type { BlockRole, FigureDetection, FigureKind } from "../types";

// Kinds whose unit is part of the figure itself: a caption's "40 km" or "12%" is a claim about the picture.
const UNIT_KINDS: ReadonlySet<FigureKind> = new Set(["money", "percent", "measure", "duration"]);

// A table cell longer than this holds running text: the page lays its article out in a table.
const LAYOUT_CELL = 160;

/**
 * True when a figure found in a block of this role (`length` characters long) is kept; blocks without a
 * role keep every figure.
 */
export function keptInRole(role: BlockRole | undefined, f: FigureDetection, length: number): boolean {
  switch (role) {
    case "caption":
      // photo captions and credits: counts ("Three firefighters", "Photo 2 of 12") and photo dates are
      // about the picture or the page, not the article's claims; a measured quantity is kept
      return UNIT_KINDS.has(f.figureKind);
    case "table-cell":
      // a cell's bare number means nothing without its header, which the text does not carry; a date or a
      // time names its own kind, a counted noun says what is counted
      if (length > LAYOUT_CELL) return true;
      return UNIT_KINDS.has(f.figureKind) || f.figureKind === "date" || f.figureKind === "time" || f.unit !== null;
    case "byline":
      // "By Ann Lee, 12 May 2021, 3 min read": only the date says something (when the article was written)
      return f.figureKind === "date" || f.figureKind === "time";
    case "links":
      // related-article headlines and their dates describe other pages, not this article's claims
      return false;
    default:
      // headings keep bare numbers too: headlines drop the noun ("3 killed in crash"), and the numbers
      // that only label a section ("2. Methods", "Part 3") are read as labels whatever the role
      return true;
  }
}
