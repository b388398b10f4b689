import type { ClaimmarkDb } from "../db/schema";
import { carryLayout, emptySet, locate, readSets, type SetDraft, writeSets } from "../db/store";
import { type Annotation, PAGE_FIELD_LIMITS, type PageRecord, type Source } from "../model";
import { readerEdited } from "../reader-edited";
import { normalizeUrl } from "../url/normalize";
import { conflictsOf, type ImportConflict } from "./conflicts";
import { refreshUnedited } from "./merge";
import type { ParsedFile, ParsedItem } from "./parsed";
import { isHypothesisExport, readHypothesis } from "./read-hypothesis";
import { isW3cCollection, readW3c } from "./read-w3c";

/** What an import did: annotations added and merged, items refused and why, pages and sources written, conflicts kept. */
export interface ImportReport {
  added: number;
  /** Annotations already stored (found by id): refreshed, left as they were, or in conflict. */
  merged: number;
  /** Of those, how many the file changed: plain detections the reader had not edited. */
  updated: number;
  refused: { item: string; reason: string }[];
  /** Pages new to the database (a stored page is never changed). */
  pages: number;
  /** Sources added. */
  sources: number;
  /** Values of annotations the reader has edited that the file would change: the reader's were kept. */
  conflicts: ImportConflict[];
  /** Conflicts past `IMPORT_MAX_CONFLICTS`, counted but not listed. */
  unlistedConflicts: number;
}

/**
 * Most conflicts one report lists: enough for any real disagreement, and a bound on what crosses
 * to the page and is drawn there when an old backup differs from everything. The rest are counted;
 * importing the file again, once the listed ones are settled, lists them.
 */
export const IMPORT_MAX_CONFLICTS = 1000;

export type ImportResult = { ok: true; report: ImportReport } | { ok: false; error: string };

/**
 * Largest file Claimmark reads (in UTF-8 bytes): bigger ones are refused before parsing. A library
 * exports at about 0.9 KB an annotation, so this restores any backup within the 200,000-annotation
 * limit, and still turns away a file that would only exhaust the browser's memory.
 */
export const IMPORT_MAX_BYTES: number = 256 * 1024 * 1024;

/** Bytes a string takes in UTF-8, counted without building the encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The size check, cheap first: a string is at least as many bytes as it has code units. */
function tooBig(text: string, max: number): string | null {
  if (text.length <= max / 3) return null;
  const bytes = text.length > max ? text.length : utf8Length(text);
  return bytes > max ? `the file is ${megabytes(bytes)}, more than the ${megabytes(max)} Claimmark imports` : null;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const truncated = /end of (JSON )?input|Unterminated/iu.test(reason) ? " (is it cut short?)" : "";
    return { ok: false, error: `not JSON${truncated}: ${reason.slice(0, 200)}` };
  }
}

/** The file read and checked, or what is wrong with it as a whole. */
export function readImport(text: string, maxBytes: number = IMPORT_MAX_BYTES): ParsedFile | string {
  const big = tooBig(text, maxBytes);
  if (big) return big;
  if (text.trim() === "") return "the file is empty";
  const json = parseJson(text);
  if (!json.ok) return json.error;
  if (isW3cCollection(json.value)) return readW3c(json.value);
  if (isHypothesisExport(json.value)) return readHypothesis(json.value);
  return "not a Claimmark JSON-LD file (an AnnotationCollection) or a Hypothesis export (a list of annotations)";
}

/** A page the file names but does not describe: no article known yet, so the first visit reads it. */
function stubPage(key: string, item: ParsedItem, now: number): PageRecord {
  return {
    key,
    url: normalizeUrl(item.pageUrl) ?? key,
    canonicalUrl: null,
    readerable: false,
    hasArticle: false,
    noArticleReason: null,
    title: (item.pageTitle || key).slice(0, PAGE_FIELD_LIMITS.title),
    byline: null,
    siteName: null,
    publishedTime: null,
    lang: null,
    excerpt: null,
    textLength: 0,
    textHash: null,
    firstSeen: now,
    lastSeen: now,
  };
}

/** Items whose id, or whose sources' ids, an earlier item of the same file already used. */
function dropDuplicates(parsed: ParsedFile): ParsedItem[] {
  const annotationIds = new Set<string>();
  const sourceIds = new Set<string>();
  const kept: ParsedItem[] = [];
  for (const item of parsed.items) {
    const reason = annotationIds.has(item.annotation.id)
      ? "the same id as an earlier annotation in the file"
      : item.sources.some((s) => sourceIds.has(s.id)) ||
          new Set(item.sources.map((s) => s.id)).size < item.sources.length
        ? "a source id another source in the file already has"
        : null;
    if (reason) {
      parsed.refused.push({ item: item.annotation.id, reason });
      continue;
    }
    annotationIds.add(item.annotation.id);
    for (const source of item.sources) sourceIds.add(source.id);
    kept.push(item);
  }
  return kept;
}

/** A page's set being imported into, with its annotations and sources found by id. */
class Draft implements SetDraft {
  readonly pageKey: string;
  annotations: Annotation[];
  sources: Source[];
  private readonly annotationAt: Map<string, number>;
  private readonly sourceAt: Map<string, number>;
  /** Ids of the annotations some source backs: built on first use (most imports never ask). */
  private backed: Set<string> | undefined;

  constructor(set: SetDraft) {
    this.pageKey = set.pageKey;
    this.annotations = set.annotations;
    this.sources = set.sources;
    this.annotationAt = new Map(set.annotations.map((a, i) => [a.id, i]));
    this.sourceAt = new Map(set.sources.map((source, i) => [source.id, i]));
    // The same lists, changed in place: written back, only the chunks changed are rewritten.
    carryLayout(set, this);
  }

  annotation(id: string): Annotation | undefined {
    const at = this.annotationAt.get(id);
    return at === undefined ? undefined : this.annotations[at];
  }

  source(id: string): Source | undefined {
    const at = this.sourceAt.get(id);
    return at === undefined ? undefined : this.sources[at];
  }

  putAnnotation(annotation: Annotation): void {
    const at = this.annotationAt.get(annotation.id);
    if (at !== undefined) this.annotations[at] = annotation;
    else this.annotationAt.set(annotation.id, this.annotations.push(annotation) - 1);
  }

  /** Whether any source of this set backs the annotation: indexed on first use, kept up to date by `putSource`. */
  hasSources(annotationId: string): boolean {
    if (!this.backed) this.backed = new Set(this.sources.map((source) => source.annotationId));
    return this.backed.has(annotationId);
  }

  putSource(source: Source): void {
    const at = this.sourceAt.get(source.id);
    if (at !== undefined) this.sources[at] = source;
    else this.sourceAt.set(source.id, this.sources.push(source) - 1);
    this.backed?.add(source.annotationId);
  }
}

/**
 * Writes checked items in one transaction, merging with what is stored; returns the report.
 * Each page's annotations are a few records (see `AnnotationChunk`), so 100,000 annotations on 1,000 pages are some 2,000 writes.
 */
async function write(db: ClaimmarkDb, parsed: ParsedFile, items: ParsedItem[], now: number): Promise<ImportReport> {
  return db.transaction("rw", db.pages, db.annotationChunks, async () => {
    const report: ImportReport = {
      added: 0,
      merged: 0,
      updated: 0,
      refused: parsed.refused,
      pages: 0,
      sources: 0,
      conflicts: [],
      unlistedConflicts: 0,
    };
    const drafts = new Map<string, Draft>();
    const load = async (keys: string[]) => {
      const wanted = keys.filter((key) => !drafts.has(key));
      const stored = new Map((await readSets(db, wanted)).map((set) => [set.pageKey, set]));
      for (const pageKey of wanted) {
        drafts.set(pageKey, new Draft(stored.get(pageKey) ?? emptySet(pageKey)));
      }
    };
    // The file's pages are read (and written) anyway; an id the file puts on one page is nearly
    // always stored on that page or nowhere, so only the ids not found there are looked for elsewhere.
    await load([...new Set(items.map((item) => item.annotation.pageKey))]);
    const draftOf = (key: string) => drafts.get(key) as Draft;
    const notOnTheirPage = items.filter((item) => !draftOf(item.annotation.pageKey).annotation(item.annotation.id));
    const annotationPage = await locate(
      db,
      "ids",
      notOnTheirPage.map((item) => item.annotation.id),
    );
    await load([...annotationPage.values()]);
    const sourceHome = new Map<string, Draft>();
    for (const draft of drafts.values()) for (const source of draft.sources) sourceHome.set(source.id, draft);
    const elsewhere = await locate(
      db,
      "sourceIds",
      items.flatMap((item) => item.sources.map((source) => source.id)).filter((id) => !sourceHome.has(id)),
    );
    await load([...elsewhere.values()]);
    for (const [id, key] of elsewhere) sourceHome.set(id, draftOf(key));
    const storedSource = (id: string): Source | undefined => sourceHome.get(id)?.source(id);
    const touched = new Set<Draft>();
    // Pages to create if new: the file's own, and those of the annotations it adds.
    const pageOf = new Map<string, ParsedItem>();
    let conflicts = 0;
    for (const item of items) {
      const foreign = item.sources.find((s) => {
        const stored = storedSource(s.id);
        return stored !== undefined && stored.annotationId !== s.annotationId;
      });
      if (foreign) {
        report.refused.push({ item: item.annotation.id, reason: `source ${foreign.id} belongs to another annotation` });
        continue;
      }
      // An annotation already stored stays on its page, whatever page the file puts it on.
      const home = draftOf(annotationPage.get(item.annotation.id) ?? item.annotation.pageKey);
      const stored = home.annotation(item.annotation.id);
      if (!stored) {
        home.putAnnotation(item.annotation);
        for (const source of item.sources) home.putSource(source);
        touched.add(home);
        report.added++;
        report.sources += item.sources.length;
        if (!pageOf.has(item.annotation.pageKey)) pageOf.set(item.annotation.pageKey, item);
        continue;
      }
      report.merged++;
      if (readerEdited(stored, home.hasSources(stored.id))) {
        // The reader's values stay, whatever the file's dates say; each difference is listed.
        for (const found of conflictsOf(stored, item.annotation, item.sources, storedSource)) {
          if (conflicts++ < IMPORT_MAX_CONFLICTS) report.conflicts.push(found);
        }
        continue;
      }
      const refreshed = refreshUnedited(stored, item.annotation, item.sources.length > 0);
      if (!refreshed) continue;
      home.putAnnotation(refreshed);
      // A plain detection has no sources (sources make it the reader's): the file's are all new.
      for (const source of item.sources) home.putSource(source);
      touched.add(home);
      report.updated++;
      report.sources += item.sources.length;
    }
    report.unlistedConflicts = conflicts - report.conflicts.length;
    const filePages = new Map(parsed.pages.map((page) => [page.key, page]));
    const wanted = [...new Set([...filePages.keys(), ...pageOf.keys()])];
    const known = new Set(
      (await db.pages.bulkGet(wanted)).filter((page) => page !== undefined).map((page) => page.key),
    );
    // A page already stored is never changed: its address, title and text hash are what the
    // reader's own browser recorded, and a file must not point them elsewhere.
    const pages = wanted
      .filter((key) => !known.has(key))
      .map((key) => filePages.get(key) ?? stubPage(key, pageOf.get(key) as ParsedItem, now));
    report.pages = pages.length;
    await db.pages.bulkPut(pages);
    await writeSets(db, [...touched]);
    return report;
  });
}

/**
 * Detects Claimmark JSON-LD or a Hypothesis JSON export, validates it with zod, and writes it in ONE Dexie transaction (all or nothing on a structural error; per-item refusals listed for items that fail validation).
 * An annotation whose id exists is merged: one the reader has edited keeps every value, each difference listed as a conflict; a plain detection takes the file's copy when newer or reviewed. Stored pages never change.
 */
export async function importText(
  db: ClaimmarkDb,
  text: string,
  options: { maxBytes?: number; now?: number } = {},
): Promise<ImportResult> {
  const parsed = readImport(text, options.maxBytes ?? IMPORT_MAX_BYTES);
  if (typeof parsed === "string") return { ok: false, error: parsed };
  const items = dropDuplicates(parsed);
  if (items.length === 0 && parsed.refused.length > 0) {
    const first = parsed.refused[0] as { item: string; reason: string };
    const more = parsed.refused.length > 1 ? ` (and ${parsed.refused.length - 1} more refused)` : "";
    return { ok: false, error: `nothing to import: ${first.item}: ${first.reason}${more}` };
  }
  try {
    return { ok: true, report: await write(db, parsed, items, options.now ?? Date.now()) };
  } catch (error) {
    return { ok: false, error: `could not write: ${error instanceof Error ? error.message : String(error)}` };
  }
}
