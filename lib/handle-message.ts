import { mergeDetections } from "./db/annotations";
import { recordPage } from "./db/pages";
import type { ClaimmarkDb } from "./db/schema";
import { checkBackgroundMessage, checkPageSender, type PageExtractedResponse, type SenderInfo } from "./messages";

/**
 * The background's answer to a message from a page: checks who sent it and what it holds,
 * then writes. Kept free of extension APIs so it runs the same in tests.
 */
export async function handleBackgroundMessage(
  db: ClaimmarkDb,
  raw: unknown,
  sender: SenderInfo,
  extensionId: string,
): Promise<PageExtractedResponse> {
  const from = checkPageSender(sender, extensionId);
  if (!from.ok) return { ok: false, error: `refused: ${from.error}` };
  const message = checkBackgroundMessage(raw);
  if (!message.ok) return { ok: false, error: `refused: ${message.error}` };
  try {
    const { report, detections } = message.value;
    // Page and detections land together or not at all.
    const page = await db.transaction("rw", db.pages, db.annotations, async () => {
      const stored = await recordPage(db, from.value.url, report);
      if (stored && detections.length > 0) await mergeDetections(db, stored.key, detections);
      return stored;
    });
    return page ? { ok: true, pageKey: page.key } : { ok: false, error: "refused: not an http(s) page" };
  } catch (error) {
    return { ok: false, error: `could not store the page: ${error instanceof Error ? error.message : String(error)}` };
  }
}
