import type { Annotation } from "../model";
import { readerEdited } from "../reader-edited";
import { sameValue } from "./same-value";

/**
 * How an annotation already stored and the same annotation from a file become one when the
 * reader has NOT made the stored one their own (`readerEdited`): a plain detection, nothing of
 * the reader's in it. Annotations the reader has edited are never merged: see `conflicts.ts`.
 */

/** The fields a file's copy of an annotation brings: what the reader or a detector can change. */
export const CHANGEABLE = [
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
 * A plain detection refreshed from the file's copy, or null when it stays as stored. The file's
 * copy wins when it is newer, as before, and also when it carries someone's review (a verdict, a
 * note, sources…) whatever its date: the stored copy has nothing of the reader's to lose, and the
 * machine fields it would bring back are refreshed by the next visit anyway. Where the annotation
 * is anchored (selectors, text, last anchoring) and which page it is on stay as stored.
 */
export function refreshUnedited(
  stored: Annotation,
  incoming: Annotation,
  incomingHasSources: boolean,
): Annotation | null {
  if (incoming.updatedAt <= stored.updatedAt && !readerEdited(incoming, incomingHasSources)) return null;
  // The same fields under a newer date are no news: the stored record stays, untouched.
  if (!incomingHasSources && CHANGEABLE.every((key) => sameValue(stored[key], incoming[key]))) return null;
  const merged: Annotation = {
    ...stored,
    createdAt: Math.min(stored.createdAt, incoming.createdAt),
    updatedAt: Math.max(stored.updatedAt, incoming.updatedAt),
  };
  const fields = merged as unknown as Record<string, unknown>;
  for (const key of CHANGEABLE) fields[key] = incoming[key];
  return merged;
}
