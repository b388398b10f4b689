import { type Annotation, type Source, sourcesByAnnotation } from "../model";
import { type AnnotationSet, type ClaimmarkDb, indexed } from "./schema";

/**
 * Annotations and sources are kept a page's set to a record (see `AnnotationSet`); these are the
 * only reads and writes of those records, so every caller sees annotations and sources as before
 * and the index fields never fall out of step with the lists.
 */

/** What a change to one page's set may touch: its lists, replaced or changed in place. */
export interface SetDraft {
  readonly pageKey: string;
  annotations: Annotation[];
  sources: Source[];
}

const empty = (pageKey: string): AnnotationSet => indexed({ pageKey, annotations: [], sources: [] });

/** Writes sets back, their indexes recomputed; a set left with nothing is removed. */
export async function writeSets(db: ClaimmarkDb, drafts: SetDraft[]): Promise<void> {
  const full = drafts.filter((draft) => draft.annotations.length > 0 || draft.sources.length > 0);
  const gone = drafts.filter((draft) => draft.annotations.length === 0 && draft.sources.length === 0);
  await db.transaction("rw", db.annotationSets, async () => {
    if (gone.length > 0) await db.annotationSets.bulkDelete(gone.map((draft) => draft.pageKey));
    if (full.length > 0) await db.annotationSets.bulkPut(full.map(indexed));
  });
}

/** A page's set; an empty one when the page has no annotations. */
export async function readSet(db: ClaimmarkDb, pageKey: string): Promise<AnnotationSet> {
  return (await db.annotationSets.get(pageKey)) ?? empty(pageKey);
}

/** Changes a page's set in one transaction (the change edits the draft in place) and returns what the change returns. */
export async function changeSet<T>(db: ClaimmarkDb, pageKey: string, change: (draft: SetDraft) => T): Promise<T> {
  return db.transaction("rw", db.annotationSets, async () => {
    const draft = await readSet(db, pageKey);
    const result = change(draft);
    await writeSets(db, [draft]);
    return result;
  });
}

/** The set holding the annotation with this id. */
export async function setOfAnnotation(db: ClaimmarkDb, id: string): Promise<AnnotationSet | undefined> {
  return db.annotationSets.where("ids").equals(id).first();
}

/** The set holding the source with this id. */
export async function setOfSource(db: ClaimmarkDb, id: string): Promise<AnnotationSet | undefined> {
  return db.annotationSets.where("sourceIds").equals(id).first();
}

/** Every set holding one of these annotation ids, each once. */
export async function setsOfAnnotations(db: ClaimmarkDb, ids: string[]): Promise<AnnotationSet[]> {
  if (ids.length === 0) return [];
  return db.annotationSets.where("ids").anyOf(ids).distinct().toArray();
}

/** Sets read per request batch by `readSets`: each batch arrives in a task of its own. */
const SETS_PER_READ = 4;

/**
 * The sets of these pages (of every page when none are named), read a few at a time rather than
 * with one `getAll`: each batch is handed over in a task of its own, so a page reading 100 MB of
 * annotations is never blocked for long.
 */
export async function readSets(db: ClaimmarkDb, pageKeys?: string[]): Promise<AnnotationSet[]> {
  const keys = pageKeys ?? (await db.annotationSets.toCollection().primaryKeys());
  const sets: AnnotationSet[] = [];
  for (let i = 0; i < keys.length; i += SETS_PER_READ) {
    for (const set of await db.annotationSets.bulkGet(keys.slice(i, i + SETS_PER_READ))) if (set) sets.push(set);
  }
  return sets;
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
  return db.transaction("rw", db.annotationSets, async () => {
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
 * Changes the annotation with this id where it is stored; `change` returns the new annotation, or
 * undefined to leave it. Returns the stored result, undefined when there is no such annotation.
 */
export function changeAnnotation(
  db: ClaimmarkDb,
  id: string,
  change: (annotation: Annotation, draft: SetDraft) => Annotation | undefined,
): Promise<Annotation | undefined> {
  return changeSetOfAnnotation(db, id, (draft) => {
    const at = draft.annotations.findIndex((annotation) => annotation.id === id);
    const changed = at === -1 ? undefined : change(draft.annotations[at] as Annotation, draft);
    if (changed) draft.annotations[at] = changed;
    return changed;
  });
}

/** An annotation's sources in its page's set, oldest first. */
export function sourcesIn(set: SetDraft, annotationId: string): Source[] {
  return groupSources(set.sources.filter((source) => source.annotationId === annotationId)).get(annotationId) ?? [];
}

/** How many annotations and sources are stored: counted in the id indexes, no set read. */
export async function countStored(db: ClaimmarkDb): Promise<{ annotations: number; sources: number }> {
  const [annotations, sources] = await Promise.all([
    db.annotationSets.orderBy("ids").count(),
    db.annotationSets.orderBy("sourceIds").count(),
  ]);
  return { annotations, sources };
}
