import Papa from "papaparse";
import { readableValue } from "../format/figure-value";
import { type Annotation, type PageRecord, type Source, sourcesByAnnotation } from "../model";
import type { ExportSet } from "./collect";
import { isoDate } from "./dates";

/** The CSV columns, in order. */
export const CSV_COLUMNS = [
  "page URL",
  "page title",
  "kind",
  "text",
  "speaker",
  "cue",
  "figure kind",
  "value",
  "value (readable)",
  "unit",
  "qualifier",
  "status",
  "tags",
  "note",
  "source count",
  "source URL",
  "source title",
  "source publisher",
  "source accessed",
  "source quoted passage",
  "source note",
  "origin",
  "dismissed",
  "created",
  "updated",
  "id",
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Joins the tags of one cell. */
export const TAG_SEPARATOR = "; ";

/** The source columns and the field of a source each holds. */
export const SOURCE_COLUMNS: readonly (readonly [CsvColumn, keyof Source])[] = [
  ["source URL", "url"],
  ["source title", "title"],
  ["source publisher", "publisher"],
  ["source accessed", "accessedAt"],
  ["source quoted passage", "quote"],
  ["source note", "note"],
];

/**
 * One source column's cell: the field itself for one source; for several, each source's on a line
 * of its own, numbered ("[1] …", "[2] …", "[2]" alone when that source has none), so that the lines
 * of every source column line up and a line break inside a note or a quoted passage cannot be taken
 * for the next source (the next one starts with its number).
 */
export function joinSourceField(values: readonly string[]): string {
  if (values.length === 1) return values[0] ?? "";
  return values.map((value, i) => (value === "" ? `[${i + 1}]` : `[${i + 1}] ${value}`)).join("\n");
}

/**
 * CSV injection: a spreadsheet runs a cell as a formula when it starts with `=`, `+`, `-` or `@`,
 * and some skip whitespace or a quotation mark first, or read the full-width and small forms (＝,
 * ﹦, the minus sign U+2212, …) as the ASCII ones. A text cell is guarded, with an apostrophe in
 * front, when its first character past any whitespace (every Unicode White_Space, and the other
 * invisible format and control characters, U+FEFF among them) and quotation marks is one of those;
 * and, as OWASP advises, when it starts with a tab or a carriage return (past quotation marks).
 */
const FORMULA_START =
  /^\p{Quotation_Mark}*[\t\r]|^[\p{White_Space}\p{Cc}\p{Cf}\p{Quotation_Mark}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\u2212\uFE66\uFE62\uFE63]/u;

/** The mark put in front of a guarded cell: spreadsheets show what follows as text. */
export const GUARD = "'";

/** Whether a spreadsheet could take this text for a formula (see FORMULA_START). */
export function needsGuard(value: string): boolean {
  return FORMULA_START.test(value);
}

/** A text cell made safe to open in a spreadsheet, and well-formed (a lone surrogate becomes U+FFFD). */
export function safeCell(value: string): string {
  const text = value.toWellFormed();
  return needsGuard(text) ? `${GUARD}${text}` : text;
}

/**
 * A cell as it was before `safeCell` guarded it. Exact because a guard never changes the answer:
 * `needsGuard("'" + text)` is `needsGuard(text)` (the apostrophe is a quotation mark, skipped like
 * any other), so a cell starting with an apostrophe that guards a formula was guarded by us.
 */
export function unguardCell(cell: string): string {
  return cell.startsWith(GUARD) && needsGuard(cell.slice(GUARD.length)) ? cell.slice(GUARD.length) : cell;
}

function row(
  annotation: Annotation,
  page: PageRecord | undefined,
  sources: Source[],
): Record<CsvColumn, string | number> {
  const value = annotation.value;
  const cells: Record<CsvColumn, string | number> = {
    "page URL": page?.url ?? annotation.pageKey,
    "page title": page?.title ?? "",
    kind: annotation.kind,
    text: annotation.exact,
    speaker: annotation.speaker ?? "",
    cue: annotation.cue ?? "",
    "figure kind": annotation.figureKind ?? "",
    value: value ?? "",
    "value (readable)": readableValue(annotation, page?.lang),
    unit: annotation.unit ?? "",
    qualifier: annotation.qualifier ?? "",
    status: annotation.status,
    tags: annotation.tags.join(TAG_SEPARATOR),
    note: annotation.note,
    "source count": sources.length,
    "source URL": "",
    "source title": "",
    "source publisher": "",
    "source accessed": "",
    "source quoted passage": "",
    "source note": "",
    origin: annotation.origin,
    dismissed: annotation.dismissed ? "yes" : "no",
    created: isoDate(annotation.createdAt),
    updated: isoDate(annotation.updatedAt),
    id: annotation.id,
  };
  for (const [column, field] of SOURCE_COLUMNS) {
    cells[column] = joinSourceField(sources.map((source) => String(source[field] ?? "")));
  }
  return cells;
}

/** The set as RFC 4180 CSV (CRLF), one row per annotation, with a UTF-8 byte order mark so spreadsheets read it right. */
export function toCsv(set: ExportSet): string {
  const pages = new Map(set.pages.map((page) => [page.key, page]));
  const sources = sourcesByAnnotation(set.sources);
  const data = set.annotations.map((a) => {
    const cells = row(a, pages.get(a.pageKey), sources.get(a.id) ?? []);
    // Every text cell is guarded, even those Claimmark writes itself (kind, status, dates), so no
    // cell is left to chance; a number (a figure's value, -3.5) is written as a number and stays one.
    return CSV_COLUMNS.map((column) => {
      const cell = cells[column];
      return typeof cell === "number" ? cell : safeCell(cell);
    });
  });
  // Papa ends the header with a line break when there are no rows, and the last row without one.
  const body = Papa.unparse({ fields: [...CSV_COLUMNS], data }, { newline: "\r\n" }).replace(/\r\n$/u, "");
  return `\uFEFF${body}\r\n`;
}
