import type { Detection, DetectionKind } from "./types";

/** The fields of a detection as one flat record, in the order the CLI prints them. */
export const FLAT_KEYS = [
  "kind",
  "exact",
  "start",
  "end",
  "speaker",
  "cue",
  "figureKind",
  "value",
  "unit",
  "qualifier",
] as const;

/** A detection of any kind as one flat record: null where a field does not apply. */
export interface FlatDetection {
  kind: DetectionKind;
  exact: string;
  start: number;
  end: number;
  speaker: string | null;
  cue: string | null;
  figureKind: string | null;
  value: number | string | null;
  unit: string | null;
  qualifier: string | null;
}

/** Flattens a detection: the shape the CLI prints and the content script reports. */
export function flatten(detection: Detection): FlatDetection {
  const figure = detection.kind === "figure" ? detection : null;
  return {
    kind: detection.kind,
    exact: detection.exact,
    start: detection.start,
    end: detection.end,
    speaker: detection.speaker,
    cue: figure ? null : (detection as { cue: string | null }).cue,
    figureKind: figure?.figureKind ?? null,
    value: figure?.value ?? null,
    unit: figure?.unit ?? null,
    qualifier: figure?.qualifier ?? null,
  };
}
