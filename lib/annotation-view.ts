import { quoteSelectorOf } from "./anchor/selectors";
import type { StoredAnnotationView } from "./db/annotations";
import { type Annotation, machineFieldsOf } from "./model";

// Kept apart from lib/db: the content script shows annotations too, and must not bundle the database.

/** What re-anchoring, painting and the card need of any stored annotation, with its sources' links. */
export function annotationView(
  annotation: Annotation,
  links: { url: string; title: string }[],
): Omit<StoredAnnotationView, "start" | "dismissed"> {
  const quote = quoteSelectorOf(annotation.selectors);
  return {
    id: annotation.id,
    kind: annotation.kind,
    origin: annotation.origin,
    exact: quote?.exact ?? annotation.exact,
    prefix: quote?.prefix ?? "",
    suffix: quote?.suffix ?? "",
    status: annotation.status,
    ...machineFieldsOf(annotation),
    sources: links,
  };
}
