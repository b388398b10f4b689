import { quoteSelectorOf } from "../anchor/selectors";
import {
  type AnchorStatus,
  type Annotation,
  type AnnotationStatus,
  type CorrectableField,
  type PageRecord,
  type Selector,
  type Source,
  sourcesByAnnotation,
} from "../model";
import type { ExportSet } from "./collect";
import { isoDate } from "./dates";

/** Claimmark's own vocabulary: every field the W3C model has no word for lives under this IRI. */
export const CLAIMMARK_NS = "https://claimmark.org/ns/v1#";

/** The W3C Web Annotation context. */
export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

/** The `@context` of every Claimmark JSON-LD file. */
export const W3C_CONTEXT = [
  ANNO_CONTEXT,
  {
    "@version": 1.1,
    cm: CLAIMMARK_NS,
    // Page records and anchor states are Claimmark's own records, kept whole as JSON literals.
    "cm:pages": { "@type": "@json" },
    "cm:anchor": { "@type": "@json" },
  },
] as const;

/** The prefix of an annotation's id in a Claimmark file. */
export const ID_PREFIX = "urn:claimmark:";

/** A page record as written under `cm:pages`: its stored fields, times as ISO dates. */
export type W3cPage = Omit<PageRecord, "firstSeen" | "lastSeen" | "changedAt"> & {
  firstSeen: string;
  lastSeen: string;
  changedAt?: string | null;
};

export interface W3cTextBody {
  type: "TextualBody";
  purpose: "commenting" | "tagging" | "assessing";
  value: string;
  format?: "text/plain";
}

export interface W3cSourceBody {
  type: "SpecificResource";
  purpose: "linking";
  /** Absent for a source without an address (a printed source). */
  source?: string;
  "cm:id": string;
  "cm:title": string;
  "cm:publisher": string;
  "cm:accessedAt": string | null;
  "cm:note": string;
  "cm:quote": string;
  "cm:created": string;
  "cm:modified": string;
}

export type W3cBody = W3cTextBody | W3cSourceBody;

export interface W3cAnnotation {
  id: string;
  type: "Annotation";
  motivation: "highlighting" | "assessing" | "commenting";
  created: string;
  modified: string;
  target: { source: string; selector: Selector[] };
  body: W3cBody[];
  "cm:pageKey": string;
  "cm:kind": Annotation["kind"];
  "cm:origin": Annotation["origin"];
  "cm:speaker": string | null;
  "cm:cue": string | null;
  "cm:figureKind": string | null;
  "cm:value": number | string | null;
  "cm:unit": string | null;
  "cm:qualifier": string | null;
  "cm:confidence": number;
  "cm:dismissed": boolean;
  /** The machine-read fields the reader corrected; only when there are some. */
  "cm:corrected"?: CorrectableField[];
  /** Only when the stored text differs from the TextQuoteSelector's `exact`. */
  "cm:exact"?: string;
  "cm:anchor"?: Omit<AnchorStatus, "checkedAt"> & { checkedAt: string };
}

export interface W3cCollection {
  "@context": typeof W3C_CONTEXT;
  type: "AnnotationCollection";
  label: string;
  generated: string;
  generator: { id: string; type: "Software"; name: string };
  total: number;
  "cm:pages": W3cPage[];
  first: { type: "AnnotationPage"; startIndex: 0; items: W3cAnnotation[] };
}

/** Which one motivation an annotation gets: a verdict first, then a note, else a plain highlight. */
export function motivationOf(annotation: Pick<Annotation, "status" | "note">): W3cAnnotation["motivation"] {
  if (annotation.status !== "unverified") return "assessing";
  if (annotation.note !== "") return "commenting";
  return "highlighting";
}

function pageOut(page: PageRecord): W3cPage {
  // Written field by field, so the same record always gives the same text whatever order it was stored in.
  const out: W3cPage = {
    key: page.key,
    url: page.url,
    canonicalUrl: page.canonicalUrl,
    readerable: page.readerable,
    hasArticle: page.hasArticle,
    noArticleReason: page.noArticleReason,
    title: page.title,
    byline: page.byline,
    siteName: page.siteName,
    publishedTime: page.publishedTime,
    lang: page.lang,
    excerpt: page.excerpt,
    textLength: page.textLength,
    textHash: page.textHash,
    firstSeen: isoDate(page.firstSeen),
    lastSeen: isoDate(page.lastSeen),
  };
  if (page.previousTextHash !== undefined) out.previousTextHash = page.previousTextHash;
  if (page.changedAt !== undefined) out.changedAt = page.changedAt === null ? null : isoDate(page.changedAt);
  return out;
}

function sourceOut(source: Source): W3cSourceBody {
  return {
    type: "SpecificResource",
    purpose: "linking",
    ...(source.url === "" ? {} : { source: source.url }),
    "cm:id": source.id,
    "cm:title": source.title,
    "cm:publisher": source.publisher,
    "cm:accessedAt": source.accessedAt,
    "cm:note": source.note,
    "cm:quote": source.quote,
    "cm:created": isoDate(source.createdAt),
    "cm:modified": isoDate(source.updatedAt),
  };
}

function bodiesOf(annotation: Annotation, sources: Source[]): W3cBody[] {
  const bodies: W3cBody[] = [];
  if (annotation.note !== "")
    bodies.push({ type: "TextualBody", purpose: "commenting", value: annotation.note, format: "text/plain" });
  for (const tag of annotation.tags) bodies.push({ type: "TextualBody", purpose: "tagging", value: tag });
  if (annotation.status !== "unverified")
    bodies.push({ type: "TextualBody", purpose: "assessing", value: annotation.status satisfies AnnotationStatus });
  for (const source of sources) bodies.push(sourceOut(source));
  return bodies;
}

function selectorOut(selector: Selector): Selector {
  return selector.type === "TextQuoteSelector"
    ? { type: selector.type, exact: selector.exact, prefix: selector.prefix, suffix: selector.suffix }
    : { type: selector.type, start: selector.start, end: selector.end };
}

function annotationOut(annotation: Annotation, pageUrl: string, sources: Source[]): W3cAnnotation {
  const quote = quoteSelectorOf(annotation.selectors);
  const out: W3cAnnotation = {
    id: `${ID_PREFIX}${annotation.id}`,
    type: "Annotation",
    motivation: motivationOf(annotation),
    created: isoDate(annotation.createdAt),
    modified: isoDate(annotation.updatedAt),
    target: { source: pageUrl, selector: annotation.selectors.map(selectorOut) },
    body: bodiesOf(annotation, sources),
    "cm:pageKey": annotation.pageKey,
    "cm:kind": annotation.kind,
    "cm:origin": annotation.origin,
    "cm:speaker": annotation.speaker,
    "cm:cue": annotation.cue,
    "cm:figureKind": annotation.figureKind,
    "cm:value": annotation.value,
    "cm:unit": annotation.unit,
    "cm:qualifier": annotation.qualifier,
    "cm:confidence": annotation.confidence,
    "cm:dismissed": annotation.dismissed,
  };
  if (annotation.corrected?.length) out["cm:corrected"] = annotation.corrected;
  if (quote?.exact !== annotation.exact) out["cm:exact"] = annotation.exact;
  const anchor = annotation.anchor;
  if (anchor) out["cm:anchor"] = { state: anchor.state, current: anchor.current, checkedAt: isoDate(anchor.checkedAt) };
  return out;
}

/** The set as a W3C Web Annotation collection (JSON-LD): an object; JSON.stringify it to write. */
export function toW3c(set: ExportSet, generated: Date = new Date()): W3cCollection {
  const urls = new Map(set.pages.map((page) => [page.key, page.url]));
  const sources = sourcesByAnnotation(set.sources);
  const items = set.annotations.map((annotation) =>
    annotationOut(annotation, urls.get(annotation.pageKey) ?? annotation.pageKey, sources.get(annotation.id) ?? []),
  );
  return {
    "@context": W3C_CONTEXT,
    type: "AnnotationCollection",
    label: "Claimmark annotations",
    generated: generated.toISOString(),
    generator: { id: "https://claimmark.org/", type: "Software", name: "Claimmark" },
    total: items.length,
    "cm:pages": set.pages.map(pageOut),
    first: { type: "AnnotationPage", startIndex: 0, items },
  };
}
