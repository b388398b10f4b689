import type { FlatDetection } from "./detect/flat";

/**
 * The records Claimmark stores. One annotation model serves automatic detections and
 * hand-made highlights alike; selectors follow the W3C Web Annotation Data Model so the
 * storage format is also the export format.
 */

/** What the content script learned about a page: everything here came from the page and is untrusted. */
export interface PageReport {
  /** The page's `<link rel=canonical>`, if any; only trusted when it is on the page's own site. */
  canonicalUrl: string | null;
  /** Whether Readability thinks the page is an article at all (`isProbablyReaderable`). */
  readerable: boolean;
  /** Whether an article was extracted. */
  hasArticle: boolean;
  /** Why there is no article, when there is none: a short machine-readable reason. */
  noArticleReason: NoArticleReason | null;
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  excerpt: string | null;
  /** Length of the extracted article text in UTF-16 code units (0 without an article). */
  textLength: number;
  /** SHA-256 of the extracted article text, hex (null without an article). */
  textHash: string | null;
}

export type NoArticleReason = "not-readerable" | "empty" | "not-html" | "too-complex" | "too-large" | "failed";

/** A page as stored: the report plus the identity and dates the background gives it. */
export interface PageRecord extends PageReport {
  /** Normalised URL: the page's primary key. */
  key: string;
  /** The URL the page was last seen at (normalised, as the tab showed it). */
  url: string;
  firstSeen: number;
  lastSeen: number;
  /** The article's hash before it last changed, when a visit found different text: a stealth edit. */
  previousTextHash?: string | null;
  /** When a visit last found the article's text changed. */
  changedAt?: number | null;
}

export type AnnotationKind = "quote" | "claim" | "term" | "figure" | "highlight";
export type AnnotationOrigin = "auto" | "user";
/** The verdicts, from none yet to false, in the order the reader is offered them. */
export const ANNOTATION_STATUSES = ["unverified", "supported", "disputed", "false"] as const;
export type AnnotationStatus = (typeof ANNOTATION_STATUSES)[number];

/** W3C TextQuoteSelector. */
export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C TextPositionSelector into the article text (end-exclusive). */
export interface TextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

/** What a detector says about a span: the machine-made fields an annotation carries. */
export type DetectedFields = Pick<FlatDetection, "speaker" | "cue" | "figureKind" | "value" | "unit" | "qualifier"> & {
  /** A detector's confidence (0..1); 1 for the reader's own annotations. */
  confidence: number;
};

/** A detector's fields without its confidence: what the card and the popup show. */
export type MachineFields = Omit<DetectedFields, "confidence">;

/** What a detector found, as the content script reports it: the machine-made part of an annotation. */
export interface DetectedSpan extends FlatDetection, DetectedFields {
  kind: "quote" | "claim" | "figure";
  prefix: string;
  suffix: string;
}

/** How an annotation was re-found on the last visit: its text as stored, a changed text nearby, or not at all. */
export type AnchorState = "exact" | "fuzzy" | "orphan";

/** Where an annotation stood on the reader's last visit to its page. */
export interface AnchorStatus {
  state: AnchorState;
  /** The text found instead of `exact` (fuzzy matches only). */
  current: string | null;
  checkedAt: number;
}

export interface Annotation extends DetectedFields {
  id: string;
  pageKey: string;
  kind: AnnotationKind;
  origin: AnnotationOrigin;
  selectors: Selector[];
  exact: string;
  status: AnnotationStatus;
  tags: string[];
  note: string;
  /** An automatic detection the reader rejected: kept so it stays dismissed on later visits. */
  dismissed: boolean;
  createdAt: number;
  updatedAt: number;
  /** Set once the annotation has been looked for on a later visit; absent before. */
  anchor?: AnchorStatus;
  /**
   * Machine-read fields the reader corrected: a visit's detection never puts them back. Absent
   * when none was.
   */
  corrected?: CorrectableField[];
  /** Deleted by the reader: hidden everywhere; a hand-made one is removed by a visit a day later, an automatic one stays to keep it from being detected again. */
  deleted?: boolean;
}

/** The machine-read fields a reader can correct. */
export const CORRECTABLE_FIELDS = ["speaker", "value", "unit", "qualifier"] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

/** The reader's part of a new annotation: nothing judged, tagged or noted yet. */
export function unreviewed(
  now: number,
): Pick<Annotation, "status" | "tags" | "note" | "dismissed" | "createdAt" | "updatedAt"> {
  return { status: "unverified", tags: [], note: "", dismissed: false, createdAt: now, updatedAt: now };
}

/** The kinds the reader may choose to highlight in pages, in the order the settings list them. */
export const HIGHLIGHT_KINDS = ["quote", "claim", "figure", "date", "highlight"] as const;
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

/** The reader's settings, one record. */
export interface Settings {
  /** Automatic detection on pages of sites without a rule of their own. */
  autoDetect: boolean;
  /** Per-site exceptions: site (e.g. "nytimes.com") → detection on or off. */
  siteRules: Record<string, boolean>;
  /** Which kinds are highlighted in pages ("date": detected dates and times, apart from other figures). */
  highlightKinds: Record<HighlightKind, boolean>;
  /** The highlight colours: the Okabe–Ito palette, or saturated opaque ones for low vision. */
  colourScheme?: "default" | "high-contrast";
  /**
   * Whether verdicts (supported, disputed, false) are also marked in pages. Off unless the reader
   * turns it on: a page can read its own highlights, so it would learn the reader's verdicts.
   */
  verdictMarksInPage?: boolean;
  /** Who publishes the reader's reviews, the author of ClaimReview exports; none until the reader names one. */
  reviewer?: { name: string; url: string } | null;
}

/** Settings before the reader changes anything. */
export const DEFAULT_SETTINGS: Settings = {
  autoDetect: true,
  siteRules: {},
  // Dates are off: most pages are full of them, and they are rarely what a reader checks.
  highlightKinds: { quote: true, claim: true, figure: true, date: false, highlight: true },
  colourScheme: "default",
  verdictMarksInPage: false,
};

/** The fields of an annotation the reader may change. */
export interface AnnotationPatch {
  status?: AnnotationStatus;
  tags?: string[];
  note?: string;
  speaker?: string | null;
  value?: number | string | null;
  unit?: string | null;
  qualifier?: string | null;
  dismissed?: boolean;
  deleted?: boolean;
}

/** What the reader gives for a source; ids and dates are the database's. */
export type SourceInput = Pick<Source, "url" | "title" | "publisher" | "accessedAt" | "note" | "quote">;

/** Bounds on what the reader (or a page pretending to be one) may store. */
export const EDIT_LIMITS = {
  note: 20_000,
  tag: 60,
  tags: 50,
  field: 500,
  url: 8192,
  quote: 5000,
  sourcesPerAnnotation: 100,
} as const;

export interface Source {
  id: string;
  annotationId: string;
  url: string;
  title: string;
  publisher: string;
  accessedAt: string | null;
  note: string;
  /** The passage quoted from the source. */
  quote: string;
  createdAt: number;
  updatedAt: number;
}

/** Longest string kept for each text field of a page report: pages are untrusted and can be huge. */
export const PAGE_FIELD_LIMITS = {
  url: 8192,
  title: 1000,
  byline: 500,
  siteName: 300,
  publishedTime: 100,
  lang: 35,
  excerpt: 2000,
} as const;

/**
 * Longest article text Claimmark reads: far beyond any real article (the longest of the
 * Readability test corpus is under 200,000 characters), a bound for hostile pages. The content
 * script checks it before hashing and sending, the background again on arrival.
 */
export const ARTICLE_TEXT_LIMIT = 2_000_000;

/**
 * Longest page text (the body's `textContent`) the content script hands to Readability: a page
 * this large is refused before it is cloned, so a hostile page cannot make the reader's tab clone
 * and parse tens of megabytes.
 */
export const PAGE_TEXT_LIMIT = 8_000_000;

/** Bounds on what a page may report as detections: a hostile page must not fill the database. */
export const DETECTION_LIMITS = {
  count: 20_000,
  exact: 20_000,
  context: 64,
  field: 500,
} as const;

/** Sources grouped by the annotation they back, each list in the given order. */
export function sourcesByAnnotation(sources: readonly Source[]): Map<string, Source[]> {
  const grouped = new Map<string, Source[]>();
  for (const source of sources) {
    const list = grouped.get(source.annotationId);
    if (list) list.push(source);
    else grouped.set(source.annotationId, [source]);
  }
  return grouped;
}

/** The machine-read fields (speaker, cue, figure kind, value, unit, qualifier) of a detection or an annotation. */
export function machineFieldsOf(from: MachineFields): MachineFields {
  const { speaker, cue, figureKind, value, unit, qualifier } = from;
  return { speaker, cue, figureKind, value, unit, qualifier };
}

/** Sources as a card or a highlight shows them: a link and its title. */
export function sourceLinks(sources: readonly Source[]): { url: string; title: string }[] {
  return sources.map((source) => ({ url: source.url, title: source.title }));
}
