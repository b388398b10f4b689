import type { Annotation, AnnotationStatus } from "../../lib/model";
import { type Haystack, matchesSearch, parseSearch } from "../../lib/search/search";
import { shownKind } from "../../lib/shown-kind";
import { type MessageKey, t } from "../i18n";
import { inReadingOrder } from "../reading-order";

/** What the popup's filters ask for; "all" and "" mean no restriction. */
export interface PopupFilter {
  kind: "all" | "quote" | "claim" | "figure" | "date" | "highlight";
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
const SECTION_TITLES: Record<SectionId, MessageKey> = {
  claims: "section_claims",
  figures: "popup_kind_figures",
  highlights: "popup_kind_highlights",
  orphans: "section_orphans",
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

/** One section of the list, with the annotations that pass the filter, in reading order. */
export interface Section {
  id: SectionId;
  title: string;
  annotations: Annotation[];
}

/**
 * The annotations that pass the filter, grouped into sections in reading order. Deleted ones
 * never show; dismissed ones only when asked for. `haystacks` maps an id to what the search looks
 * in (`haystackOf` in lib/search): the same search as the library's.
 */
export function buildSections(
  annotations: Annotation[],
  haystacks: Map<string, Haystack>,
  filter: PopupFilter,
): Section[] {
  const query = parseSearch(filter.search);
  const grouped = new Map<SectionId, Annotation[]>();
  for (const annotation of annotations) {
    if (annotation.deleted) continue;
    if (annotation.dismissed && !filter.showDismissed) continue;
    if (filter.kind !== "all" && shownKind(annotation) !== filter.kind) continue;
    if (filter.status !== "all" && annotation.status !== filter.status) continue;
    if (filter.tag && !annotation.tags.includes(filter.tag)) continue;
    if (query) {
      const haystack = haystacks.get(annotation.id);
      if (!haystack || !matchesSearch(query, haystack)) continue;
    }
    const section = sectionOf(annotation);
    if (!section) continue;
    const list = grouped.get(section) ?? [];
    list.push(annotation);
    grouped.set(section, list);
  }
  return SECTION_ORDER.filter((id) => grouped.has(id)).map((id) => ({
    id,
    title: t(SECTION_TITLES[id]),
    annotations: inReadingOrder(grouped.get(id) ?? []),
  }));
}

/** The tags used on these annotations, alphabetically: what the tag filter offers. */
export function tagsIn(annotations: Annotation[]): string[] {
  const tags = new Set<string>();
  for (const annotation of annotations) if (!annotation.deleted) for (const tag of annotation.tags) tags.add(tag);
  return [...tags].sort((a, b) => a.localeCompare(b));
}
