import type { AnnotationKind, AnnotationOrigin } from "./model";

/**
 * The kinds a reader sees. Stored annotations keep their kind (a date is a figure in every
 * export); what the reader is shown, filters by and chooses to highlight sets detected dates and
 * times apart from the other figures: a page of 45 figures where 20 are years is noise.
 */

/** Annotation kinds as the reader sees them: the stored kinds, plus "date" for detected dates and times. */
export type ShownKind = AnnotationKind | "date";

/** The figure kinds (`figureKind`) that are dates: a calendar date or year, or a time of day. */
export const DATE_FIGURE_KINDS: ReadonlySet<string> = new Set(["date", "time"]);

/**
 * The kind an annotation is shown as: "date" for a detected figure that is a date or a time, its
 * stored kind otherwise. A figure the reader marked by hand stays a figure: they chose the kind.
 */
export function shownKind(annotation: {
  kind: AnnotationKind;
  origin: AnnotationOrigin;
  figureKind: string | null;
}): ShownKind {
  return annotation.kind === "figure" &&
    annotation.origin === "auto" &&
    annotation.figureKind !== null &&
    DATE_FIGURE_KINDS.has(annotation.figureKind)
    ? "date"
    : annotation.kind;
}
