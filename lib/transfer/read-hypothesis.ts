import { z } from "zod/v4";
import { cleanTag } from "../edit/validate";
import { type Annotation, EDIT_LIMITS, type TextQuoteSelector } from "../model";
import { cleanText } from "../text/clean";
import { normalizeUrl } from "../url/normalize";
import { isoTime, selectors, text, webUrl } from "./fields";
import { describeError } from "./issues";
import { IMPORT_MAX_ANNOTATIONS, type ParsedFile, type ParsedItem } from "./parsed";
import { itemName } from "./read-w3c";

/**
 * Reads Hypothesis's JSON export (the client's "Export annotations": `{ export_date, annotations }`,
 * or a bare array of annotations as the API returns them). Each annotation becomes one of the
 * reader's highlights with its note and tags; replies and page notes have no passage and are refused.
 */

/** The prefix of an imported Hypothesis annotation's id: the same file imported twice merges. */
export const HYPOTHESIS_ID_PREFIX = "hypothesis-";

/** Longest page title kept from a Hypothesis document. */
const TITLE_MAX = 1000;

const annotationSchema = z.object({
  id: z
    .string()
    .min(1, "empty id")
    .max(100, "longer than 100 characters")
    .regex(/^[\w-]+$/u, "not a Hypothesis id"),
  uri: webUrl,
  text: text(EDIT_LIMITS.note).default(""),
  tags: z.array(text(1000)).max(EDIT_LIMITS.tags, `more than ${EDIT_LIMITS.tags} tags`).default([]),
  created: isoTime,
  updated: isoTime.optional(),
  references: z.array(z.string()).optional(),
  target: z.array(z.object({ source: text(EDIT_LIMITS.url).optional(), selector: selectors })).min(1, "no target"),
  document: z
    .object({ title: z.union([text(TITLE_MAX), z.array(text(TITLE_MAX))]).optional() })
    .passthrough()
    .optional(),
});

const exportSchema = z.union([
  z.array(z.unknown()),
  z.object({ annotations: z.array(z.unknown()) }).passthrough(),
  z.object({ rows: z.array(z.unknown()) }).passthrough(),
]);

/** Whether a parsed JSON value looks like a Hypothesis export. */
export function isHypothesisExport(json: unknown): boolean {
  if (Array.isArray(json)) return true;
  if (typeof json !== "object" || json === null) return false;
  return (
    Array.isArray((json as { annotations?: unknown }).annotations) || Array.isArray((json as { rows?: unknown }).rows)
  );
}

function titleOf(document: { title?: string | string[] } | undefined): string {
  const title = document?.title;
  return (Array.isArray(title) ? (title[0] ?? "") : (title ?? "")).trim();
}

function build(raw: z.infer<typeof annotationSchema>): ParsedItem | string {
  const pageKey = normalizeUrl(raw.uri);
  if (!pageKey) return "uri: not an http or https address";
  // Hypothesis's TextPositionSelector counts in the whole page's text, Claimmark's in the article's:
  // only the quote and its context carry over, and re-anchoring finds the passage by them.
  const quote = raw.target[0]?.selector.find((s): s is TextQuoteSelector => s.type === "TextQuoteSelector");
  if (!quote) return "target[0].selector: no TextQuoteSelector";
  // Cleaned again: cutting a tag to its length may split a surrogate pair.
  const tags = [...new Set(raw.tags.map((tag) => cleanText(cleanTag(tag))).filter(Boolean))];
  const updatedAt = raw.updated ?? raw.created;
  const annotation: Annotation = {
    id: `${HYPOTHESIS_ID_PREFIX}${raw.id}`,
    pageKey,
    kind: "highlight",
    origin: "user",
    selectors: [{ ...quote }],
    exact: quote.exact,
    speaker: null,
    cue: null,
    figureKind: null,
    value: null,
    unit: null,
    qualifier: null,
    confidence: 1,
    status: "unverified",
    tags,
    note: raw.text,
    dismissed: false,
    createdAt: raw.created,
    updatedAt,
  };
  return { annotation, sources: [], pageUrl: raw.uri, pageTitle: titleOf(raw.document) };
}

/** Why an annotation has no passage to anchor (a reply, a page note), or null when it may have one. */
function withoutPassage(raw: unknown): string | null {
  if (typeof raw !== "object" || raw === null) return null;
  const { references, target } = raw as { references?: unknown; target?: unknown };
  if (Array.isArray(references) && references.length > 0) return "a reply to another annotation, with no passage";
  if (Array.isArray(target) && target.length > 0) {
    const first = target[0] as { selector?: unknown } | null;
    if (typeof first === "object" && first !== null && first.selector === undefined)
      return "target[0].selector: missing (a page note, with no passage)";
  }
  return null;
}

/** Checks a Hypothesis export: a structural error refuses the file; a bad annotation only itself. */
export function readHypothesis(json: unknown): ParsedFile | string {
  const top = exportSchema.safeParse(json, { reportInput: true });
  if (!top.success) return "not a Hypothesis export: expected an array of annotations or { annotations: [...] }";
  const data = top.data as unknown[] | { annotations?: unknown[]; rows?: unknown[] };
  const name = Array.isArray(data) ? "" : data.annotations ? "annotations" : "rows";
  const list: unknown[] = Array.isArray(data) ? data : (data.annotations ?? data.rows ?? []);
  if (list.length > IMPORT_MAX_ANNOTATIONS)
    return `${name || "the file"}: more than ${IMPORT_MAX_ANNOTATIONS.toLocaleString("en")} annotations`;
  const items: ParsedItem[] = [];
  const refused: ParsedFile["refused"] = [];
  for (const [index, raw] of list.entries()) {
    const where = itemName(`${name}[${index}]`, raw);
    const unfit = withoutPassage(raw);
    if (unfit) {
      refused.push({ item: where, reason: unfit });
      continue;
    }
    const checked = annotationSchema.safeParse(raw, { reportInput: true });
    const built = checked.success ? build(checked.data) : describeError(checked.error);
    if (typeof built === "string") refused.push({ item: where, reason: built });
    else items.push(built);
  }
  return { format: "hypothesis", pages: [], items, refused };
}
