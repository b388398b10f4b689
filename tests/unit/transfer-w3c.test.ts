import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { type ClaimmarkDb, openDb } from "../../lib/db/schema";
import type { Annotation, Source } from "../../lib/model";
import { collectForExport, type ExportSet } from "../../lib/transfer/collect";
import { importText } from "../../lib/transfer/import";
import { CLAIMMARK_NS, motivationOf, toW3c } from "../../lib/transfer/w3c";
import { annotationRecord, MILITANTS, pageRecord, sourceRecord } from "./samples";
import { putAnnotations, putSources } from "./stored";
import { cleanedSet, dump, exportSet, quotable } from "./transfer-arbitraries";

const BORDER = "https://example.com/border";
const GENERATED = new Date("2025-03-02T10:00:00Z");
let count = 0;
const fresh = (): ClaimmarkDb => openDb(`transfer-w3c-${++count}`);

const militants: Annotation = annotationRecord({
  id: "auto-militants",
  pageKey: BORDER,
  kind: "figure",
  origin: "auto",
  exact: MILITANTS.exact,
  selectors: [
    { type: "TextQuoteSelector", exact: MILITANTS.exact, prefix: MILITANTS.prefix, suffix: MILITANTS.suffix },
    { type: "TextPositionSelector", start: MILITANTS.start, end: MILITANTS.end },
  ],
  speaker: "Anatoly Sidorov",
  figureKind: "count",
  value: 6500,
  unit: "militants",
  qualifier: "approximately",
  confidence: 0.9,
  status: "disputed",
  tags: ["CSTO", "border"],
  note: "Other estimates run to 4,000.",
  createdAt: Date.UTC(2025, 2, 1, 12),
  updatedAt: Date.UTC(2025, 2, 1, 12, 30),
});

const example: ExportSet = {
  pages: [
    pageRecord(BORDER, { title: "CSTO warns of militants on the Tajik-Afghan border", textHash: "a".repeat(64) }),
  ],
  annotations: [militants],
  sources: [
    sourceRecord({
      id: "source-1",
      annotationId: militants.id,
      url: "https://www.un.org/securitycouncil/report",
      title: "UN Monitoring Team report",
      createdAt: Date.UTC(2025, 2, 1, 12, 20),
      updatedAt: Date.UTC(2025, 2, 1, 12, 20),
    }),
  ],
};

describe("W3C Web Annotation export", () => {
  it("writes the example article's figure with its selectors, bodies and Claimmark's fields", () => {
    const doc = toW3c(example, GENERATED);
    expect(doc["@context"][0]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(doc["@context"][1].cm).toBe(CLAIMMARK_NS);
    expect(doc.type).toBe("AnnotationCollection");
    expect(doc.total).toBe(1);
    const item = doc.first.items[0];
    expect(item).toMatchObject({
      id: "urn:claimmark:auto-militants",
      type: "Annotation",
      motivation: "assessing",
      created: "2025-03-01T12:00:00.000Z",
      modified: "2025-03-01T12:30:00.000Z",
      target: {
        source: BORDER,
        selector: [
          { type: "TextQuoteSelector", exact: "about 6,500 militants", prefix: "now reaching " },
          { type: "TextPositionSelector", start: 100, end: 121 },
        ],
      },
      "cm:kind": "figure",
      "cm:speaker": "Anatoly Sidorov",
      "cm:value": 6500,
      "cm:unit": "militants",
      "cm:qualifier": "approximately",
    });
    expect(item?.body).toEqual([
      { type: "TextualBody", purpose: "commenting", value: "Other estimates run to 4,000.", format: "text/plain" },
      { type: "TextualBody", purpose: "tagging", value: "CSTO" },
      { type: "TextualBody", purpose: "tagging", value: "border" },
      { type: "TextualBody", purpose: "assessing", value: "disputed" },
      expect.objectContaining({
        type: "SpecificResource",
        purpose: "linking",
        source: "https://www.un.org/securitycouncil/report",
        "cm:title": "UN Monitoring Team report",
      }),
    ]);
    expect(doc["cm:pages"][0]).toMatchObject({ key: BORDER, firstSeen: "1970-01-01T00:00:00.001Z" });
  });

  it("picks one motivation: a verdict, else a note, else a highlight", () => {
    expect(motivationOf({ status: "false", note: "x" })).toBe("assessing");
    expect(motivationOf({ status: "unverified", note: "x" })).toBe("commenting");
    expect(motivationOf({ status: "unverified", note: "" })).toBe("highlighting");
  });

  it("leaves out an address the source does not have", () => {
    const doc = toW3c({ ...example, sources: [sourceRecord({ annotationId: militants.id, url: "" })] }, GENERATED);
    const body = doc.first.items[0]?.body.find((b) => b.type === "SpecificResource");
    expect(body && "source" in body).toBe(false);
  });
});

describe("collecting for export", () => {
  let db: ClaimmarkDb;
  beforeEach(async () => {
    db = fresh();
    await db.pages.bulkPut([pageRecord(BORDER), pageRecord("https://other.example/")]);
    await putAnnotations(db, [
      annotationRecord({ id: "a", pageKey: BORDER }),
      annotationRecord({ id: "b", pageKey: BORDER, dismissed: true }),
      annotationRecord({ id: "c", pageKey: BORDER, deleted: true }),
      annotationRecord({ id: "d", pageKey: "https://other.example/" }),
    ]);
    await putSources(db, [
      sourceRecord({ id: "s-a", annotationId: "a" }),
      sourceRecord({ id: "s-c", annotationId: "c" }),
    ]);
  });

  it("takes one page: never the deleted, the dismissed only when asked", async () => {
    const page = await collectForExport(db, { pageKey: BORDER });
    expect(page.annotations.map((a) => a.id)).toEqual(["a"]);
    expect(page.pages.map((p) => p.key)).toEqual([BORDER]);
    expect(page.sources.map((s) => s.id)).toEqual(["s-a"]);
    const withDismissed = await collectForExport(db, { pageKey: BORDER, includeDismissed: true });
    expect(withDismissed.annotations.map((a) => a.id)).toEqual(["a", "b"]);
  });

  it("takes chosen ids, with their pages only", async () => {
    const chosen = await collectForExport(db, { ids: ["d", "c", "missing"] });
    expect(chosen.annotations.map((a) => a.id)).toEqual(["d"]);
    expect(chosen.pages.map((p) => p.key)).toEqual(["https://other.example/"]);
    expect(chosen.sources).toEqual([]);
  });

  it("takes everything, every page included", async () => {
    const all = await collectForExport(db, {});
    expect(all.annotations.map((a) => a.id)).toEqual(["a", "d"]);
    expect(all.pages).toHaveLength(2);
  });
});

describe("round trips", () => {
  it("export, import into an empty database, export again: the same document and the same database", async () => {
    await fc.assert(
      // As the extension stores text once import has cleaned it: byte for byte holds for such text.
      fc.asyncProperty(exportSet(6, 4).map(cleanedSet).filter(quotable), async (set) => {
        const source = fresh();
        await source.pages.bulkPut(set.pages);
        await putAnnotations(source, set.annotations);
        await putSources(source, set.sources);
        const first = JSON.stringify(toW3c(await collectForExport(source, { includeDismissed: true }), GENERATED));
        const target = fresh();
        const result = await importText(target, first);
        expect(result).toEqual({
          ok: true,
          report: {
            added: set.annotations.length,
            merged: 0,
            updated: 0,
            refused: [],
            pages: set.pages.length,
            sources: set.sources.length,
            conflicts: [],
            unlistedConflicts: 0,
          },
        });
        const second = JSON.stringify(toW3c(await collectForExport(target, { includeDismissed: true }), GENERATED));
        expect(second).toBe(first);
        expect(await dump(target)).toEqual(await dump(source));
        // Importing the same file again changes nothing and duplicates nothing.
        const again = await importText(target, first);
        expect(again.ok && again.report).toMatchObject({
          added: 0,
          merged: set.annotations.length,
          updated: 0,
          pages: 0,
          sources: 0,
          conflicts: [],
        });
        expect(await dump(target)).toEqual(await dump(source));
        source.close();
        target.close();
      }),
      { numRuns: 40 },
    );
    // Forty databases written and read back: seconds on a busy two-core machine.
  }, 30_000);

  it("keeps an annotation with 100 sources whole", async () => {
    const sources: Source[] = Array.from({ length: 100 }, (_, i) =>
      sourceRecord({ id: `s${i}`, annotationId: militants.id, title: `<b>${i}</b>`, createdAt: i, updatedAt: i }),
    );
    const text = JSON.stringify(toW3c({ ...example, sources }, GENERATED));
    const db = fresh();
    const result = await importText(db, text);
    expect(result.ok && result.report.sources).toBe(100);
    expect(JSON.stringify(toW3c(await collectForExport(db, {}), GENERATED))).toBe(text);
  });
});
