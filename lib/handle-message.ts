import { mergeDetections, recordAnchors, storedViews } from "./db/annotations";
import { recordPage } from "./db/pages";
import type { ClaimmarkDb } from "./db/schema";
import {
  checkBackgroundMessage,
  checkPageSender,
  type PageDetectionsMessage,
  type PageDetectionsResponse,
  type PageExtractedMessage,
  type PageExtractedResponse,
  type SenderInfo,
} from "./messages";
import { pageKey } from "./url/normalize";

type Failure = { ok: false; error: string };

const failure = (error: unknown): Failure => ({
  ok: false,
  error: `could not store the page: ${error instanceof Error ? error.message : String(error)}`,
});

/**
 * The background's answer to a message from a page: checks who sent it and what it holds,
 * then reads or writes. Kept free of extension APIs so it runs the same in tests.
 */
export async function handleBackgroundMessage(
  db: ClaimmarkDb,
  raw: unknown,
  sender: SenderInfo,
  extensionId: string,
): Promise<PageExtractedResponse | PageDetectionsResponse> {
  const from = checkPageSender(sender, extensionId);
  if (!from.ok) return { ok: false, error: `refused: ${from.error}` };
  const message = checkBackgroundMessage(raw);
  if (!message.ok) return { ok: false, error: `refused: ${message.error}` };
  try {
    const url = pageUrl(message.value.url, from.value.url);
    return message.value.type === "page/extracted"
      ? await pageExtracted(db, message.value, url)
      : await pageDetections(db, message.value, url);
  } catch (error) {
    return failure(error);
  }
}

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

/** Records the page and answers with what is stored for it, so the content script can re-find it. */
async function pageExtracted(
  db: ClaimmarkDb,
  message: PageExtractedMessage,
  url: string,
): Promise<PageExtractedResponse> {
  return db.transaction("rw", db.pages, db.annotations, db.sources, async () => {
    const stored = await recordPage(db, url, message.report);
    if (!stored) return { ok: false, error: "refused: not an http(s) page" };
    const changed = stored.changedAt === stored.lastSeen;
    return { ok: true, pageKey: stored.key, changed, annotations: await storedViews(db, stored.key) };
  });
}

/** Merges this visit's detections and records how stored annotations were re-found, in one transaction. */
async function pageDetections(
  db: ClaimmarkDb,
  message: PageDetectionsMessage,
  url: string,
): Promise<PageDetectionsResponse> {
  const key = pageKey(url, message.canonicalUrl);
  if (!key) return { ok: false, error: "refused: not an http(s) page" };
  return db.transaction("rw", db.pages, db.annotations, async () => {
    const page = await db.pages.get(key);
    if (!page?.hasArticle) return { ok: false, error: "refused: no article is stored for this page" };
    if (message.detections.some((detection) => detection.end > page.textLength)) {
      return { ok: false, error: "refused: a detection lies outside the article text" };
    }
    const merged = await mergeDetections(db, key, message.detections);
    const anchored = await recordAnchors(db, key, message.anchors);
    return { ok: true, added: merged.added, kept: merged.kept, anchored };
  });
}
