import { reanchor } from "./anchor/reanchor";
import { quoteSelectorOf } from "./anchor/selectors";
import type { CardBroker } from "./card/broker";
import { detectionId, detectionIdsAhead, recordVisit, storedViews } from "./db/annotations";
import { getSettings } from "./db/edit";
import { recordPage } from "./db/pages";
import type { ClaimmarkDb } from "./db/schema";
import { setOfAnnotation } from "./db/store";
import { detectArticleInSlices } from "./detect-article";
import { createFromPage } from "./edit/create";
import { BACKGROUND_LIMITS, type BackgroundGuard, siteOfUrl } from "./guard/limits";
import {
  type AnnotationCreateResponse,
  type AnnotationPaintResponse,
  type CardOpenResponse,
  checkArticleHash,
  checkBackgroundMessage,
  checkPageSender,
  type PageExtractedMessage,
  type PageExtractedResponse,
  type PageRef,
  type PaintItem,
  type SenderInfo,
  toPaintItem,
} from "./messages";
import { type Annotation, DETECTION_LIMITS, type DetectedSpan } from "./model";
import { shownKind } from "./shown-kind";
import { cleanNullable, cleanText } from "./text/clean";
import { detectsOn } from "./url/detects-on";
import { pageKey } from "./url/normalize";

/** What the background keeps between messages: its database, its card frames and its counters. */
export interface BackgroundContext {
  db: ClaimmarkDb;
  extensionId: string;
  cards: CardBroker;
  guard: BackgroundGuard;
  /** The detections under way, one after another (see `inTurn`); a resolved promise at first. */
  detections: Promise<unknown>;
  /**
   * What each tab's last visit painted: its page and the annotations' ids. A card opening is
   * checked against it without a database read, which another tab's large write could hold up;
   * the database answers when it knows nothing (the background restarted).
   */
  shown: Map<number, { pageKey: string; ids: Set<string> }>;
}

/** Every answer the background gives a content script. */
export type BackgroundResponse =
  | PageExtractedResponse
  | AnnotationCreateResponse
  | AnnotationPaintResponse
  | CardOpenResponse;

/**
 * The background's answer to a message from a page's content script: checks who sent it and what
 * it holds, then reads or writes, within the limits of its page, site and tab. A content script
 * never reads the reader's work: it gets what to paint, and the card is an extension page of its
 * own. Kept free of extension APIs so it runs the same in tests.
 */
export async function handleBackgroundMessage(
  context: BackgroundContext,
  raw: unknown,
  sender: SenderInfo,
): Promise<BackgroundResponse> {
  const from = checkPageSender(sender, context.extensionId);
  if (!from.ok) return { ok: false, error: `refused: ${from.error}` };
  const checked = checkBackgroundMessage(raw);
  if (!checked.ok) return { ok: false, error: `refused: ${checked.error}` };
  const message = checked.value;
  try {
    if (message.type === "page/extracted") {
      if (!(await checkArticleHash(message.article, message.report)))
        return { ok: false, error: "refused: article text does not match the reported hash" };
      return await pageExtracted(context, message, pageUrl(message.url, from.value.url), from.value.tabId);
    }
    const key = keyOf(message.page, from.value.url);
    if (!key) return { ok: false, error: "refused: not an http(s) page" };
    const { db, guard } = context;
    switch (message.type) {
      case "annotation/create": {
        if (!guard.createsPerPage.take(key)) return { ok: false, error: "refused: too many new annotations at once" };
        const created = await createFromPage(db, key, message);
        const shown = context.shown.get(from.value.tabId);
        if (created.ok && shown?.pageKey === key) shown.ids.add(created.item.id);
        return created;
      }
      case "annotation/paint": {
        const annotation = await annotationOf(db, key, message.id);
        if (annotation === null) return { ok: false, error: "no such annotation on this page" };
        const settings = await getSettings(db);
        return { ok: true, item: paintItemOf(annotation, settings.verdictMarksInPage === true) };
      }
      case "card/open": {
        if (!guard.cardOpensPerTab.take(String(from.value.tabId)))
          return { ok: false, error: "refused: too many cards opened at once" };
        const shown = context.shown.get(from.value.tabId);
        const painted = shown?.pageKey === key && shown.ids.has(message.id);
        const annotation = painted ? null : await annotationOf(db, key, message.id);
        if (!painted && (!annotation || annotation.deleted || annotation.dismissed))
          return { ok: false, error: "no such annotation on this page" };
        return {
          ok: true,
          token: context.cards.open(from.value.tabId, key, message.id, message.focus, message.preview),
        };
      }
    }
  } catch (error) {
    return {
      ok: false,
      error: `could not ${message.type === "page/extracted" ? "store the page" : "save"}: ${errorText(error)}`,
    };
  }
}

/**
 * Runs one tab's detection after those already running: several hostile tabs detecting at once
 * would each take a slice between two other messages, and a card would wait for all of them.
 */
function inTurn<T>(context: BackgroundContext, work: () => Promise<T>): Promise<T> {
  const turn = context.detections.then(work, work);
  context.detections = turn.catch(() => undefined);
  return turn;
}

/** Lets other messages (another tab's card, its visit) be handled between slices of a long detection. */
const giveWay = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The page's address: the one the page reports when it is on the origin the browser vouches for
 * (a single-page app's pushState reaches the page before the browser's record of the tab), else
 * the browser's. A page can only name addresses of its own origin, which it could visit anyway.
 */
function pageUrl(claimed: string, senderUrl: string): string {
  try {
    return new URL(claimed).origin === new URL(senderUrl).origin ? claimed : senderUrl;
  } catch {
    return senderUrl;
  }
}

/** The key of the page a message is about, from the address the browser vouches for. */
function keyOf(page: PageRef, senderUrl: string): string | null {
  return pageKey(pageUrl(page.url, senderUrl), page.canonicalUrl);
}

/** The stored annotation `id` when it belongs to page `key`; null for another page's or none. */
async function annotationOf(db: ClaimmarkDb, key: string, id: string): Promise<Annotation | null> {
  const set = await setOfAnnotation(db, id);
  if (!set || set.pageKey !== key) return null;
  return set.annotations.find((annotation) => annotation.id === id) ?? null;
}

/** How a stored annotation is painted now: null when it is not (deleted, dismissed, a term). */
function paintItemOf(annotation: Annotation, showVerdicts: boolean): PaintItem | null {
  if (annotation.deleted || annotation.dismissed) return null;
  const quote = quoteSelectorOf(annotation.selectors);
  return {
    id: annotation.id,
    kind: shownKind(annotation),
    exact: quote?.exact ?? annotation.exact,
    prefix: quote?.prefix ?? "",
    suffix: quote?.suffix ?? "",
    start: 0,
    end: 0,
    anchor: annotation.anchor?.state === "fuzzy" ? "fuzzy" : "exact",
    status: showVerdicts ? annotation.status : "unverified",
  };
}

/** A machine-read field as stored: clean, and no longer than any field the reader may write. */
function field(value: string | null): string | null {
  const clean = cleanNullable(value);
  return clean !== null && clean.length > DETECTION_LIMITS.field
    ? `${clean.slice(0, DETECTION_LIMITS.field - 1)}…`
    : clean;
}

/**
 * A detection's strings as stored: no NUL, no lone surrogate (both replaced character for
 * character, so its offsets stay those of the article), and its machine-read fields bounded (a
 * hostile page's capitalised run the length of the text must not become a megabyte of speaker).
 */
function cleanDetection(detection: DetectedSpan): DetectedSpan {
  return {
    ...detection,
    exact: cleanText(detection.exact),
    prefix: cleanText(detection.prefix),
    suffix: cleanText(detection.suffix),
    speaker: field(detection.speaker),
    cue: field(detection.cue),
    unit: field(detection.unit),
    qualifier: field(detection.qualifier),
    value: typeof detection.value === "string" ? field(detection.value) : detection.value,
  };
}

/**
 * Records the page, detects what its article says, re-finds the stored annotations in it, stores
 * what is new with how the rest were found, and answers with everything to paint. Each page, site
 * and tab has a budget of passes, new page records and new automatic annotations per minute.
 */
async function pageExtracted(
  context: BackgroundContext,
  message: PageExtractedMessage,
  url: string,
  tabId: number,
): Promise<PageExtractedResponse> {
  const { db, guard } = context;
  const { report, article } = message;
  const key = pageKey(url, report.canonicalUrl);
  if (!key) return { ok: false, error: "refused: not an http(s) page" };
  const site = siteOfUrl(key);
  if (guard.passesPerPage.left(key) === 0 || !guard.passesPerSite.take(site))
    return { ok: false, error: "refused: this page was read too many times in the last minute" };
  guard.passesPerPage.take(key);

  const recorded = await db.transaction("rw", db.pages, db.annotationChunks, async () => {
    if (!(await db.pages.get(key))) {
      // Both budgets must have room before either is taken from.
      const tab = String(tabId);
      if (guard.newPagesPerTab.left(tab) === 0 || !guard.newPagesPerSite.take(site)) return "too-many-pages" as const;
      guard.newPagesPerTab.take(tab);
    }
    const page = await recordPage(db, url, report);
    return page ? { page, stored: article ? await storedViews(db, page.key) : [] } : null;
  });
  if (recorded === "too-many-pages")
    return { ok: false, error: "refused: too many new pages were opened here in the last minute; reload in a moment" };
  if (!recorded) return { ok: false, error: "refused: not an http(s) page" };
  const { page, stored } = recorded;
  const settings = await getSettings(db);
  const answer = {
    ok: true as const,
    pageKey: page.key,
    changed: page.changedAt === page.lastSeen,
    highlightKinds: settings.highlightKinds,
    colourScheme: settings.colourScheme ?? "default",
  };
  if (!article) return { ...answer, detections: 0, located: [], orphans: 0 };

  // Detection runs here, in the extension's own process: the page's main thread is spared, and
  // no page can have anything stored as a detection that the detectors did not find. A site the
  // reader turned detection off for keeps only the reader's own annotations.
  // No more detections than the page could store (its budget plus those it already has), so a
  // hostile page's hundred thousand "figures" cost no more than its share to find and re-find.
  const max = BACKGROUND_LIMITS.autoAnnotationsPerPage + stored.length;
  const detections = detectsOn(settings, url)
    ? (await inTurn(context, () => detectArticleInSlices(article, report.lang, giveWay, { max }))).map(cleanDetection)
    : [];
  await detectionIdsAhead(page.key, detections, giveWay);
  const result = reanchor(article.text, page.key, stored, detections);
  const { anchors, orphans } = result;
  const { toStore, located } = withinBudget(context, page.key, site, stored, result);
  await recordVisit(db, page.key, toStore, anchors);
  const showVerdicts = settings.verdictMarksInPage === true;
  context.shown.set(tabId, { pageKey: page.key, ids: new Set(located.map((item) => item.id)) });
  return {
    ...answer,
    detections: detections.length,
    located: located.map((item) => toPaintItem(item, showVerdicts)),
    orphans: orphans.length,
  };
}

/**
 * A visit's new automatic annotations cut to what the page and its site may still store: a page
 * holds at most `autoAnnotationsPerPage` of them, and a site adds at most `newAutoAnnotationsPerSite`
 * a minute. The first in reading order are kept; the rest are neither stored nor painted.
 */
function withinBudget(
  context: BackgroundContext,
  pageKey: string,
  site: string,
  stored: { id: string; origin: string }[],
  result: ReturnType<typeof reanchor>,
): Pick<ReturnType<typeof reanchor>, "toStore" | "located"> {
  const known = new Set(stored.map((annotation) => annotation.id));
  const fresh = result.located.filter((item) => item.origin === "auto" && !known.has(item.id));
  if (fresh.length === 0) return result;
  const storedAuto = stored.filter((annotation) => annotation.origin === "auto").length;
  const pageRoom = Math.max(0, BACKGROUND_LIMITS.autoAnnotationsPerPage - storedAuto);
  const allowed = Math.min(fresh.length, pageRoom, context.guard.newAutoAnnotationsPerSite.left(site));
  context.guard.newAutoAnnotationsPerSite.take(site, allowed);
  if (allowed === fresh.length) return result;
  const dropped = new Set(fresh.slice(allowed).map((item) => item.id));
  return {
    located: result.located.filter((item) => !dropped.has(item.id)),
    toStore: result.toStore.filter((detection) => !dropped.has(detectionId(pageKey, detection))),
  };
}
