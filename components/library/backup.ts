import type { ClaimmarkDb } from "../../lib/db/schema";
import { readSets } from "../../lib/db/store";
import type { Annotation, PageRecord, Source } from "../../lib/model";
import { localDay } from "../format";
import { downloadBlob } from "../transfer/download";

/** A copy of everything the reader recorded, as the "Download a copy first" file holds it. */
export interface Backup {
  format: "claimmark-backup";
  version: 1;
  exportedAt: string;
  pages: PageRecord[];
  annotations: Annotation[];
  sources: Source[];
}

/** Every page, annotation and source, read in one transaction so the copy is consistent. */
export async function buildBackup(db: ClaimmarkDb, now: Date = new Date()): Promise<Backup> {
  return db.transaction("r", db.pages, db.annotationSets, async () => {
    const sets = await readSets(db);
    return {
      format: "claimmark-backup" as const,
      version: 1 as const,
      exportedAt: now.toISOString(),
      pages: await db.pages.toArray(),
      annotations: sets.flatMap((set) => set.annotations),
      sources: sets.flatMap((set) => set.sources),
    };
  });
}

/** "claimmark-backup-2025-03-09.json", dated by the reader's own calendar day. */
export function backupFileName(now: Date = new Date()): string {
  return `claimmark-backup-${localDay(now)}.json`;
}

/** Saves the backup as a JSON file through a download link; returns what was saved. */
export async function downloadBackup(db: ClaimmarkDb, now: Date = new Date()): Promise<Backup> {
  const backup = await buildBackup(db, now);
  downloadBlob(new Blob([JSON.stringify(backup, null, 2)], { type: "application/json" }), backupFileName(now));
  return backup;
}
