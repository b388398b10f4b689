import Dexie from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import { addSource, deleteSource } from "../../lib/db/edit";
import { type ClaimmarkDb, openDb } from "../../lib/db/schema";
import {
  changeAnnotation,
  changeSet,
  countStored,
  readSet,
  readSets,
  setOfAnnotation,
  setOfSource,
  sourcesIn,
} from "../../lib/db/store";
import { annotationRecord, sourceRecord } from "./samples";
import { getAnnotation, getSource, putAnnotations, putSources } from "./stored";

const A = "https://example.com/a";
const B = "https://example.com/b";

let db: ClaimmarkDb;
let counter = 0;
const fresh = () => {
  db = openDb(`store-${Date.now()}-${++counter}`);
  return db;
};
afterEach(async () => {
  await db?.delete();
});

describe("a page's annotations and sources kept as one record", () => {
  it("stores many annotations of a page as one record, found by id, by page and by tag", async () => {
    fresh();
    await putAnnotations(db, [
      annotationRecord({ id: "a1", pageKey: A, tags: ["border"] }),
      annotationRecord({ id: "a2", pageKey: A }),
      annotationRecord({ id: "b1", pageKey: B, tags: ["army"] }),
    ]);
    await putSources(db, [sourceRecord({ id: "s1", annotationId: "a2" })]);
    expect(await db.annotationSets.count()).toBe(2);
    expect((await readSet(db, A)).annotations.map((a) => a.id)).toEqual(["a1", "a2"]);
    expect((await readSets(db)).map((set) => set.pageKey)).toEqual([A, B]);
    expect((await setOfAnnotation(db, "b1"))?.pageKey).toBe(B);
    expect((await setOfSource(db, "s1"))?.pageKey).toBe(A);
    expect(await getSource(db, "s1")).toMatchObject({ annotationId: "a2" });
    expect(sourcesIn(await readSet(db, A), "a2")?.map((s) => s.id)).toEqual(["s1"]);
    expect(await db.annotationSets.where("tags").equals("army").primaryKeys()).toEqual([B]);
    expect(await countStored(db)).toEqual({ annotations: 3, sources: 1 });
  });

  it("keeps the tag index true to the annotations: a deleted annotation's tags leave it", async () => {
    fresh();
    await putAnnotations(db, [annotationRecord({ id: "a1", pageKey: A, tags: ["border"] })]);
    await changeAnnotation(db, "a1", (a) => ({ ...a, deleted: true }));
    expect(await db.annotationSets.where("tags").equals("border").count()).toBe(0);
    expect(await getAnnotation(db, "a1")).toMatchObject({ deleted: true });
  });

  it("marks the annotation changed when one of its sources changes, and removes a set left empty", async () => {
    fresh();
    await putAnnotations(db, [annotationRecord({ id: "x", pageKey: A, updatedAt: 1 })]);
    const added = await addSource(
      db,
      "x",
      { url: "https://un.example/r", title: "R", publisher: "", accessedAt: null, note: "", quote: "" },
      50,
    );
    expect(await getAnnotation(db, "x")).toMatchObject({ updatedAt: 50 });
    expect(await deleteSource(db, added.id, 60)).toMatchObject({ id: added.id });
    expect((await db.annotationSets.get(A))?.sourceIds).toEqual([]);
    expect(await getAnnotation(db, "x")).toMatchObject({ updatedAt: 60 });
    await changeSet(db, A, (draft) => {
      draft.annotations = [];
    });
    expect(await db.annotationSets.get(A)).toBeUndefined();
    expect((await readSet(db, A)).annotations).toEqual([]);
  });

  it("undoes a whole change when it throws", async () => {
    fresh();
    await putAnnotations(db, [annotationRecord({ id: "a1", pageKey: A })]);
    await expect(
      changeSet(db, A, (draft) => {
        draft.annotations = [];
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect((await readSet(db, A)).annotations.map((a) => a.id)).toEqual(["a1"]);
  });
});

describe("upgrading a version 3 database (one record per annotation and per source)", () => {
  it("moves every annotation and source into its page's set, and drops the old tables", async () => {
    const name = `upgrade-v3-${Date.now()}`;
    const old = new Dexie(name);
    old.version(3).stores({
      pages: "key, url, lastSeen, siteName",
      annotations: "id, pageKey, kind, *tags, updatedAt, status",
      sources: "id, annotationId, url, updatedAt",
      settings: "key",
    });
    await old
      .table("annotations")
      .bulkPut([
        annotationRecord({ id: "a1", pageKey: A, tags: ["border"] }),
        annotationRecord({ id: "a2", pageKey: A, status: "disputed" }),
        annotationRecord({ id: "b1", pageKey: B }),
      ]);
    await old
      .table("sources")
      .bulkPut([
        sourceRecord({ id: "s1", annotationId: "a2" }),
        sourceRecord({ id: "s2", annotationId: "b1" }),
        sourceRecord({ id: "lost", annotationId: "gone" }),
      ]);
    old.close();

    db = openDb(name);
    expect((await readSet(db, A)).annotations.map((a) => [a.id, a.status])).toEqual([
      ["a1", "unverified"],
      ["a2", "disputed"],
    ]);
    expect(sourcesIn(await readSet(db, B), "b1")?.map((s) => s.id)).toEqual(["s2"]);
    expect(await countStored(db)).toEqual({ annotations: 3, sources: 2 });
    expect(await db.annotationSets.where("tags").equals("border").primaryKeys()).toEqual([A]);
    expect(db.tables.map((table) => table.name).sort()).toEqual(["annotationSets", "pages", "settings"]);
  });
});
