import type { ClaimmarkDb } from "../../lib/db/schema";
import { readSets } from "../../lib/db/store";
import type { Annotation, PageRecord, Source } from "../../lib/model";

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
  const pad = (n: number) => String(n).padStart(2, "0");
  return `claimmark-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/** How long the file's object URL lives: the browser reads it after the click returns. */
const REVOKE_AFTER_MS = 60_000;

/** Saves the backup as a JSON file through a download link; returns what was saved. */
export async function downloadBackup(
  db: ClaimmarkDb,
  doc: Document = document,
  now: Date = new Date(),
): Promise<Backup> {
  const backup = await buildBackup(db, now);
  const blob = new Blob([JSON.stringify(backup, null, 2)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement("a");
  link.href = url;
  link.download = backupFileName(now);
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  return backup;
}
