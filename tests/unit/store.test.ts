import Dexie from "dexie";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setStatusOf, undoBulk } from "../../lib/db/bulk";
import { CHUNK_SIZE } from "../../lib/db/chunks";
import { addSource, allTags, deleteSource, updateAnnotation } from "../../lib/db/edit";
import { type AnnotationChunk, type ClaimmarkDb, openDb } from "../../lib/db/schema";
import {
  changeAnnotation,
  changeSet,
  countStored,
  pagesTagged,
  readSet,
  readSets,
  setOfAnnotation,
  setOfSource,
  sourcesIn,
  writeSets,
} from "../../lib/db/store";
import type { Annotation, Source } from "../../lib/model";
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

describe("a page's annotations and sources kept in chunk records", () => {
  it("stores a few annotations of a page as one record, found by id, by page and by tag", async () => {
    fresh();
    await putAnnotations(db, [
      annotationRecord({ id: "a1", pageKey: A, tags: ["border"] }),
      annotationRecord({ id: "a2", pageKey: A }),
      annotationRecord({ id: "b1", pageKey: B, tags: ["army"] }),
    ]);
    await putSources(db, [sourceRecord({ id: "s1", annotationId: "a2" })]);
    expect(await db.annotationChunks.count()).toBe(2);
    expect((await readSet(db, A)).annotations.map((a) => a.id)).toEqual(["a1", "a2"]);
    expect((await readSets(db)).map((set) => set.pageKey)).toEqual([A, B]);
    expect((await setOfAnnotation(db, "b1"))?.pageKey).toBe(B);
    expect((await setOfSource(db, "s1"))?.pageKey).toBe(A);
    expect(await getSource(db, "s1")).toMatchObject({ annotationId: "a2" });
    expect(sourcesIn(await readSet(db, A), "a2")?.map((s) => s.id)).toEqual(["s1"]);
    expect(await pagesTagged(db, "army")).toEqual([B]);
    expect(await countStored(db)).toEqual({ annotations: 3, sources: 1 });
  });

  it("keeps the tag index true to the annotations: a deleted annotation's tags leave it", async () => {
    fresh();
    await putAnnotations(db, [annotationRecord({ id: "a1", pageKey: A, tags: ["border"] })]);
    await changeAnnotation(db, "a1", (a) => ({ ...a, deleted: true }));
    expect(await pagesTagged(db, "border")).toEqual([]);
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
    expect((await readSet(db, A)).sources).toEqual([]);
    expect(await getAnnotation(db, "x")).toMatchObject({ updatedAt: 60 });
    await changeSet(db, A, (draft) => {
      draft.annotations = [];
    });
    expect(await db.annotationChunks.where("pageKey").equals(A).count()).toBe(0);
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
    expect(await pagesTagged(db, "border")).toEqual([A]);
    expect(db.tables.map((table) => table.name).sort()).toEqual(["annotationChunks", "pages", "settings"]);
  });
});

/** `count` annotations of a page, ids `${prefix}0`…, the reader's status on some. */
const many = (pageKey: string, count: number, prefix = "n"): Annotation[] =>
  Array.from({ length: count }, (_, i) =>
    annotationRecord({
      id: `${prefix}${i}`,
      pageKey,
      createdAt: i,
      tags: i % 10 === 0 ? [`tag${i % 3}`] : [],
      status: i % 4 === 0 ? "disputed" : "unverified",
    }),
  );

/** The page's chunk records, in order. */
const chunksOf = (pageKey: string): Promise<AnnotationChunk[]> =>
  db.annotationChunks.where("pageKey").equals(pageKey).sortBy("chunk");

/** Records every chunk written from now on (what IndexedDB would serialise). */
function watchWrites(): AnnotationChunk[] {
  const written: AnnotationChunk[] = [];
  const put = db.annotationChunks.bulkPut.bind(db.annotationChunks);
  vi.spyOn(db.annotationChunks, "bulkPut").mockImplementation(((items: AnnotationChunk[]) => {
    written.push(...items);
    return put(items);
  }) as unknown as typeof put);
  return written;
}

describe("chunks: a change rewrites only what it touched", () => {
  afterEach(() => vi.restoreAllMocks());

  it("keeps a page of 1,000 in chunks of at most CHUNK_SIZE, read back whole and in order", async () => {
    fresh();
    const annotations = many(A, 1000);
    const sources = [
      sourceRecord({ id: "s-5", annotationId: "n5" }),
      sourceRecord({ id: "s-900", annotationId: "n900" }),
    ];
    await writeSets(db, [{ pageKey: A, annotations, sources }]);
    const chunks = await chunksOf(A);
    expect(chunks.length).toBe(Math.ceil(1000 / CHUNK_SIZE));
    expect(chunks.every((chunk) => chunk.annotations.length <= CHUNK_SIZE)).toBe(true);
    const set = await readSet(db, A);
    expect(set.annotations).toEqual(annotations);
    expect(set.sources).toEqual(sources);
    // Each source is kept with its annotation.
    for (const chunk of chunks) for (const source of chunk.sources) expect(chunk.ids).toContain(source.annotationId);
    expect(await countStored(db)).toEqual({ annotations: 1000, sources: 2 });
    // A tag on several chunks of one page counts the page once.
    expect(await pagesTagged(db, "tag0")).toEqual([A]);
    expect(await allTags(db)).toEqual(["tag0", "tag1", "tag2"]);
  });

  it("writes one chunk for a status change in a page of 1,000, and the change is read back", async () => {
    fresh();
    await writeSets(db, [{ pageKey: A, annotations: many(A, 1000), sources: [] }]);
    const written = watchWrites();
    await updateAnnotation(db, "n700", { status: "false" }, 5);
    expect(written.map((chunk) => chunk.ids.includes("n700"))).toEqual([true]);
    expect((await readSet(db, A)).annotations.find((a) => a.id === "n700")).toMatchObject({ status: "false" });
    expect((await readSet(db, A)).annotations).toHaveLength(1000);
  });

  it("writes one chunk when a source is added or removed, keeping it with its annotation", async () => {
    fresh();
    await writeSets(db, [{ pageKey: A, annotations: many(A, 200), sources: [] }]);
    const written = watchWrites();
    const input = { url: "https://un.example/r", title: "R", publisher: "", accessedAt: null, note: "", quote: "" };
    const source = await addSource(db, "n150", input, 9);
    expect(written).toHaveLength(1);
    expect(written[0]?.ids).toContain("n150");
    expect(written[0]?.sourceIds).toEqual([source.id]);
    await deleteSource(db, source.id, 10);
    expect(written).toHaveLength(2);
    expect((await readSet(db, A)).sources).toEqual([]);
  });

  it("puts new annotations in the last chunk with room, then in new chunks; removes emptied chunks", async () => {
    fresh();
    await writeSets(db, [{ pageKey: A, annotations: many(A, CHUNK_SIZE + 10), sources: [] }]);
    expect((await chunksOf(A)).map((chunk) => chunk.annotations.length)).toEqual([CHUNK_SIZE, 10]);
    const written = watchWrites();
    const added = many(A, CHUNK_SIZE, "new");
    await changeSet(db, A, (draft) => draft.annotations.push(...added));
    // The second chunk filled, a third made; the first untouched.
    expect(written.map((chunk) => chunk.chunk)).toEqual([1, 2]);
    expect((await chunksOf(A)).map((chunk) => chunk.annotations.length)).toEqual([CHUNK_SIZE, CHUNK_SIZE, 10]);
    expect((await readSet(db, A)).annotations.map((a) => a.id)).toEqual([
      ...many(A, CHUNK_SIZE + 10).map((a) => a.id),
      ...added.map((a) => a.id),
    ]);
    // Every annotation of the first chunk removed: that record goes, the others stay as they were.
    const first = new Set((await chunksOf(A))[0]?.ids);
    await changeSet(db, A, (draft) => {
      draft.annotations = draft.annotations.filter((a) => !first.has(a.id));
    });
    expect((await chunksOf(A)).map((chunk) => chunk.chunk)).toEqual([1, 2]);
    expect((await readSet(db, A)).annotations).toHaveLength(CHUNK_SIZE + 10);
  });

  it("writes a set it did not hand out by comparing it with what is stored", async () => {
    fresh();
    const annotations = many(A, 200);
    await writeSets(db, [{ pageKey: A, annotations, sources: [] }]);
    const written = watchWrites();
    // Copies, as a caller that built its own lists would have: only the changed one's chunk is written.
    const copies = structuredClone(annotations);
    copies[130] = { ...(copies[130] as Annotation), note: "changed" };
    await writeSets(db, [{ pageKey: A, annotations: copies, sources: [] }]);
    expect(written.map((chunk) => chunk.ids.includes("n130"))).toEqual([true]);
    expect((await readSet(db, A)).annotations).toEqual(copies);
  });

  it("undoes a bulk change across chunks exactly", async () => {
    fresh();
    await writeSets(db, [{ pageKey: A, annotations: many(A, 300), sources: [] }]);
    const before = await readSet(db, A);
    const result = await setStatusOf(db, ["n1", "n150", "n299"], "supported", 7);
    expect((await readSet(db, A)).annotations.filter((a) => a.status === "supported")).toHaveLength(3);
    await undoBulk(db, result, 8);
    expect((await readSet(db, A)).annotations).toEqual(before.annotations);
  });
});

describe("upgrading a version 5 database (one record a page)", () => {
  it("moves every page's annotations and sources into chunks, identical, and drops the old table", async () => {
    const name = `upgrade-v5-${Date.now()}`;
    const old = new Dexie(name);
    old.version(5).stores({
      pages: "key, url, lastSeen, siteName",
      annotationSets: "pageKey, *ids, *sourceIds, *tags",
      settings: "key",
    });
    const big = many(A, 150);
    const small = many(B, 2, "b");
    const sources: Source[] = [
      sourceRecord({ id: "s1", annotationId: "n3" }),
      sourceRecord({ id: "s2", annotationId: "n140" }),
      sourceRecord({ id: "s3", annotationId: "n3", url: "https://two.example/" }),
    ];
    const record = (pageKey: string, annotations: Annotation[], sources: Source[]) => ({
      pageKey,
      annotations,
      sources,
      ids: annotations.map((a) => a.id),
      sourceIds: sources.map((s) => s.id),
      tags: [...new Set(annotations.flatMap((a) => a.tags))],
    });
    await old.table("annotationSets").bulkPut([record(A, big, sources), record(B, small, [])]);
    await old.table("settings").put({ key: "settings", value: { autoDetect: false } });
    old.close();

    db = openDb(name);
    const a = await readSet(db, A);
    expect(a.annotations).toEqual(big);
    const byId = (list: Source[]) => [...list].sort((x, y) => x.id.localeCompare(y.id));
    expect(byId(a.sources)).toEqual(byId(sources));
    expect((await readSet(db, B)).annotations).toEqual(small);
    expect(await countStored(db)).toEqual({ annotations: 152, sources: 3 });
    expect((await chunksOf(A)).length).toBe(Math.ceil(150 / CHUNK_SIZE));
    expect(await pagesTagged(db, "tag1")).toEqual([A]);
    expect(await db.settings.get("settings")).toEqual({ key: "settings", value: { autoDetect: false } });
    expect(db.tables.map((table) => table.name).sort()).toEqual(["annotationChunks", "pages", "settings"]);
    expect(db.verno).toBe(6);
  });
});
