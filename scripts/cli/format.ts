import Papa from "papaparse";
import { FLAT_KEYS, type FlatDetection, flatten } from "../../lib/detect/flat";
import type { Detection } from "../../lib/detect/types";

/** One detection as the CLI prints it: exactly these keys, null where they do not apply. */
export type DetectionRow = FlatDetection & { file?: string };

/** The printed form of a detection; `file` is added when several inputs are read in one call. */
export function toRow(detection: Detection, file?: string): DetectionRow {
  return file === undefined ? flatten(detection) : { file, ...flatten(detection) };
}

// A spreadsheet runs a cell that starts with one of these as a formula: article text is
// untrusted, so such text cells are prefixed with an apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;
const safeCell = (value: unknown): unknown =>
  typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;

/** Rows as JSON Lines. */
export function formatJsonl(rows: DetectionRow[]): string {
  return rows.map((row) => `${JSON.stringify(row)}\n`).join("");
}

/** Rows as one JSON array. */
export function formatJson(rows: DetectionRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** Rows as RFC 4180 CSV with a header; `withFile` adds the file column first. */
export function formatCsv(rows: DetectionRow[], withFile: boolean): string {
  const fields = withFile ? ["file", ...FLAT_KEYS] : [...FLAT_KEYS];
  const data = rows.map((row) => fields.map((field) => safeCell(row[field as keyof DetectionRow] ?? "")));
  return `${Papa.unparse({ fields, data }, { newline: "\r\n" })}\r\n`;
}

const mdCell = (value: unknown): string =>
  value === null || value === undefined
    ? ""
    : String(value).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\s+/g, " ");

/** Rows as Markdown tables, one section per file. */
export function formatMarkdown(rows: DetectionRow[], files: string[]): string {
  const header = "| kind | text | speaker | cue | value | unit | qualifier |\n|---|---|---|---|---|---|---|\n";
  const sections = files.map((file) => {
    const own = rows.filter((row) => row.file === undefined || row.file === file);
    const body = own
      .map(
        (row) =>
          `| ${row.kind} | ${mdCell(row.exact)} | ${mdCell(row.speaker)} | ${mdCell(row.cue)} | ${mdCell(row.value)} | ${mdCell(row.unit)} | ${mdCell(row.qualifier)} |\n`,
      )
      .join("");
    const title = files.length > 1 ? `## ${mdCell(file)}\n\n` : "";
    return own.length ? `${title}${header}${body}` : `${title}No detections.\n`;
  });
  return sections.join("\n");
}
