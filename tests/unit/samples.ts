import type { UserAnnotationInput } from "../../lib/db/edit";
import type { Annotation, DetectedSpan, MachineFields, PageRecord, PageReport, Source } from "../../lib/model";

/** The example article's best-known figure, as the content script reports it. */
export const MILITANTS: DetectedSpan = {
  kind: "figure",
  exact: "about 6,500 militants",
  prefix: "now reaching ",
  suffix: ", with up to 4,000",
  start: 100,
  end: 121,
  speaker: "Anatoly Sidorov",
  cue: null,
  figureKind: "count",
  value: 6500,
  unit: "militants",
  qualifier: "approximately",
  confidence: 0.9,
};

/** The machine-made fields of a detection (MILITANTS unless given), as the card and the popup show them. */
export function machineFields(span: DetectedSpan = MILITANTS): MachineFields {
  const { speaker, cue, figureKind, value, unit, qualifier } = span;
  return { speaker, cue, figureKind, value, unit, qualifier };
}

/** What the content script reports for an English article titled "Story"; `overrides` replaces any field. */
export function pageReport(overrides: Partial<PageReport> = {}): PageReport {
  return {
    canonicalUrl: null,
    readerable: true,
    hasArticle: true,
    noArticleReason: null,
    title: "Story",
    byline: null,
    siteName: null,
    publishedTime: null,
    lang: "en",
    excerpt: null,
    textLength: 1000,
    textHash: "abc",
    ...overrides,
  };
}

/** A stored English article at `key`, seen once at time 1; `overrides` replaces any field. */
export function pageRecord(key: string, overrides: Partial<PageRecord> = {}): PageRecord {
  return { ...pageReport(), key, url: key, firstSeen: 1, lastSeen: 1, ...overrides };
}

/** A stored, unverified automatic quote without machine fields or selectors; `overrides` replaces any field. */
export function annotationRecord(overrides: Partial<Annotation> = {}): Annotation {
  return {
    id: "a1",
    pageKey: "https://example.com/story",
    kind: "quote",
    origin: "auto",
    selectors: [],
    exact: "x",
    speaker: null,
    cue: null,
    figureKind: null,
    value: null,
    unit: null,
    qualifier: null,
    confidence: 1,
    status: "unverified",
    tags: [],
    note: "",
    dismissed: false,
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  };
}

/** A stored source with only an address and a title; `overrides` replaces any field. */
export function sourceRecord(overrides: Partial<Source> = {}): Source {
  return {
    id: "s1",
    annotationId: "a1",
    url: "https://example.org/report",
    title: "A report",
    publisher: "",
    accessedAt: null,
    note: "",
    quote: "",
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  };
}

/** What the reader hands createUserAnnotation: a claim on MILITANTS' passage, no other fields; `overrides` replaces any. */
export function userInput(overrides: Partial<UserAnnotationInput> = {}): UserAnnotationInput {
  const { exact, prefix, suffix, start, end } = MILITANTS;
  return {
    kind: "claim",
    exact,
    prefix,
    suffix,
    start,
    end,
    speaker: null,
    figureKind: null,
    value: null,
    unit: null,
    qualifier: null,
    ...overrides,
  };
}
