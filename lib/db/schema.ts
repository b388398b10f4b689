import Dexie, { type EntityTable, type Transaction } from "dexie";
import type { Annotation, PageRecord, Settings, Source } from "../model";

/** Name of the one database Claimmark keeps, in the extension's own origin. */
export const DATABASE_NAME = "claimmark";

/** The newest schema version; IndexedDB sees it times ten (Dexie's convention), for raw readers such as the benches. */
export const SCHEMA_VERSION = 5;

/**
 * One page's annotations and their sources, stored as ONE record. IndexedDB's cost is per record
 * (Chromium takes about 90 µs for each put whatever its size), so 100,000 annotations written one
 * record each take 9 s, and as 1,000 page records under 1 s. Every read and change goes through
 * `lib/db/store.ts`, which keeps the index fields (`ids`, `sourceIds`, `tags`) true to the lists.
 */
export interface AnnotationSet {
  pageKey: string;
  annotations: Annotation[];
  sources: Source[];
  /** Ids of `annotations`: finds the set holding an annotation. */
  ids: string[];
  /** Ids of `sources`: finds the set holding a source. */
  sourceIds: string[];
  /** Tags of the annotations not deleted: the library's tag filter. */
  tags: string[];
}

/** Claimmark's Dexie database: pages, their annotations with sources, and settings. */
export class ClaimmarkDb extends Dexie {
  pages!: EntityTable<PageRecord, "key">;
  annotationSets!: EntityTable<AnnotationSet, "pageKey">;
  settings!: EntityTable<{ key: string; value: Settings }, "key">;

  constructor(name: string = DATABASE_NAME, options: { relaxedDurability?: boolean } = {}) {
    // Relaxed durability (Chrome) lets a transaction complete before the disk confirms the write:
    // for bulk work only (an import), where a crash mid-way loses an import the reader can repeat.
    super(name, options.relaxedDurability ? { chromeTransactionDurability: "relaxed" } : undefined);
    // Versions 1 to 3 kept one record per annotation and per source.
    this.version(1).stores({
      pages: "key, url, lastSeen, siteName",
      annotations: "id, pageKey, kind, speaker, *tags, updatedAt, status, [pageKey+kind]",
      sources: "id, annotationId, url",
    });
    this.version(2).stores({
      sources: "id, annotationId, url, updatedAt",
      settings: "key",
    });
    this.version(3).stores({
      annotations: "id, pageKey, kind, *tags, updatedAt, status",
    });
    // Version 4 stores a page's annotations and sources as one record (see AnnotationSet); the
    // old tables are read here and dropped by version 5, once nothing reads them.
    this.version(4).stores({ annotationSets: "pageKey, *ids, *sourceIds, *tags" }).upgrade(moveToSets);
    this.version(SCHEMA_VERSION).stores({ annotations: null, sources: null });
  }
}

/** The index fields of a set, from its lists. */
export function indexed(set: Pick<AnnotationSet, "pageKey" | "annotations" | "sources">): AnnotationSet {
  const tags = new Set<string>();
  for (const annotation of set.annotations) if (!annotation.deleted) for (const tag of annotation.tags) tags.add(tag);
  return {
    pageKey: set.pageKey,
    annotations: set.annotations,
    sources: set.sources,
    ids: set.annotations.map((annotation) => annotation.id),
    sourceIds: set.sources.map((source) => source.id),
    tags: [...tags],
  };
}

/** Annotations and sources grouped into one set a page (a source whose annotation is missing is left out). */
export function groupIntoSets(annotations: Annotation[], sources: Source[]): AnnotationSet[] {
  const sets = new Map<string, { pageKey: string; annotations: Annotation[]; sources: Source[] }>();
  const pageOf = new Map<string, string>();
  for (const annotation of annotations) {
    const set = sets.get(annotation.pageKey) ?? { pageKey: annotation.pageKey, annotations: [], sources: [] };
    set.annotations.push(annotation);
    sets.set(annotation.pageKey, set);
    pageOf.set(annotation.id, annotation.pageKey);
  }
  for (const source of sources) {
    const key = pageOf.get(source.annotationId);
    if (key !== undefined) sets.get(key)?.sources.push(source);
  }
  return [...sets.values()].map(indexed);
}

/** Version 3's annotation and source records, moved into sets (a source without its annotation was unreachable already). */
async function moveToSets(tx: Transaction): Promise<void> {
  const annotations: Annotation[] = await tx.table("annotations").toArray();
  const sources: Source[] = await tx.table("sources").toArray();
  await tx.table("annotationSets").bulkPut(groupIntoSets(annotations, sources));
}

/** Opens (lazily) a Claimmark database; tests pass a fresh name for isolation. */
export function openDb(name?: string, options?: { relaxedDurability?: boolean }): ClaimmarkDb {
  return new ClaimmarkDb(name, options);
}
