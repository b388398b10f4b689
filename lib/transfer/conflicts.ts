import type { Annotation, Source } from "../model";
import { CHANGEABLE } from "./merge";
import { sameValue } from "./same-value";

/**
 * Where an imported annotation differs from one the reader has made their own (`readerEdited`).
 * The import keeps the reader's values, whatever the dates in the file say (a crafted file can
 * claim any date), and lists each difference as a conflict; the reader may then take the file's
 * value (`takeImported`). Everything here is plain data: it crosses to the page from the worker.
 */

/** The annotation fields compared: every field a file can change that the reader sees (the detector's confidence is shown nowhere, and kept), and deletion. */
export const ANNOTATION_CONFLICT_FIELDS = [
  ...(CHANGEABLE.filter((key) => key !== "confidence") as Exclude<(typeof CHANGEABLE)[number], "confidence">[]),
  "deleted",
] as const;

/** The source fields compared, each its own conflict. */
export const SOURCE_CONFLICT_FIELDS = ["url", "title", "publisher", "accessedAt", "note", "quote"] as const;

export type AnnotationConflictField = (typeof ANNOTATION_CONFLICT_FIELDS)[number];
export type SourceConflictField = (typeof SOURCE_CONFLICT_FIELDS)[number];

/** Which value differs: an annotation field, a field of one of its sources, or a source the file adds ("source"). */
export type ConflictField = AnnotationConflictField | `source.${SourceConflictField}` | "source";

/** A field's value: text, a number, a flag, tags, a whole source (one the file adds), or nothing. */
export type ConflictValue = string | number | boolean | null | string[] | Source;

/** One value the reader has and the file would change. */
export interface ImportConflict {
  /** Unique within a report: the annotation's id, the source's id for a source, and the field. */
  key: string;
  annotationId: string;
  /** The page the annotation is stored on (never changed by an import). */
  pageKey: string;
  /** The annotated passage, on one line and shortened. */
  passage: string;
  field: ConflictField;
  /** For `source.*` and `source`: which source. */
  sourceId?: string;
  /** The value stored, kept; taking the file's value checks it is still this. */
  stored: ConflictValue;
  /** The file's value, which taking it writes. */
  imported: ConflictValue;
  /** Both as text to show (the UI renders them as text only). */
  storedText: string;
  importedText: string;
}

/** Longest passage a conflict quotes. */
const PASSAGE_MAX = 80;

/** Text on one line, at most `max` characters (made well-formed, should the cut split a surrogate pair). */
export function shorten(text: string, max: number = PASSAGE_MAX): string {
  const line = text.replace(/\s+/gu, " ").trim();
  return (line.length > max ? `${line.slice(0, max - 1)}…` : line).toWellFormed();
}

/** A source as one line: its title and address, or whichever it has. */
function sourceLine(source: Source): string {
  const title = source.title || source.publisher;
  if (source.url === "") return title || "(a source without title or address)";
  return title ? `${title} <${source.url}>` : `<${source.url}>`;
}

/** A conflict value as the reader reads it. */
export function valueText(field: ConflictField, value: ConflictValue): string {
  if (value === null) return "(none)";
  if (typeof value === "boolean") {
    const word = field === "deleted" ? "deleted" : "dismissed";
    return value ? word : `not ${word}`;
  }
  if (Array.isArray(value)) return value.length === 0 ? "(no tags)" : value.join(", ").toWellFormed();
  if (typeof value === "object") return sourceLine(value).toWellFormed();
  if (value === "") return "(empty)";
  return String(value).toWellFormed();
}

/** The value of a conflict field on a stored or imported annotation (`deleted` read as a flag). */
export function annotationValue(annotation: Annotation, field: AnnotationConflictField): ConflictValue {
  return field === "deleted" ? annotation.deleted === true : annotation[field];
}

function conflict(
  stored: Annotation,
  pageKey: string,
  field: ConflictField,
  values: { stored: ConflictValue; imported: ConflictValue },
  sourceId?: string,
): ImportConflict {
  return {
    key: [stored.id, sourceId ?? "", field].join("\u0000"),
    annotationId: stored.id,
    pageKey,
    passage: shorten(stored.exact),
    field,
    ...(sourceId === undefined ? {} : { sourceId }),
    stored: values.stored,
    imported: values.imported,
    storedText: valueText(field, values.stored),
    importedText: valueText(field, values.imported),
  };
}

/**
 * Every value the file's copy of an annotation would change in the reader's: its fields, its
 * sources' fields, and the sources it adds. `storedSource` finds a stored source by id (one of
 * another annotation has refused the file's annotation before this is asked).
 */
export function conflictsOf(
  stored: Annotation,
  incoming: Annotation,
  incomingSources: readonly Source[],
  storedSource: (id: string) => Source | undefined,
): ImportConflict[] {
  const found: ImportConflict[] = [];
  const pageKey = stored.pageKey;
  for (const field of ANNOTATION_CONFLICT_FIELDS) {
    const values = { stored: annotationValue(stored, field), imported: annotationValue(incoming, field) };
    if (!sameValue(values.stored, values.imported)) found.push(conflict(stored, pageKey, field, values));
  }
  for (const source of incomingSources) {
    const old = storedSource(source.id);
    if (!old) {
      found.push(conflict(stored, pageKey, "source", { stored: null, imported: source }, source.id));
      continue;
    }
    for (const field of SOURCE_CONFLICT_FIELDS) {
      const values = { stored: old[field], imported: source[field] };
      if (!sameValue(values.stored, values.imported))
        found.push(conflict(stored, pageKey, `source.${field}`, values, source.id));
    }
  }
  return found;
}
