import { readingOrderOf } from "../lib/anchor/selectors";
import type { Annotation } from "../lib/model";

/** Annotations in reading order, then by creation: each position read once, not once a comparison. */
export function inReadingOrder(annotations: Annotation[]): Annotation[] {
  return annotations
    .map((annotation) => ({ annotation, at: readingOrderOf(annotation) }))
    .sort((a, b) => a.at - b.at || a.annotation.createdAt - b.annotation.createdAt)
    .map(({ annotation }) => annotation);
}
