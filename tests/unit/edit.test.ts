import { beforeEach, describe, expect, it } from "vitest";
import { createUserAnnotation, relatedAnnotations, updateAnnotation } from "../../lib/db/edit";
import { type ClaimmarkDb, openDb } from "../../lib/db/schema";
import { countStored } from "../../lib/db/store";
import { handleEdit } from "../../lib/edit/handle";
import { checkEditMessage, type EditMessage } from "../../lib/edit/messages";
import { checkAnnotationPatch, checkSourceInput } from "../../lib/edit/validate";
import type { PageRecord } from "../../lib/model";
import { pageRecord, userInput } from "./samples";
import { getAnnotation, getSource } from "./stored";

const BORDER = "https://example.com/border";
const OTHER = "https://other.example/story";
const PAGE = { url: BORDER, canonicalUrl: null };
let db: ClaimmarkDb;
let count = 0;

function page(key: string, title: string): PageRecord {
  return pageRecord(key, { title, textHash: "a".repeat(64) });
}

const passage = {
  exact: "about 6,500 militants",
  prefix: "now reaching ",
  suffix: ", with up to",
  start: 100,
  end: 121,
};

/** Sends an edit through the checks and the handler, as the background does for a tab at `url`. */
async function edit(raw: unknown, url = BORDER) {
  const checked = checkEditMessage(raw);
  if (!checked.ok) return checked;
  return handleEdit(db, checked.value as EditMessage, url);
}

beforeEach(async () => {
  db = openDb(`edit-${++count}`);
  await db.pages.bulkPut([page(BORDER, "Border"), page(OTHER, "Other story")]);
});

describe("checks on the reader's changes", () => {
  it.each<[string, unknown, RegExp]>([
    ["an unknown field", { html: "<b>" }, /unknown field html/],
    ["an invented status", { status: "maybe" }, /status must be/],
    ["tags that are not text", { tags: [1] }, /tags must be/],
    ["too many tags", { tags: Array.from({ length: 60 }, (_, i) => `t${i}`) }, /at most 50 tags/],
    ["a huge note", { note: "x".repeat(20_001) }, /note is longer/],
    ["an infinite value", { value: Number.POSITIVE_INFINITY }, /value must be/],
  ])("refuses %s", (_, raw, error) => {
    const result = checkAnnotationPatch(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  it("cleans tags: no #, no repeats, no empty ones", () => {
    expect(checkAnnotationPatch({ tags: ["#border", "border", "  ", "Central  Asia"] })).toEqual({
      ok: true,
      value: { tags: ["border", "Central Asia"] },
    });
  });

  it.each([["javascript:alert(1)"], ["data:text/html,<script>"], ["ftp://example.com/x"], ["not a url"]])(
    "refuses the source address %s",
    (url) => {
      expect(checkSourceInput({ url })).toMatchObject({ ok: false, error: expect.stringMatching(/http/) });
    },
  );

  it("accepts a source with an http(s) address, filling in what is missing", () => {
    expect(checkSourceInput({ url: " https://csto.org/news ", title: "CSTO" })).toEqual({
      ok: true,
      value: { url: "https://csto.org/news", title: "CSTO", publisher: "", accessedAt: null, note: "", quote: "" },
    });
  });
});

describe("edits from a page's card", () => {
  it("creates a hand-made figure read like a detected one", async () => {
    const result = await edit({ type: "annotation/create", page: PAGE, kind: "figure", passage });
    expect(result).toMatchObject({
      ok: true,
      details: {
        annotation: { kind: "figure", origin: "user", value: 6500, unit: "militants", qualifier: "approximately" },
      },
    });
  });

  it("changes one field at a time, so two tabs editing one annotation both keep their change", async () => {
    const created = await createUserAnnotation(db, BORDER, userInput());
    await Promise.all([
      edit({ type: "annotation/update", page: PAGE, id: created.id, patch: { status: "disputed" } }),
      edit({ type: "annotation/update", page: PAGE, id: created.id, patch: { note: "Check the CSTO release." } }),
    ]);
    expect(await getAnnotation(db, created.id)).toMatchObject({ status: "disputed", note: "Check the CSTO release." });
  });

  it("adds, edits, removes and restores a source", async () => {
    const created = await createUserAnnotation(
      db,
      BORDER,
      userInput({ kind: "figure", value: 6500, unit: "militants" }),
    );
    const added = await edit({
      type: "source/add",
      page: PAGE,
      annotationId: created.id,
      source: { url: "https://csto.org/news/1", title: "CSTO release", note: "Says 6,000" },
    });
    if (!added.ok) throw new Error(added.error);
    const source = added.details.sources[0];
    expect(source).toMatchObject({ url: "https://csto.org/news/1", title: "CSTO release", note: "Says 6,000" });
    await edit({ type: "source/update", page: PAGE, id: source?.id, patch: { publisher: "CSTO" } });
    const removed = await edit({ type: "source/remove", page: PAGE, id: source?.id });
    if (!removed.ok || !removed.removed) throw new Error("not removed");
    expect((await countStored(db)).sources).toBe(0);
    await edit({ type: "source/restore", page: PAGE, source: removed.removed });
    expect(await getSource(db, source?.id as string)).toMatchObject({ publisher: "CSTO" });
  });

  it("refuses to touch another page's annotation", async () => {
    const theirs = await createUserAnnotation(db, OTHER, userInput());
    const result = await edit({ type: "annotation/update", page: PAGE, id: theirs.id, patch: { status: "false" } });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/no such annotation/) });
    // Naming the other page in the message changes nothing: the tab's own address decides.
    const claimed = await edit(
      {
        type: "annotation/update",
        page: { url: OTHER, canonicalUrl: null },
        id: theirs.id,
        patch: { status: "false" },
      },
      BORDER,
    );
    expect(claimed.ok).toBe(false);
    expect((await getAnnotation(db, theirs.id))?.status).toBe("unverified");
  });

  it.each([
    { type: "annotation/update", page: PAGE, id: "x", patch: { status: "false" }, extra: 1 },
    { type: "annotation/update", page: PAGE, id: "<img>", patch: {} },
    { type: "annotation/create", page: PAGE, kind: "quote", passage },
    { type: "annotation/create", page: PAGE, kind: "claim", passage: { ...passage, end: 500 } },
    { type: "source/add", page: PAGE, annotationId: "a", source: { url: "javascript:alert(1)" } },
    { type: "source/restore", page: PAGE, source: { id: "s", annotationId: "a" } },
  ])("refuses the malformed edit %j", (raw) => {
    expect(checkEditMessage(raw).ok).toBe(false);
  });
});

describe("related annotations", () => {
  it("finds the same speaker and a close figure with the same unit on other pages, with their sources", async () => {
    const figure = (value: number, unit: string) => userInput({ kind: "figure", value, unit });
    const here = await createUserAnnotation(db, BORDER, figure(6500, "militants"));
    const close = await createUserAnnotation(db, OTHER, figure(6000, "Militants"));
    await createUserAnnotation(db, OTHER, figure(60, "militants"));
    await createUserAnnotation(db, OTHER, figure(6400, "soldiers"));
    const said = await createUserAnnotation(db, BORDER, userInput({ speaker: "Colonel-General Anatoly Sidorov" }));
    const elsewhere = await createUserAnnotation(db, OTHER, userInput({ speaker: "Sidorov" }));
    await updateAnnotation(db, elsewhere.id, { status: "disputed" });

    const figures = await relatedAnnotations(db, here);
    expect(figures.sameFigure.map((r) => r.annotation.id)).toEqual([close.id]);
    expect(figures.sameFigure[0]?.pageTitle).toBe("Other story");
    const speakers = await relatedAnnotations(db, said);
    expect(speakers.sameSpeaker.map((r) => [r.annotation.id, r.annotation.status])).toEqual([
      [elsewhere.id, "disputed"],
    ]);
  });
});
