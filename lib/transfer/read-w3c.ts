import { z } from "zod/v4";
import { cleanTag, isRealDate } from "../edit/validate";
import {
  ANNOTATION_STATUSES,
  type Annotation,
  CORRECTABLE_FIELDS,
  DETECTION_LIMITS,
  EDIT_LIMITS,
  PAGE_FIELD_LIMITS,
  type PageRecord,
  type Source,
} from "../model";
import { cleanText } from "../text/clean";
import { normalizeUrl } from "../url/normalize";
import { ID_MAX, isoTime, nullableText, selectors, text, webUrl } from "./fields";
import { describeError } from "./issues";
import { IMPORT_MAX_ANNOTATIONS, type ParsedFile, type ParsedItem } from "./parsed";
import { ID_PREFIX } from "./w3c";

/**
 * Reads a W3C Web Annotation collection: Claimmark's own (every `cm:` field, lossless) or another
 * tool's (its annotations become the reader's highlights).
 */

const field = nullableText(EDIT_LIMITS.field).default(null);

const textBody = z.object({
  type: z.literal("TextualBody"),
  // A TextualBody without a purpose is a comment, as most tools write one.
  purpose: z.enum(["commenting", "tagging", "assessing"]).default("commenting"),
  value: text(EDIT_LIMITS.note),
  format: text(100).optional(),
});

const sourceBody = z.object({
  type: z.literal("SpecificResource"),
  purpose: z.literal("linking"),
  source: webUrl.optional(),
  "cm:id": text(ID_MAX).min(1, "empty id").optional(),
  "cm:title": text(EDIT_LIMITS.field).default(""),
  "cm:publisher": text(EDIT_LIMITS.field).default(""),
  "cm:accessedAt": z.string().refine(isRealDate, "not a real date (YYYY-MM-DD)").nullable().default(null),
  "cm:note": text(EDIT_LIMITS.quote).default(""),
  "cm:quote": text(EDIT_LIMITS.quote).default(""),
  "cm:created": isoTime.optional(),
  "cm:modified": isoTime.optional(),
});

const body = z.discriminatedUnion("type", [textBody, sourceBody]);

const anchor = z.object({
  state: z.enum(["exact", "fuzzy", "orphan"]),
  current: nullableText(DETECTION_LIMITS.exact),
  checkedAt: isoTime,
});

const annotationSchema = z.object({
  id: text(ID_MAX + ID_PREFIX.length).min(1, "empty id"),
  type: z.literal("Annotation"),
  created: isoTime,
  modified: isoTime.optional(),
  target: z.object({ source: webUrl, selector: selectors }),
  // A single body is as good as a list of one.
  body: z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(body).max(EDIT_LIMITS.tags + EDIT_LIMITS.sourcesPerAnnotation + 2, "too many bodies"),
  ),
  "cm:pageKey": webUrl.optional(),
  "cm:kind": z.enum(["quote", "claim", "term", "figure", "highlight"]).default("highlight"),
  "cm:origin": z.enum(["auto", "user"]).default("user"),
  "cm:speaker": field,
  "cm:cue": field,
  "cm:figureKind": field,
  "cm:value": z.union([z.number().finite(), text(40), z.null()]).default(null),
  "cm:unit": field,
  "cm:qualifier": field,
  "cm:confidence": z.number().min(0).max(1).default(1),
  "cm:dismissed": z.boolean().default(false),
  "cm:corrected": z.array(z.enum(CORRECTABLE_FIELDS)).max(CORRECTABLE_FIELDS.length).optional(),
  "cm:exact": text(DETECTION_LIMITS.exact).optional(),
  "cm:anchor": anchor.optional(),
});

type RawAnnotation = z.infer<typeof annotationSchema>;

/** The annotation and sources a checked item stands for; a string says what is wrong. */
function build(raw: RawAnnotation): ParsedItem | string {
  const id = raw.id.startsWith(ID_PREFIX) ? raw.id.slice(ID_PREFIX.length) : raw.id;
  if (!id) return "id: empty";
  const pageKey = raw["cm:pageKey"] ?? normalizeUrl(raw.target.source);
  if (!pageKey) return "target.source: not an http or https address";
  const notes: string[] = [];
  const tags: string[] = [];
  let status: Annotation["status"] = "unverified";
  const sources: Source[] = [];
  const createdAt = raw.created;
  const updatedAt = raw.modified ?? createdAt;
  for (const [index, item] of raw.body.entries()) {
    if (item.type === "SpecificResource") {
      sources.push({
        id: item["cm:id"] ?? `${id}-source-${index}`,
        annotationId: id,
        url: item.source ?? "",
        title: item["cm:title"],
        publisher: item["cm:publisher"],
        accessedAt: item["cm:accessedAt"],
        note: item["cm:note"],
        quote: item["cm:quote"],
        createdAt: item["cm:created"] ?? createdAt,
        updatedAt: item["cm:modified"] ?? updatedAt,
      });
    } else if (item.purpose === "assessing") {
      if (!(ANNOTATION_STATUSES as readonly string[]).includes(item.value))
        return `body[${index}].value: expected one of ${ANNOTATION_STATUSES.join(", ")}`;
      status = item.value as Annotation["status"];
    } else if (item.purpose === "tagging") {
      // Cleaned again: cutting a tag to its length may split a surrogate pair.
      const tag = cleanText(cleanTag(item.value));
      if (tag && !tags.includes(tag)) tags.push(tag);
    } else {
      notes.push(item.value);
    }
  }
  const note = notes.join("\n\n");
  if (note.length > EDIT_LIMITS.note) return `body: the note is longer than ${EDIT_LIMITS.note} characters`;
  if (tags.length > EDIT_LIMITS.tags) return `body: more than ${EDIT_LIMITS.tags} tags`;
  if (sources.length > EDIT_LIMITS.sourcesPerAnnotation)
    return `body: more than ${EDIT_LIMITS.sourcesPerAnnotation} sources`;
  const quote = raw.target.selector.find((s) => s.type === "TextQuoteSelector");
  const annotation: Annotation = {
    id,
    pageKey,
    kind: raw["cm:kind"],
    origin: raw["cm:origin"],
    selectors: raw.target.selector,
    exact: raw["cm:exact"] ?? quote?.exact ?? "",
    speaker: raw["cm:speaker"],
    cue: raw["cm:cue"],
    figureKind: raw["cm:figureKind"],
    value: raw["cm:value"],
    unit: raw["cm:unit"],
    qualifier: raw["cm:qualifier"],
    confidence: raw["cm:confidence"],
    status,
    tags,
    note,
    dismissed: raw["cm:dismissed"],
    createdAt,
    updatedAt,
  };
  if (raw["cm:anchor"]) annotation.anchor = raw["cm:anchor"];
  const corrected = [...new Set(raw["cm:corrected"] ?? [])];
  if (corrected.length > 0) annotation.corrected = corrected;
  return { annotation, sources, pageUrl: raw.target.source, pageTitle: "" };
}

const pageSchema = z.object({
  key: webUrl,
  url: webUrl,
  canonicalUrl: nullableText(EDIT_LIMITS.url),
  readerable: z.boolean(),
  hasArticle: z.boolean(),
  noArticleReason: z.enum(["not-readerable", "empty", "not-html", "too-complex", "too-large", "failed"]).nullable(),
  title: text(PAGE_FIELD_LIMITS.title),
  byline: nullableText(PAGE_FIELD_LIMITS.byline),
  siteName: nullableText(PAGE_FIELD_LIMITS.siteName),
  publishedTime: nullableText(PAGE_FIELD_LIMITS.publishedTime),
  lang: nullableText(PAGE_FIELD_LIMITS.lang),
  excerpt: nullableText(PAGE_FIELD_LIMITS.excerpt),
  textLength: z.number().int().nonnegative(),
  textHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/u, "not a SHA-256 hash")
    .nullable(),
  firstSeen: isoTime,
  lastSeen: isoTime,
  previousTextHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/u, "not a SHA-256 hash")
    .nullable()
    .optional(),
  changedAt: isoTime.nullable().optional(),
});

const collectionSchema = z.object({
  type: z.literal("AnnotationCollection"),
  "cm:pages": z.array(z.unknown()).max(IMPORT_MAX_ANNOTATIONS, "too many pages").default([]),
  first: z.object({
    type: z.literal("AnnotationPage").optional(),
    items: z
      .array(z.unknown())
      .max(IMPORT_MAX_ANNOTATIONS, `more than ${IMPORT_MAX_ANNOTATIONS.toLocaleString("en")} annotations`),
  }),
});

/** An item's place in the file, with its id when it has a readable one. */
export function itemName(where: string, raw: unknown): string {
  const id = typeof raw === "object" && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === "string" && id.length <= 120 ? `${where} (${id})` : where;
}

/** Whether a parsed JSON value looks like a W3C annotation collection at all. */
export function isW3cCollection(json: unknown): boolean {
  return typeof json === "object" && json !== null && (json as { type?: unknown }).type === "AnnotationCollection";
}

/** Checks a W3C collection: a structural error refuses the file; a bad annotation or page only itself. */
export function readW3c(json: unknown): ParsedFile | string {
  const top = collectionSchema.safeParse(json, { reportInput: true });
  if (!top.success) return describeError(top.error);
  const refused: ParsedFile["refused"] = [];
  const pages: PageRecord[] = [];
  for (const [index, raw] of top.data["cm:pages"].entries()) {
    const page = pageSchema.safeParse(raw, { reportInput: true });
    if (page.success) pages.push(page.data as PageRecord);
    else refused.push({ item: `cm:pages[${index}]`, reason: describeError(page.error) });
  }
  const items: ParsedItem[] = [];
  for (const [index, raw] of top.data.first.items.entries()) {
    const where = itemName(`first.items[${index}]`, raw);
    const checked = annotationSchema.safeParse(raw, { reportInput: true });
    const built = checked.success ? build(checked.data) : describeError(checked.error);
    if (typeof built === "string") refused.push({ item: where, reason: built });
    else items.push(built);
  }
  return { format: "claimmark", pages, items, refused };
}
