import { FLAT_KEYS } from "./detect/flat";
import {
  type AnchorState,
  type AnnotationKind,
  type AnnotationOrigin,
  type AnnotationStatus,
  DETECTION_LIMITS,
  type DetectedSpan,
  type MachineFields,
  type NoArticleReason,
  PAGE_FIELD_LIMITS,
  type PageReport,
} from "./model";

/**
 * Every message that crosses a process boundary in Claimmark, typed here and checked on
 * arrival. Messages from content scripts carry page-derived data and are untrusted.
 */

/** Content script → background: the page was read, and this is what it holds. */
export interface PageExtractedMessage {
  type: "page/extracted";
  /** The document's address as the page sees it: ahead of the browser's after a single-page app's pushState. */
  url: string;
  report: PageReport;
}

/** A stored annotation as the content script needs it: to re-find it, paint it and show its card. */
export interface StoredAnnotationView extends MachineFields {
  id: string;
  kind: AnnotationKind;
  origin: AnnotationOrigin;
  exact: string;
  prefix: string;
  suffix: string;
  /** Where it was in the article text when stored (a hint: the article may have changed). */
  start: number | null;
  status: AnnotationStatus;
  dismissed: boolean;
  sources: { url: string; title: string }[];
}

/** Background → content script: the page's key, whether its article changed, and what is stored for it. */
export type PageExtractedResponse =
  | { ok: true; pageKey: string; changed: boolean; annotations: StoredAnnotationView[] }
  | { ok: false; error: string };

/** How one stored annotation was re-found in this visit's article text. */
export interface AnchorReport {
  id: string;
  state: AnchorState;
  /** The text found instead of the stored one (fuzzy only). */
  current: string | null;
}

/**
 * Content script → background: this visit's detections (already told apart from stored
 * annotations they only changed) and how the stored annotations were re-found.
 */
export interface PageDetectionsMessage {
  type: "page/detections";
  /** The document's address, as in `page/extracted`. */
  url: string;
  /** The page's canonical link as reported in `page/extracted`: with the tab's URL it names the page. */
  canonicalUrl: string | null;
  detections: DetectedSpan[];
  anchors: AnchorReport[];
}

/** Background → content script: the answer to `page/detections`. */
export type PageDetectionsResponse =
  | { ok: true; added: number; kept: number; anchored: number }
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
  /** The stage that stretch belonged to (extract, detect, re-anchor, index, paint). */
  longestStage: string;
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

export type BackgroundMessage = PageExtractedMessage | PageDetectionsMessage;
export type ContentMessage = PageStateRequest;

type Check<T> = { ok: true; value: T } | { ok: false; error: string };

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringField(value: unknown, name: string, max: number, nullable: boolean): string | null | Error {
  if (value === null && nullable) return null;
  if (typeof value !== "string") return new Error(`${name} must be a string${nullable ? " or null" : ""}`);
  if (value.length > max) return new Error(`${name} is longer than ${max} characters`);
  return value;
}

const NO_ARTICLE_REASONS: readonly NoArticleReason[] = ["not-readerable", "empty", "not-html", "too-complex", "failed"];
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
export function checkPageReport(raw: unknown): Check<PageReport> {
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
  return {
    ok: true,
    value: {
      canonicalUrl: strings.canonicalUrl as string | null,
      readerable: raw.readerable,
      hasArticle: raw.hasArticle,
      noArticleReason: (raw.hasArticle ? null : reason) as NoArticleReason | null,
      title: strings.title as string,
      byline: strings.byline as string | null,
      siteName: strings.siteName as string | null,
      publishedTime: strings.publishedTime as string | null,
      lang: strings.lang as string | null,
      excerpt: strings.excerpt as string | null,
      textLength,
      textHash: raw.hasArticle ? (strings.textHash as string) : null,
    },
  };
}

const DETECTED_KINDS: readonly string[] = ["quote", "claim", "figure"];
const DETECTION_KEYS: readonly string[] = [...FLAT_KEYS, "prefix", "suffix", "confidence"];

/** Checks one reported detection; `textLength` bounds its offsets. */
function checkDetection(raw: unknown, textLength: number): Check<DetectedSpan> {
  if (!isRecord(raw)) return fail("must be an object");
  for (const key of Object.keys(raw)) {
    if (!DETECTION_KEYS.includes(key)) return fail(`unknown field ${key.slice(0, 40)}`);
  }
  if (!DETECTED_KINDS.includes(raw.kind as string)) return fail("kind must be quote, claim or figure");
  const fields = {
    exact: stringField(raw.exact, "exact", DETECTION_LIMITS.exact, false),
    prefix: stringField(raw.prefix, "prefix", DETECTION_LIMITS.context, false),
    suffix: stringField(raw.suffix, "suffix", DETECTION_LIMITS.context, false),
    speaker: stringField(raw.speaker, "speaker", DETECTION_LIMITS.field, true),
    cue: stringField(raw.cue, "cue", DETECTION_LIMITS.field, true),
    figureKind: stringField(raw.figureKind, "figureKind", 20, true),
    unit: stringField(raw.unit, "unit", DETECTION_LIMITS.field, true),
    qualifier: stringField(raw.qualifier, "qualifier", 40, true),
  };
  for (const value of Object.values(fields)) if (value instanceof Error) return fail(value.message);
  const { start, end, confidence, value } = raw;
  if (
    typeof start !== "number" ||
    typeof end !== "number" ||
    !Number.isSafeInteger(start) ||
    !Number.isSafeInteger(end)
  ) {
    return fail("start and end must be integers");
  }
  if (start < 0 || end <= start || end > textLength) return fail("start and end must lie within the article text");
  if (end - start !== (fields.exact as string).length) return fail("exact must span start to end");
  if (typeof confidence !== "number" || !(confidence >= 0 && confidence <= 1))
    return fail("confidence must be in 0..1");
  const valueOk =
    value === null ||
    (typeof value === "number" && Number.isFinite(value)) ||
    (typeof value === "string" && value.length <= 40);
  if (!valueOk) return fail("value must be a finite number, a short string or null");
  return {
    ok: true,
    value: {
      kind: raw.kind as DetectedSpan["kind"],
      exact: fields.exact as string,
      prefix: fields.prefix as string,
      suffix: fields.suffix as string,
      start,
      end,
      speaker: fields.speaker as string | null,
      cue: fields.cue as string | null,
      figureKind: fields.figureKind as string | null,
      value: value as number | string | null,
      unit: fields.unit as string | null,
      qualifier: fields.qualifier as string | null,
      confidence,
    },
  };
}

/** Checks the detections of a page report. */
export function checkDetections(raw: unknown, textLength: number): Check<DetectedSpan[]> {
  if (!Array.isArray(raw)) return fail("detections must be an array");
  if (raw.length > DETECTION_LIMITS.count) return fail(`more than ${DETECTION_LIMITS.count} detections`);
  const detections: DetectedSpan[] = [];
  for (let i = 0; i < raw.length; i++) {
    const checked = checkDetection(raw[i], textLength);
    if (!checked.ok) return fail(`detection ${i}: ${checked.error}`);
    detections.push(checked.value);
  }
  return { ok: true, value: detections };
}

const ANCHOR_STATES: readonly string[] = ["exact", "fuzzy", "orphan"];

/** Checks how stored annotations were re-found: ids of our own shape, a known state, bounded text. */
export function checkAnchorReports(raw: unknown): Check<AnchorReport[]> {
  if (!Array.isArray(raw)) return fail("anchors must be an array");
  if (raw.length > DETECTION_LIMITS.count) return fail(`more than ${DETECTION_LIMITS.count} anchors`);
  const anchors: AnchorReport[] = [];
  for (let i = 0; i < raw.length; i++) {
    const item = raw[i];
    if (!isRecord(item) || Object.keys(item).some((key) => key !== "id" && key !== "state" && key !== "current")) {
      return fail(`anchor ${i}: must be an object with id, state and current`);
    }
    if (typeof item.id !== "string" || !/^[\w-]{1,100}$/.test(item.id)) return fail(`anchor ${i}: bad id`);
    if (!ANCHOR_STATES.includes(item.state as string)) return fail(`anchor ${i}: state must be exact, fuzzy or orphan`);
    const current = stringField(item.current, "current", DETECTION_LIMITS.exact, true);
    if (current instanceof Error) return fail(`anchor ${i}: ${current.message}`);
    if ((item.state === "fuzzy") !== (current !== null))
      return fail(`anchor ${i}: current text is for fuzzy matches only`);
    anchors.push({ id: item.id, state: item.state as AnchorState, current });
  }
  return { ok: true, value: anchors };
}

/** Checks a message addressed to the background; anything not exactly one of ours is refused. */
export function checkBackgroundMessage(raw: unknown): Check<BackgroundMessage> {
  if (!isRecord(raw)) return fail("message must be an object");
  if (raw.type === "page/extracted") {
    if (Object.keys(raw).some((key) => key !== "type" && key !== "url" && key !== "report")) {
      return fail("page/extracted has unknown fields");
    }
    const url = stringField(raw.url, "url", PAGE_FIELD_LIMITS.url, false);
    if (url instanceof Error) return fail(url.message);
    const report = checkPageReport(raw.report);
    if (!report.ok) return report;
    return { ok: true, value: { type: "page/extracted", url: url as string, report: report.value } };
  }
  if (raw.type === "page/detections") {
    const keys = ["type", "url", "canonicalUrl", "detections", "anchors"];
    if (Object.keys(raw).some((key) => !keys.includes(key))) return fail("page/detections has unknown fields");
    const url = stringField(raw.url, "url", PAGE_FIELD_LIMITS.url, false);
    if (url instanceof Error) return fail(url.message);
    const canonicalUrl = stringField(raw.canonicalUrl, "canonicalUrl", PAGE_FIELD_LIMITS.url, true);
    if (canonicalUrl instanceof Error) return fail(canonicalUrl.message);
    // Offsets are checked against the stored article's length by the handler, which knows it.
    const detections = checkDetections(raw.detections, Number.MAX_SAFE_INTEGER);
    if (!detections.ok) return detections;
    const anchors = checkAnchorReports(raw.anchors);
    if (!anchors.ok) return anchors;
    return {
      ok: true,
      value: {
        type: "page/detections",
        url: url as string,
        canonicalUrl,
        detections: detections.value,
        anchors: anchors.value,
      },
    };
  }
  return fail(`unknown message type: ${String(raw.type).slice(0, 40)}`);
}

/** Checks a message addressed to a content script. */
export function checkContentMessage(raw: unknown): Check<ContentMessage> {
  if (isRecord(raw) && raw.type === "page/state") return { ok: true, value: { type: "page/state" } };
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
export function checkPageSender(sender: SenderInfo, extensionId: string): Check<{ tabId: number; url: string }> {
  if (sender.id !== extensionId) return fail("message is not from this extension");
  const tabId = sender.tab?.id;
  if (typeof tabId !== "number" || tabId < 0) return fail("message is not from a tab");
  if (sender.frameId !== undefined && sender.frameId !== 0) return fail("message is not from the top frame");
  const url = sender.url ?? sender.tab?.url;
  if (!url || !/^https?:/i.test(url)) return fail("message is not from a web page");
  return { ok: true, value: { tabId, url } };
}
