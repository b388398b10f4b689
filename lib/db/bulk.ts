import { cleanTag } from "../edit/validate";
import { type Annotation, type AnnotationPatch, type AnnotationStatus, EDIT_LIMITS, type Source } from "../model";
import { patched } from "./edit";
import type { ClaimmarkDb } from "./schema";
import { emptySet, readSets, type SetDraft, setsOfAnnotations, writeSets } from "./store";

/**
 * Changes to many annotations at once (the library's bulk actions), each written as the card
 * writes one edit (`patched`: the reader's change, dated now), all in one transaction, and
 * recorded so that Undo can put back exactly what was there.
 */

/** One annotation a bulk change touched: as it was, as the change left it, and its sources then. */
export interface BulkChange {
  before: Annotation;
  after: Annotation;
  sources: Source[];
}

/** What a bulk change did, enough to undo it. */
export interface BulkResult {
  changes: BulkChange[];
  /** The fields the change wrote: only these are put back. */
  fields: (keyof AnnotationPatch)[];
}

/**
 * Applies `patchOf` to each annotation of `ids` (ids not stored are skipped); `patchOf` returns
 * the patch, or undefined to leave that annotation as it is. One read and one write of the sets.
 */
export async function bulkPatch(
  db: ClaimmarkDb,
  ids: readonly string[],
  fields: (keyof AnnotationPatch)[],
  patchOf: (annotation: Annotation) => AnnotationPatch | undefined,
  now: number = Date.now(),
): Promise<BulkResult> {
  const wanted = new Set(ids);
  return db.transaction("rw", db.annotationChunks, async () => {
    const sets = await setsOfAnnotations(db, [...wanted]);
    const changes: BulkChange[] = [];
    const touched: SetDraft[] = [];
    for (const set of sets) {
      let changed = false;
      set.annotations = set.annotations.map((annotation) => {
        const patch = wanted.has(annotation.id) ? patchOf(annotation) : undefined;
        if (!patch) return annotation;
        const after = patched(annotation, patch, now);
        const sources = set.sources.filter((source) => source.annotationId === annotation.id);
        changes.push({ before: annotation, after, sources });
        changed = true;
        return after;
      });
      if (changed) touched.push(set);
    }
    await writeSets(db, touched);
    return { changes, fields };
  });
}

/** Sets the status of these annotations; those that have it already are left alone. */
export function setStatusOf(
  db: ClaimmarkDb,
  ids: readonly string[],
  status: AnnotationStatus,
  now: number = Date.now(),
): Promise<BulkResult> {
  return bulkPatch(db, ids, ["status"], (a) => (a.status === status ? undefined : { status }), now);
}

/** A tag as the reader typed it, cleaned as every stored tag is; refused when nothing is left. */
function tagOf(raw: string): string {
  const tag = cleanTag(raw);
  if (!tag) throw new Error("a tag cannot be empty");
  return tag;
}

/**
 * Adds a tag to these annotations; those that have it, or have as many tags as an annotation may,
 * are left alone.
 */
export async function addTagTo(
  db: ClaimmarkDb,
  ids: readonly string[],
  raw: string,
  now: number = Date.now(),
): Promise<BulkResult> {
  const tag = tagOf(raw);
  return bulkPatch(
    db,
    ids,
    ["tags"],
    (a) => (a.tags.includes(tag) || a.tags.length >= EDIT_LIMITS.tags ? undefined : { tags: [...a.tags, tag] }),
    now,
  );
}

/** Removes a tag from these annotations; those without it are left alone. */
export async function removeTagFrom(
  db: ClaimmarkDb,
  ids: readonly string[],
  raw: string,
  now: number = Date.now(),
): Promise<BulkResult> {
  const tag = tagOf(raw);
  return bulkPatch(
    db,
    ids,
    ["tags"],
    (a) => (a.tags.includes(tag) ? { tags: a.tags.filter((other) => other !== tag) } : undefined),
    now,
  );
}

/** Deletes these annotations as the card does (hidden everywhere, kept for Undo with their sources and notes). */
export function deleteAnnotations(
  db: ClaimmarkDb,
  ids: readonly string[],
  now: number = Date.now(),
): Promise<BulkResult> {
  return bulkPatch(db, ids, ["deleted"], (a) => (a.deleted ? undefined : { deleted: true }), now);
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** `annotation` with `fields` as in `from` (a field `from` lacks is removed). */
function withFields(annotation: Annotation, from: Annotation, fields: (keyof AnnotationPatch)[]): Annotation {
  const restored = { ...annotation } as Record<string, unknown>;
  for (const field of fields) {
    if (field in from) restored[field] = from[field];
    else delete restored[field];
  }
  return restored as unknown as Annotation;
}

/**
 * Undoes a bulk change: each field it wrote goes back to what it was, unless the reader changed
 * that field again since (their later edit wins). An annotation untouched since gets its old date
 * back too, so it is exactly as before. One that is gone (a visit purged it) comes back whole,
 * with the sources it had. Returns how many annotations were restored.
 */
export async function undoBulk(db: ClaimmarkDb, result: BulkResult, now: number = Date.now()): Promise<number> {
  const byId = new Map(result.changes.map((change) => [change.before.id, change]));
  if (byId.size === 0) return 0;
  return db.transaction("rw", db.annotationChunks, async () => {
    const sets = await setsOfAnnotations(db, [...byId.keys()]);
    let restored = 0;
    const seen = new Set<string>();
    for (const set of sets) {
      set.annotations = set.annotations.map((current) => {
        const change = byId.get(current.id);
        if (!change) return current;
        seen.add(current.id);
        const fields = result.fields.filter((field) => same(current[field], change.after[field]));
        if (fields.length === 0) return current;
        restored++;
        const back = withFields(current, change.before, fields);
        back.updatedAt = current.updatedAt === change.after.updatedAt ? change.before.updatedAt : now;
        return back;
      });
    }
    // Annotations no longer stored at all: put back whole, in their pages' sets.
    const drafts = new Map<string, SetDraft>(sets.map((set) => [set.pageKey, set]));
    const gone = [...byId.values()].filter((change) => !seen.has(change.before.id));
    const missing = [...new Set(gone.map((change) => change.before.pageKey))].filter((key) => !drafts.has(key));
    for (const set of await readSets(db, missing)) drafts.set(set.pageKey, set);
    for (const change of gone) {
      const { pageKey } = change.before;
      const set = drafts.get(pageKey) ?? emptySet(pageKey);
      drafts.set(pageKey, set);
      set.annotations.push(change.before);
      putBackSources(set, [change]);
      restored++;
    }
    await writeSets(db, [...drafts.values()]);
    return restored;
  });
}

/** Puts back, in a set, the sources of its annotations among `changes` that it lacks. */
function putBackSources(set: SetDraft, changes: BulkChange[]): void {
  const present = new Set(set.sources.map((source) => source.id));
  for (const change of changes)
    for (const source of change.sources) if (!present.has(source.id)) set.sources.push(source);
}
