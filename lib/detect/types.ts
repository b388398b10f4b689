/**
 * What the detectors read and what they return. Offsets are end-exclusive JavaScript string
 * offsets into `DetectInput.text`, and `text.slice(start, end) === exact` always holds.
 */

/**
 * What a paragraph block was on the page, from the element it came from: each role has its own
 * rules (a heading is never a quote; a caption gives no speaker and keeps only figures with a unit;
 * a table cell keeps only figures with a unit or noun). Absent means an ordinary paragraph.
 */
export const BLOCK_ROLES = [
  "paragraph",
  "heading",
  "caption",
  "blockquote",
  "list-item",
  "table-cell",
  "aside",
  "byline",
  "links",
] as const;

export type BlockRole = (typeof BLOCK_ROLES)[number];

/** One paragraph block: end-exclusive offsets into the text, and its role when known. */
export interface Block {
  start: number;
  end: number;
  role?: BlockRole;
}

/** The article text as extraction produces it: paragraph blocks joined by a blank line. */
export interface DetectInput {
  text: string;
  /** End-exclusive offsets of each paragraph block in `text`; detections never cross a block
   *  boundary, except a multi-paragraph quote. When absent, blocks are split on blank lines. */
  blocks?: Block[];
  /** BCP 47 language of the page ("en", "fr-FR"), or null when unknown (English rules apply). */
  lang: string | null;
}

export type DetectionKind = "quote" | "claim" | "term" | "figure";

export type FigureKind = "count" | "percent" | "money" | "measure" | "date" | "time" | "duration" | "ratio" | "other";

/**
 * Qualifier vocabulary, as in shared/corpus/LABELING.md: "approximately", "at most", "at least",
 * "more than", "less than"; plus "early", "mid", "late" for dates and "vague" for quantities
 * like "hundreds" or "dozens". Null for an exact figure.
 */
export type Qualifier =
  | "approximately"
  | "at most"
  | "at least"
  | "more than"
  | "less than"
  | "early"
  | "mid"
  | "late"
  | "vague";

/** A quote, reported claim or term: a span of the text attributed (or not) to a speaker. */
export interface SpanDetection {
  kind: "quote" | "claim" | "term";
  exact: string;
  start: number;
  end: number;
  /** Fullest name the article gives the source; null when none is found (always null for terms). */
  speaker: string | null;
  /** The reporting verb or phrase ("said", "stated that", "according to"); null when none. */
  cue: string | null;
  /** 0..1: how sure the detector is of the span and its speaker. */
  confidence: number;
}

/** A number that quantifies something, with its qualifier and unit attached. */
export interface FigureDetection {
  kind: "figure";
  /** Qualifier + number + unit or counted noun as written ("about 6,500 militants"). */
  exact: string;
  start: number;
  end: number;
  figureKind: FigureKind;
  /** Normalised value: a number (3200000000 for "$3.2 billion", 12 for "12%"), an ISO-like
   *  string for dates ("2015-01", "--11-28", "2019"), or null when vague ("hundreds"). */
  value: number | string | null;
  /** Unit or counted noun ("militants", "percent", "USD", "km"), null when none is attached. */
  unit: string | null;
  qualifier: Qualifier | null;
  confidence: number;
  /** Filled in by `detect()`: the speaker of the quote or claim the figure sits in. */
  speaker: string | null;
}

export type Detection = SpanDetection | FigureDetection;
