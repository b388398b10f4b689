import { readingOrderOf } from "../../lib/anchor/selectors";
import type { AnnotationSet, ClaimmarkDb } from "../../lib/db/schema";
import type { Annotation, AnnotationKind, AnnotationStatus, PageRecord, Source } from "../../lib/model";

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
  kind: AnnotationKind | "";
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
}

/** The library's result: pages most recently seen first. */
export interface LibraryResult {
  groups: LibraryGroup[];
  total: number;
}

/** Start of a local day given as YYYY-MM-DD, or null when the text is not such a day. */
export function dayStart(day: string, offsetDays = 0): number | null {
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

/** The lower-cased words of a search: every one must occur somewhere in an annotation or its sources. */
export function searchTerms(search: string): string[] {
  return search.toLowerCase().split(/\s+/u).filter(Boolean);
}

function annotationText(annotation: Annotation): string {
  return [annotation.exact, annotation.speaker ?? "", annotation.note, ...annotation.tags].join("\n").toLowerCase();
}

function sourceText(source: Source): string {
  return [source.url, source.title, source.publisher, source.note, source.quote].join("\n").toLowerCase();
}

/** The sources' searchable text, by annotation: built only when the reader searches. */
function sourceTexts(sets: AnnotationSet[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const set of sets) {
    for (const source of set.sources) {
      const before = texts.get(source.annotationId);
      texts.set(source.annotationId, before ? `${before}\n${sourceText(source)}` : sourceText(source));
    }
  }
  return texts;
}

/** The pages' sets that can hold a match, narrowed by an index where the filters allow. */
async function candidates(
  db: ClaimmarkDb,
  filters: LibraryFilters,
  range: [number, number] | null,
): Promise<AnnotationSet[]> {
  if (filters.tag) return db.annotationSets.where("tags").equals(filters.tag).toArray();
  if (range && filters.dateField === "page") {
    const keys = await db.pages.where("lastSeen").between(range[0], range[1], true, false).primaryKeys();
    return (await db.annotationSets.bulkGet(keys)).filter((set): set is AnnotationSet => set !== undefined);
  }
  return db.annotationSets.toArray();
}

/** The annotations the filters let through, grouped by page: pages last seen first, annotations in reading order. */
export async function queryLibrary(db: ClaimmarkDb, filters: LibraryFilters): Promise<LibraryResult> {
  const range = timeRange(filters);
  const terms = searchTerms(filters.search);
  const sets = await candidates(db, filters, range);
  const found = sets.flatMap((set) => set.annotations);
  const sources = terms.length > 0 ? sourceTexts(sets) : null;
  const pageKeys = [...new Set(found.map((a) => a.pageKey))];
  const pages = new Map<string, PageRecord>();
  for (const page of await db.pages.bulkGet(pageKeys)) if (page) pages.set(page.key, page);

  const byPage = new Map<string, Annotation[]>();
  let total = 0;
  for (const annotation of found) {
    if (annotation.deleted || (annotation.dismissed && !filters.showDismissed)) continue;
    if (filters.kind && annotation.kind !== filters.kind) continue;
    if (filters.status && annotation.status !== filters.status) continue;
    if (filters.tag && !annotation.tags.includes(filters.tag)) continue;
    if (range) {
      const time = filters.dateField === "page" ? pages.get(annotation.pageKey)?.lastSeen : annotation.updatedAt;
      if (time === undefined || time < range[0] || time >= range[1]) continue;
    }
    if (sources) {
      const text = `${annotationText(annotation)}\n${sources.get(annotation.id) ?? ""}`;
      if (!terms.every((term) => text.includes(term))) continue;
    }
    const list = byPage.get(annotation.pageKey) ?? [];
    list.push(annotation);
    byPage.set(annotation.pageKey, list);
    total++;
  }

  const groups: LibraryGroup[] = [...byPage].map(([pageKey, annotations]) => ({
    pageKey,
    page: pages.get(pageKey),
    annotations: annotations.sort((a, b) => readingOrderOf(a) - readingOrderOf(b) || a.createdAt - b.createdAt),
  }));
  groups.sort(
    (a, b) =>
      (b.page?.lastSeen ?? 0) - (a.page?.lastSeen ?? 0) ||
      (a.page?.title ?? a.pageKey).localeCompare(b.page?.title ?? b.pageKey),
  );
  return { groups, total };
}
