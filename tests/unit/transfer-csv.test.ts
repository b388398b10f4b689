import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { Annotation } from "../../lib/model";
import { CSV_COLUMNS, toCsv, unguardCell } from "../../lib/transfer/csv";
import { annotationRecord, pageRecord, sourceRecord } from "./samples";
import { exportSet, FORMULA_CHARACTERS, formulaLike, hostileString, loneSurrogate } from "./transfer-arbitraries";

/** What a spreadsheet may skip before it looks for a formula: any whitespace, U+FEFF, quotation marks. */
const SKIPPED = /^[\p{White_Space}\uFEFF\p{Quotation_Mark}]*/u;
const FORMULA = new RegExp(`^[${FORMULA_CHARACTERS.join("").replace("-", "\\-")}]`, "u");

/**
 * Asserts a cell cannot run as a formula in a spreadsheet: it starts with the guard apostrophe
 * (which makes the rest text), or, read as a spreadsheet might (leading whitespace and quotes
 * dropped), it does not start with a formula character, nor with a tab or carriage return at all.
 */
function expectInert(cell: string): void {
  if (cell.startsWith("'")) return;
  expect(cell, JSON.stringify(cell)).not.toMatch(/^[\t\r]/u);
  expect(cell.replace(SKIPPED, ""), JSON.stringify(cell)).not.toMatch(FORMULA);
}

/** The CSV read back by papaparse, byte order mark and last line ending dropped. */
function readBack(csv: string): string[][] {
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv.endsWith("\r\n")).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1, -2), { newline: "\r\n", skipEmptyLines: false });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe("CSV export", () => {
  it("has exactly the documented columns", () => {
    const [header] = readBack(toCsv({ pages: [], annotations: [], sources: [] }));
    expect(header).toEqual([
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
    ]);
  });

  it("writes one row per annotation, tags and sources joined", () => {
    const page = pageRecord("https://example.com/border", { title: "Border" });
    const annotation = annotationRecord({
      id: "m",
      pageKey: page.key,
      kind: "figure",
      exact: "about 6,500 militants",
      speaker: "Anatoly Sidorov",
      value: 6500,
      unit: "militants",
      qualifier: "approximately",
      status: "disputed",
      tags: ["CSTO", "border"],
      note: "Other estimates: 4,000.",
    });
    const sources = [
      sourceRecord({ id: "s1", annotationId: "m", title: "UN report", url: "https://un.example/r" }),
      sourceRecord({ id: "s2", annotationId: "m", title: "Printed", url: "" }),
    ];
    const [, row] = readBack(toCsv({ pages: [page], annotations: [annotation], sources }));
    expect(row).toEqual([
      "https://example.com/border",
      "Border",
      "figure",
      "about 6,500 militants",
      "Anatoly Sidorov",
      "6500",
      "militants",
      "approximately",
      "disputed",
      "CSTO; border",
      "Other estimates: 4,000.",
      "UN report <https://un.example/r> | Printed",
      "1970-01-01T00:00:00.001Z",
      "1970-01-01T00:00:00.001Z",
    ]);
  });

  it.each([
    "=1+1",
    "+1",
    "-1",
    "@SUM(A1)",
    "\tx",
    "\rx",
    '=HYPERLINK("https://evil.example")',
    " =1+1",
    "\n=1+1",
    "\r\n@SUM(A1)",
    "\u00A0=1",
    "\u3000=1",
    "\u2003+1",
    "\uFEFF=1",
    "\uFF1D1+1",
    "\uFF0B1",
    "\uFF0D1",
    "\uFF20SUM(A1)",
    "\u22121",
    '"=1+1',
    "'=1+1",
    "\u201C=1+1\u201D",
    "\u2018 =1",
    '  " =HYPERLINK("https://evil.example")',
    "'\tx",
  ])("never lets a spreadsheet run %j as a formula", (text) => {
    const annotation = annotationRecord({ exact: text, note: text, speaker: text, value: text, tags: [text] });
    const page = pageRecord(annotation.pageKey, { title: text });
    const [, row] = readBack(toCsv({ pages: [page], annotations: [annotation], sources: [] }));
    for (const index of [1, 3, 4, 5, 9, 10]) {
      expect(row?.[index]).toBe(`'${text}`);
      expect(unguardCell(row?.[index] ?? "")).toBe(text);
    }
  });

  it.each(["plain", " leading space", "'quoted'", "\u201Cquoted\u201D", "1-2", "a=b", "", "'", "\u00A0x"])(
    "leaves %j as it is",
    (text) => {
      const annotation = annotationRecord({ exact: text || "x", note: text });
      const [, row] = readBack(toCsv({ pages: [], annotations: [annotation], sources: [] }));
      expect(row?.[10]).toBe(text);
      expect(unguardCell(text)).toBe(text);
    },
  );

  it("writes a number the exporter made as a number, and guards the same text from a page", () => {
    const number = annotationRecord({ id: "n", kind: "figure", value: -3.5 });
    const text = annotationRecord({ id: "t", kind: "figure", value: "-3.5" });
    const [, numberRow, textRow] = readBack(toCsv({ pages: [], annotations: [number, text], sources: [] }));
    expect(numberRow?.[5]).toBe("-3.5");
    expect(textRow?.[5]).toBe("'-3.5");
  });

  it("guards every cell a spreadsheet would run, and unguarding gives the text back (property)", () => {
    const text = fc.oneof(
      formulaLike(),
      hostileString(40),
      fc.string({ maxLength: 30, unit: "grapheme" }),
      fc.string({ maxLength: 30, unit: "binary" }),
      fc.tuple(fc.string({ maxLength: 5 }), loneSurrogate, formulaLike(5)).map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(text, (value) => {
        const page = pageRecord("https://example.com/story", { title: value });
        const annotation = annotationRecord({
          exact: value || "x",
          speaker: value,
          value: value.slice(0, 40),
          unit: value,
          qualifier: value,
          tags: [value],
          note: value,
        });
        const source = sourceRecord({ title: value });
        const [, row] = readBack(toCsv({ pages: [page], annotations: [annotation], sources: [source] }));
        for (const cell of row ?? []) expectInert(cell);
        const wanted = (raw: string) => raw.toWellFormed();
        expect(unguardCell(row?.[1] ?? "")).toBe(wanted(value));
        expect(unguardCell(row?.[3] ?? "")).toBe(wanted(value || "x"));
        for (const index of [4, 6, 7, 9, 10]) expect(unguardCell(row?.[index] ?? "")).toBe(wanted(value));
        expect(unguardCell(row?.[11] ?? "")).toBe(wanted(value ? `${value} <${source.url}>` : `<${source.url}>`));
        expect(unguardCell(row?.[5] ?? "")).toBe(wanted(value.slice(0, 40)));
      }),
      { numRuns: 500 },
    );
  });

  it("reads back, by a CSV parser, to the same fields (property)", () => {
    fc.assert(
      fc.property(exportSet(8, 3), (set) => {
        const rows = readBack(toCsv(set));
        expect(rows[0]).toEqual([...CSV_COLUMNS]);
        expect(rows).toHaveLength(set.annotations.length + 1);
        const pages = new Map(set.pages.map((p) => [p.key, p]));
        set.annotations.forEach((a: Annotation, i) => {
          const sources = set.sources.filter((s) => s.annotationId === a.id);
          const expected: string[] = [
            pages.get(a.pageKey)?.url ?? a.pageKey,
            pages.get(a.pageKey)?.title ?? "",
            a.kind,
            a.exact,
            a.speaker ?? "",
            a.value === null ? "" : String(a.value),
            a.unit ?? "",
            a.qualifier ?? "",
            a.status,
            a.tags.join("; "),
            a.note,
            sources
              .map((s) => (s.url === "" ? s.title : s.title === "" ? `<${s.url}>` : `${s.title} <${s.url}>`))
              .join(" | "),
            new Date(a.createdAt).toISOString(),
            new Date(a.updatedAt).toISOString(),
          ];
          const got = rows[i + 1] as string[];
          expected.forEach((cell, column) => {
            // A number the exporter wrote (-5e-324 too) is a number to a spreadsheet, and never guarded;
            // every text cell is inert, and reads back once unguarded.
            if (typeof a.value === "number" && column === 5) expect(got[column]).toBe(cell);
            else {
              expectInert(got[column] as string);
              expect(unguardCell(got[column] as string)).toBe(cell.toWellFormed());
            }
          });
        });
      }),
      { numRuns: 100 },
    );
  });
});
