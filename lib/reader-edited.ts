import type { Annotation } from "./model";

/**
 * Whether an annotation holds the reader's work, read from the stored record alone. The model
 * does not record who typed a value, but it does record every change: `patched` (status, tags,
 * note, speaker and figure corrections, dismissing, deleting) and every source change set
 * `updatedAt`, while a visit's detection refresh and re-anchoring never touch it. So an
 * annotation is the reader's when any of these holds:
 *
 * - it was made by hand (`origin: "user"`): every field of it was the reader's choice;
 * - it changed after it was made (`updatedAt > createdAt`);
 * - it carries a verdict, a tag, a note, a dismissal or a deletion, or has sources: what no
 *   detector writes (a belt-and-braces check for records whose dates say nothing).
 *
 * Values an earlier import brought in count as the reader's too: once in the library they are
 * the reader's to keep, and nothing in the record tells them apart from typed ones.
 */

/** Whether the reader has made this annotation their own (see above); `hasSources`: any stored source backs it. */
export function readerEdited(annotation: Annotation, hasSources: boolean): boolean {
  return (
    annotation.origin === "user" ||
    annotation.updatedAt > annotation.createdAt ||
    annotation.status !== "unverified" ||
    annotation.tags.length > 0 ||
    annotation.note !== "" ||
    annotation.dismissed ||
    annotation.deleted === true ||
    hasSources
  );
}
