import { type Checked, fail, isRecord } from "../check";
import type { RelatedAnnotation } from "../db/edit";
import { checkAnnotationPatch, checkSourceInput } from "../edit/validate";
import {
  type AnnotationNotice,
  type CardCloseNotice,
  type CardPreviewNotice,
  type CardWalkNotice,
  checkContentMessage,
} from "../messages";
import type { Annotation, AnnotationPatch, Source, SourceInput } from "../model";

/**
 * How the card frame and the background speak. The card frame is an extension page in a frame of
 * the page's tab; the browser keeps its storage from it there (a frame in another site's page is
 * third-party), so it reads and writes the reader's work through the background, on a port. The
 * port is bound to one annotation of one page at a time, by a token the background handed to the
 * tab's content script (see broker.ts): a frame can never ask about anything else.
 */

/** Name of the port a card frame opens to the background. */
export const CARD_PORT = "claimmark-card";

/** The card frame's page, as `runtime.getURL` names it. */
export const CARD_PAGE = "/card.html";

/** What a card frame's port is bound to: one annotation of one page, in one tab. */
export interface CardSession {
  tabId: number;
  pageKey: string;
  id: string;
}

/**
 * Content script → card frame, by `postMessage`. The token goes only to the extension's origin
 * (the page cannot read it); the other two only ever make the card do less, so the frame accepts
 * them from anyone, the page included.
 */
export type CardFrameSignal =
  | { claimmark: "token"; token: string }
  /** The card was closed from the page (a click outside, Escape there, navigation): show nothing. */
  | { claimmark: "hide" }
  /** The frame moved, or something covers it: a pointer must not act until it has been still a while. */
  | { claimmark: "disarm" };

/** What the card shows around an annotation: read when the card opens, not on every change. */
export interface AnnotationContext {
  /** Tags in use anywhere, for completion. */
  tags: string[];
  related: { sameSpeaker: RelatedAnnotation[]; sameFigure: RelatedAnnotation[] };
}

/** An annotation as it now stands, fresh from the database, with its sources. */
export interface AnnotationDetails {
  annotation: Annotation;
  sources: Source[];
}

/** A change the card asks for, always to the annotation its port is bound to (or that annotation's sources). */
export type CardRequest =
  /** Read it again (the card came back into view; the popup may have changed it). */
  | { type: "details" }
  | { type: "annotation/update"; patch: AnnotationPatch }
  | { type: "source/add"; source: SourceInput }
  | { type: "source/update"; id: string; patch: Partial<SourceInput> }
  | { type: "source/remove"; id: string }
  | { type: "source/restore"; source: Source };

/** The background's answer to a request: the annotation as it now stands (and a removed source, for undo). */
export type CardResponse = { ok: true; details: AnnotationDetails; removed?: Source } | { ok: false; error: string };

/** What a card frame tells its tab's content script: the reader changed, closed or walked the card, or used the preview. */
export type CardPageNotice =
  | (AnnotationNotice & { type: "annotation/changed" })
  | CardCloseNotice
  | CardWalkNotice
  | CardPreviewNotice;

/** The notices a card frame may send its page (the other content messages come from the popup and the background). */
const CARD_PAGE_NOTICES: CardPageNotice["type"][] = ["annotation/changed", "card/close", "card/walk", "card/preview"];

/** Card frame → background, on its port. */
export type CardFrameMessage =
  | { type: "hello"; token: string }
  | { type: "request"; seq: number; request: CardRequest }
  /**
   * Pass this on to the tab's content script. Firefox gives an extension page framed in a web
   * page only the content scripts' APIs (no `tabs`), so there the frame cannot tell its page itself.
   */
  | { type: "tell"; notice: CardPageNotice };

/** Background → card frame, on its port. */
export type CardFrameCommand =
  /**
   * Show this annotation (its page and tab: where repaints and closing go), as the full card or,
   * after a rest of the pointer, as a small preview (kind, speaker or value, status).
   */
  | { type: "show"; session: CardSession; focus: boolean; preview: boolean; details: AnnotationDetails }
  /** The tags in use and the related annotations, sent after `show` (they read the whole library). */
  | { type: "context"; id: string; context: AnnotationContext }
  /** The token was not valid (expired, used, another tab's): show nothing. */
  | { type: "refused" }
  | { type: "reply"; seq: number; response: CardResponse };

const isId = (value: unknown): value is string => typeof value === "string" && /^[\w-]{1,100}$/u.test(value);

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

/** The exact keys of each request. */
const REQUEST_KEYS: Record<CardRequest["type"], string[]> = {
  details: ["type"],
  "annotation/update": ["type", "patch"],
  "source/add": ["type", "source"],
  "source/update": ["type", "id", "patch"],
  "source/remove": ["type", "id"],
  "source/restore": ["type", "source"],
};

/** Checks a request from a card frame: exact keys, ids of our shape, every field bounded. */
export function checkCardRequest(raw: unknown): Checked<CardRequest> {
  if (!isRecord(raw) || typeof raw.type !== "string" || !Object.hasOwn(REQUEST_KEYS, raw.type))
    return fail("not a card request");
  const type = raw.type as CardRequest["type"];
  const keys = REQUEST_KEYS[type];
  if (Object.keys(raw).some((key) => !keys.includes(key)) || keys.some((key) => !(key in raw)))
    return fail(`${type} must have exactly ${keys.join(", ")}`);
  switch (type) {
    case "details":
      return { ok: true, value: { type } };
    case "annotation/update": {
      const patch = checkAnnotationPatch(raw.patch);
      return patch.ok ? { ok: true, value: { type, patch: patch.value } } : patch;
    }
    case "source/add": {
      const source = checkSourceInput(raw.source);
      return source.ok ? { ok: true, value: { type, source: source.value as SourceInput } } : source;
    }
    case "source/update": {
      if (!isId(raw.id)) return fail("bad id");
      const patch = checkSourceInput(raw.patch, true);
      return patch.ok ? { ok: true, value: { type, id: raw.id, patch: patch.value } } : patch;
    }
    case "source/remove":
      return isId(raw.id) ? { ok: true, value: { type, id: raw.id } } : fail("bad id");
    case "source/restore": {
      const source = checkStoredSource(raw.source);
      return source.ok ? { ok: true, value: { type, source: source.value } } : source;
    }
  }
}

/** Checks a message on a card frame's port. */
export function checkCardFrameMessage(raw: unknown): Checked<CardFrameMessage> {
  if (!isRecord(raw)) return fail("message must be an object");
  if (raw.type === "hello") {
    if (Object.keys(raw).length !== 2 || typeof raw.token !== "string" || !/^[0-9a-f-]{36}$/u.test(raw.token))
      return fail("hello must be {type, token}");
    return { ok: true, value: { type: "hello", token: raw.token } };
  }
  if (raw.type === "request") {
    if (Object.keys(raw).length !== 3 || !Number.isSafeInteger(raw.seq))
      return fail("request must be {type, seq, request}");
    const request = checkCardRequest(raw.request);
    return request.ok
      ? { ok: true, value: { type: "request", seq: raw.seq as number, request: request.value } }
      : request;
  }
  if (raw.type === "tell") {
    const notice =
      Object.keys(raw).length === 2 ? checkContentMessage(raw.notice) : fail("tell must be {type, notice}");
    if (!notice.ok) return notice;
    const { value } = notice;
    if (!(CARD_PAGE_NOTICES as string[]).includes(value.type)) return fail(`a card frame cannot tell ${value.type}`);
    return { ok: true, value: { type: "tell", notice: value as CardPageNotice } };
  }
  return fail("unknown card message");
}
