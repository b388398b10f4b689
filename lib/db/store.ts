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
async function setsOfAnnotations(db: ClaimmarkDb, ids: string[]): Promise<AnnotationSet[]> {
  if (ids.length === 0) return [];
  return db.annotationSets.where("ids").anyOf(ids).distinct().toArray();
}

/** One annotation by id. */
export async function getAnnotation(db: ClaimmarkDb, id: string): Promise<Annotation | undefined> {
  return (await setOfAnnotation(db, id))?.annotations.find((annotation) => annotation.id === id);
}

/** One source by id. */
export async function getSource(db: ClaimmarkDb, id: string): Promise<Source | undefined> {
  return (await setOfSource(db, id))?.sources.find((source) => source.id === id);
}

/** A page's annotations, deleted and dismissed ones included. */
export async function annotationsOfPage(db: ClaimmarkDb, pageKey: string): Promise<Annotation[]> {
  return (await db.annotationSets.get(pageKey))?.annotations ?? [];
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

/** Every annotation stored. */
export async function allAnnotations(db: ClaimmarkDb): Promise<Annotation[]> {
  return (await readSets(db)).flatMap((set) => set.annotations);
}

/** Sources grouped by annotation id, oldest first. */
export function groupSources(sources: Source[]): Map<string, Source[]> {
  const grouped = sourcesByAnnotation(sources);
  for (const list of grouped.values()) list.sort((a, b) => a.createdAt - b.createdAt);
  return grouped;
}

/** The sources of some annotations, grouped by annotation id, oldest first. */
export async function sourcesOf(db: ClaimmarkDb, annotationIds: string[]): Promise<Map<string, Source[]>> {
  const wanted = new Set(annotationIds);
  const sets = await setsOfAnnotations(db, annotationIds);
  return groupSources(sets.flatMap((set) => set.sources.filter((source) => wanted.has(source.annotationId))));
}

/**
 * Changes the annotation with this id where it is stored; `change` returns the new annotation, or
 * undefined to leave it. Returns the stored result, undefined when there is no such annotation.
 */
export async function changeAnnotation(
  db: ClaimmarkDb,
  id: string,
  change: (annotation: Annotation, draft: SetDraft) => Annotation | undefined,
): Promise<Annotation | undefined> {
  return db.transaction("rw", db.annotationSets, async () => {
    const set = await setOfAnnotation(db, id);
    const at = set?.annotations.findIndex((annotation) => annotation.id === id) ?? -1;
    if (!set || at === -1) return undefined;
    const changed = change(set.annotations[at] as Annotation, set);
    if (!changed) return undefined;
    set.annotations[at] = changed;
    await writeSets(db, [set]);
    return changed;
  });
}

/** How many annotations and sources are stored: counted in the id indexes, no set read. */
export async function countStored(db: ClaimmarkDb): Promise<{ annotations: number; sources: number }> {
  const [annotations, sources] = await Promise.all([
    db.annotationSets.orderBy("ids").count(),
    db.annotationSets.orderBy("sourceIds").count(),
  ]);
  return { annotations, sources };
}
