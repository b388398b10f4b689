import {
  type Annotation,
  type AnnotationPatch,
  CORRECTABLE_FIELDS,
  DEFAULT_SETTINGS,
  EDIT_LIMITS,
  HIGHLIGHT_KINDS,
  type HighlightKind,
  type Settings,
  type Source,
  type SourceInput,
  type TextQuoteSelector,
  unreviewed,
} from "../model";
import type { ClaimmarkDb } from "./schema";
import {
  changeAnnotation,
  changeSet,
  changeSetOfAnnotation,
  changeSetOfSource,
  clearSets,
  groupSources,
  readSets,
  type SetDraft,
  tagPageCounts,
} from "./store";

/**
 * The reader's own work, written the same way by the background (for the card in a page), the
 * popup and the library: one field at a time, so two tabs editing one annotation merge rather
 * than overwrite each other.
 */

/** A random id with a prefix saying what it names. */
export function newId(prefix: "user" | "source"): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

/** An annotation with a change applied to the fields it names, every other field as it was. */
export function patched(annotation: Annotation, patch: AnnotationPatch, now: number): Annotation {
  const changed: Annotation = { ...annotation, ...patch, updatedAt: now };
  // A correction of a machine-read field is remembered, so the next visit's detection keeps it.
  const corrected = CORRECTABLE_FIELDS.filter((field) => field in patch || annotation.corrected?.includes(field));
  if (corrected.length > 0) changed.corrected = corrected;
  // An absent field in a patch is left alone; one given as undefined is removed (undelete).
  for (const [key, value] of Object.entries(patch)) if (value === undefined) delete changed[key as keyof Annotation];
  return changed;
}

/** Applies a change to the fields it names, leaving every other field as stored. Returns the result. */
export async function updateAnnotation(
  db: ClaimmarkDb,
  id: string,
  patch: AnnotationPatch,
  now: number = Date.now(),
): Promise<Annotation | undefined> {
  return changeAnnotation(db, id, (annotation) => patched(annotation, patch, now));
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
  await changeSet(db, pageKey, (draft) => draft.annotations.push(annotation));
  return annotation;
}

/** Marks an annotation of a set changed: one of its sources was. */
function touch(draft: SetDraft, annotationId: string, now: number): void {
  draft.annotations = draft.annotations.map((a) => (a.id === annotationId ? { ...a, updatedAt: now } : a));
}

/** Adds a source to an annotation of this set; refuses past the per-annotation bound. Undefined when the set lacks the annotation. */
export function addSourceIn(
  draft: SetDraft,
  annotationId: string,
  input: SourceInput,
  now: number,
): Source | undefined {
  if (!draft.annotations.some((a) => a.id === annotationId)) return undefined;
  const count = draft.sources.filter((source) => source.annotationId === annotationId).length;
  if (count >= EDIT_LIMITS.sourcesPerAnnotation) throw new Error("too many sources on one annotation");
  const source: Source = { id: newId("source"), annotationId, ...input, createdAt: now, updatedAt: now };
  draft.sources.push(source);
  touch(draft, annotationId, now);
  return source;
}

/**
 * Replaces (or with null, removes) the source with this id in this set and marks its annotation
 * changed. Returns the source as it now is, or as it was when removed; undefined when there is none.
 */
export function changeSourceIn(
  draft: SetDraft,
  id: string,
  change: (source: Source) => Source | null,
  now: number,
): Source | undefined {
  const at = draft.sources.findIndex((source) => source.id === id);
  if (at === -1) return undefined;
  const source = draft.sources[at] as Source;
  const changed = change(source);
  if (changed) draft.sources[at] = changed;
  else draft.sources.splice(at, 1);
  touch(draft, source.annotationId, now);
  return changed ?? source;
}

/** Puts back, in this set, a source removed by `deleteSource`; undefined when there is nothing to do. */
export function restoreSourceIn(draft: SetDraft, source: Source): Source | undefined {
  if (!draft.annotations.some((a) => a.id === source.annotationId)) return undefined;
  if (draft.sources.some((s) => s.id === source.id)) return undefined;
  draft.sources.push(source);
  return source;
}

/** Adds a source to an annotation; refuses past the per-annotation bound. */
export async function addSource(
  db: ClaimmarkDb,
  annotationId: string,
  input: SourceInput,
  now: number = Date.now(),
): Promise<Source> {
  const added = await changeSetOfAnnotation(db, annotationId, (draft) => addSourceIn(draft, annotationId, input, now));
  if (!added) throw new Error("no such annotation");
  return added;
}

/** Changes the fields of a source it names. */
export async function updateSource(
  db: ClaimmarkDb,
  id: string,
  patch: Partial<SourceInput>,
  now: number = Date.now(),
): Promise<Source | undefined> {
  return changeSetOfSource(db, id, (draft) =>
    changeSourceIn(draft, id, (source) => ({ ...source, ...patch, updatedAt: now }), now),
  );
}

/** Removes a source; returns it, so the reader can undo. */
export async function deleteSource(db: ClaimmarkDb, id: string, now: number = Date.now()): Promise<Source | undefined> {
  return changeSetOfSource(db, id, (draft) => changeSourceIn(draft, id, () => null, now));
}

/** Puts back a source removed by `deleteSource`. */
export async function restoreSource(db: ClaimmarkDb, source: Source): Promise<void> {
  await changeSetOfAnnotation(db, source.annotationId, (draft) => restoreSourceIn(draft, source));
}

/** Every tag in use, on the most pages first: what tag completion offers. Read from the tag index alone. */
export async function allTags(db: ClaimmarkDb): Promise<string[]> {
  const counts = await tagPageCounts(db);
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
  annotation: Annotation,
  limit = 20,
): Promise<{ sameSpeaker: RelatedAnnotation[]; sameFigure: RelatedAnnotation[] }> {
  const visible = (other: Annotation) => other.pageKey !== annotation.pageKey && !other.deleted && !other.dismissed;
  let sameSpeaker: Annotation[] = [];
  let sameFigure: Annotation[] = [];
  const key = speakerKey(annotation.speaker);
  const unit = unitKey(annotation.unit);
  const speaks = key !== null && annotation.kind !== "figure";
  const counts = annotation.kind === "figure" && typeof annotation.value === "number" && unit !== null;
  const sets = speaks || counts ? await readSets(db) : [];
  const everything = sets.flatMap((set) => set.annotations);
  if (speaks) {
    sameSpeaker = everything.filter(
      (other) =>
        (other.kind === "quote" || other.kind === "claim") && visible(other) && speakerKey(other.speaker) === key,
    );
  }
  if (counts) {
    const value = annotation.value as number;
    sameFigure = everything.filter(
      (other) =>
        other.kind === "figure" &&
        visible(other) &&
        unitKey(other.unit) === unit &&
        typeof other.value === "number" &&
        Math.abs(other.value - value) <= CLOSE_VALUE * Math.max(Math.abs(other.value), Math.abs(value)),
    );
  }
  const pick = [...sameSpeaker.slice(0, limit), ...sameFigure.slice(0, limit)];
  const pages = new Map((await db.pages.bulkGet([...new Set(pick.map((a) => a.pageKey))])).map((p) => [p?.key, p]));
  const picked = new Set(pick.map((a) => a.id));
  const sources = groupSources(sets.flatMap((set) => set.sources.filter((s) => picked.has(s.annotationId))));
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
  return settingsFrom((await db.settings.get(SETTINGS_KEY))?.value);
}

/**
 * Stored settings, of any earlier version, as this version reads them: a setting missing or not of
 * its type takes its default. Settings saved before dates were a kind of their own have no "date"
 * highlight kind; dates then start hidden, as for a new reader (one who hid figures hid dates too).
 */
export function settingsFrom(stored: Partial<Settings> | undefined): Settings {
  const kinds = stored?.highlightKinds as Partial<Record<HighlightKind, unknown>> | undefined;
  const highlightKinds = { ...DEFAULT_SETTINGS.highlightKinds };
  for (const kind of HIGHLIGHT_KINDS) {
    const on = kinds?.[kind];
    if (typeof on === "boolean") highlightKinds[kind] = on;
  }
  return { ...DEFAULT_SETTINGS, ...stored, highlightKinds, siteRules: { ...stored?.siteRules } };
}

/** Saves the reader's settings. */
export async function saveSettings(db: ClaimmarkDb, settings: Settings): Promise<void> {
  await db.settings.put({ key: SETTINGS_KEY, value: settings });
}

/** Deletes every page, annotation and source (settings stay). */
export async function deleteAllData(db: ClaimmarkDb): Promise<void> {
  await db.transaction("rw", db.pages, db.annotationChunks, async () => {
    await Promise.all([db.pages.clear(), clearSets(db)]);
  });
}
