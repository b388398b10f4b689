import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { Annotation } from "../../lib/model";
import { CSV_COLUMNS, toCsv } from "../../lib/transfer/csv";
import { annotationRecord, pageRecord, sourceRecord } from "./samples";
import { exportSet } from "./transfer-arbitraries";

const FORMULA_START = /^[=+\-@\t\r]/;

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

  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("https://evil.example")'])(
    "never lets a spreadsheet run %j as a formula",
    (text) => {
      const annotation = annotationRecord({ exact: text, note: text, speaker: text, value: text, tags: [text] });
      const [, row] = readBack(toCsv({ pages: [], annotations: [annotation], sources: [] }));
      for (const index of [3, 4, 5, 9, 10]) expect(row?.[index]).toBe(`'${text}`);
    },
  );

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
            const escaped = typeof a.value === "number" && column === 5 ? false : FORMULA_START.test(cell);
            expect(got[column]).toBe(escaped ? `'${cell}` : cell);
          });
        });
      }),
      { numRuns: 100 },
    );
  });
});
