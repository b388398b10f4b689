import type { TextQuoteSelector } from "../model";
import {
  type Annotation,
  type AnnotationPatch,
  DEFAULT_SETTINGS,
  EDIT_LIMITS,
  type Settings,
  type Source,
  type SourceInput,
  unreviewed,
} from "../model";
import { siteOf } from "../url/normalize";
import type { ClaimmarkDb } from "./schema";

/**
 * The reader's own work, written the same way by the background (for the card in a page), the
 * popup and the library: one field at a time, so two tabs editing one annotation merge rather
 * than overwrite each other.
 */

/** A random id with a prefix saying what it names. */
export function newId(prefix: "user" | "source"): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

/** Applies a change to the fields it names, leaving every other field as stored. Returns the result. */
export async function updateAnnotation(
  db: ClaimmarkDb,
  id: string,
  patch: AnnotationPatch,
  now: number = Date.now(),
): Promise<Annotation | undefined> {
  return db.transaction("rw", db.annotations, async () => {
    const changed = await db.annotations.update(id, { ...patch, updatedAt: now });
    return changed ? db.annotations.get(id) : undefined;
  });
}

/** What the reader selected to annotate, located in the article text. */
export interface UserAnnotationInput {
  kind: "claim" | "figure" | "highlight";
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  speaker: string | null;
  figureKind: string | null;
  value: number | string | null;
  unit: string | null;
  qualifier: string | null;
}

/** Stores a hand-made annotation on a page. */
export async function createUserAnnotation(
  db: ClaimmarkDb,
  pageKey: string,
  input: UserAnnotationInput,
  now: number = Date.now(),
): Promise<Annotation> {
  const quote: TextQuoteSelector = {
    type: "TextQuoteSelector",
    exact: input.exact,
    prefix: input.prefix,
    suffix: input.suffix,
  };
  const annotation: Annotation = {
    id: newId("user"),
    pageKey,
    kind: input.kind,
    origin: "user",
    selectors: [quote, { type: "TextPositionSelector", start: input.start, end: input.end }],
    exact: input.exact,
    speaker: input.speaker,
    cue: null,
    figureKind: input.figureKind,
    value: input.value,
    unit: input.unit,
    qualifier: input.qualifier,
    confidence: 1,
    ...unreviewed(now),
    anchor: { state: "exact", current: null, checkedAt: now },
  };
  await db.annotations.add(annotation);
  return annotation;
}

/** Adds a source to an annotation; refuses past the per-annotation bound. */
export async function addSource(
  db: ClaimmarkDb,
  annotationId: string,
  input: SourceInput,
  now: number = Date.now(),
): Promise<Source> {
  return db.transaction("rw", db.annotations, db.sources, async () => {
    if (!(await db.annotations.get(annotationId))) throw new Error("no such annotation");
    const count = await db.sources.where("annotationId").equals(annotationId).count();
    if (count >= EDIT_LIMITS.sourcesPerAnnotation) throw new Error("too many sources on one annotation");
    const source: Source = { id: newId("source"), annotationId, ...input, createdAt: now, updatedAt: now };
    await db.sources.add(source);
    await db.annotations.update(annotationId, { updatedAt: now });
    return source;
  });
}

/** Changes the fields of a source it names. */
export async function updateSource(
  db: ClaimmarkDb,
  id: string,
  patch: Partial<SourceInput>,
  now: number = Date.now(),
): Promise<Source | undefined> {
  return db.transaction("rw", db.annotations, db.sources, async () => {
    const source = await db.sources.get(id);
    if (!source) return undefined;
    await db.sources.update(id, { ...patch, updatedAt: now });
    await db.annotations.update(source.annotationId, { updatedAt: now });
    return db.sources.get(id);
  });
}

/** Removes a source; returns it, so the reader can undo. */
export async function deleteSource(db: ClaimmarkDb, id: string, now: number = Date.now()): Promise<Source | undefined> {
  return db.transaction("rw", db.annotations, db.sources, async () => {
    const source = await db.sources.get(id);
    if (!source) return undefined;
    await db.sources.delete(id);
    await db.annotations.update(source.annotationId, { updatedAt: now });
    return source;
  });
}

/** Puts back a source removed by `deleteSource`. */
export async function restoreSource(db: ClaimmarkDb, source: Source): Promise<void> {
  await db.transaction("rw", db.annotations, db.sources, async () => {
    if (await db.annotations.get(source.annotationId)) await db.sources.put(source);
  });
}

/** The sources of some annotations, grouped by annotation id. */
export async function sourcesOf(db: ClaimmarkDb, annotationIds: string[]): Promise<Map<string, Source[]>> {
  const grouped = new Map<string, Source[]>();
  const sources = await db.sources.where("annotationId").anyOf(annotationIds).sortBy("createdAt");
  for (const source of sources) {
    const list = grouped.get(source.annotationId) ?? [];
    list.push(source);
    grouped.set(source.annotationId, list);
  }
  return grouped;
}

/** Every tag in use, most used first: what tag completion offers. */
export async function allTags(db: ClaimmarkDb): Promise<string[]> {
  const counts = new Map<string, number>();
  await db.annotations.each((annotation) => {
    if (annotation.deleted) return;
    for (const tag of annotation.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  });
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
}

/** An annotation on another page, with where it is and what backs it. */
export interface RelatedAnnotation {
  annotation: Annotation;
  pageTitle: string;
  pageUrl: string;
  sources: Source[];
}

/** How close two figures must be to count as the same figure: within this share of the larger. */
const CLOSE_VALUE = 0.25;

/** The last word of a name, case-folded: "Colonel-General Anatoly Sidorov" and "Sidorov" meet here. */
function speakerKey(speaker: string | null): string | null {
  const words = speaker?.trim().split(/\s+/u) ?? [];
  const last = words[words.length - 1];
  return last && last.length > 1 ? last.toLowerCase() : null;
}

/** The same unit written two ways: "militants" and "Militants", "%" and "percent". */
function unitKey(unit: string | null): string | null {
  if (!unit) return null;
  const key = unit.toLowerCase().trim();
  return key === "percent" || key === "per cent" ? "%" : key;
}

/**
 * Other pages' annotations that speak of the same thing: quotes and claims of the same speaker,
 * or figures with the same unit and a value within a quarter of this one's, with their sources,
 * so a reader sees when two articles give different numbers for the same thing.
 */
export async function relatedAnnotations(
  db: ClaimmarkDb,
  id: string,
  limit = 20,
): Promise<{ sameSpeaker: RelatedAnnotation[]; sameFigure: RelatedAnnotation[] }> {
  const annotation = await db.annotations.get(id);
  const none = { sameSpeaker: [], sameFigure: [] };
  if (!annotation) return none;
  const visible = (other: Annotation) => other.pageKey !== annotation.pageKey && !other.deleted && !other.dismissed;
  let sameSpeaker: Annotation[] = [];
  let sameFigure: Annotation[] = [];
  const key = speakerKey(annotation.speaker);
  if (key && annotation.kind !== "figure") {
    sameSpeaker = (await db.annotations.where("kind").anyOf("quote", "claim").toArray()).filter(
      (other) => visible(other) && speakerKey(other.speaker) === key,
    );
  }
  const unit = unitKey(annotation.unit);
  if (annotation.kind === "figure" && typeof annotation.value === "number" && unit) {
    const value = annotation.value;
    sameFigure = (await db.annotations.where("kind").equals("figure").toArray()).filter(
      (other) =>
        visible(other) &&
        unitKey(other.unit) === unit &&
        typeof other.value === "number" &&
        Math.abs(other.value - value) <= CLOSE_VALUE * Math.max(Math.abs(other.value), Math.abs(value)),
    );
  }
  const pick = [...sameSpeaker.slice(0, limit), ...sameFigure.slice(0, limit)];
  const pages = new Map((await db.pages.bulkGet([...new Set(pick.map((a) => a.pageKey))])).map((p) => [p?.key, p]));
  const sources = await sourcesOf(
    db,
    pick.map((a) => a.id),
  );
  const view = (other: Annotation): RelatedAnnotation => ({
    annotation: other,
    pageTitle: pages.get(other.pageKey)?.title ?? other.pageKey,
    pageUrl: pages.get(other.pageKey)?.url ?? other.pageKey,
    sources: sources.get(other.id) ?? [],
  });
  return { sameSpeaker: sameSpeaker.slice(0, limit).map(view), sameFigure: sameFigure.slice(0, limit).map(view) };
}

const SETTINGS_KEY = "settings";

/** The reader's settings, defaults filled in. */
export async function getSettings(db: ClaimmarkDb): Promise<Settings> {
  const stored = (await db.settings.get(SETTINGS_KEY))?.value;
  return {
    ...DEFAULT_SETTINGS,
    ...stored,
    highlightKinds: { ...DEFAULT_SETTINGS.highlightKinds, ...stored?.highlightKinds },
    siteRules: { ...stored?.siteRules },
  };
}

/** Saves the reader's settings. */
export async function saveSettings(db: ClaimmarkDb, settings: Settings): Promise<void> {
  await db.settings.put({ key: SETTINGS_KEY, value: settings });
}

/** Whether automatic detection runs on a page at this URL, by the site's rule or the default. */
export function detectsOn(settings: Settings, url: string): boolean {
  try {
    const site = siteOf(new URL(url).hostname);
    return settings.siteRules[site] ?? settings.autoDetect;
  } catch {
    return settings.autoDetect;
  }
}

/** Deletes every page, annotation and source (settings stay). */
export async function deleteAllData(db: ClaimmarkDb): Promise<void> {
  await db.transaction("rw", db.pages, db.annotations, db.sources, async () => {
    await Promise.all([db.pages.clear(), db.annotations.clear(), db.sources.clear()]);
  });
}
