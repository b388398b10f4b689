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

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection): every
// text cell that does is prefixed with an apostrophe, which spreadsheets show as text.
const FORMULA_START = /^[=+\-@\t\r]/u;

/** A text cell made safe to open in a spreadsheet. */
export function safeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A source as one cell part: "title <url>", or whichever of the two it has. */
function sourceText(source: Source): string {
  if (source.url === "") return source.title;
  return source.title === "" ? `<${source.url}>` : `${source.title} <${source.url}>`;
}

function row(annotation: Annotation, page: PageRecord | undefined, sources: Source[]): (string | number)[] {
  const value = annotation.value;
  return [
    safeCell(page?.url ?? annotation.pageKey),
    safeCell(page?.title ?? ""),
    annotation.kind,
    safeCell(annotation.exact),
    safeCell(annotation.speaker ?? ""),
    // A number is never a formula; only text values are escaped.
    typeof value === "number" ? value : safeCell(value ?? ""),
    safeCell(annotation.unit ?? ""),
    safeCell(annotation.qualifier ?? ""),
    annotation.status,
    safeCell(annotation.tags.join(TAG_SEPARATOR)),
    safeCell(annotation.note),
    safeCell(sources.map(sourceText).join(SOURCE_SEPARATOR)),
    isoDate(annotation.createdAt),
    isoDate(annotation.updatedAt),
  ];
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
