import Dexie, { type EntityTable, type Table, type Transaction } from "dexie";
import type { Annotation, PageRecord, Settings, Source } from "../model";
import { chunksOf } from "./chunks";

/** Name of the one database Claimmark keeps, in the extension's own origin. */
export const DATABASE_NAME = "claimmark";

/** The newest schema version; IndexedDB sees it times ten (Dexie's convention), for raw readers such as the benches. */
export const SCHEMA_VERSION = 6;

/** A page's annotations and their sources, as every reader of `lib/db/store.ts` sees them. */
export interface AnnotationSet {
  pageKey: string;
  annotations: Annotation[];
  sources: Source[];
}

/**
 * Part of a page's annotations (at most `CHUNK_SIZE`, see `lib/db/chunks.ts`) with their sources,
 * as one record. Every read and change goes through `lib/db/store.ts`, which assembles a page's
 * chunks into its `AnnotationSet`, rewrites only the chunks a change touched, and keeps the index
 * fields (`ids`, `sourceIds`, `tags`) true to the lists.
 */
export interface AnnotationChunk extends AnnotationSet {
  /** The chunk's number in its page: chunks are assembled in this order. */
  chunk: number;
  /** Ids of `annotations`: finds the chunk holding an annotation. */
  ids: string[];
  /** Ids of `sources`: finds the chunk holding a source. */
  sourceIds: string[];
  /** Tags of the annotations not deleted: the library's tag filter. */
  tags: string[];
}

/** Versions 4 and 5 kept a page's annotations and sources as ONE record, a chunk with no number. */
type WholePageSet = Omit<AnnotationChunk, "chunk">;

/** Claimmark's Dexie database: pages, their annotations with sources, and settings. */
export class ClaimmarkDb extends Dexie {
  pages!: EntityTable<PageRecord, "key">;
  annotationChunks!: Table<AnnotationChunk, [string, number]>;
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
    this.version(5).stores({ annotations: null, sources: null });
    // Version 6 splits each page's record into chunks (see AnnotationChunk): a page of 1,000
    // annotations was a 755 KB record rewritten whole for a status change. Dexie keeps the dropped
    // table readable in the upgrade.
    this.version(SCHEMA_VERSION)
      .stores({
        annotationChunks: "[pageKey+chunk], pageKey, *ids, *sourceIds, *tags",
        annotationSets: null,
      })
      .upgrade(moveToChunks);
  }
}

/** The index fields of a whole-page set (versions 4 and 5), from its lists. */
function indexed(set: AnnotationSet): WholePageSet {
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
  return [...sets.values()];
}

/** Version 3's annotation and source records, moved into sets (a source without its annotation was unreachable already). */
async function moveToSets(tx: Transaction): Promise<void> {
  const annotations: Annotation[] = await tx.table("annotations").toArray();
  const sources: Source[] = await tx.table("sources").toArray();
  await tx.table("annotationSets").bulkPut(groupIntoSets(annotations, sources).map(indexed));
}

/** Whole-page records moved per read in the upgrade to chunks: a library may hold 100 MB of them. */
const SETS_PER_MOVE = 16;

/** Version 5's whole-page records, split into chunks; every annotation and source moves, in order. */
async function moveToChunks(tx: Transaction): Promise<void> {
  const sets: Table<WholePageSet, string> = tx.table("annotationSets");
  const chunks: Table<AnnotationChunk, [string, number]> = tx.table("annotationChunks");
  const keys = await sets.toCollection().primaryKeys();
  for (let i = 0; i < keys.length; i += SETS_PER_MOVE) {
    const batch = await sets.bulkGet(keys.slice(i, i + SETS_PER_MOVE));
    await chunks.bulkPut(
      batch.flatMap((set) => (set ? chunksOf(set.pageKey, set.annotations ?? [], set.sources ?? []) : [])),
    );
  }
}

/** Opens (lazily) a Claimmark database; tests pass a fresh name for isolation. */
export function openDb(name?: string, options?: { relaxedDurability?: boolean }): ClaimmarkDb {
  return new ClaimmarkDb(name, options);
}
