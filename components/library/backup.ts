import type { ClaimmarkDb } from "../../lib/db/schema";
import { localDay } from "../format";
import { downloadBlob } from "../transfer/download";
import { runExport } from "../transfer/run-transfer";

/** "claimmark-backup-2025-03-09.jsonld", dated by the reader's own calendar day. */
export function backupFileName(now: Date = new Date()): string {
  return `claimmark-backup-${localDay(now)}.jsonld`;
}

/**
 * Saves a copy of everything as a file the import reads back: the lossless W3C JSON-LD export of
 * every page and annotation, dismissed detections included (so they stay dismissed after a
 * restore). Made in the transfer worker like any export. Returns how many annotations it holds.
 */
export async function downloadBackup(db: ClaimmarkDb, now: Date = new Date()): Promise<number> {
  const { blob, count } = await runExport(db, { includeDismissed: true }, "w3c", "application/ld+json");
  downloadBlob(blob, backupFileName(now));
  return count;
}
