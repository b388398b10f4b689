import type { LocatedAnnotation } from "./anchor/reanchor";
import type { ArticlePassage } from "./anchor/selection";
import { type Checked, fail, isRecord } from "./check";
import { BLOCK_ROLES, type Block } from "./detect/types";
import { sha256Hex, sha256HexAsync } from "./extract/hash";
import {
  type AnnotationStatus,
  ARTICLE_TEXT_LIMIT,
  DETECTION_LIMITS,
  type NoArticleReason,
  PAGE_FIELD_LIMITS,
  type PageReport,
  type Settings,
} from "./model";
import type { ColourScheme } from "./paint/names";
import { type ShownKind, shownKind } from "./shown-kind";
import { cleanNullable, cleanText } from "./text/clean";

/**
 * Every message that crosses a process boundary in Claimmark, typed here and checked on
 * arrival. Messages from content scripts carry page-derived data and are untrusted.
 */

/** The article as the content script extracted it: its text and the paragraph blocks in it. */
export interface ExtractedArticle {
  text: string;
  /** End-exclusive offsets of each paragraph block in `text`, with its role on the page when known. */
  blocks: Block[];
}

/**
 * Content script → background: the page was read. The background detects quotes, claims and
 * figures in the article text itself (off the page's main thread, and so that what is stored
 * as a detection never comes from the page), re-finds the stored annotations, and answers with
 * everything to paint.
 */
export interface PageExtractedMessage {
  type: "page/extracted";
  /** The document's address as the page sees it: ahead of the browser's after a single-page app's pushState. */
  url: string;
  report: PageReport;
  /** Null when there is no article. */
  article: ExtractedArticle | null;
}

/**
 * An annotation as the content script gets it: only what painting needs, all of it read from the
 * page's own article text (kind, where, which words). The reader's work (status, tags, note,
 * sources, corrected fields) never reaches the page's process; the verdict comes only when the
 * reader chose to mark verdicts in pages, and is "unverified" otherwise.
 */
export interface PaintItem {
  id: string;
  /** The kind it is shown as: a detected date is "date", so the page paints it (or not) apart from figures. */
  kind: ShownKind;
  exact: string;
  prefix: string;
  suffix: string;
  /** Where it is in this visit's article text. */
  start: number;
  end: number;
  anchor: "exact" | "fuzzy";
  status: AnnotationStatus;
}

/** The paint view of a located annotation: its verdict only when the reader shows verdicts in pages. */
export function toPaintItem(item: LocatedAnnotation, showVerdicts: boolean): PaintItem {
  const { id, exact, prefix, suffix, start, end, anchor } = item;
  const kind = shownKind(item);
  return { id, kind, exact, prefix, suffix, start, end, anchor, status: showVerdicts ? item.status : "unverified" };
}

/** The page a message is about: its address as the page sees it, and its canonical link. */
export interface PageRef {
  url: string;
  canonicalUrl: string | null;
}

/** Background → content script: the page's key, whether its article changed, and what to paint where. */
export type PageExtractedResponse =
  | {
      ok: true;
      pageKey: string;
      /** Whether this visit found the article's text changed since the last one. */
      changed: boolean;
      /** Detections made on this visit. */
      detections: number;
      /** Annotations to paint (dismissed ones left out), located in this visit's article text. */
      located: PaintItem[];
      /** Stored annotations not found in the article: kept, and listed in the popup. */
      orphans: number;
      /** Which kinds the reader wants highlighted, and in which colours. */
      highlightKinds: Settings["highlightKinds"];
      colourScheme: ColourScheme;
    }
  | { ok: false; error: string };

/** Popup → content script: what do you know about your page? */
export interface PageStateRequest {
  type: "page/state";
}

/** What painting the page's annotations achieved, and what it cost. */
export interface PaintStats {
  /** Detections made on this visit. */
  detections: number;
  /** Annotations to show: stored and new, dismissed ones left out. */
  annotations: number;
  /** Found in the live page (exactly or fuzzily). */
  anchored: number;
  /** Found only by fuzzy matching: their text changed. */
  fuzzy: number;
  /** Not found in the article: kept, shown in the popup as orphans. */
  orphans: number;
  /** Ranges handed to the painter. */
  painted: number;
  mode: "highlight-api" | "wrap";
  /** Readability's own parse, in ms. */
  readabilityMs: number;
  /** Content script start to highlights painted, in ms. */
  totalMs: number;
  /** The longest stretch of our code that ran without yielding to the page, in ms. */
  longestTaskMs: number;
  /** The stage that stretch belonged to (a step of extraction, indexing, painting). */
  longestStage: string;
  /** The longest stretch of our own code, leaving out Readability's parse (one call we cannot divide), in ms. */
  longestOwnTaskMs: number;
  /** The stage of that stretch. */
  longestOwnStage: string;
}

/** What the content script knows about its page. */
export type PageState =
  | { status: "reading" }
  | {
      status: "recorded";
      pageKey: string;
      hasArticle: boolean;
      noArticleReason: NoArticleReason | null;
      paint: PaintStats | null;
    }
  | { status: "failed"; error: string };

/**
 * Content script → background: store the reader's selection as an annotation. The article text
 * comes along so the background can check, against the hash it stored for the page, that the
 * passage is really the article's text at those offsets.
 */
export interface AnnotationCreateMessage {
  type: "annotation/create";
  page: PageRef;
  kind: "claim" | "figure" | "highlight";
  passage: ArticlePassage;
  text: string;
}

/** Content script → background: how to paint one annotation of this page now (after an edit elsewhere). */
export interface AnnotationPaintMessage {
  type: "annotation/paint";
  page: PageRef;
  id: string;
}

/**
 * Content script → background: the reader asked for the card of an annotation of this page (a
 * trusted click, a rest of the pointer, a key, the popup). The answer is a token for the card frame.
 */
export interface CardOpenMessage {
  type: "card/open";
  page: PageRef;
  id: string;
  focus: boolean;
  /** Only the small preview a rest of the pointer shows (the full card needs a click or a key). */
  preview: boolean;
}

export type BackgroundMessage =
  | PageExtractedMessage
  | AnnotationCreateMessage
  | AnnotationPaintMessage
  | CardOpenMessage;

/** The background's answer to `annotation/create`: the new annotation, as the page paints it. */
export type AnnotationCreateResponse = { ok: true; item: PaintItem } | { ok: false; error: string };

/** The background's answer to `annotation/paint`: null when the annotation is no longer shown (deleted, dismissed). */
export type AnnotationPaintResponse = { ok: true; item: PaintItem | null } | { ok: false; error: string };

/** The background's answer to `card/open`: the token with which the tab's card frame may show it. */
export type CardOpenResponse = { ok: true; token: string } | { ok: false; error: string };

/** Background → content script: annotate the reader's selection (context menu, keyboard command). */
export interface SelectionCommand {
  type: "selection/annotate";
  kind: "claim" | "figure" | "highlight";
}

/** Popup → content script: scroll to an annotation and make it flash, or repaint one the popup changed. */
export interface AnnotationNotice {
  type: "annotation/reveal" | "annotation/changed";
  id: string;
}

/** Card frame → content script: the reader closed the card (Escape, the close button). */
export interface CardCloseNotice {
  type: "card/close";
  /** Whether focus was in the card, and so goes back to where it was in the page. */
  returnFocus: boolean;
}

/** Card frame → content script: Alt+Shift+↓ or ↑ pressed in the card: open the next or previous highlight's card. */
export interface CardWalkNotice {
  type: "card/walk";
  step: 1 | -1;
}

/**
 * Card frame → content script, about the preview of annotation `id`: the reader clicked it (open
 * the full card), or the pointer entered or left it (the page's document does not see the pointer
 * inside a frame; a preview closes when the pointer has left both it and its highlight).
 */
export interface CardPreviewNotice {
  type: "card/preview";
  id: string;
  action: "expand" | "enter" | "leave";
}

export type ContentMessage =
  | PageStateRequest
  | SelectionCommand
  | AnnotationNotice
  | CardCloseNotice
  | CardWalkNotice
  | CardPreviewNotice;

function stringField(value: unknown, name: string, max: number, nullable: boolean): string | null | Error {
  if (value === null && nullable) return null;
  if (typeof value !== "string") return new Error(`${name} must be a string${nullable ? " or null" : ""}`);
  if (value.length > max) return new Error(`${name} is longer than ${max} characters`);
  return value;
}

const NO_ARTICLE_REASONS: readonly NoArticleReason[] = [
  "not-readerable",
  "empty",
  "not-html",
  "too-complex",
  "too-large",
  "failed",
];
const REPORT_KEYS = [
  "canonicalUrl",
  "readerable",
  "hasArticle",
  "noArticleReason",
  "title",
  "byline",
  "siteName",
  "publishedTime",
  "lang",
  "excerpt",
  "textLength",
  "textHash",
] as const;

/** Checks a page report field by field; unknown fields are refused rather than stored. */
export function checkPageReport(raw: unknown): Checked<PageReport> {
  if (!isRecord(raw)) return fail("report must be an object");
  for (const key of Object.keys(raw)) {
    if (!(REPORT_KEYS as readonly string[]).includes(key))
      return fail(`report has an unknown field: ${key.slice(0, 40)}`);
  }
  const strings = {
    canonicalUrl: stringField(raw.canonicalUrl, "canonicalUrl", PAGE_FIELD_LIMITS.url, true),
    title: stringField(raw.title, "title", PAGE_FIELD_LIMITS.title, false),
    byline: stringField(raw.byline, "byline", PAGE_FIELD_LIMITS.byline, true),
    siteName: stringField(raw.siteName, "siteName", PAGE_FIELD_LIMITS.siteName, true),
    publishedTime: stringField(raw.publishedTime, "publishedTime", PAGE_FIELD_LIMITS.publishedTime, true),
    lang: stringField(raw.lang, "lang", PAGE_FIELD_LIMITS.lang, true),
    excerpt: stringField(raw.excerpt, "excerpt", PAGE_FIELD_LIMITS.excerpt, true),
    textHash: stringField(raw.textHash, "textHash", 64, true),
  };
  for (const value of Object.values(strings)) {
    if (value instanceof Error) return fail(value.message);
  }
  if (typeof raw.readerable !== "boolean") return fail("readerable must be a boolean");
  if (typeof raw.hasArticle !== "boolean") return fail("hasArticle must be a boolean");
  const textLength = raw.textLength;
  if (typeof textLength !== "number" || !Number.isSafeInteger(textLength) || textLength < 0) {
    return fail("textLength must be a non-negative integer");
  }
  const reason = raw.noArticleReason;
  if (raw.hasArticle) {
    if (reason !== null) return fail("noArticleReason must be null when there is an article");
    if (typeof strings.textHash !== "string" || !/^[0-9a-f]{64}$/.test(strings.textHash)) {
      return fail("textHash must be 64 hex digits when there is an article");
    }
  } else if (!NO_ARTICLE_REASONS.includes(reason as NoArticleReason)) {
    return fail("noArticleReason must say why there is no article");
  }
  // Stored as text that any reader of an export can take: no NUL, no lone surrogate.
  return {
    ok: true,
    value: {
      canonicalUrl: strings.canonicalUrl as string | null,
      readerable: raw.readerable,
      hasArticle: raw.hasArticle,
      noArticleReason: (raw.hasArticle ? null : reason) as NoArticleReason | null,
      title: cleanText(strings.title as string),
      byline: cleanNullable(strings.byline as string | null),
      siteName: cleanNullable(strings.siteName as string | null),
      publishedTime: cleanNullable(strings.publishedTime as string | null),
      lang: cleanNullable(strings.lang as string | null),
      excerpt: cleanNullable(strings.excerpt as string | null),
      textLength,
      textHash: raw.hasArticle ? (strings.textHash as string) : null,
    },
  };
}

/** The block roles a content script may report. */
const KNOWN_ROLES: ReadonlySet<string> = new Set(BLOCK_ROLES);

/** Most paragraph blocks accepted for one article. */
export const ARTICLE_BLOCK_LIMIT = 200_000;

/**
 * Checks the extracted article against the report that describes it. With `hash: false` the text's
 * hash is left to the caller (the background checks it with the native digest, off its thread).
 */
export function checkArticle(
  raw: unknown,
  report: PageReport,
  options: { hash: boolean } = { hash: true },
): Checked<ExtractedArticle | null> {
  if (!report.hasArticle) return raw === null ? { ok: true, value: null } : fail("article must be null without one");
  if (!isRecord(raw) || Object.keys(raw).some((key) => key !== "text" && key !== "blocks")) {
    return fail("article must be an object with text and blocks");
  }
  const { text, blocks } = raw;
  if (typeof text !== "string") return fail("article text must be a string");
  if (text.length > ARTICLE_TEXT_LIMIT) return fail(`article text is longer than ${ARTICLE_TEXT_LIMIT} characters`);
  if (text.length !== report.textLength) return fail("article text does not have the reported length");
  if (options.hash && sha256Hex(text) !== report.textHash) return fail("article text does not match the reported hash");
  if (!Array.isArray(blocks) || blocks.length > ARTICLE_BLOCK_LIMIT) {
    return fail(`article blocks must be an array of at most ${ARTICLE_BLOCK_LIMIT}`);
  }
  let previousEnd = 0;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (!isRecord(block) || !Object.keys(block).every((key) => key === "start" || key === "end" || key === "role")) {
      return fail(`block ${i} must be {start, end, role?}`);
    }
    const { start, end, role } = block;
    if (role !== undefined && !KNOWN_ROLES.has(role as string)) return fail(`block ${i} has an unknown role`);
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return fail(`block ${i} needs integer offsets`);
    if ((start as number) < previousEnd || (end as number) <= (start as number) || (end as number) > text.length) {
      return fail(`block ${i} must lie in the text, after the block before it`);
    }
    previousEnd = end as number;
  }
  return { ok: true, value: { text, blocks: blocks as ExtractedArticle["blocks"] } };
}

const isId = (value: unknown): value is string => typeof value === "string" && /^[\w-]{1,100}$/u.test(value);

/** Checks a page reference: the address the page is at and its canonical link. */
function checkPage(raw: unknown): Checked<PageRef> {
  if (!isRecord(raw) || Object.keys(raw).some((key) => key !== "url" && key !== "canonicalUrl"))
    return fail("page must be {url, canonicalUrl}");
  const { url, canonicalUrl } = raw;
  if (typeof url !== "string" || url.length > PAGE_FIELD_LIMITS.url) return fail("page url must be text");
  if (canonicalUrl !== null && (typeof canonicalUrl !== "string" || canonicalUrl.length > PAGE_FIELD_LIMITS.url))
    return fail("canonicalUrl must be text or null");
  return { ok: true, value: { url, canonicalUrl } };
}

/** Checks a selected passage's shape; whether it is the article's text is checked against the page's hash later. */
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

/** The exact keys each message addressed to the background has. */
const KEYS: Record<BackgroundMessage["type"], string[]> = {
  "page/extracted": ["type", "url", "report", "article"],
  "annotation/create": ["type", "page", "kind", "passage", "text"],
  "annotation/paint": ["type", "page", "id"],
  "card/open": ["type", "page", "id", "focus", "preview"],
};

/**
 * Checks a message addressed to the background; anything not exactly one of ours is refused. An
 * article's hash is not checked here: see `checkArticleHash`.
 */
export function checkBackgroundMessage(raw: unknown): Checked<BackgroundMessage> {
  if (!isRecord(raw)) return fail("message must be an object");
  const type = raw.type as BackgroundMessage["type"];
  const keys = typeof type === "string" && Object.hasOwn(KEYS, type) ? KEYS[type] : null;
  if (!keys) return fail(`unknown message type: ${String(raw.type).slice(0, 40)}`);
  if (Object.keys(raw).some((key) => !keys.includes(key)) || keys.some((key) => !(key in raw)))
    return fail(`${type} must have exactly ${keys.join(", ")}`);
  if (type === "page/extracted") {
    const url = stringField(raw.url, "url", PAGE_FIELD_LIMITS.url, false);
    if (url instanceof Error) return fail(url.message);
    const report = checkPageReport(raw.report);
    if (!report.ok) return report;
    const article = checkArticle(raw.article, report.value, { hash: false });
    if (!article.ok) return article;
    return {
      ok: true,
      value: { type: "page/extracted", url: url as string, report: report.value, article: article.value },
    };
  }
  const page = checkPage(raw.page);
  if (!page.ok) return page;
  if (type === "annotation/create") {
    if (raw.kind !== "claim" && raw.kind !== "figure" && raw.kind !== "highlight")
      return fail("kind must be claim, figure or highlight");
    const passage = checkPassage(raw.passage);
    if (!passage.ok) return passage;
    if (typeof raw.text !== "string" || raw.text.length > ARTICLE_TEXT_LIMIT) return fail("text must be the article");
    return {
      ok: true,
      value: { type, page: page.value, kind: raw.kind, passage: passage.value, text: raw.text },
    };
  }
  if (!isId(raw.id)) return fail("bad id");
  if (type === "annotation/paint") return { ok: true, value: { type, page: page.value, id: raw.id } };
  if (typeof raw.focus !== "boolean" || typeof raw.preview !== "boolean")
    return fail("focus and preview must be true or false");
  return { ok: true, value: { type, page: page.value, id: raw.id, focus: raw.focus, preview: raw.preview } };
}

/** Whether an article's text has the hash its report gives (by the native digest where there is one). */
export async function checkArticleHash(article: ExtractedArticle | null, report: PageReport): Promise<boolean> {
  return article === null || (await sha256HexAsync(article.text)) === report.textHash;
}

/** Checks a message addressed to a content script. */
export function checkContentMessage(raw: unknown): Checked<ContentMessage> {
  if (!isRecord(raw)) return fail("unknown message");
  if (raw.type === "page/state") return { ok: true, value: { type: "page/state" } };
  if (raw.type === "selection/annotate" && ["claim", "figure", "highlight"].includes(raw.kind as string))
    return { ok: true, value: { type: "selection/annotate", kind: raw.kind as SelectionCommand["kind"] } };
  if ((raw.type === "annotation/reveal" || raw.type === "annotation/changed") && isId(raw.id))
    return { ok: true, value: { type: raw.type, id: raw.id } };
  if (raw.type === "card/close" && typeof raw.returnFocus === "boolean")
    return { ok: true, value: { type: "card/close", returnFocus: raw.returnFocus } };
  if (raw.type === "card/walk" && (raw.step === 1 || raw.step === -1))
    return { ok: true, value: { type: "card/walk", step: raw.step } };
  if (raw.type === "card/preview" && isId(raw.id) && ["expand", "enter", "leave"].includes(raw.action as string))
    return { ok: true, value: { type: "card/preview", id: raw.id, action: raw.action as CardPreviewNotice["action"] } };
  return fail("unknown message");
}

/** Who sent a message, as the browser tells it (never as the message claims). */
export interface SenderInfo {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/**
 * Checks that a page message comes from this extension's own content script in a tab's top
 * frame, and returns the URL the browser says it came from.
 */
export function checkPageSender(sender: SenderInfo, extensionId: string): Checked<{ tabId: number; url: string }> {
  if (sender.id !== extensionId) return fail("message is not from this extension");
  const tabId = sender.tab?.id;
  if (typeof tabId !== "number" || tabId < 0) return fail("message is not from a tab");
  if (sender.frameId !== undefined && sender.frameId !== 0) return fail("message is not from the top frame");
  const url = sender.url ?? sender.tab?.url;
  if (!url || !/^https?:/i.test(url)) return fail("message is not from a web page");
  return { ok: true, value: { tabId, url } };
}
