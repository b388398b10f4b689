import Dexie, { type EntityTable } from "dexie";
import type { Annotation, PageRecord, Settings, Source } from "../model";

/** Name of the one database Claimmark keeps, in the extension's own origin. */
export const DATABASE_NAME = "claimmark";

/** Claimmark's Dexie database: pages, annotations and their sources. */
export class ClaimmarkDb extends Dexie {
  pages!: EntityTable<PageRecord, "key">;
  annotations!: EntityTable<Annotation, "id">;
  sources!: EntityTable<Source, "id">;
  settings!: EntityTable<{ key: string; value: Settings }, "key">;

  constructor(name: string = DATABASE_NAME, options: { relaxedDurability?: boolean } = {}) {
    // Relaxed durability (Chrome) lets a transaction complete before the disk confirms the write:
    // for bulk work only (an import), where a crash mid-way loses an import the reader can repeat.
    super(name, options.relaxedDurability ? { chromeTransactionDurability: "relaxed" } : undefined);
    // Version 1 carries the indexes later features query by: a page's annotations, by kind,
    // by speaker, by tag (multi-entry), by last change; a source's annotation.
    this.version(1).stores({
      pages: "key, url, lastSeen, siteName",
      annotations: "id, pageKey, kind, speaker, *tags, updatedAt, status, [pageKey+kind]",
      sources: "id, annotationId, url",
    });
    // Version 2: the reader's settings, and sources findable by their last change.
    this.version(2).stores({
      sources: "id, annotationId, url, updatedAt",
      settings: "key",
    });
    // Version 3 drops the speaker and [pageKey+kind] indexes no query uses: each index is one more
    // write per annotation, and importing 100,000 annotations is mostly index writes.
    this.version(3).stores({
      annotations: "id, pageKey, kind, *tags, updatedAt, status",
    });
  }
}

/** Opens (lazily) a Claimmark database; tests pass a fresh name for isolation. */
export function openDb(name?: string, options?: { relaxedDurability?: boolean }): ClaimmarkDb {
  return new ClaimmarkDb(name, options);
}
