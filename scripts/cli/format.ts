import { type FlatDetection, flatten } from "../../lib/detect/flat";
import type { Detection } from "../../lib/detect/types";

/** One detection as the CLI prints it: exactly these keys, null where they do not apply. */
export type DetectionRow = FlatDetection & { file?: string };

/** The printed form of a detection; `file` is added when several inputs are read in one call. */
export function toRow(detection: Detection, file?: string): DetectionRow {
  return file === undefined ? flatten(detection) : { file, ...flatten(detection) };
}

/** Rows as JSON Lines. */
export function formatJsonl(rows: DetectionRow[]): string {
  return rows.map((row) => `${JSON.stringify(row)}\n`).join("");
}

/** Rows as one JSON array. */
export function formatJson(rows: DetectionRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}
