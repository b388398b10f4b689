import { z } from "zod/v4";
import type { AnnotationSet, ClaimmarkDb } from "../db/schema";
import { setOfSource, setsOfAnnotations, writeSets } from "../db/store";
import { ANNOTATION_STATUSES, type Annotation, EDIT_LIMITS, type Source } from "../model";
import {
  ANNOTATION_CONFLICT_FIELDS,
  type AnnotationConflictField,
  annotationValue,
  type ConflictField,
  type ImportConflict,
  type SourceConflictField,
} from "./conflicts";
import { ID_MAX, nullableText, text, webUrl } from "./fields";
import { sameValue } from "./same-value";

/**
 * The reader takes the file's value of some conflicts an import listed. Exactly the listed values
 * are written, in one transaction, and only where the stored value is still the one listed: a
 * value the reader changed since the import is theirs again, and is left alone (and said so).
 */

/** What taking did: the conflicts whose imported value is now stored, and those left, with why. */
export interface TakeReport {
  taken: string[];
  refused: { key: string; reason: string }[];
}

const field = nullableText(EDIT_LIMITS.field);
const accessedAt = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u)
  .nullable();

const sourceRecord = z.object({
  id: text(ID_MAX).min(1),
  annotationId: text(ID_MAX + 20),
  url: z.union([z.literal(""), webUrl]),
  title: text(EDIT_LIMITS.field),
  publisher: text(EDIT_LIMITS.field),
  accessedAt,
  note: text(EDIT_LIMITS.quote),
  quote: text(EDIT_LIMITS.quote),
  createdAt: z.number().finite(),
  updatedAt: z.number().finite(),
});

/**
 * What each field's imported value must be: the same bounds as an import and the reader's own
 * edits. The conflicts come back from the page, so they are checked again before anything is written.
 */
const IMPORTED: Record<ConflictField, z.ZodType> = {
  kind: z.enum(["quote", "claim", "term", "figure", "highlight"]),
  status: z.enum(ANNOTATION_STATUSES),
  tags: z.array(text(EDIT_LIMITS.tag)).max(EDIT_LIMITS.tags),
  note: text(EDIT_LIMITS.note),
  speaker: field,
  cue: field,
  figureKind: field,
  value: z.union([z.number().finite(), text(40), z.null()]),
  unit: field,
  qualifier: field,
  dismissed: z.boolean(),
  deleted: z.literal(false),
  "source.url": z.union([z.literal(""), webUrl]),
  "source.title": text(EDIT_LIMITS.field),
  "source.publisher": text(EDIT_LIMITS.field),
  "source.accessedAt": accessedAt,
  "source.note": text(EDIT_LIMITS.quote),
  "source.quote": text(EDIT_LIMITS.quote),
  source: sourceRecord,
};

const isAnnotationField = (name: ConflictField): name is AnnotationConflictField =>
  (ANNOTATION_CONFLICT_FIELDS as readonly string[]).includes(name);

/** The annotation with one field set to a value; `deleted: false` removes the flag, as an undelete does. */
function withField(annotation: Annotation, name: AnnotationConflictField, value: unknown): Annotation {
  const changed = { ...annotation, [name]: value } as Annotation;
  if (name === "deleted") delete changed.deleted;
  return changed;
}

/** Applies one conflict to a set in place; returns why it cannot be, or null once done. */
function applyOne(set: AnnotationSet, conflict: ImportConflict, now: number): string | null {
  if (!Object.hasOwn(IMPORTED, conflict.field)) return "not a field an import can change";
  const checked = IMPORTED[conflict.field].safeParse(conflict.imported);
  if (!checked.success) return "not a value this field can take";
  const at = set.annotations.findIndex((annotation) => annotation.id === conflict.annotationId);
  const annotation = set.annotations[at];
  if (!annotation) return "the annotation is no longer stored";
  const changedSince = "changed since the import: your value now is not the one listed";
  if (isAnnotationField(conflict.field)) {
    if (!sameValue(annotationValue(annotation, conflict.field), conflict.stored)) return changedSince;
    set.annotations[at] = { ...withField(annotation, conflict.field, checked.data), updatedAt: now };
    return null;
  }
  if (conflict.field === "source") {
    const source = checked.data as Source;
    if (source.id !== conflict.sourceId || source.annotationId !== annotation.id)
      return "not a source of this annotation";
    if (set.sources.some((s) => s.id === source.id)) return changedSince;
    const count = set.sources.filter((s) => s.annotationId === annotation.id).length;
    if (count >= EDIT_LIMITS.sourcesPerAnnotation)
      return `the annotation already has ${EDIT_LIMITS.sourcesPerAnnotation} sources`;
    set.sources.push(source);
  } else {
    const name = conflict.field.slice("source.".length) as SourceConflictField;
    const i = set.sources.findIndex((s) => s.id === conflict.sourceId && s.annotationId === annotation.id);
    const source = set.sources[i];
    if (!source) return "the source is no longer stored";
    if (!sameValue(source[name], conflict.stored)) return changedSince;
    set.sources[i] = { ...source, [name]: checked.data, updatedAt: now };
  }
  // A source changed: its annotation changed, as when the reader edits a source.
  set.annotations[at] = { ...annotation, updatedAt: now };
  return null;
}

/** Writes the imported value of each conflict given, in one transaction; see the module comment. */
export async function takeImported(
  db: ClaimmarkDb,
  conflicts: readonly ImportConflict[],
  now: number = Date.now(),
): Promise<TakeReport> {
  return db.transaction("rw", db.annotationChunks, async () => {
    const report: TakeReport = { taken: [], refused: [] };
    const sets = await setsOfAnnotations(db, [...new Set(conflicts.map((c) => c.annotationId))]);
    const setOf = new Map<string, AnnotationSet>();
    for (const set of sets) for (const { id } of set.annotations) setOf.set(id, set);
    const changed = new Set<AnnotationSet>();
    for (const conflict of conflicts) {
      const set = setOf.get(conflict.annotationId);
      // A source id is unique in the whole database, not only in its annotation's set.
      const elsewhere =
        conflict.field === "source" && conflict.sourceId ? await setOfSource(db, conflict.sourceId) : null;
      const reason = !set
        ? "the annotation is no longer stored"
        : elsewhere && elsewhere.pageKey !== set.pageKey
          ? "a source with this id is stored on another annotation"
          : applyOne(set, conflict, now);
      if (reason) report.refused.push({ key: conflict.key, reason });
      else {
        report.taken.push(conflict.key);
        changed.add(set as AnnotationSet);
      }
    }
    await writeSets(db, [...changed]);
    return report;
  });
}
