import { CONTEXT_LENGTH } from "../anchor/selectors";
import type { DetectedSpan } from "../model";
import { flatten } from "./flat";
import type { Detection } from "./types";

/**
 * What the content script reports of its detections: quotes, claims and figures with their
 * context for anchoring. Terms are left out: they exist to keep names from being taken for
 * quotes, and are not something a reader annotates.
 */
export function reportDetections(text: string, detections: Detection[]): DetectedSpan[] {
  const reported: DetectedSpan[] = [];
  for (const detection of detections) {
    if (detection.kind === "term") continue;
    reported.push({
      ...flatten(detection),
      kind: detection.kind,
      prefix: text.slice(Math.max(0, detection.start - CONTEXT_LENGTH), detection.start),
      suffix: text.slice(detection.end, detection.end + CONTEXT_LENGTH),
      confidence: detection.confidence,
    });
  }
  return reported;
}
