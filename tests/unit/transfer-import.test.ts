import { beforeEach, describe, expect, it, vi } from "vitest";
import { recordPage } from "../../lib/db/pages";
import { type ClaimmarkDb, openDb } from "../../lib/db/schema";
import { changeAnnotation, countStored, readSet } from "../../lib/db/store";
import { collectForExport } from "../../lib/transfer/collect";
import { IMPORT_MAX_BYTES, importText } from "../../lib/transfer/import";
import { toMarkdown } from "../../lib/transfer/markdown";
import { toW3c, type W3cCollection } from "../../lib/transfer/w3c";
import { annotationRecord, pageRecord, pageReport, sourceRecord } from "./samples";
import { getAnnotation, getSource, putAnnotations, putSources } from "./stored";
import { dump } from "./transfer-arbitraries";

const BORDER = "https://example.com/border";
const SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>';
let count = 0;
let db: ClaimmarkDb;

/** A Claimmark file of two annotations on the border page, as JSON we can break. */
function file(): W3cCollection {
  return toW3c(
    {
      pages: [pageRecord(BORDER, { title: "Border", textHash: "b".repeat(64) })],
      annotations: [
        annotationRecord({
          id: "one",
          pageKey: BORDER,
          exact: "about 6,500 militants",
          selectors: [{ type: "TextQuoteSelector", exact: "about 6,500 militants", prefix: "", suffix: "" }],
          note: "first note",
          updatedAt: 1000,
        }),
        annotationRecord({
          id: "two",
          pageKey: BORDER,
          exact: "4,000",
          selectors: [{ type: "TextQuoteSelector", exact: "4,000", prefix: "", suffix: "" }],
        }),
      ],
      sources: [sourceRecord({ id: "s-one", annotationId: "one", url: "https://un.example/report" })],
    },
    new Date(0),
  );
}

const json = (value: unknown) => JSON.stringify(value);

beforeEach(async () => {
  db = openDb(`transfer-import-${++count}`);
  await db.pages.put(pageRecord("https://kept.example/", { title: "Already here" }));
  await putAnnotations(db, [annotationRecord({ id: "kept", pageKey: "https://kept.example/" })]);
});

describe("refused files leave the database exactly as it was", () => {
  const broken: [string, () => string, RegExp][] = [
    ["not JSON", () => "<html>not json</html>", /^not JSON/],
    ["an empty file", () => "   ", /empty/],
    ["a truncated file", () => json(file()).slice(0, 300), /not JSON \(is it cut short\?\)/],
    ["a JSON number", () => "42", /not a Claimmark JSON-LD file .* or a Hypothesis export/],
    [
      "items that are not a list",
      () => json({ ...file(), first: { type: "AnnotationPage", items: { 0: {} } } }),
      /^first\.items: expected an array, got an object$/,
    ],
    [
      "a selector that is not a list",
      () => {
        const doc = file();
        doc.first.items = doc.first.items.slice(0, 1);
        (doc.first.items[0] as unknown as { target: { selector: unknown } }).target.selector = "TextQuoteSelector";
        return json(doc);
      },
      /first\.items\[0\] \(urn:claimmark:one\): target\.selector: expected an array, got text/,
    ],
    [
      "missing selectors",
      () => {
        const doc = file();
        for (const item of doc.first.items) item.target.selector = [];
        return json(doc);
      },
      /target\.selector: no TextQuoteSelector/,
    ],
    [
      "a javascript: page address",
      () => {
        const doc = file();
        for (const item of doc.first.items) {
          item.target.source = "javascript:alert(1)";
          delete (item as Partial<typeof item>)["cm:pageKey"];
        }
        return json(doc);
      },
      /target\.source: not an http or https address/,
    ],
    [
      "a note longer than the model allows",
      () => {
        const doc = file();
        for (const item of doc.first.items)
          item.body = [{ type: "TextualBody", purpose: "commenting", value: "x".repeat(20_001) }];
        return json(doc);
      },
      /body\[0\]\.value: longer than 20000 characters/,
    ],
    [
      "a wrong type deep inside",
      () => {
        const doc = file();
        for (const item of doc.first.items) (item as unknown as Record<string, unknown>)["cm:confidence"] = "high";
        return json(doc);
      },
      /cm:confidence: expected a number, got text/,
    ],
    [
      "more than 200,000 annotations",
      () => json({ ...file(), first: { type: "AnnotationPage", items: Array.from({ length: 200_001 }, () => ({})) } }),
      /first\.items: more than 200,000 annotations/,
    ],
    [
      "a 50 MB file of junk",
      () =>
        `{"type":"AnnotationCollection","first":{"type":"AnnotationPage","items":"${"a".repeat(50 * 1024 * 1024)}"}}`,
      /first\.items: expected an array/,
    ],
  ];

  it.each(broken)("refuses %s with a message naming what and where", async (_, make, message) => {
    const before = await dump(db);
    const result = await importText(db, make());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
    expect(await dump(db)).toEqual(before);
  });

  it("refuses a file over the size limit before reading it", async () => {
    const result = await importText(db, `{"padding":"${"a".repeat(2 * 1024 * 1024)}"}`, { maxBytes: 1024 * 1024 });
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/the file is 2\.0 MB, more than the 1\.0 MB Claimmark imports/),
    });
    expect(IMPORT_MAX_BYTES).toBeGreaterThanOrEqual(200 * 1024 * 1024);
  });

  it("counts UTF-8 bytes, not characters, against the limit", async () => {
    const result = await importText(db, `"${"é".repeat(600)}"`, { maxBytes: 1000 });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/more than the/) });
  });

  it("writes nothing when writing fails half-way (one transaction)", async () => {
    const before = await dump(db);
    const spy = vi.spyOn(db.annotationChunks, "bulkPut").mockRejectedValue(new Error("disk full"));
    const result = await importText(db, json(file()));
    spy.mockRestore();
    expect(result).toEqual({ ok: false, error: "could not write: disk full" });
    expect(await dump(db)).toEqual(before);
  });
});

describe("importing", () => {
  it("imports the good items and lists the refused ones", async () => {
    const doc = file();
    (doc.first.items[1] as unknown as { target: unknown }).target = { source: BORDER };
    const result = await importText(db, json(doc));
    expect(result).toEqual({
      ok: true,
      report: {
        added: 1,
        merged: 0,
        updated: 0,
        pages: 1,
        sources: 1,
        refused: [
          { item: "first.items[1] (urn:claimmark:two)", reason: "target.selector: missing (expected an array)" },
        ],
        conflicts: [],
        unlistedConflicts: 0,
      },
    });
  });

  it("stores script in every text field as text, and exports it inert", async () => {
    const doc = file();
    const page = doc["cm:pages"][0];
    if (page) Object.assign(page, { title: SCRIPT, byline: SCRIPT, siteName: SCRIPT, excerpt: SCRIPT });
    for (const item of doc.first.items) {
      Object.assign(item, { "cm:speaker": SCRIPT, "cm:cue": SCRIPT, "cm:unit": SCRIPT, "cm:qualifier": SCRIPT });
      item.target.selector = [{ type: "TextQuoteSelector", exact: SCRIPT, prefix: SCRIPT, suffix: SCRIPT }];
      item.body = [
        { type: "TextualBody", purpose: "commenting", value: SCRIPT, format: "text/plain" },
        { type: "TextualBody", purpose: "tagging", value: SCRIPT },
        {
          type: "SpecificResource",
          purpose: "linking",
          source: "https://example.org/<script>",
          "cm:id": `src-${item.id}`,
          "cm:title": SCRIPT,
          "cm:publisher": SCRIPT,
          "cm:accessedAt": null,
          "cm:note": SCRIPT,
          "cm:quote": SCRIPT,
          "cm:created": "2025-01-01T00:00:00Z",
          "cm:modified": "2025-01-01T00:00:00Z",
        },
      ];
    }
    const result = await importText(db, json(doc));
    expect(result.ok && result.report.added).toBe(2);
    const stored = await getAnnotation(db, "one");
    expect(stored).toMatchObject({ exact: SCRIPT, note: SCRIPT, speaker: SCRIPT, tags: [SCRIPT], unit: SCRIPT });
    expect((await getSource(db, "src-urn:claimmark:one"))?.title).toBe(SCRIPT);
    expect((await db.pages.get(BORDER))?.title).toBe(SCRIPT);
    const markdown = toMarkdown(await collectForExport(db, { pageKey: BORDER }));
    expect(markdown).not.toMatch(/(^|[^\\])<(script|img)/);
  });

  it("refuses a source address that is not http(s)", async () => {
    const doc = file();
    const body = doc.first.items[0]?.body.find((b) => b.type === "SpecificResource");
    if (body && "source" in body) body.source = "file:///etc/passwd";
    const result = await importText(db, json(doc));
    expect(result.ok && result.report.refused).toEqual([
      { item: "first.items[0] (urn:claimmark:one)", reason: "body[1].source: not an http or https address" },
    ]);
  });
});

describe("merging", () => {
  it("merges an annotation with the same id instead of adding it again", async () => {
    await importText(db, json(file()));
    const again = await importText(db, json(file()));
    expect(again.ok && again.report).toMatchObject({ added: 0, merged: 2, pages: 0, sources: 0, refused: [] });
    expect((await countStored(db)).annotations).toBe(3);
  });

  it("keeps the reader's edit against an older file and a newer one alike, and lists the newer one's", async () => {
    await importText(db, json(file()));
    await changeAnnotation(db, "one", (a) => ({ ...a, note: "edited here", updatedAt: 5000 }));
    const older = await importText(db, json(file()));
    expect(older.ok && older.report).toMatchObject({ added: 0, merged: 2, updated: 0 });
    expect(older.ok && older.report.conflicts.map((c) => [c.field, c.storedText, c.importedText])).toEqual([
      ["note", "edited here", "first note"],
    ]);
    expect((await getAnnotation(db, "one"))?.note).toBe("edited here");
    const newer = file();
    const item = newer.first.items[0];
    if (item) {
      item.modified = new Date(9000).toISOString();
      item.body = [{ type: "TextualBody", purpose: "commenting", value: "edited there", format: "text/plain" }];
    }
    const result = await importText(db, json(newer));
    expect(result.ok && result.report).toMatchObject({ added: 0, merged: 2, updated: 0 });
    expect(result.ok && result.report.conflicts.map((c) => [c.field, c.stored, c.imported])).toEqual([
      ["note", "edited here", "edited there"],
    ]);
    expect(await getAnnotation(db, "one")).toMatchObject({ note: "edited here", updatedAt: 5000 });
    // Sources are never dropped: the stored source stays.
    expect(await getSource(db, "s-one")).toBeDefined();
  });

  it("refuses a source whose id belongs to another annotation", async () => {
    await putSources(db, [sourceRecord({ id: "s-one", annotationId: "kept" })]);
    const result = await importText(db, json(file()));
    expect(result.ok && result.report.refused).toEqual([
      { item: "one", reason: "source s-one belongs to another annotation" },
    ]);
    expect(await getAnnotation(db, "one")).toBeUndefined();
  });

  // The stored id is looked for one by one when the file is the smaller (few ids, many stored),
  // and in one pass over the index otherwise; both must find it on the other page.
  it.each([
    ["a file smaller than the database", 40],
    ["a file larger than the database", 0],
  ])("merges an id stored on another page where it is stored, never twice (%s)", async (_, storedExtra) => {
    await putAnnotations(
      db,
      Array.from({ length: storedExtra }, (_, i) =>
        annotationRecord({ id: `x-${i}`, pageKey: "https://kept.example/" }),
      ),
    );
    await putAnnotations(db, [annotationRecord({ id: "one", pageKey: "https://elsewhere.example/", note: "mine" })]);
    await putSources(db, [sourceRecord({ id: "s-one", annotationId: "one", updatedAt: 1 })]);
    const result = await importText(db, json(file()));
    expect(result.ok && result.report).toMatchObject({ added: 1, merged: 1, refused: [] });
    // The reader's note stays (a conflict), and the annotation stays on its page.
    expect(await getAnnotation(db, "one")).toMatchObject({ pageKey: "https://elsewhere.example/", note: "mine" });
    expect(result.ok && result.report.conflicts.map((c) => [c.field, c.pageKey])).toEqual([
      ["note", "https://elsewhere.example/"],
      ["source.url", "https://elsewhere.example/"],
    ]);
    expect(await db.annotationChunks.where("ids").equals("one").count()).toBe(1);
    expect((await readSet(db, "https://elsewhere.example/")).sources.map((s) => s.id)).toEqual(["s-one"]);
    expect((await countStored(db)).annotations).toBe(storedExtra + 3);
  });
});

/** A Hypothesis export as the client writes it: a highlight with a note and tags, a page note, a reply. */
const HYPOTHESIS = {
  export_date: "2025-03-02T09:15:00.000Z",
  export_userid: "acct:reader@hypothes.is",
  client_version: "1.1500.0",
  annotations: [
    {
      id: "Xk3vQPh2Ee-abc123",
      created: "2025-03-01T10:20:30.123456+00:00",
      updated: "2025-03-01T11:00:00.000000+00:00",
      user: "acct:reader@hypothes.is",
      uri: "https://example.com/border?utm_source=newsletter",
      text: "Check against the **UN Monitoring Team** report. <script>alert(1)</script>",
      tags: ["CSTO", "#border", "  Central   Asia "],
      group: "__world__",
      permissions: { read: ["group:__world__"] },
      target: [
        {
          source: "https://example.com/border?utm_source=newsletter",
          selector: [
            {
              type: "RangeSelector",
              endOffset: 21,
              startOffset: 0,
              endContainer: "/div[1]/p[3]",
              startContainer: "/div[1]/p[3]",
            },
            { type: "TextPositionSelector", start: 4210, end: 4231 },
            {
              type: "TextQuoteSelector",
              exact: "about 6,500 militants",
              prefix: "now reaching ",
              suffix: ", with up to",
            },
          ],
        },
      ],
      document: { title: ["CSTO warns of militants on the Tajik-Afghan border"] },
      links: {
        html: "https://hypothes.is/a/Xk3vQPh2Ee-abc123",
        incontext: "https://hyp.is/Xk3vQPh2Ee-abc123/example.com/border",
      },
      hidden: false,
      flagged: false,
      references: [],
      user_info: { display_name: "A Reader" },
    },
    {
      id: "PageNote-1",
      created: "2025-03-01T10:25:00.000000+00:00",
      updated: "2025-03-01T10:25:00.000000+00:00",
      uri: "https://example.com/border",
      text: "A page note",
      tags: [],
      target: [{ source: "https://example.com/border" }],
      document: { title: ["CSTO warns"] },
    },
    {
      id: "Reply-1",
      created: "2025-03-01T10:26:00.000000+00:00",
      updated: "2025-03-01T10:26:00.000000+00:00",
      uri: "https://example.com/border",
      text: "I agree",
      tags: [],
      references: ["Xk3vQPh2Ee-abc123"],
      target: [{ source: "https://example.com/border" }],
    },
  ],
};

describe("Hypothesis import", () => {
  it("makes each annotation a highlight with its note and tags, on a page ready to be read", async () => {
    const result = await importText(db, json(HYPOTHESIS), { now: 77 });
    expect(result).toEqual({
      ok: true,
      report: {
        added: 1,
        merged: 0,
        updated: 0,
        pages: 1,
        sources: 0,
        conflicts: [],
        unlistedConflicts: 0,
        refused: [
          { item: "annotations[1] (PageNote-1)", reason: "target[0].selector: missing (a page note, with no passage)" },
          { item: "annotations[2] (Reply-1)", reason: "a reply to another annotation, with no passage" },
        ],
      },
    });
    expect(await getAnnotation(db, "hypothesis-Xk3vQPh2Ee-abc123")).toEqual({
      id: "hypothesis-Xk3vQPh2Ee-abc123",
      pageKey: BORDER,
      kind: "highlight",
      origin: "user",
      selectors: [
        { type: "TextQuoteSelector", exact: "about 6,500 militants", prefix: "now reaching ", suffix: ", with up to" },
      ],
      exact: "about 6,500 militants",
      speaker: null,
      cue: null,
      figureKind: null,
      value: null,
      unit: null,
      qualifier: null,
      confidence: 1,
      status: "unverified",
      tags: ["CSTO", "border", "Central Asia"],
      note: "Check against the **UN Monitoring Team** report. <script>alert(1)</script>",
      dismissed: false,
      createdAt: Date.parse("2025-03-01T10:20:30.123Z"),
      updatedAt: Date.parse("2025-03-01T11:00:00Z"),
    });
    expect(await db.pages.get(BORDER)).toMatchObject({
      title: "CSTO warns of militants on the Tajik-Afghan border",
      hasArticle: false,
      textHash: null,
      firstSeen: 77,
    });
    // The first visit reads the article as if the page were new.
    const visited = await recordPage(db, BORDER, pageReport({ title: "Real title", textHash: "c".repeat(64) }), 99);
    expect(visited).toMatchObject({ title: "Real title", hasArticle: true, textHash: "c".repeat(64), changedAt: null });
  });

  it("reads a bare array, and merges on a second import", async () => {
    const list = HYPOTHESIS.annotations.slice(0, 1);
    expect((await importText(db, json(list))).ok).toBe(true);
    const again = await importText(db, json(list));
    expect(again.ok && again.report).toMatchObject({ added: 0, merged: 1 });
  });

  it("never replaces a page read here with one the file only names", async () => {
    await db.pages.put(pageRecord(BORDER, { title: "Read here", textHash: "d".repeat(64) }));
    await importText(db, json(HYPOTHESIS));
    expect((await db.pages.get(BORDER))?.title).toBe("Read here");
  });
});
