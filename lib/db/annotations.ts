import { positionSelectorOf, quoteSelectorOf } from "../anchor/selectors";
import { sha256Hex } from "../extract/hash";
import {
  type AnchorState,
  type Annotation,
  type AnnotationKind,
  type AnnotationOrigin,
  type AnnotationStatus,
  type DetectedSpan,
  type MachineFields,
  machineFieldsOf,
  sourceLinks,
  sourcesByAnnotation,
  unreviewed,
} from "../model";
import type { ClaimmarkDb } from "./schema";
import { changeSet, readSet, type SetDraft } from "./store";

/**
 * The id of an automatic annotation: the same detection on the same page (same kind, text and
 * context) gets the same id on every visit, so re-detection merges instead of duplicating.
 */
export function detectionId(pageKey: string, detection: DetectedSpan): string {
  const known = ids.get(detection);
  if (known?.pageKey === pageKey) return known.id;
  const identity = [pageKey, detection.kind, detection.prefix, detection.exact, detection.suffix].join("\u0000");
  const id = `auto-${sha256Hex(identity).slice(0, 32)}`;
  ids.set(detection, { pageKey, id });
  return id;
}

/** Ids already worked out, per detection object (detections are never changed once made). */
const ids = new WeakMap<DetectedSpan, { pageKey: string; id: string }>();

/**
 * Works out the ids of many detections ahead of re-anchoring and storing them, `pause`-ing
 * between batches: thousands of hashes at once would hold the background, which serves every tab.
 */
export async function detectionIdsAhead(
  pageKey: string,
  detections: readonly DetectedSpan[],
  pause: () => Promise<void>,
  batch = 500,
): Promise<void> {
  for (let from = 0; from < detections.length; from += batch) {
    for (const detection of detections.slice(from, from + batch)) detectionId(pageKey, detection);
    await pause();
  }
}

/** The machine-made fields of an automatic annotation, refreshed on every visit. */
function detectedFields(detection: DetectedSpan) {
  return {
    exact: detection.exact,
    selectors: [
      {
        type: "TextQuoteSelector" as const,
        exact: detection.exact,
        prefix: detection.prefix,
        suffix: detection.suffix,
      },
      { type: "TextPositionSelector" as const, start: detection.start, end: detection.end },
    ],
    ...machineFieldsOf(detection),
    confidence: detection.confidence,
  };
}

/** A detection as a new automatic annotation of a page, with its W3C selectors. */
export function newAutoAnnotation(pageKey: string, detection: DetectedSpan, now: number): Annotation {
  return {
    id: detectionId(pageKey, detection),
    pageKey,
    kind: detection.kind,
    origin: "auto",
    ...detectedFields(detection),
    ...unreviewed(now),
  };
}

/**
 * A page's detections merged into its set as automatic annotations. New ones are added; known
 * ones get their text, selectors and machine-read fields refreshed, except the fields the reader
 * corrected (`corrected`): a speaker or a value the reader put right is never put back by the
 * next visit. The reader's work (status, tags, note, dismissal) is left exactly as it was.
 */
function mergeInto(draft: SetDraft, detections: DetectedSpan[], now: number): { added: number; kept: number } {
  const { pageKey } = draft;
  const at = new Map(draft.annotations.map((annotation, i) => [annotation.id, i]));
  let added = 0;
  let kept = 0;
  const seen = new Set<string>();
  for (const detection of detections) {
    const id = detectionId(pageKey, detection);
    // The same passage found twice (same text and context) is one annotation.
    if (seen.has(id)) continue;
    seen.add(id);
    const known = at.get(id);
    if (known === undefined) {
      at.set(id, draft.annotations.push(newAutoAnnotation(pageKey, detection, now)) - 1);
      added++;
    } else {
      const stored = draft.annotations[known] as Annotation;
      const refreshed: Annotation = { ...stored, ...detectedFields(detection) };
      for (const field of stored.corrected ?? []) Object.assign(refreshed, { [field]: stored[field] });
      draft.annotations[known] = refreshed;
      kept++;
    }
  }
  return { added, kept };
}

/** A stored annotation as re-anchoring needs it: to re-find it, paint it and show its card. */
export interface StoredAnnotationView extends MachineFields {
  id: string;
  kind: AnnotationKind;
  origin: AnnotationOrigin;
  exact: string;
  prefix: string;
  suffix: string;
  /** Where it was in the article text when stored (a hint: the article may have changed). */
  start: number | null;
  status: AnnotationStatus;
  dismissed: boolean;
  sources: { url: string; title: string }[];
}

/** How one stored annotation was re-found in a visit's article text. */
export interface AnchorReport {
  id: string;
  state: AnchorState;
  /** The text found instead of the stored one (fuzzy only). */
  current: string | null;
}

/** What re-anchoring needs of a stored annotation (its quote selector's words), with its sources' links. */
function viewOf(
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

/** A page's stored annotations as re-anchoring needs them, with their sources' links. */
export async function storedViews(db: ClaimmarkDb, pageKey: string): Promise<StoredAnnotationView[]> {
  const { annotations, sources } = await readSet(db, pageKey);
  const linksOf = sourcesByAnnotation(sources);
  return annotations.map((annotation) => ({
    ...viewOf(annotation, sourceLinks(linksOf.get(annotation.id) ?? [])),
    start: positionSelectorOf(annotation.selectors)?.start ?? null,
    // Deleted reads as dismissed here: not painted, and not re-created by the next detection.
    dismissed: annotation.dismissed || annotation.deleted === true,
  }));
}

/**
 * What a visit found, stored in one write of the page's set: the detections merged, and how the
 * stored annotations were re-found; hand-made annotations deleted over a day ago are removed.
 * Returns how many detections were new and how many known.
 */
export async function recordVisit(
  db: ClaimmarkDb,
  pageKey: string,
  detections: DetectedSpan[],
  anchors: AnchorReport[],
  now: number = Date.now(),
): Promise<{ added: number; kept: number }> {
  return changeSet(db, pageKey, (draft) => {
    purgeDeleted(draft, now);
    const merged = mergeInto(draft, detections, now);
    anchorsInto(draft, anchors, now);
    return merged;
  });
}

/** How long a deleted hand-made annotation is kept, for its Undo, before a visit removes it for good. */
export const PURGE_DELETED_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Removes hand-made annotations deleted long enough ago, with their sources. A deleted automatic
 * one stays: it is what keeps the next detection from bringing it back.
 */
function purgeDeleted(draft: SetDraft, now: number): void {
  const gone = new Set(
    draft.annotations
      .filter((a) => a.deleted && a.origin === "user" && now - a.updatedAt > PURGE_DELETED_AFTER_MS)
      .map((a) => a.id),
  );
  if (gone.size === 0) return;
  draft.annotations = draft.annotations.filter((a) => !gone.has(a.id));
  draft.sources = draft.sources.filter((s) => !gone.has(s.annotationId));
}

/** How a page's annotations were re-found on this visit, noted in its set; ids it does not hold are ignored. */
function anchorsInto(draft: SetDraft, anchors: AnchorReport[], now: number): void {
  const at = new Map(draft.annotations.map((annotation, i) => [annotation.id, i]));
  for (const anchor of anchors) {
    const i = at.get(anchor.id);
    if (i === undefined) continue;
    const annotation = draft.annotations[i] as Annotation;
    draft.annotations[i] = {
      ...annotation,
      anchor: { state: anchor.state, current: anchor.current, checkedAt: now },
    };
  }
}
