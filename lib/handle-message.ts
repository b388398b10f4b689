import { reanchor } from "./anchor/reanchor";
import { recordVisit, storedViews } from "./db/annotations";
import { detectsOn, getSettings } from "./db/edit";
import { recordPage } from "./db/pages";
import type { ClaimmarkDb } from "./db/schema";
import { detectArticle } from "./detect-article";
import { handleEdit } from "./edit/handle";
import { checkEditMessage, EDIT_TYPES, type EditResponse } from "./edit/messages";
import {
  checkBackgroundMessage,
  checkPageSender,
  type PageExtractedMessage,
  type PageExtractedResponse,
  type SenderInfo,
} from "./messages";

/**
 * The background's answer to a message from a page: checks who sent it and what it holds,
 * then reads or writes. Kept free of extension APIs so it runs the same in tests.
 */
export async function handleBackgroundMessage(
  db: ClaimmarkDb,
  raw: unknown,
  sender: SenderInfo,
  extensionId: string,
): Promise<PageExtractedResponse | EditResponse> {
  const from = checkPageSender(sender, extensionId);
  if (!from.ok) return { ok: false, error: `refused: ${from.error}` };
  if (typeof (raw as { type?: unknown })?.type === "string" && EDIT_TYPES.includes((raw as { type: string }).type)) {
    const edit = checkEditMessage(raw);
    if (!edit.ok) return { ok: false, error: `refused: ${edit.error}` };
    try {
      return await handleEdit(db, edit.value, pageUrl(edit.value.page.url, from.value.url));
    } catch (error) {
      return { ok: false, error: `could not save: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const message = checkBackgroundMessage(raw);
  if (!message.ok) return { ok: false, error: `refused: ${message.error}` };
  try {
    return await pageExtracted(db, message.value, pageUrl(message.value.url, from.value.url));
  } catch (error) {
    return { ok: false, error: `could not store the page: ${error instanceof Error ? error.message : String(error)}` };
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

/**
 * Records the page, detects what its article says, re-finds the stored annotations in it, stores
 * what is new with how the rest were found, and answers with everything to paint.
 */
async function pageExtracted(
  db: ClaimmarkDb,
  message: PageExtractedMessage,
  url: string,
): Promise<PageExtractedResponse> {
  const { report, article } = message;
  const recorded = await db.transaction("rw", db.pages, db.annotationSets, async () => {
    const page = await recordPage(db, url, report);
    return page ? { page, stored: article ? await storedViews(db, page.key) : [] } : null;
  });
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
  const detections = detectsOn(settings, url) ? detectArticle(article, report.lang) : [];
  const { anchors, toStore, located, orphans } = reanchor(article.text, page.key, stored, detections);
  await recordVisit(db, page.key, toStore, anchors);
  return { ...answer, detections: detections.length, located, orphans: orphans.length };
}
