import { sha256Hex } from "../extract/hash";
import type { Annotation, DetectedSpan } from "../model";
import type { ClaimmarkDb } from "./schema";

/**
 * The id of an automatic annotation: the same detection on the same page (same kind, text and
 * context) gets the same id on every visit, so re-detection merges instead of duplicating.
 */
export function detectionId(pageKey: string, detection: DetectedSpan): string {
  const identity = [pageKey, detection.kind, detection.prefix, detection.exact, detection.suffix].join("\u0000");
  return `auto-${sha256Hex(identity).slice(0, 32)}`;
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
    speaker: detection.speaker,
    cue: detection.cue,
    figureKind: detection.figureKind,
    value: detection.value,
    unit: detection.unit,
    qualifier: detection.qualifier,
    confidence: detection.confidence,
  };
}

/**
 * Stores a page's detections as automatic annotations. New ones are added; known ones get
 * their machine fields refreshed while the reader's work on them (status, tags, note,
 * dismissal) is left exactly as it was. Returns how many were added.
 */
export async function mergeDetections(
  db: ClaimmarkDb,
  pageKey: string,
  detections: DetectedSpan[],
  now: number = Date.now(),
): Promise<{ added: number; kept: number }> {
  const byId = new Map(detections.map((detection) => [detectionId(pageKey, detection), detection]));
  const ids = [...byId.keys()];
  return db.transaction("rw", db.annotations, async () => {
    const existing = await db.annotations.bulkGet(ids);
    const fresh: Annotation[] = [];
    const refreshed: Annotation[] = [];
    ids.forEach((id, i) => {
      const fields = detectedFields(byId.get(id) as DetectedSpan);
      const known = existing[i];
      if (known) {
        refreshed.push({ ...known, ...fields });
        return;
      }
      fresh.push({
        id,
        pageKey,
        kind: (byId.get(id) as DetectedSpan).kind,
        origin: "auto",
        ...fields,
        status: "unverified",
        tags: [],
        note: "",
        dismissed: false,
        createdAt: now,
        updatedAt: now,
      });
    });
    await db.annotations.bulkPut([...fresh, ...refreshed]);
    return { added: fresh.length, kept: refreshed.length };
  });
}
