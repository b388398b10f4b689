import type { ClaimmarkDb } from "../../lib/db/schema";
import { changeSet, readSets, setOfAnnotation, setOfSource } from "../../lib/db/store";
import type { Annotation, Source } from "../../lib/model";

/** Puts `item` in place of the element with its id, or at the end. */
function replaceById<T extends { id: string }>(list: T[], item: T): void {
  const at = list.findIndex((existing) => existing.id === item.id);
  if (at === -1) list.push(item);
  else list[at] = item;
}

/** Test set-up: stores annotations in their pages' sets, each in place of the one with its id. */
export async function putAnnotations(db: ClaimmarkDb, annotations: Annotation[]): Promise<void> {
  for (const key of new Set(annotations.map((a) => a.pageKey))) {
    await changeSet(db, key, (draft) => {
      for (const annotation of annotations) if (annotation.pageKey === key) replaceById(draft.annotations, annotation);
    });
  }
}

/** Test set-up: stores sources in the sets of their annotations; throws for a source whose annotation is not stored. */
export async function putSources(db: ClaimmarkDb, sources: Source[]): Promise<void> {
  for (const source of sources) {
    const set = await setOfAnnotation(db, source.annotationId);
    if (!set) throw new Error(`source ${source.id}: no annotation ${source.annotationId}`);
    await changeSet(db, set.pageKey, (draft) => replaceById(draft.sources, source));
  }
}

/** Every source stored. */
export async function allSources(db: ClaimmarkDb): Promise<Source[]> {
  return (await readSets(db)).flatMap((set) => set.sources);
}

/** One annotation by id. */
export async function getAnnotation(db: ClaimmarkDb, id: string): Promise<Annotation | undefined> {
  return (await setOfAnnotation(db, id))?.annotations.find((annotation) => annotation.id === id);
}

/** One source by id. */
export async function getSource(db: ClaimmarkDb, id: string): Promise<Source | undefined> {
  return (await setOfSource(db, id))?.sources.find((source) => source.id === id);
}

/** Every annotation stored. */
export async function allAnnotations(db: ClaimmarkDb): Promise<Annotation[]> {
  return (await readSets(db)).flatMap((set) => set.annotations);
}
