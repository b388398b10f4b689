import type { DetectedSpan } from "../../lib/model";

/** The example article's best-known figure, as the content script reports it. */
export const MILITANTS: DetectedSpan = {
  kind: "figure",
  exact: "about 6,500 militants",
  prefix: "now reaching ",
  suffix: ", with up to 4,000",
  start: 100,
  end: 121,
  speaker: "Anatoly Sidorov",
  cue: null,
  figureKind: "count",
  value: 6500,
  unit: "militants",
  qualifier: "approximately",
  confidence: 0.9,
};
