import type { ArticlePassage } from "../anchor/selection";
import { type Checked, fail, isRecord } from "../check";
import type { RelatedAnnotation } from "../db/edit";
import {
  type Annotation,
  type AnnotationPatch,
  DETECTION_LIMITS,
  PAGE_FIELD_LIMITS,
  type Source,
  type SourceInput,
} from "../model";
import { checkAnnotationPatch, checkSourceInput } from "./validate";

/**
 * The messages by which the card, in a page, asks the background to change the reader's work.
 * They come from a page's content script and are untrusted: each names its page, and the
 * background changes only annotations of the page the browser says the message came from.
 */

/** The page a message is about: its address as the page sees it, and its canonical link. */
export interface PageRef {
  url: string;
  canonicalUrl: string | null;
}

export type EditMessage =
  | { type: "annotation/create"; page: PageRef; kind: "claim" | "figure" | "highlight"; passage: ArticlePassage }
  | { type: "annotation/update"; page: PageRef; id: string; patch: AnnotationPatch }
  /** `withContext`: also the tags in use and related annotations (a card opening; not a repaint). */
  | { type: "annotation/details"; page: PageRef; id: string; withContext: boolean }
  | { type: "source/add"; page: PageRef; annotationId: string; source: SourceInput }
  | { type: "source/update"; page: PageRef; id: string; patch: Partial<SourceInput> }
  | { type: "source/remove"; page: PageRef; id: string }
  | { type: "source/restore"; page: PageRef; source: Source };

/** What the card shows around an annotation: read when the card opens, not on every change. */
export interface AnnotationContext {
  /** Tags in use anywhere, for completion. */
  tags: string[];
  related: { sameSpeaker: RelatedAnnotation[]; sameFigure: RelatedAnnotation[] };
}

/** An annotation as it now stands, fresh from the database, and its context when asked for. */
export interface AnnotationDetails {
  annotation: Annotation;
  sources: Source[];
  /** Present in answers to `annotation/details` and `annotation/create` only. */
  context?: AnnotationContext;
}

/** The background's answer to an edit: the annotation as it now stands (and a removed source, for undo). */
export type EditResponse = { ok: true; details: AnnotationDetails; removed?: Source } | { ok: false; error: string };

export const EDIT_TYPES: readonly string[] = [
  "annotation/create",
  "annotation/update",
  "annotation/details",
  "source/add",
  "source/update",
  "source/remove",
  "source/restore",
];

const isId = (value: unknown): value is string => typeof value === "string" && /^[\w-]{1,100}$/u.test(value);

function checkPage(raw: unknown): Checked<PageRef> {
  if (!isRecord(raw) || Object.keys(raw).some((key) => key !== "url" && key !== "canonicalUrl"))
    return fail("page must be {url, canonicalUrl}");
  const { url, canonicalUrl } = raw;
  if (typeof url !== "string" || url.length > PAGE_FIELD_LIMITS.url) return fail("page url must be text");
  if (canonicalUrl !== null && (typeof canonicalUrl !== "string" || canonicalUrl.length > PAGE_FIELD_LIMITS.url))
    return fail("canonicalUrl must be text or null");
  return { ok: true, value: { url, canonicalUrl } };
}

function checkPassage(raw: unknown): Checked<ArticlePassage> {
  if (!isRecord(raw)) return fail("passage must be an object");
  const { exact, prefix, suffix, start, end } = raw;
  if (Object.keys(raw).length !== 5) return fail("passage must be {exact, prefix, suffix, start, end}");
  if (typeof exact !== "string" || exact.length === 0 || exact.length > DETECTION_LIMITS.exact)
    return fail("the passage must be some text");
  if (typeof prefix !== "string" || typeof suffix !== "string") return fail("prefix and suffix must be text");
  if (prefix.length > DETECTION_LIMITS.context || suffix.length > DETECTION_LIMITS.context)
    return fail("prefix and suffix are too long");
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || (start as number) < 0)
    return fail("start and end must be offsets");
  if ((end as number) - (start as number) !== exact.length) return fail("exact must span start to end");
  return { ok: true, value: { exact, prefix, suffix, start: start as number, end: end as number } };
}

/** A stored source's full shape, as `source/remove` gave it back for undo. */
function checkStoredSource(raw: unknown): Checked<Source> {
  if (!isRecord(raw)) return fail("source must be an object");
  const { id, annotationId, createdAt, updatedAt, ...input } = raw;
  if (!isId(id) || !isId(annotationId)) return fail("source ids are malformed");
  if (!Number.isSafeInteger(createdAt) || !Number.isSafeInteger(updatedAt)) return fail("source dates are malformed");
  const fields = checkSourceInput(input);
  if (!fields.ok) return fields;
  return {
    ok: true,
    value: {
      id,
      annotationId,
      createdAt: createdAt as number,
      updatedAt: updatedAt as number,
      ...(fields.value as SourceInput),
    },
  };
}

const KEYS: Record<string, string[]> = {
  "annotation/create": ["type", "page", "kind", "passage"],
  "annotation/update": ["type", "page", "id", "patch"],
  "annotation/details": ["type", "page", "id", "withContext"],
  "source/add": ["type", "page", "annotationId", "source"],
  "source/update": ["type", "page", "id", "patch"],
  "source/remove": ["type", "page", "id"],
  "source/restore": ["type", "page", "source"],
};

/** Checks an edit message: exact keys, a page reference, ids of our shape, every field bounded. */
export function checkEditMessage(raw: unknown): Checked<EditMessage> {
  if (!isRecord(raw) || typeof raw.type !== "string" || !(raw.type in KEYS)) return fail("not an edit message");
  const keys = KEYS[raw.type] as string[];
  if (Object.keys(raw).some((key) => !keys.includes(key)) || keys.some((key) => !(key in raw)))
    return fail(`${raw.type} must have exactly ${keys.join(", ")}`);
  const page = checkPage(raw.page);
  if (!page.ok) return page;
  switch (raw.type) {
    case "annotation/create": {
      if (raw.kind !== "claim" && raw.kind !== "figure" && raw.kind !== "highlight")
        return fail("kind must be claim, figure or highlight");
      const passage = checkPassage(raw.passage);
      if (!passage.ok) return passage;
      return { ok: true, value: { type: raw.type, page: page.value, kind: raw.kind, passage: passage.value } };
    }
    case "annotation/update": {
      if (!isId(raw.id)) return fail("bad id");
      const patch = checkAnnotationPatch(raw.patch);
      if (!patch.ok) return patch;
      return { ok: true, value: { type: raw.type, page: page.value, id: raw.id, patch: patch.value } };
    }
    case "annotation/details":
      if (!isId(raw.id)) return fail("bad id");
      if (typeof raw.withContext !== "boolean") return fail("withContext must be true or false");
      return { ok: true, value: { type: raw.type, page: page.value, id: raw.id, withContext: raw.withContext } };
    case "source/remove":
      if (!isId(raw.id)) return fail("bad id");
      return { ok: true, value: { type: raw.type, page: page.value, id: raw.id } };
    case "source/add": {
      if (!isId(raw.annotationId)) return fail("bad annotation id");
      const source = checkSourceInput(raw.source);
      if (!source.ok) return source;
      return {
        ok: true,
        value: {
          type: raw.type,
          page: page.value,
          annotationId: raw.annotationId,
          source: source.value as SourceInput,
        },
      };
    }
    case "source/update": {
      if (!isId(raw.id)) return fail("bad id");
      const patch = checkSourceInput(raw.patch, true);
      if (!patch.ok) return patch;
      return { ok: true, value: { type: raw.type, page: page.value, id: raw.id, patch: patch.value } };
    }
    default: {
      const source = checkStoredSource(raw.source);
      if (!source.ok) return source;
      return { ok: true, value: { type: "source/restore", page: page.value, source: source.value } };
    }
  }
}
