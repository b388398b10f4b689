import type { Annotation, PageRecord, Source } from "../model";

/**
 * How a record already in the database and the same record from a file become one: the newer
 * change wins, judged by `updatedAt` (an annotation's or a source's `modified`), or by `lastSeen`
 * for a page.
 */

/** The fields a newer copy of an annotation brings: what the reader or a detector can change. */
const CHANGEABLE = [
  "kind",
  "status",
  "tags",
  "note",
  "speaker",
  "cue",
  "figureKind",
  "value",
  "unit",
  "qualifier",
  "confidence",
  "dismissed",
] as const satisfies readonly (keyof Annotation)[];

/**
 * One annotation from the stored one and the file's, field by field: the newer copy's changeable
 * fields win; where it is anchored (selectors, text, last anchoring) stays as this browser knows it.
 */
export function mergeAnnotation(stored: Annotation, incoming: Annotation): Annotation {
  const merged: Annotation = { ...stored, createdAt: Math.min(stored.createdAt, incoming.createdAt) };
  if (incoming.updatedAt <= stored.updatedAt) return merged;
  const fields = merged as unknown as Record<string, unknown>;
  for (const key of CHANGEABLE) fields[key] = incoming[key];
  merged.updatedAt = incoming.updatedAt;
  // The newer copy is alive: an annotation deleted here earlier comes back.
  delete merged.deleted;
  return merged;
}

/** One source from the stored one and the file's: the newer wins whole. */
export function mergeSource(stored: Source, incoming: Source): Source {
  const newer = incoming.updatedAt > stored.updatedAt ? incoming : stored;
  return { ...newer, createdAt: Math.min(stored.createdAt, incoming.createdAt) };
}

/** One page record from the stored one and the file's: the more recently seen wins, first sight is the earliest. */
export function mergePage(stored: PageRecord, incoming: PageRecord): PageRecord {
  // A page the file only knows by name (never visited there) never replaces a page read here.
  const newer = incoming.lastSeen > stored.lastSeen && (incoming.hasArticle || !stored.hasArticle) ? incoming : stored;
  return { ...newer, firstSeen: Math.min(stored.firstSeen, incoming.firstSeen) };
}
