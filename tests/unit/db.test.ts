import Dexie from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import { countAnnotationsByKind, recordPage } from "../../lib/db/pages";
import { type ClaimmarkDb, openDb } from "../../lib/db/schema";
import { pagesTagged } from "../../lib/db/store";
import type { Annotation, PageReport } from "../../lib/model";
import { annotationRecord, pageReport } from "./samples";
import { getAnnotation, putAnnotations } from "./stored";

const article: PageReport = pageReport({ siteName: "Example", textLength: 100, textHash: "b".repeat(64) });

let db: ClaimmarkDb;
let counter = 0;
const freshDb = () => {
  db = openDb(`test-${++counter}`);
  return db;
};
afterEach(async () => {
  await db.delete();
});

function annotation(id: string, pageKey: string, extra: Partial<Annotation> = {}): Annotation {
  return annotationRecord({ id, pageKey, ...extra });
}

describe("recordPage", () => {
  it("stores a page under its normalised URL and keeps its first visit", async () => {
    freshDb();
    await recordPage(db, "https://example.com/story?utm_source=x#top", article, 1000);
    await recordPage(db, "https://example.com/story", { ...article, title: "Story, updated" }, 2000);
    const pages = await db.pages.toArray();
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({
      key: "https://example.com/story",
      title: "Story, updated",
      firstSeen: 1000,
      lastSeen: 2000,
    });
  });

  it("keys by the canonical link on the same site", async () => {
    freshDb();
    const page = await recordPage(db, "https://m.example.com/s/1", {
      ...article,
      canonicalUrl: "https://www.example.com/story-1",
    });
    expect(page?.key).toBe("https://www.example.com/story-1");
    expect(page?.url).toBe("https://m.example.com/s/1");
  });

  it("does not let a later visit without an article erase the article", async () => {
    freshDb();
    await recordPage(db, "https://example.com/story", article, 1000);
    await recordPage(
      db,
      "https://example.com/story",
      { ...article, hasArticle: false, noArticleReason: "empty", textHash: null, textLength: 0 },
      2000,
    );
    expect(await db.pages.get("https://example.com/story")).toMatchObject({
      hasArticle: true,
      textHash: article.textHash,
      lastSeen: 2000,
    });
  });

  it("stores nothing for a non-web URL", async () => {
    freshDb();
    expect(await recordPage(db, "chrome://settings", article)).toBeNull();
    expect(await db.pages.count()).toBe(0);
  });
});

describe("countAnnotationsByKind", () => {
  it("counts a page's annotations, not other pages' nor dismissed detections", async () => {
    freshDb();
    await putAnnotations(db, [
      annotation("a", "https://example.com/1"),
      annotation("b", "https://example.com/1", { tags: ["budget", "army"] }),
      annotation("c", "https://example.com/1", { dismissed: true }),
      annotation("d", "https://example.com/2"),
    ]);
    expect(await countAnnotationsByKind(db, "https://example.com/1")).toEqual({ quote: 2 });
    // The library's tag filter finds the page by the tags of its annotations.
    expect(await pagesTagged(db, "army")).toEqual(["https://example.com/1"]);
  });
});

describe("schema upgrades", () => {
  it("keeps every record when a version 2 database is opened by the current schema", async () => {
    const name = `upgrade-${Date.now()}`;
    const old = new Dexie(name);
    old.version(1).stores({
      pages: "key, url, lastSeen, siteName",
      annotations: "id, pageKey, kind, speaker, *tags, updatedAt, status, [pageKey+kind]",
      sources: "id, annotationId, url",
    });
    old.version(2).stores({ sources: "id, annotationId, url, updatedAt", settings: "key" });
    await old.table("annotations").put(annotationRecord({ id: "kept", tags: ["border"] }));
    old.close();

    const current = openDb(name);
    expect(await getAnnotation(current, "kept")).toMatchObject({ id: "kept", tags: ["border"] });
    expect(await pagesTagged(current, "border")).toHaveLength(1);
    current.close();
  });
});
