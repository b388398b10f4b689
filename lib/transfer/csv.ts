import Papa from "papaparse";
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
  "value",
  "unit",
  "qualifier",
  "status",
  "tags",
  "note",
  "sources",
  "created",
  "updated",
] as const;

/** Joins the tags of one cell. */
export const TAG_SEPARATOR = "; ";
/** Joins the sources of one cell. */
export const SOURCE_SEPARATOR = " | ";

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

/** A source as one cell part: "title <url>", or whichever of the two it has. */
function sourceText(source: Source): string {
  if (source.url === "") return source.title;
  return source.title === "" ? `<${source.url}>` : `${source.title} <${source.url}>`;
}

function row(annotation: Annotation, page: PageRecord | undefined, sources: Source[]): (string | number)[] {
  const cells: (string | number)[] = [
    page?.url ?? annotation.pageKey,
    page?.title ?? "",
    annotation.kind,
    annotation.exact,
    annotation.speaker ?? "",
    annotation.value ?? "",
    annotation.unit ?? "",
    annotation.qualifier ?? "",
    annotation.status,
    annotation.tags.join(TAG_SEPARATOR),
    annotation.note,
    sources.map(sourceText).join(SOURCE_SEPARATOR),
    isoDate(annotation.createdAt),
    isoDate(annotation.updatedAt),
  ];
  // Every text cell is guarded, even those Claimmark writes itself (kind, status, dates), so no
  // cell is left to chance; a number (a figure's value, -3.5) is written as a number and stays one.
  return cells.map((cell) => (typeof cell === "number" ? cell : safeCell(cell)));
}

/** The set as RFC 4180 CSV (CRLF), one row per annotation, with a UTF-8 byte order mark so spreadsheets read it right. */
export function toCsv(set: ExportSet): string {
  const pages = new Map(set.pages.map((page) => [page.key, page]));
  const sources = sourcesByAnnotation(set.sources);
  const data = set.annotations.map((a) => row(a, pages.get(a.pageKey), sources.get(a.id) ?? []));
  // Papa ends the header with a line break when there are no rows, and the last row without one.
  const body = Papa.unparse({ fields: [...CSV_COLUMNS], data }, { newline: "\r\n" }).replace(/\r\n$/u, "");
  return `\uFEFF${body}\r\n`;
}
