import { readingOrderOf } from "../anchor/selectors";
import { getSettings } from "../db/edit";
import type { AnnotationSet, ClaimmarkDb } from "../db/schema";
import { readAllSets, readSet, setsOfAnnotations } from "../db/store";
import type { Annotation, PageRecord, Source } from "../model";
import type { Reviewer } from "./claimreview";

/** What one export holds: the annotations, the pages they are on and their sources. */
export interface ExportSet {
  pages: PageRecord[];
  annotations: Annotation[];
  sources: Source[];
  /** Who reviews, for ClaimReview's author: the reader's setting, when there is one. */
  reviewer?: Reviewer | null;
}

/** Which annotations an export takes: a page, some ids, or all. */
export interface ExportQuery {
  pageKey?: string;
  ids?: string[];
  includeDismissed?: boolean;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Pages by key, annotations in reading order, sources by date: an order that only depends on the data. */
export function sortExportSet(set: ExportSet): ExportSet {
  // Two annotations without a position give Infinity - Infinity, NaN, which is falsy: the id decides.
  const annotations = [...set.annotations].sort(
    (a, b) => byText(a.pageKey, b.pageKey) || readingOrderOf(a) - readingOrderOf(b) || byText(a.id, b.id),
  );
  const sources = [...set.sources].sort(
    (a, b) => byText(a.annotationId, b.annotationId) || a.createdAt - b.createdAt || byText(a.id, b.id),
  );
  return { pages: [...set.pages].sort((a, b) => byText(a.key, b.key)), annotations, sources };
}

/** Everything for a scope: one page, some annotation ids, or all (deleted annotations never; dismissed ones only when asked). */
export async function collectForExport(db: ClaimmarkDb, scope: ExportQuery): Promise<ExportSet> {
  const [set, reviewer] = await Promise.all([collectRecords(db, scope), reviewerOf(db)]);
  return reviewer ? { ...set, reviewer } : set;
}

/** The reviewer named in the settings, when the record holds a well-formed one. */
async function reviewerOf(db: ClaimmarkDb): Promise<Reviewer | null> {
  const stored = (await getSettings(db)).reviewer;
  if (!stored || typeof stored.name !== "string" || !stored.name.trim()) return null;
  return { name: stored.name, url: typeof stored.url === "string" ? stored.url : "" };
}

async function collectRecords(db: ClaimmarkDb, scope: ExportQuery): Promise<ExportSet> {
  return db.transaction("r", db.pages, db.annotationChunks, async () => {
    const keep = (a: Annotation) => !a.deleted && (scope.includeDismissed || !a.dismissed);
    // Everything: every page, including pages without annotations, so a backup restores them all.
    // Both reads are asked for at once: IndexedDB overlaps them.
    if (scope.ids === undefined && scope.pageKey === undefined) {
      const [sets, pages] = await Promise.all([readAllSets(db), db.pages.toArray()]);
      return sortExportSet({ pages, ...pick(sets, keep) });
    }
    let sets: AnnotationSet[];
    if (scope.ids) {
      const ids = new Set(scope.ids);
      sets = await setsOfAnnotations(db, [...ids]);
      if (scope.pageKey !== undefined) sets = sets.filter((set) => set.pageKey === scope.pageKey);
      const picked = pick(sets, (a) => ids.has(a.id) && keep(a));
      return sortExportSet({ pages: await pagesOf(db, picked.annotations, scope.pageKey), ...picked });
    }
    const picked = pick([await readSet(db, scope.pageKey as string)], keep);
    return sortExportSet({ pages: await pagesOf(db, picked.annotations, scope.pageKey), ...picked });
  });
}

/** The annotations of some sets that `wanted` lets through, with their sources. */
function pick(sets: AnnotationSet[], wanted: (annotation: Annotation) => boolean): Omit<ExportSet, "pages"> {
  const annotations = sets.flatMap((set) => set.annotations.filter(wanted));
  const ids = new Set(annotations.map((a) => a.id));
  return { annotations, sources: sets.flatMap((set) => set.sources.filter((s) => ids.has(s.annotationId))) };
}

/** The page records of some annotations, and of the scope's page even when it has none. */
async function pagesOf(db: ClaimmarkDb, annotations: Annotation[], pageKey: string | undefined): Promise<PageRecord[]> {
  const keys = new Set(annotations.map((a) => a.pageKey));
  if (pageKey !== undefined) keys.add(pageKey);
  return (await db.pages.bulkGet([...keys])).filter((p): p is PageRecord => p !== undefined);
}
