import type { AnnotationKind, PageRecord, PageReport } from "../model";
import { normalizeUrl, pageKey } from "../url/normalize";
import { countByKind } from "./counts";
import type { ClaimmarkDb } from "./schema";
import { readSet } from "./store";

/**
 * Stores what the content script reported for the page at `tabUrl`, keyed by its normalised
 * URL. Returns the stored record, or null when the URL is not an http(s) page.
 */
export async function recordPage(
  db: ClaimmarkDb,
  tabUrl: string,
  report: PageReport,
  now: number = Date.now(),
): Promise<PageRecord | null> {
  const key = pageKey(tabUrl, report.canonicalUrl);
  const url = normalizeUrl(tabUrl);
  if (!key || !url) return null;
  return db.transaction("rw", db.pages, async () => {
    const previous = await db.pages.get(key);
    // A later visit that finds no article (a paywall, a half-loaded page) must not erase
    // what an earlier visit extracted.
    const kept = previous?.hasArticle && !report.hasArticle ? previous : report;
    // Same page, different article text: an edit the reader should hear about.
    const changed = Boolean(previous?.textHash && report.textHash && previous.textHash !== report.textHash);
    const record: PageRecord = {
      ...kept,
      key,
      url,
      firstSeen: previous?.firstSeen ?? now,
      lastSeen: now,
      previousTextHash: changed ? (previous?.textHash ?? null) : (previous?.previousTextHash ?? null),
      changedAt: changed ? now : (previous?.changedAt ?? null),
    };
    await db.pages.put(record);
    return record;
  });
}

// In a module of its own: the popup counts without loading the URL code (and its suffix list).
export { countByKind } from "./counts";

/** A page's annotations counted by kind, dismissed automatic detections excluded. */
export async function countAnnotationsByKind(
  db: ClaimmarkDb,
  key: string,
): Promise<Partial<Record<AnnotationKind, number>>> {
  return countByKind((await readSet(db, key)).annotations);
}
