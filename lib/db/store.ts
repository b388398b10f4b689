import Dexie from "dexie";
import { type Annotation, type Source, sourcesByAnnotation } from "../model";
import { type Layout, layoutOf, planChunks } from "./chunks";
import type { AnnotationChunk, AnnotationSet, ClaimmarkDb } from "./schema";

/**
 * Annotations and sources are kept a page's chunks to a record (see `AnnotationChunk`); these are
 * the only reads and writes of those records. Every caller sees a page's whole set, assembled from
 * its chunks, and each set read here remembers which chunk each member came from, so writing it
 * back rewrites only the chunks whose members were added, removed or replaced (by object: callers
 * replace an annotation or source to change it, never edit one in place).
 */

/** What a change to one page's set may touch: its lists, replaced or changed in place. */
export interface SetDraft {
  readonly pageKey: string;
  annotations: Annotation[];
  sources: Source[];
}

/** Where the members of each set handed out (or written) are stored. */
const layouts = new WeakMap<SetDraft, Layout>();

/** A page's chunks, in order: a range of the primary key, no index read. */
function chunksOfPage(db: ClaimmarkDb, pageKey: string): Promise<AnnotationChunk[]> {
  return db.annotationChunks
    .where("[pageKey+chunk]")
    .between([pageKey, Dexie.minKey], [pageKey, Dexie.maxKey], true, true)
    .toArray();
}

/** A page's set assembled from its chunks (read in order), remembering where each member is. */
function assemble(pageKey: string, chunks: AnnotationChunk[]): AnnotationSet {
  const set: AnnotationSet = {
    pageKey,
    annotations: chunks.flatMap((chunk) => chunk.annotations),
    sources: chunks.flatMap((chunk) => chunk.sources),
  };
  layouts.set(set, layoutOf(chunks));
  return set;
}

/** The unique page keys of some chunks' primary keys, in order. */
const pagesOf = (keys: [string, number][]): string[] => [...new Set(keys.map((key) => key[0]))];

/** Structural equality: for a set the store did not hand out, whose members are other objects. */
const sameValue = (a: object, b: object): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes sets back: only the chunks whose members changed, their indexes recomputed; chunks left
 * with nothing are removed. A set not read through the store is compared with what is stored.
 */
export async function writeSets(db: ClaimmarkDb, drafts: SetDraft[]): Promise<void> {
  await db.transaction("rw", db.annotationChunks, async () => {
    const put: AnnotationChunk[] = [];
    const deleted: [string, number][] = [];
    for (const draft of drafts) {
      const known = layouts.get(draft);
      const layout = known ?? layoutOf(await chunksOfPage(db, draft.pageKey));
      const plan = planChunks(draft.pageKey, layout, draft.annotations, draft.sources, known ? Object.is : sameValue);
      put.push(...plan.put);
      for (const chunk of plan.deleted) deleted.push([draft.pageKey, chunk]);
      layouts.set(draft, plan.layout);
    }
    if (deleted.length > 0) await db.annotationChunks.bulkDelete(deleted);
    if (put.length > 0) await db.annotationChunks.bulkPut(put);
  });
}

/** Lets `to`, a copy of a set read here holding the same member objects, be written as `from` would be. */
export function carryLayout(from: SetDraft, to: SetDraft): void {
  const layout = layouts.get(from);
  if (layout) layouts.set(to, layout);
}

/** The set of a page found to have no annotations (in this transaction): written, it needs no read. */
export function emptySet(pageKey: string): AnnotationSet {
  return assemble(pageKey, []);
}

/** A page's set; an empty one when the page has no annotations. */
export async function readSet(db: ClaimmarkDb, pageKey: string): Promise<AnnotationSet> {
  return assemble(pageKey, await chunksOfPage(db, pageKey));
}

/** Changes a page's set in one transaction (the change edits the draft in place) and returns what the change returns. */
export async function changeSet<T>(db: ClaimmarkDb, pageKey: string, change: (draft: SetDraft) => T): Promise<T> {
  return db.transaction("rw", db.annotationChunks, async () => {
    const draft = await readSet(db, pageKey);
    const result = change(draft);
    await writeSets(db, [draft]);
    return result;
  });
}

/** The set holding the annotation with this id. */
export async function setOfAnnotation(db: ClaimmarkDb, id: string): Promise<AnnotationSet | undefined> {
  const chunk = await db.annotationChunks.where("ids").equals(id).first();
  return chunk ? readSet(db, chunk.pageKey) : undefined;
}

/** The set holding the source with this id. */
export async function setOfSource(db: ClaimmarkDb, id: string): Promise<AnnotationSet | undefined> {
  const chunk = await db.annotationChunks.where("sourceIds").equals(id).first();
  return chunk ? readSet(db, chunk.pageKey) : undefined;
}

/** Every set holding one of these annotation ids, each once. */
export async function setsOfAnnotations(db: ClaimmarkDb, ids: string[]): Promise<AnnotationSet[]> {
  if (ids.length === 0) return [];
  return readSets(db, pagesOf(await db.annotationChunks.where("ids").anyOf(ids).primaryKeys()));
}

/** The keys of the pages some annotation (not deleted) of which has this tag. */
export async function pagesTagged(db: ClaimmarkDb, tag: string): Promise<string[]> {
  return pagesOf(await db.annotationChunks.where("tags").equals(tag).primaryKeys());
}

/** Every tag in use with the number of pages using it, read from the tag index alone. */
export async function tagPageCounts(db: ClaimmarkDb): Promise<Map<string, number>> {
  const pages = new Map<string, Set<string>>();
  await db.annotationChunks.orderBy("tags").eachKey((tag, cursor) => {
    const key = String(tag);
    const found = pages.get(key) ?? new Set<string>();
    pages.set(key, found);
    found.add((cursor.primaryKey as [string, number])[0]);
  });
  return new Map([...pages].map(([tag, keys]) => [tag, keys.size]));
}

/**
 * Where these ids (of annotations, or of sources) are stored: id → the key of the page holding it.
 * Looked up id by id when they are fewer than the ids stored, else in one pass over the index,
 * whichever reads less.
 */
export async function locate(db: ClaimmarkDb, index: "ids" | "sourceIds", ids: string[]): Promise<Map<string, string>> {
  const where = new Map<string, string>();
  if (ids.length === 0) return where;
  const note = (id: unknown, cursor: { primaryKey: unknown }) =>
    where.set(id as string, (cursor.primaryKey as [string, number])[0]);
  if (ids.length < (await db.annotationChunks.orderBy(index).count())) {
    await db.annotationChunks.where(index).anyOf(ids).eachKey(note);
  } else {
    const wanted = new Set(ids);
    await db.annotationChunks.orderBy(index).eachKey((id, cursor) => {
      if (wanted.has(id as string)) note(id, cursor);
    });
  }
  return where;
}

/** Pages read per request batch by `readSets`: each batch arrives in a task of its own. */
const SETS_PER_READ = 4;

/**
 * The sets of these pages (of every page with annotations when none are named; pages without are
 * left out), read a few pages at a time: each batch is handed over in a task of its own, so a page
 * reading 100 MB of annotations is never blocked for long.
 */
export async function readSets(db: ClaimmarkDb, pageKeys?: string[]): Promise<AnnotationSet[]> {
  const keys = pageKeys ?? ((await db.annotationChunks.orderBy("pageKey").uniqueKeys()) as string[]);
  const sets: AnnotationSet[] = [];
  for (let i = 0; i < keys.length; i += SETS_PER_READ) {
    const batch = keys.slice(i, i + SETS_PER_READ);
    const read = await Promise.all(batch.map((key) => chunksOfPage(db, key)));
    read.forEach((chunks, n) => {
      if (chunks.length > 0) sets.push(assemble(batch[n] as string, chunks));
    });
  }
  return sets;
}

/** Every page's set, read at once (an export of everything, which needs it all in memory anyway). */
export async function readAllSets(db: ClaimmarkDb): Promise<AnnotationSet[]> {
  const byPage = new Map<string, AnnotationChunk[]>();
  // In primary-key order: a page's chunks come together, in order.
  for (const chunk of await db.annotationChunks.toArray()) {
    const found = byPage.get(chunk.pageKey);
    if (found) found.push(chunk);
    else byPage.set(chunk.pageKey, [chunk]);
  }
  return [...byPage].map(([pageKey, chunks]) => assemble(pageKey, chunks));
}

/** Deletes every annotation and source. */
export function clearSets(db: ClaimmarkDb): Promise<void> {
  return db.annotationChunks.clear();
}

/** Sources grouped by annotation id, oldest first. */
export function groupSources(sources: Source[]): Map<string, Source[]> {
  const grouped = sourcesByAnnotation(sources);
  for (const list of grouped.values()) list.sort((a, b) => a.createdAt - b.createdAt);
  return grouped;
}

/**
 * Changes the set that `find` names, in one transaction: `change` edits the draft in place and
 * returns a result, or undefined to write nothing. Undefined too when there is no such set.
 */
async function changeFound<T>(
  db: ClaimmarkDb,
  find: () => Promise<AnnotationSet | undefined>,
  change: (draft: SetDraft) => T | undefined,
): Promise<T | undefined> {
  return db.transaction("rw", db.annotationChunks, async () => {
    const set = await find();
    if (!set) return undefined;
    const result = change(set);
    if (result !== undefined) await writeSets(db, [set]);
    return result;
  });
}

/** Changes the set holding the annotation with this id: one read, one write (see `changeFound`). */
export function changeSetOfAnnotation<T>(
  db: ClaimmarkDb,
  id: string,
  change: (draft: SetDraft) => T | undefined,
): Promise<T | undefined> {
  return changeFound(db, () => setOfAnnotation(db, id), change);
}

/** Changes the set holding the source with this id: one read, one write (see `changeFound`). */
export function changeSetOfSource<T>(
  db: ClaimmarkDb,
  id: string,
  change: (draft: SetDraft) => T | undefined,
): Promise<T | undefined> {
  return changeFound(db, () => setOfSource(db, id), change);
}

/**
 * The one chunk holding an annotation, as a set of its own: a change that only replaces members
 * in place reads and rewrites that chunk alone, whatever the page's size. (Adding members needs
 * the page's whole set, to place them after its last chunk.)
 */
async function chunkOfAnnotation(db: ClaimmarkDb, id: string): Promise<AnnotationSet | undefined> {
  const chunk = await db.annotationChunks.where("ids").equals(id).first();
  return chunk ? assemble(chunk.pageKey, [chunk]) : undefined;
}

/**
 * Changes the annotation with this id where it is stored; `change` returns the new annotation, or
 * undefined to leave it. Returns the stored result, undefined when there is no such annotation.
 * Reads and writes only the annotation's chunk (at most CHUNK_SIZE annotations), whatever the
 * page's size: a status change in a page of 1,000 no longer reads all 16 of its chunks.
 */
export function changeAnnotation(
  db: ClaimmarkDb,
  id: string,
  change: (annotation: Annotation) => Annotation | undefined,
): Promise<Annotation | undefined> {
  return changeFound(
    db,
    () => chunkOfAnnotation(db, id),
    (draft) => {
      const at = draft.annotations.findIndex((annotation) => annotation.id === id);
      const changed = at === -1 ? undefined : change(draft.annotations[at] as Annotation);
      if (changed) draft.annotations[at] = changed;
      return changed;
    },
  );
}

/** An annotation's sources in its page's set, oldest first. */
export function sourcesIn(set: SetDraft, annotationId: string): Source[] {
  return groupSources(set.sources.filter((source) => source.annotationId === annotationId)).get(annotationId) ?? [];
}

/** How many annotations and sources are stored: counted in the id indexes, no chunk read. */
export async function countStored(db: ClaimmarkDb): Promise<{ annotations: number; sources: number }> {
  const [annotations, sources] = await Promise.all([
    db.annotationChunks.orderBy("ids").count(),
    db.annotationChunks.orderBy("sourceIds").count(),
  ]);
  return { annotations, sources };
}
