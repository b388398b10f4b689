import type { AnnotationSet, ClaimmarkDb } from "../../lib/db/schema";
import { groupSources, pagesTagged, readSets } from "../../lib/db/store";
import type { Annotation, AnnotationStatus, PageRecord, Source } from "../../lib/model";
import { haystackOf, matchesSearch, parseSearch } from "../../lib/search/search";
import { type ShownKind, shownKind } from "../../lib/shown-kind";
import { inReadingOrder } from "../reading-order";

/**
 * What the library shows: the reader's filters turned into one Dexie query on the most selective
 * index available, the rest checked in memory, grouped by page.
 */

/** Which date the from/to filter looks at. */
export type DateField = "annotation" | "page";

/** The library's search and filters; empty strings mean "any". */
export interface LibraryFilters {
  search: string;
  status: AnnotationStatus | "";
  /** A kind as shown: "date" is the detected dates, "figure" the other figures. */
  kind: ShownKind | "";
  tag: string;
  /** YYYY-MM-DD, the reader's local day, inclusive. */
  from: string;
  /** YYYY-MM-DD, the reader's local day, inclusive. */
  to: string;
  dateField: DateField;
  showDismissed: boolean;
}

/** The library before the reader narrows it. */
export const NO_FILTERS: LibraryFilters = {
  search: "",
  status: "",
  kind: "",
  tag: "",
  from: "",
  to: "",
  dateField: "annotation",
  showDismissed: false,
};

/** A page and its annotations that pass the filters, in reading order. */
export interface LibraryGroup {
  pageKey: string;
  /** Missing when an annotation outlived its page record. */
  page: PageRecord | undefined;
  annotations: Annotation[];
  /** The page's sources, as stored with its annotations (read with them, so the list needs no second read). */
  sources: Source[];
}

/** The library's result: pages most recently seen first. */
export interface LibraryResult {
  groups: LibraryGroup[];
  total: number;
}

/** A page as the list shows it: its record and how many of its annotations pass the filters. */
export interface ViewGroup {
  pageKey: string;
  page: PageRecord | undefined;
  count: number;
}

/** What the library renders: the first rows of the result, page by page, with their sources, and the totals. */
export interface LibraryView {
  total: number;
  pageCount: number;
  rows: { group: ViewGroup; shown: Annotation[] }[];
  sources: Map<string, Source[]>;
}

/** The first `limit` rows of a result, page by page, with the sources of those rows only. */
export function viewOf(result: LibraryResult, limit: number): LibraryView {
  const rows: LibraryView["rows"] = [];
  const sources: Source[] = [];
  let left = limit;
  for (const group of result.groups) {
    if (left <= 0) break;
    const shown = group.annotations.slice(0, left);
    const ids = new Set(shown.map((annotation) => annotation.id));
    rows.push({ group: { pageKey: group.pageKey, page: group.page, count: group.annotations.length }, shown });
    sources.push(...group.sources.filter((source) => ids.has(source.annotationId)));
    left -= shown.length;
  }
  return { total: result.total, pageCount: result.groups.length, rows, sources: groupSources(sources) };
}

/** The ids of every annotation a result lists, in its order: what "export the annotations listed" takes. */
export function idsOf(result: LibraryResult): string[] {
  return result.groups.flatMap((group) => group.annotations.map((annotation) => annotation.id));
}

/** Start of a local day given as YYYY-MM-DD, or null when the text is not such a day. */
function dayStart(day: string, offsetDays = 0): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const time = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + offsetDays).getTime();
  return Number.isNaN(time) ? null : time;
}

/** The [from, to) time range of the filters' days; open ends are infinite. */
function timeRange(filters: LibraryFilters): [number, number] | null {
  const from = dayStart(filters.from);
  const to = dayStart(filters.to, 1);
  if (from === null && to === null) return null;
  return [from ?? -Infinity, to ?? Infinity];
}

/** The pages' sets that can hold a match, narrowed by an index where the filters allow. */
async function candidates(
  db: ClaimmarkDb,
  filters: LibraryFilters,
  range: [number, number] | null,
): Promise<AnnotationSet[]> {
  if (filters.tag) return readSets(db, await pagesTagged(db, filters.tag));
  if (range && filters.dateField === "page") {
    return readSets(db, await db.pages.where("lastSeen").between(range[0], range[1], true, false).primaryKeys());
  }
  return readSets(db);
}

/** The annotations the filters let through, grouped by page: pages last seen first, annotations in reading order. */
export async function queryLibrary(db: ClaimmarkDb, filters: LibraryFilters): Promise<LibraryResult> {
  const range = timeRange(filters);
  const query = parseSearch(filters.search);
  const sets = await candidates(db, filters, range);
  // The sources of each annotation, grouped only when the reader searches.
  const sources = query ? groupSources(sets.flatMap((set) => set.sources)) : null;
  const pages = new Map<string, PageRecord>();
  for (const page of await db.pages.bulkGet(sets.map((set) => set.pageKey))) if (page) pages.set(page.key, page);

  const passes = (annotation: Annotation, page: PageRecord | undefined): boolean => {
    if (annotation.deleted || (annotation.dismissed && !filters.showDismissed)) return false;
    if (filters.kind && shownKind(annotation) !== filters.kind) return false;
    if (filters.status && annotation.status !== filters.status) return false;
    if (filters.tag && !annotation.tags.includes(filters.tag)) return false;
    if (range) {
      const time = filters.dateField === "page" ? page?.lastSeen : annotation.updatedAt;
      if (time === undefined || time < range[0] || time >= range[1]) return false;
    }
    if (query && sources && !matchesSearch(query, haystackOf(annotation, sources.get(annotation.id)))) return false;
    return true;
  };

  // A page's annotations are one set, so each set is one group.
  const groups: LibraryGroup[] = [];
  let total = 0;
  for (const set of sets) {
    const page = pages.get(set.pageKey);
    const kept = set.annotations.filter((annotation) => passes(annotation, page));
    if (kept.length === 0) continue;
    groups.push({ pageKey: set.pageKey, page, annotations: inReadingOrder(kept), sources: set.sources });
    total += kept.length;
  }
  groups.sort(
    (a, b) =>
      (b.page?.lastSeen ?? 0) - (a.page?.lastSeen ?? 0) ||
      (a.page?.title ?? a.pageKey).localeCompare(b.page?.title ?? b.pageKey),
  );
  return { groups, total };
}
