import type { Annotation, AnnotationStatus, Source } from "../../lib/model";
import { inReadingOrder } from "../reading-order";

/** What the popup's filters ask for; "all" and "" mean no restriction. */
export interface PopupFilter {
  kind: "all" | "quote" | "claim" | "figure" | "highlight";
  status: "all" | AnnotationStatus;
  tag: string;
  search: string;
  showDismissed: boolean;
}

/** The filters as the popup opens: everything but dismissed detections. */
export const NO_FILTER: PopupFilter = { kind: "all", status: "all", tag: "", search: "", showDismissed: false };

/** The popup's sections, in the order they are shown. */
export type SectionId = "claims" | "figures" | "highlights" | "orphans";

/** Section titles. */
const SECTION_TITLES: Record<SectionId, string> = {
  claims: "Claims",
  figures: "Figures",
  highlights: "Highlights",
  orphans: "Orphans",
};

const SECTION_ORDER: SectionId[] = ["claims", "figures", "highlights", "orphans"];

/** Where an annotation is listed: orphans apart whatever their kind; terms are not listed. */
export function sectionOf(annotation: Annotation): SectionId | null {
  if (annotation.anchor?.state === "orphan") return "orphans";
  switch (annotation.kind) {
    case "quote":
    case "claim":
      return "claims";
    case "figure":
      return "figures";
    case "highlight":
      return "highlights";
    default:
      return null;
  }
}

/** The text a search looks in: the annotated text, speaker, note, and the sources' address, title and note. */
export function searchText(annotation: Annotation, sources: Source[] | undefined): string {
  const parts = [annotation.exact, annotation.speaker ?? "", annotation.note];
  for (const source of sources ?? []) parts.push(source.url, source.title, source.note);
  return parts.join("\n").toLocaleLowerCase();
}

/** One section of the list, with the annotations that pass the filter, in reading order. */
export interface Section {
  id: SectionId;
  title: string;
  annotations: Annotation[];
}

/**
 * The annotations that pass the filter, grouped into sections in reading order. Deleted ones
 * never show; dismissed ones only when asked for. `haystacks` maps an id to its `searchText`.
 */
export function buildSections(
  annotations: Annotation[],
  haystacks: Map<string, string>,
  filter: PopupFilter,
): Section[] {
  const needle = filter.search.trim().toLocaleLowerCase();
  const grouped = new Map<SectionId, Annotation[]>();
  for (const annotation of annotations) {
    if (annotation.deleted) continue;
    if (annotation.dismissed && !filter.showDismissed) continue;
    if (filter.kind !== "all" && annotation.kind !== filter.kind) continue;
    if (filter.status !== "all" && annotation.status !== filter.status) continue;
    if (filter.tag && !annotation.tags.includes(filter.tag)) continue;
    if (needle && !(haystacks.get(annotation.id) ?? "").includes(needle)) continue;
    const section = sectionOf(annotation);
    if (!section) continue;
    const list = grouped.get(section) ?? [];
    list.push(annotation);
    grouped.set(section, list);
  }
  return SECTION_ORDER.filter((id) => grouped.has(id)).map((id) => ({
    id,
    title: SECTION_TITLES[id],
    annotations: inReadingOrder(grouped.get(id) ?? []),
  }));
}

/** The tags used on these annotations, alphabetically: what the tag filter offers. */
export function tagsIn(annotations: Annotation[]): string[] {
  const tags = new Set<string>();
  for (const annotation of annotations) if (!annotation.deleted) for (const tag of annotation.tags) tags.add(tag);
  return [...tags].sort((a, b) => a.localeCompare(b));
}
