import type { DBCoreTable } from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import { CHUNK_SIZE } from "../../lib/db/chunks";
import { updateAnnotation } from "../../lib/db/edit";
import { type PageView, watchPage } from "../../lib/db/page-watch";
import { type ClaimmarkDb, openDb } from "../../lib/db/schema";
import { clearSets, writeSets } from "../../lib/db/store";
import type { Annotation } from "../../lib/model";
import { annotationRecord, pageRecord } from "./samples";
import { until } from "./until";

const A = "https://example.com/a";
const B = "https://example.com/b";

let db: ClaimmarkDb;
let stop: (() => void) | null = null;
let counter = 0;
/** Chunk records IndexedDB handed over since the database was made (counted below Dexie). */
let chunksRead = 0;

/** A fresh database that counts the chunk records each read returns. */
function fresh(): ClaimmarkDb {
  db = openDb(`page-watch-${Date.now()}-${++counter}`);
  chunksRead = 0;
  db.use({
    stack: "dbcore",
    name: "count-chunk-reads",
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== "annotationChunks") return table;
        const counted: DBCoreTable = {
          ...table,
          get: (request) =>
            table.get(request).then((found) => {
              if (found) chunksRead++;
              return found;
            }),
          getMany: (request) =>
            table.getMany(request).then((found) => {
              chunksRead += found.filter(Boolean).length;
              return found;
            }),
          query: (request) =>
            table.query(request).then((found) => {
              if (request.values) chunksRead += found.result.length;
              return found;
            }),
          openCursor: (request) =>
            table.openCursor(request).then((cursor) => {
              // A cursor over records (not keys only) hands each one over as it steps.
              if (cursor && request.values !== false) chunksRead++;
              return cursor;
            }),
        };
        return counted;
      },
    }),
  });
  return db;
}

afterEach(async () => {
  stop?.();
  stop = null;
  await db?.delete();
});

/** `count` annotations of a page, ids `${prefix}0`…. */
const many = (pageKey: string, count: number, prefix = "n"): Annotation[] =>
  Array.from({ length: count }, (_, i) => annotationRecord({ id: `${prefix}${i}`, pageKey, createdAt: i }));

/** Watches a page, keeping every view it is shown. */
function watch(pageKey: string): PageView[] {
  const views: PageView[] = [];
  stop = watchPage(
    db,
    pageKey,
    (view) => views.push(view),
    (error) => {
      throw error;
    },
  );
  return views;
}

describe("watching one page", () => {
  it("shows a page of 1,000; a status change reads one chunk to write and one to show, and other rows stay the same objects", async () => {
    fresh();
    await db.pages.put(pageRecord(A));
    await writeSets(db, [{ pageKey: A, annotations: many(A, 1000), sources: [] }]);
    const views = watch(A);
    await until(() => expect(views).toHaveLength(1));
    const [first] = views as [PageView];
    expect(first.page?.key).toBe(A);
    expect(first.annotations.map((a) => a.id)).toEqual(many(A, 1000).map((a) => a.id));

    chunksRead = 0;
    await updateAnnotation(db, "n700", { status: "false" }, 5);
    await until(() => expect(views).toHaveLength(2));
    const second = views[1] as PageView;
    expect(second.annotations.find((a) => a.id === "n700")).toMatchObject({ status: "false" });
    expect(second.annotations).toHaveLength(1000);
    // n700's chunk once to change it, once to show it; none of the other 15.
    expect(chunksRead).toBe(2);
    const changedChunk = Math.floor(700 / CHUNK_SIZE);
    second.annotations.forEach((annotation, i) => {
      const inChanged = Math.floor(i / CHUNK_SIZE) === changedChunk;
      expect(annotation === first.annotations[i]).toBe(!inChanged);
    });
  });

  it("follows its page's record and a page emptied, and not another page's changes", async () => {
    fresh();
    await db.pages.bulkPut([pageRecord(A), pageRecord(B)]);
    await writeSets(db, [
      { pageKey: A, annotations: many(A, 3, "a"), sources: [] },
      { pageKey: B, annotations: many(B, 3, "b"), sources: [] },
    ]);
    const views = watch(A);
    await until(() => expect(views).toHaveLength(1));

    // Another page's annotation, then this page's record: one view, for the record.
    await updateAnnotation(db, "b1", { status: "false" });
    await db.pages.put(pageRecord(A, { title: "Renamed" }));
    await until(() => expect(views.at(-1)?.page?.title).toBe("Renamed"));
    expect(views).toHaveLength(2);
    // Only the record was read again: the annotations are the objects shown before.
    expect(views[1]?.annotations.map((a) => a.id)).toEqual(["a0", "a1", "a2"]);
    expect(views[1]?.annotations.every((annotation, i) => annotation === views[0]?.annotations[i])).toBe(true);

    // Every chunk of every page removed at once (a range, not keys): read again whole.
    await clearSets(db);
    await until(() => expect(views.at(-1)?.annotations).toEqual([]));
    expect(views.at(-1)?.page?.title).toBe("Renamed");

    // Stopped: no more views.
    stop?.();
    const shown = views.length;
    await writeSets(db, [{ pageKey: A, annotations: many(A, 2, "c"), sources: [] }]);
    await db.pages.put(pageRecord(A, { title: "Again" }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(views).toHaveLength(shown);
  });
});
