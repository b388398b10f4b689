import { type AnchorReport, detectionId, type StoredAnnotationView } from "../db/annotations";
import { type AnchorState, type DetectedSpan, machineFieldsOf } from "../model";
import { locateAll, type TextMatch } from "./locate";
import { type KeyedRange, OverlapIndex } from "./overlap-index";
import { CONTEXT_LENGTH } from "./selectors";

/** An annotation to show on this visit, located in this visit's article text. */
export interface LocatedAnnotation extends Omit<StoredAnnotationView, "start" | "dismissed"> {
  /** Where it is in this visit's article text. */
  start: number;
  end: number;
  /** "exact" for new detections and annotations found unchanged; "fuzzy" when the text changed. */
  anchor: Exclude<AnchorState, "orphan">;
  /** The text stored when it was annotated, when it differs from `exact` (fuzzy only). */
  storedExact: string | null;
}

/** The outcome of re-finding a page's stored annotations in a fresh article text. */
export interface Reanchoring {
  /** How each stored annotation was re-found, for the background to record. */
  anchors: AnchorReport[];
  /** Detections to merge into storage: all of this visit's, except a changed text of a stored annotation. */
  toStore: DetectedSpan[];
  /** Everything to paint, dismissed annotations left out, in article order. */
  located: LocatedAnnotation[];
  /** Stored annotations that could not be found: kept, and listed as orphans. */
  orphans: StoredAnnotationView[];
}

/**
 * Re-finds stored annotations in this visit's article text (exact, then by position, then fuzzy)
 * and merges this visit's detections with them. A detection that lies where a stored annotation
 * of its kind was found is that annotation again (perhaps reworded, perhaps with edited
 * surroundings, which change a detection's id): it is not stored twice, so a stealth edit shows
 * as a change (old text beside new), not as a duplicate, and a dismissal survives the edit.
 */
export function reanchor(
  text: string,
  pageKey: string,
  stored: StoredAnnotationView[],
  detections: DetectedSpan[],
): Reanchoring {
  const matches = locateAll(
    text,
    stored.map((annotation) => ({
      exact: annotation.exact,
      prefix: annotation.prefix,
      suffix: annotation.suffix,
      hint: annotation.start ?? undefined,
    })),
  );
  const anchors: AnchorReport[] = [];
  const located: LocatedAnnotation[] = [];
  const orphans: StoredAnnotationView[] = [];
  // Where stored annotations were found, by kind: a new detection there is one of them again.
  const taken: KeyedRange[] = [];
  stored.forEach((annotation, i) => {
    const match = matches[i] as TextMatch | null;
    if (!match) {
      anchors.push({ id: annotation.id, state: "orphan", current: null });
      if (!annotation.dismissed) orphans.push(annotation);
      return;
    }
    const current = text.slice(match.start, match.end);
    const state = current === annotation.exact ? "exact" : "fuzzy";
    anchors.push({ id: annotation.id, state, current: state === "fuzzy" ? current : null });
    taken.push({ key: annotation.kind, start: match.start, end: match.end });
    if (annotation.dismissed) return;
    const { start: _storedStart, dismissed: _dismissed, ...view } = annotation;
    located.push({
      ...view,
      exact: current,
      prefix: text.slice(Math.max(0, match.start - CONTEXT_LENGTH), match.start),
      suffix: text.slice(match.end, match.end + CONTEXT_LENGTH),
      start: match.start,
      end: match.end,
      anchor: state,
      storedExact: state === "fuzzy" ? annotation.exact : null,
    });
  });

  const takenIndex = new OverlapIndex(taken);
  const storedIds = new Set(stored.map((annotation) => annotation.id));
  const toStore: DetectedSpan[] = [];
  const seen = new Set<string>();
  for (const detection of detections) {
    const id = detectionId(pageKey, detection);
    // A passage repeated with the same 32 characters around it is one annotation (one id): keep the first.
    if (seen.has(id)) continue;
    seen.add(id);
    if (storedIds.has(id)) {
      toStore.push(detection); // refreshes its machine-made fields
      continue;
    }
    // A changed quote re-detected, a detection whose neighbourhood was edited, a dismissed one
    // whose context changed: each is a stored annotation found again, not a new one.
    if (takenIndex.overlaps(detection.kind, detection.start, detection.end)) continue;
    toStore.push(detection);
    located.push({
      id,
      kind: detection.kind,
      origin: "auto",
      exact: detection.exact,
      prefix: detection.prefix,
      suffix: detection.suffix,
      start: detection.start,
      end: detection.end,
      status: "unverified",
      ...machineFieldsOf(detection),
      sources: [],
      anchor: "exact",
      storedExact: null,
    });
  }
  located.sort((a, b) => a.start - b.start || b.end - a.end);
  return { anchors, toStore, located, orphans };
}
