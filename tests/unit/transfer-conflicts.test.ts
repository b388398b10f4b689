import fc from "fast-check";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { detectionId, recordVisit } from "../../lib/db/annotations";
import { addSource, updateAnnotation } from "../../lib/db/edit";
import { recordPage } from "../../lib/db/pages";
import { type ClaimmarkDb, openDb } from "../../lib/db/schema";
import { readSet } from "../../lib/db/store";
import type { Annotation, Source } from "../../lib/model";
import { collectForExport, type ExportSet } from "../../lib/transfer/collect";
import type { ImportConflict } from "../../lib/transfer/conflicts";
import { IMPORT_MAX_CONFLICTS, type ImportReport, importText } from "../../lib/transfer/import";
import { renderExport } from "../../lib/transfer/render";
import { takeImported } from "../../lib/transfer/take-imported";
import { toW3c } from "../../lib/transfer/w3c";
import { annotationRecord, MILITANTS, pageRecord, pageReport, sourceRecord } from "./samples";
import { getAnnotation, getSource, putAnnotations, putSources } from "./stored";
import { dump, exportSet, quotable } from "./transfer-arbitraries";

const BORDER = "https://example.com/border";
const MILITANTS_ID = detectionId(BORDER, MILITANTS);
const VISIT = Date.UTC(2025, 2, 1, 11);
const EDIT = Date.UTC(2025, 2, 1, 12);
const NOW = Date.UTC(2025, 2, 2);
const Y2099 = Date.UTC(2099, 0, 1);
let count = 0;
let db: ClaimmarkDb;

beforeEach(() => {
  db = openDb(`transfer-conflicts-${++count}`);
});

/** The reader's browser visits the border article: the page recorded, the figure detected. */
async function visit(): Promise<void> {
  await recordPage(db, BORDER, pageReport({ title: "CSTO warns", textHash: "a".repeat(64) }), VISIT);
  await recordVisit(db, BORDER, [MILITANTS], [], VISIT);
}

/** The stored figure as a file would carry it, `changes` applied. */
async function fileCopy(changes: Partial<Annotation>): Promise<Annotation> {
  const stored = (await getAnnotation(db, MILITANTS_ID)) as Annotation;
  return { ...stored, ...changes };
}

/** A Claimmark file of these records, as text. */
function file(set: Partial<ExportSet>): string {
  return JSON.stringify(toW3c({ pages: [], annotations: [], sources: [], ...set }));
}

async function imported(text: string): Promise<ImportReport> {
  const result = await importText(db, text, { now: NOW });
  if (!result.ok) throw new Error(result.error);
  return result.report;
}

/** The conflicts as [field, stored text, imported text]. */
const listed = (report: ImportReport) => report.conflicts.map((c) => [c.field, c.storedText, c.importedText]);

describe("an import never overwrites the reader's edits", () => {
  it("keeps status, note and the page's address against a crafted file dated 2099, and lists both values", async () => {
    await visit();
    await updateAnnotation(db, MILITANTS_ID, { status: "disputed", note: "UN says 4,000" }, EDIT);
    const pageBefore = await db.pages.get(BORDER);
    const crafted = file({
      pages: [
        pageRecord(BORDER, {
          url: "https://evil.example/phish",
          title: "Phished",
          textHash: "e".repeat(64),
          hasArticle: true,
          lastSeen: Y2099,
          firstSeen: 0,
        }),
      ],
      annotations: [
        await fileCopy({ status: "supported", note: "Confirmed <b>officially</b>", createdAt: 0, updatedAt: Y2099 }),
      ],
    });
    const report = await imported(crafted);
    expect(report).toMatchObject({ added: 0, merged: 1, updated: 0, pages: 0, sources: 0, refused: [] });
    expect(listed(report)).toEqual([
      ["status", "disputed", "supported"],
      ["note", "UN says 4,000", "Confirmed <b>officially</b>"],
    ]);
    expect(report.conflicts[0]).toMatchObject({
      annotationId: MILITANTS_ID,
      pageKey: BORDER,
      passage: "about 6,500 militants",
      stored: "disputed",
      imported: "supported",
    });
    expect(await getAnnotation(db, MILITANTS_ID)).toMatchObject({
      status: "disputed",
      note: "UN says 4,000",
      createdAt: VISIT,
      updatedAt: EDIT,
    });
    expect(await db.pages.get(BORDER)).toEqual(pageBefore);
  });

  it("keeps a speaker correction, a dismissal and a deletion, each a conflict", async () => {
    await visit();
    await updateAnnotation(db, MILITANTS_ID, { speaker: "Colonel-General Sidorov" }, EDIT);
    let report = await imported(file({ annotations: [await fileCopy({ speaker: "Someone else", updatedAt: Y2099 })] }));
    expect(listed(report)).toEqual([["speaker", "Colonel-General Sidorov", "Someone else"]]);
    await updateAnnotation(db, MILITANTS_ID, { dismissed: true, deleted: true }, EDIT + 1);
    report = await imported(file({ annotations: [await fileCopy({ dismissed: false, deleted: undefined })] }));
    expect(listed(report)).toEqual([
      ["dismissed", "dismissed", "not dismissed"],
      ["deleted", "deleted", "not deleted"],
    ]);
    expect(await getAnnotation(db, MILITANTS_ID)).toMatchObject({ dismissed: true, deleted: true });
  });

  it("never changes a stored page, nor which page a stored annotation is on", async () => {
    await visit();
    await updateAnnotation(db, MILITANTS_ID, { note: "mine" }, EDIT);
    const before = await dump(db);
    const elsewhere = "https://elsewhere.example/";
    const moved = await fileCopy({ pageKey: elsewhere, updatedAt: Y2099 });
    const report = await imported(
      file({
        pages: [pageRecord(BORDER, { url: `${BORDER}?x`, title: "Other", lastSeen: Y2099 })],
        annotations: [moved],
      }),
    );
    expect(report).toMatchObject({ added: 0, merged: 1, pages: 0, conflicts: [] });
    expect(await dump(db)).toEqual(before);
    expect((await readSet(db, elsewhere)).annotations).toEqual([]);
  });
});

describe("annotations the reader has not edited", () => {
  it("take a newer file's copy: its review, its note and its sources", async () => {
    await visit();
    const colleague = await fileCopy({ status: "false", note: "Their note", tags: ["csto"], updatedAt: EDIT });
    const source = sourceRecord({ id: "their-source", annotationId: MILITANTS_ID, title: "UN report" });
    const report = await imported(file({ annotations: [colleague], sources: [source] }));
    expect(report).toMatchObject({ added: 0, merged: 1, updated: 1, sources: 1, conflicts: [] });
    expect(await getAnnotation(db, MILITANTS_ID)).toMatchObject({
      status: "false",
      note: "Their note",
      tags: ["csto"],
      updatedAt: EDIT,
    });
    expect(await getSource(db, "their-source")).toMatchObject({ title: "UN report" });
    // Now it holds a review: the next file that differs is a conflict.
    const again = await imported(file({ annotations: [await fileCopy({ status: "supported", updatedAt: Y2099 })] }));
    expect(listed(again)).toEqual([["status", "false", "supported"]]);
  });

  it("take an older file's copy when it carries a review, and stay as they are for an older plain one", async () => {
    await visit();
    const plain = await imported(
      file({ annotations: [await fileCopy({ confidence: 0.1, updatedAt: 1, createdAt: 1 })] }),
    );
    expect(plain).toMatchObject({ merged: 1, updated: 0, conflicts: [] });
    expect((await getAnnotation(db, MILITANTS_ID))?.confidence).toBe(MILITANTS.confidence);
    const reviewed = await imported(file({ annotations: [await fileCopy({ status: "supported", updatedAt: 1 })] }));
    expect(reviewed).toMatchObject({ merged: 1, updated: 1, conflicts: [] });
    expect((await getAnnotation(db, MILITANTS_ID))?.status).toBe("supported");
  });
});

describe("sources", () => {
  it("lists a changed field of a stored source, and a source the file adds, as conflicts", async () => {
    await visit();
    const mine = await addSource(
      db,
      MILITANTS_ID,
      { url: "https://un.example/r", title: "UN report", publisher: "UN", accessedAt: null, note: "", quote: "" },
      EDIT,
    );
    const theirs: Source = { ...mine, title: "UN report (draft)", publisher: "UN", updatedAt: Y2099 };
    const added = sourceRecord({ id: "new-source", annotationId: MILITANTS_ID, url: "https://evil.example/" });
    const report = await imported(file({ annotations: [await fileCopy({})], sources: [theirs, added] }));
    expect(listed(report)).toEqual([
      ["source.title", "UN report", "UN report (draft)"],
      ["source", "(none)", "A report <https://evil.example/>"],
    ]);
    expect(report.conflicts.map((c) => c.sourceId)).toEqual([mine.id, "new-source"]);
    expect(await getSource(db, mine.id)).toEqual(mine);
    expect(await getSource(db, "new-source")).toBeUndefined();

    const taken = await takeImported(db, report.conflicts, NOW);
    expect(taken).toEqual({ taken: report.conflicts.map((c) => c.key), refused: [] });
    expect(await getSource(db, mine.id)).toEqual({ ...mine, title: "UN report (draft)", updatedAt: NOW });
    expect(await getSource(db, "new-source")).toEqual(added);
    expect((await getAnnotation(db, MILITANTS_ID))?.updatedAt).toBe(NOW);
  });
});

describe("taking the imported version", () => {
  async function attacked(): Promise<ImportConflict[]> {
    await visit();
    await updateAnnotation(db, MILITANTS_ID, { status: "disputed", note: "UN says 4,000" }, EDIT);
    const text = file({ annotations: [await fileCopy({ status: "supported", note: "theirs", updatedAt: Y2099 })] });
    return (await imported(text)).conflicts;
  }

  it("writes exactly the value taken, and the others stay the reader's until taken too", async () => {
    const [status, note] = (await attacked()) as [ImportConflict, ImportConflict];
    expect(await takeImported(db, [status], NOW)).toEqual({ taken: [status.key], refused: [] });
    expect(await getAnnotation(db, MILITANTS_ID)).toMatchObject({
      status: "supported",
      note: "UN says 4,000",
      updatedAt: NOW,
    });
    expect(await takeImported(db, [note], NOW + 1)).toEqual({ taken: [note.key], refused: [] });
    expect(await getAnnotation(db, MILITANTS_ID)).toMatchObject({ status: "supported", note: "theirs" });
  });

  it("takes all in one transaction: nothing written when the write fails", async () => {
    const conflicts = await attacked();
    const before = await dump(db);
    // The sets are written, then the transaction fails: all of it is rolled back.
    const table = db.annotationChunks;
    const write = table.bulkPut.bind(table);
    const failAfterWriting = async (...args: Parameters<typeof write>) => {
      await write(...args);
      throw new Error("disk full");
    };
    const spy = vi.spyOn(table, "bulkPut").mockImplementationOnce(failAfterWriting as unknown as typeof write);
    await expect(takeImported(db, conflicts, NOW)).rejects.toThrow("disk full");
    expect(spy).toHaveBeenCalledOnce();
    spy.mockRestore();
    expect(await dump(db)).toEqual(before);
  });

  it("leaves a value the reader changed since the import, and one the page tampered with", async () => {
    const [status, note] = (await attacked()) as [ImportConflict, ImportConflict];
    await updateAnnotation(db, MILITANTS_ID, { note: "changed my mind" }, NOW);
    const forged: ImportConflict = { ...status, imported: "hacked" };
    const result = await takeImported(db, [note, forged, { ...status, field: "constructor" as "status" }], NOW + 1);
    expect(result.taken).toEqual([]);
    expect(result.refused.map((r) => r.reason)).toEqual([
      "changed since the import: your value now is not the one listed",
      "not a value this field can take",
      "not a field an import can change",
    ]);
    expect(await getAnnotation(db, MILITANTS_ID)).toMatchObject({ status: "disputed", note: "changed my mind" });
  });

  it("undeletes when the reader takes the file's copy of a deleted annotation", async () => {
    await visit();
    await updateAnnotation(db, MILITANTS_ID, { deleted: true }, EDIT);
    const report = await imported(file({ annotations: [await fileCopy({ deleted: undefined })] }));
    expect(listed(report)).toEqual([["deleted", "deleted", "not deleted"]]);
    await takeImported(db, report.conflicts, NOW);
    expect((await getAnnotation(db, MILITANTS_ID))?.deleted).toBeUndefined();
  });
});

describe("limits and round trips", () => {
  it(`lists at most ${IMPORT_MAX_CONFLICTS} conflicts and counts the rest`, async () => {
    const mine = Array.from({ length: IMPORT_MAX_CONFLICTS + 5 }, (_, i) =>
      annotationRecord({
        id: `a${i}`,
        pageKey: BORDER,
        note: "mine",
        origin: "user",
        selectors: [{ type: "TextQuoteSelector", exact: "x", prefix: "", suffix: "" }],
      }),
    );
    await putAnnotations(db, mine);
    const report = await imported(file({ annotations: mine.map((a) => ({ ...a, note: "theirs" })) }));
    expect(report.conflicts).toHaveLength(IMPORT_MAX_CONFLICTS);
    expect(report.unlistedConflicts).toBe(5);
  });

  it("re-importing one's own export finds no conflict and changes nothing (property)", async () => {
    await fc.assert(
      fc.asyncProperty(exportSet(6, 3).filter(quotable), fc.boolean(), async (set, everything) => {
        const own = openDb(`transfer-conflicts-own-${++count}`);
        await own.pages.bulkPut(set.pages);
        await putAnnotations(own, set.annotations);
        await putSources(own, set.sources);
        const before = await dump(own);
        // The backup (everything, dismissed included) and a page's export (dismissed left out).
        const scope = everything ? { includeDismissed: true } : { pageKey: set.annotations[0]?.pageKey ?? BORDER };
        const text = renderExport("w3c", await collectForExport(own, scope));
        const result = await importText(own, text);
        expect(result.ok && result.report).toMatchObject({ added: 0, updated: 0, conflicts: [], refused: [] });
        expect(await dump(own)).toEqual(before);
        own.close();
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
