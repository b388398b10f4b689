import type { Annotation, AnnotationKind } from "../model";

/** Annotations counted by kind, dismissed automatic detections and deleted ones left out. */
export function countByKind(annotations: Annotation[]): Partial<Record<AnnotationKind, number>> {
  const counts: Partial<Record<AnnotationKind, number>> = {};
  for (const annotation of annotations) {
    if (!annotation.dismissed && !annotation.deleted) counts[annotation.kind] = (counts[annotation.kind] ?? 0) + 1;
  }
  return counts;
}
