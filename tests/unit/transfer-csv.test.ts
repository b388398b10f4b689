import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { readableValue } from "../../lib/format/figure-value";
import type { Annotation, Source } from "../../lib/model";
import { CSV_COLUMNS, type CsvColumn, joinSourceField, toCsv, unguardCell } from "../../lib/transfer/csv";
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

/** A row's cells by column name. */
function cells(row: string[] | undefined): Record<CsvColumn, string> {
  return Object.fromEntries(CSV_COLUMNS.map((column, i) => [column, row?.[i] ?? ""])) as Record<CsvColumn, string>;
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
    ]);
  });

  it("writes one row per annotation with every field, the value also as a reader writes it", () => {
    const page = pageRecord("https://example.com/border", { title: "Border", lang: "fr" });
    const annotation = annotationRecord({
      id: "m",
      pageKey: page.key,
      kind: "figure",
      origin: "user",
      exact: "about 6,500 militants",
      speaker: "Anatoly Sidorov",
      cue: "said",
      figureKind: "count",
      value: 6500,
      unit: "militants",
      qualifier: "approximately",
      status: "disputed",
      tags: ["CSTO", "border"],
      note: "Other estimates: 4,000.",
    });
    const source = sourceRecord({
      id: "s1",
      annotationId: "m",
      title: "UN report",
      url: "https://un.example/r",
      publisher: "United Nations",
      accessedAt: "2025-03-01",
      quote: "some 4,000 fighters",
      note: "Table 2",
    });
    const [, row] = readBack(toCsv({ pages: [page], annotations: [annotation], sources: [source] }));
    expect(cells(row)).toEqual({
      "page URL": "https://example.com/border",
      "page title": "Border",
      kind: "figure",
      text: "about 6,500 militants",
      speaker: "Anatoly Sidorov",
      cue: "said",
      "figure kind": "count",
      value: "6500",
      "value (readable)": "6\u202F500",
      unit: "militants",
      qualifier: "approximately",
      status: "disputed",
      tags: "CSTO; border",
      note: "Other estimates: 4,000.",
      "source count": "1",
      "source URL": "https://un.example/r",
      "source title": "UN report",
      "source publisher": "United Nations",
      "source accessed": "2025-03-01",
      "source quoted passage": "some 4,000 fighters",
      "source note": "Table 2",
      origin: "user",
      dismissed: "no",
      created: "1970-01-01T00:00:00.001Z",
      updated: "1970-01-01T00:00:00.001Z",
      id: "m",
    });
  });

  it("shows dates as a reader writes them, in the page's language, next to the value as stored", () => {
    const page = pageRecord("https://example.fr/a", { lang: "fr-FR" });
    const date = annotationRecord({ pageKey: page.key, kind: "figure", figureKind: "date", value: "--11-28" });
    const [, row] = readBack(toCsv({ pages: [page], annotations: [date], sources: [] }));
    expect(cells(row)).toMatchObject({ value: "'--11-28", "value (readable)": "28 novembre" });
    expect(unguardCell(cells(row).value)).toBe("--11-28");
  });

  it("puts several sources one a line in each source column, numbered so the lines of every column match", () => {
    const annotation = annotationRecord({ id: "m" });
    const sources = [
      sourceRecord({
        id: "s1",
        annotationId: "m",
        title: "UN report",
        url: "https://un.example/r",
        note: "two\nlines",
      }),
      sourceRecord({ id: "s2", annotationId: "m", title: "Printed", url: "", publisher: "Gazette" }),
    ];
    const [, row] = readBack(toCsv({ pages: [], annotations: [annotation], sources }));
    expect(cells(row)).toMatchObject({
      "source count": "2",
      "source URL": "[1] https://un.example/r\n[2]",
      "source title": "[1] UN report\n[2] Printed",
      "source publisher": "[1]\n[2] Gazette",
      "source note": "[1] two\nlines\n[2]",
    });
    expect(joinSourceField(["only"])).toBe("only");
    expect(joinSourceField([])).toBe("");
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
    for (const column of ["page title", "text", "speaker", "value", "tags", "note"] as const) {
      expect(cells(row)[column]).toBe(`'${text}`);
      expect(unguardCell(cells(row)[column])).toBe(text);
    }
  });

  it.each(["plain", " leading space", "'quoted'", "\u201Cquoted\u201D", "1-2", "a=b", "", "'", "\u00A0x"])(
    "leaves %j as it is",
    (text) => {
      const annotation = annotationRecord({ exact: text || "x", note: text });
      const [, row] = readBack(toCsv({ pages: [], annotations: [annotation], sources: [] }));
      expect(cells(row).note).toBe(text);
      expect(unguardCell(text)).toBe(text);
    },
  );

  it("writes a number the exporter made as a number, and guards the same text from a page", () => {
    const number = annotationRecord({ id: "n", kind: "figure", value: -3.5 });
    const text = annotationRecord({ id: "t", kind: "figure", value: "-3.5" });
    const [, numberRow, textRow] = readBack(toCsv({ pages: [], annotations: [number, text], sources: [] }));
    expect(cells(numberRow).value).toBe("-3.5");
    expect(cells(textRow).value).toBe("'-3.5");
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
        const source = sourceRecord({ title: value, publisher: value, note: value, quote: value });
        const [, row] = readBack(toCsv({ pages: [page], annotations: [annotation], sources: [source] }));
        for (const cell of row ?? []) expectInert(cell);
        const wanted = (raw: string) => raw.toWellFormed();
        const got = cells(row);
        expect(unguardCell(got.text)).toBe(wanted(value || "x"));
        for (const column of [
          "page title",
          "speaker",
          "unit",
          "qualifier",
          "tags",
          "note",
          "source title",
          "source publisher",
          "source note",
          "source quoted passage",
        ] as const) {
          expect(unguardCell(got[column])).toBe(wanted(value));
        }
        expect(unguardCell(got.value)).toBe(wanted(value.slice(0, 40)));
      }),
      { numRuns: 500 },
    );
  });

  it("reads back, by a CSV parser, to the same fields (property)", () => {
    /** A source column as documented: the field alone for one source, else "[n] field" lines. */
    const joined = (sources: Source[], field: keyof Source): string =>
      sources.length === 1
        ? String(sources[0]?.[field] ?? "")
        : sources.map((s, i) => `[${i + 1}]${s[field] ? ` ${s[field]}` : ""}`).join("\n");
    fc.assert(
      fc.property(exportSet(8, 3), (set) => {
        const rows = readBack(toCsv(set));
        expect(rows[0]).toEqual([...CSV_COLUMNS]);
        expect(rows).toHaveLength(set.annotations.length + 1);
        const pages = new Map(set.pages.map((p) => [p.key, p]));
        set.annotations.forEach((a: Annotation, i) => {
          const sources = set.sources.filter((s) => s.annotationId === a.id);
          const page = pages.get(a.pageKey);
          const expected: Record<CsvColumn, string> = {
            "page URL": page?.url ?? a.pageKey,
            "page title": page?.title ?? "",
            kind: a.kind,
            text: a.exact,
            speaker: a.speaker ?? "",
            cue: a.cue ?? "",
            "figure kind": a.figureKind ?? "",
            value: a.value === null ? "" : String(a.value),
            "value (readable)": readableValue(a, page?.lang),
            unit: a.unit ?? "",
            qualifier: a.qualifier ?? "",
            status: a.status,
            tags: a.tags.join("; "),
            note: a.note,
            "source count": String(sources.length),
            "source URL": joined(sources, "url"),
            "source title": joined(sources, "title"),
            "source publisher": joined(sources, "publisher"),
            "source accessed": joined(sources, "accessedAt"),
            "source quoted passage": joined(sources, "quote"),
            "source note": joined(sources, "note"),
            origin: a.origin,
            dismissed: a.dismissed ? "yes" : "no",
            created: new Date(a.createdAt).toISOString(),
            updated: new Date(a.updatedAt).toISOString(),
            id: a.id,
          };
          const got = cells(rows[i + 1]);
          for (const column of CSV_COLUMNS) {
            // A number the exporter wrote (-5e-324 too, and the count of sources) is a number to a
            // spreadsheet, and never guarded; every text cell is inert, and reads back once unguarded.
            const numeric = (typeof a.value === "number" && column === "value") || column === "source count";
            if (numeric) expect(got[column]).toBe(expected[column]);
            else {
              expectInert(got[column]);
              expect(unguardCell(got[column]), column).toBe(expected[column].toWellFormed());
            }
          }
        });
      }),
      { numRuns: 100 },
    );
  });
});
