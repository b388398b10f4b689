import { beforeEach, describe, expect, it } from "vitest";
import { CardBroker, TOKEN_LIFETIME_MS } from "../../lib/card/broker";
import { cardPortHandler } from "../../lib/card/port";
import type { CardFrameCommand, CardPageNotice, CardRequest, CardResponse, CardSession } from "../../lib/card/protocol";
import { cardContext, handleCardRequest, sessionDetails } from "../../lib/card/session";
import { createUserAnnotation, relatedAnnotations, updateAnnotation } from "../../lib/db/edit";
import { type ClaimmarkDb, openDb } from "../../lib/db/schema";
import { countStored, readSets } from "../../lib/db/store";
import { checkAnnotationPatch, checkSourceInput, isRealDate } from "../../lib/edit/validate";
import type { PageRecord } from "../../lib/model";
import { pageRecord, sourceRecord, userInput } from "./samples";
import { getAnnotation, getSource, putSources } from "./stored";

const BORDER = "https://example.com/border";
const OTHER = "https://other.example/story";
const TAB = 7;
let db: ClaimmarkDb;
let count = 0;

function page(key: string, title: string): PageRecord {
  return pageRecord(key, { title, textHash: "a".repeat(64) });
}

beforeEach(async () => {
  db = openDb(`edit-${++count}`);
  await db.pages.bulkPut([page(BORDER, "Border"), page(OTHER, "Other story")]);
});

/** Everything stored, to check that a refused request changed nothing. */
const snapshot = async () => JSON.stringify(await readSets(db));

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

  it("cleans the reader's text: no NUL, no lone surrogate", () => {
    expect(checkAnnotationPatch({ note: "a\0b\uD800", speaker: "Si\0dorov", tags: ["bo\0rder"] })).toEqual({
      ok: true,
      value: { note: "a\uFFFDb\uFFFD", speaker: "Si\uFFFDdorov", tags: ["bo\uFFFDrder"] },
    });
    expect(checkSourceInput({ url: "https://csto.org/", title: "CS\0TO\uDC00" })).toMatchObject({
      ok: true,
      value: { title: "CS\uFFFDTO\uFFFD" },
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

  it.each(["2024-02-29", "2023-12-31", "1000-01-01", "9999-12-31"])("takes %s as a real date", (date) => {
    expect(isRealDate(date)).toBe(true);
    expect(checkSourceInput({ url: "", accessedAt: date })).toMatchObject({ ok: true, value: { accessedAt: date } });
  });

  it.each([
    "9999-99-99",
    "2023-02-30",
    "2023-02-29",
    "2024-04-31",
    "2024-13-01",
    "2024-00-10",
    "2024-01-00",
    "0999-01-01",
    "2024-1-01",
    "2024-01-01T00:00",
    " 2024-01-01",
    "",
  ])("refuses %j as a date", (date) => {
    expect(isRealDate(date)).toBe(false);
    expect(checkSourceInput({ url: "", accessedAt: date })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/real date/),
    });
  });
});

describe("a card's requests, on the one annotation its session is bound to", () => {
  const session = (id: string, pageKey = BORDER): CardSession => ({ tabId: TAB, pageKey, id });
  const request = async (bound: CardSession, raw: CardRequest, now?: number) => handleCardRequest(db, bound, raw, now);
  const ok = (response: CardResponse) => {
    if (!response.ok) throw new Error(response.error);
    return response;
  };

  it("changes one field at a time, so two tabs editing one annotation both keep their change", async () => {
    const created = await createUserAnnotation(db, BORDER, userInput());
    const responses = await Promise.all([
      request(session(created.id), { type: "annotation/update", patch: { status: "disputed" } }),
      request(
        { ...session(created.id), tabId: 8 },
        { type: "annotation/update", patch: { note: "Check the release." } },
      ),
    ]);
    expect(responses.every((response) => response.ok)).toBe(true);
    expect(await getAnnotation(db, created.id)).toMatchObject({ status: "disputed", note: "Check the release." });
  });

  it("answers with the annotation as stored, and its context only when asked for", async () => {
    const created = await createUserAnnotation(db, BORDER, userInput({ speaker: "Sidorov" }));
    await updateAnnotation(db, created.id, { tags: ["border"] });
    const updated = ok(
      await request(session(created.id), { type: "annotation/update", patch: { status: "false" } }, 5),
    );
    expect(updated.details.annotation).toMatchObject({
      id: created.id,
      status: "false",
      tags: ["border"],
      updatedAt: 5,
    });
    expect(Object.keys(updated.details).sort()).toEqual(["annotation", "sources"]);
    expect(ok(await request(session(created.id), { type: "details" })).details.annotation.status).toBe("false");
    expect((await cardContext(db, updated.details.annotation)).tags).toEqual(["border"]);
    expect(await sessionDetails(db, session(created.id, OTHER))).toBeUndefined();
  });

  it("adds, edits, removes and restores a source of its annotation", async () => {
    const created = await createUserAnnotation(db, BORDER, userInput({ kind: "figure", value: 6500 }));
    const bound = session(created.id);
    const added = ok(
      await request(bound, {
        type: "source/add",
        source: {
          url: "https://csto.org/news/1",
          title: "CSTO release",
          publisher: "",
          accessedAt: null,
          note: "Says 6,000",
          quote: "",
        },
      }),
    );
    const source = added.details.sources[0];
    expect(source).toMatchObject({ annotationId: created.id, url: "https://csto.org/news/1", note: "Says 6,000" });
    const id = source?.id as string;
    const edited = ok(await request(bound, { type: "source/update", id, patch: { publisher: "CSTO" } }));
    expect(edited.details.sources).toMatchObject([{ id, publisher: "CSTO", title: "CSTO release" }]);
    const removed = ok(await request(bound, { type: "source/remove", id }));
    expect(removed.details.sources).toEqual([]);
    expect(removed.removed).toMatchObject({ id, publisher: "CSTO" });
    expect((await countStored(db)).sources).toBe(0);
    const restored = ok(await request(bound, { type: "source/restore", source: removed.removed as never }));
    expect(restored.details.sources.map((s) => s.id)).toEqual([id]);
    expect(await getSource(db, id)).toMatchObject({ publisher: "CSTO" });
  });

  it("refuses another page's annotation, even with a session that names it, and changes nothing", async () => {
    const theirs = await createUserAnnotation(db, OTHER, userInput());
    const before = await snapshot();
    for (const raw of [
      { type: "annotation/update", patch: { status: "false" } },
      { type: "details" },
      { type: "source/add", source: { url: "", title: "Mine", publisher: "", accessedAt: null, note: "", quote: "" } },
    ] as CardRequest[]) {
      expect(await request(session(theirs.id, BORDER), raw)).toMatchObject({
        ok: false,
        error: expect.stringMatching(/no longer stored/),
      });
    }
    expect(await snapshot()).toBe(before);
    expect((await getAnnotation(db, theirs.id))?.status).toBe("unverified");
  });

  it("refuses a source of another annotation, on this page or another, and changes nothing", async () => {
    const mine = await createUserAnnotation(db, BORDER, userInput());
    const neighbour = await createUserAnnotation(db, BORDER, userInput({ kind: "highlight" }));
    const theirs = await createUserAnnotation(db, OTHER, userInput());
    const near = sourceRecord({ id: "source-near", annotationId: neighbour.id, title: "Neighbour's" });
    const far = sourceRecord({ id: "source-far", annotationId: theirs.id, title: "Theirs" });
    await putSources(db, [near, far]);
    const before = await snapshot();
    const bound = session(mine.id);
    for (const raw of [
      { type: "source/update", id: near.id, patch: { title: "Mine now" } },
      { type: "source/remove", id: near.id },
      { type: "source/update", id: far.id, patch: { title: "Mine now" } },
      { type: "source/remove", id: far.id },
      { type: "source/restore", source: { ...far, id: "source-copy" } },
      { type: "source/restore", source: { ...near, id: "source-copy" } },
      { type: "source/remove", id: "source-none" },
    ] as CardRequest[]) {
      expect(await request(bound, raw)).toMatchObject({ ok: false, error: expect.stringMatching(/no such source/) });
    }
    expect(await snapshot()).toBe(before);
  });
});

describe("a card frame's port", () => {
  let now: number;
  let broker: CardBroker;
  let posted: CardFrameCommand[];
  let told: CardPageNotice[];

  beforeEach(() => {
    now = 1_000;
    broker = new CardBroker(undefined, () => now);
    posted = [];
    told = [];
  });

  /** The background's handler for a card frame port in tab `tabId`, collecting what it posts and passes on to the page. */
  const port = (tabId = TAB) =>
    cardPortHandler(
      db,
      broker,
      tabId,
      (command) => posted.push(command),
      (notice) => told.push(notice),
    );
  const reply = (seq: number) => posted.find((command) => command.type === "reply" && command.seq === seq);

  it("refuses every request before a hello binds it", async () => {
    const created = await createUserAnnotation(db, BORDER, userInput());
    const before = await snapshot();
    const handle = port();
    expect(
      await handle({ type: "request", seq: 1, request: { type: "annotation/update", patch: { status: "false" } } }),
    ).toBe(true);
    expect(await handle({ type: "request", seq: 2, request: { type: "details" } })).toBe(true);
    expect(posted).toEqual([
      { type: "reply", seq: 1, response: { ok: false, error: "this card shows no annotation" } },
      { type: "reply", seq: 2, response: { ok: false, error: "this card shows no annotation" } },
    ]);
    expect(await snapshot()).toBe(before);
    expect((await getAnnotation(db, created.id))?.status).toBe("unverified");
  });

  it("binds to the annotation of a valid token, shows it, then sends its context; requests then act on it", async () => {
    const created = await createUserAnnotation(db, BORDER, userInput({ speaker: "Anatoly Sidorov" }));
    await updateAnnotation(db, created.id, { tags: ["border"] });
    const elsewhere = await createUserAnnotation(db, OTHER, userInput({ speaker: "Sidorov" }));
    await updateAnnotation(db, elsewhere.id, { tags: ["csto"] });
    const token = broker.open(TAB, BORDER, created.id, true);
    const handle = port();
    expect(await handle({ type: "hello", token })).toBe(true);
    expect(posted.map((command) => command.type)).toEqual(["show", "context"]);
    const shown = posted[0];
    const context = posted[1];
    if (context?.type !== "context") throw new Error("no context");
    if (shown?.type !== "show") throw new Error(`not shown: ${JSON.stringify(shown)}`);
    expect(shown.session).toEqual({ tabId: TAB, pageKey: BORDER, id: created.id });
    expect(shown.focus).toBe(true);
    expect(shown.details.annotation).toMatchObject({ id: created.id, tags: ["border"] });
    expect(shown.details.sources).toEqual([]);
    expect(context.id).toBe(created.id);
    expect([...context.context.tags].sort()).toEqual(["border", "csto"]);
    expect(context.context.related.sameSpeaker.map((r) => r.annotation.id)).toEqual([elsewhere.id]);

    await handle({ type: "request", seq: 4, request: { type: "annotation/update", patch: { status: "supported" } } });
    expect(reply(4)).toMatchObject({ response: { ok: true, details: { annotation: { status: "supported" } } } });
    expect((await getAnnotation(db, created.id))?.status).toBe("supported");
    expect((await getAnnotation(db, elsewhere.id))?.status).toBe("unverified");
  });

  it.each<[string, (created: string) => string, number]>([
    ["of another tab", (id) => broker.open(TAB + 1, BORDER, id, false), 0],
    ["expired", (id) => broker.open(TAB, BORDER, id, false), TOKEN_LIFETIME_MS],
    ["never handed out", () => crypto.randomUUID(), 0],
  ])("refuses a token %s, and then every request", async (_, token, wait) => {
    const created = await createUserAnnotation(db, BORDER, userInput());
    const given = token(created.id);
    now += wait;
    const handle = port();
    expect(await handle({ type: "hello", token: given })).toBe(true);
    await handle({ type: "request", seq: 1, request: { type: "annotation/update", patch: { status: "false" } } });
    expect(posted).toEqual([
      { type: "refused" },
      { type: "reply", seq: 1, response: { ok: false, error: "this card shows no annotation" } },
    ]);
    expect((await getAnnotation(db, created.id))?.status).toBe("unverified");
  });

  it("passes a bound frame's notices on to its page, only about the annotation it shows", async () => {
    const created = await createUserAnnotation(db, BORDER, userInput());
    const handle = port();
    const notices: CardPageNotice[] = [
      { type: "annotation/changed", id: created.id },
      { type: "card/close", returnFocus: false },
      { type: "card/walk", step: 1 },
      { type: "card/preview", id: created.id, action: "leave" },
    ];
    // Before a hello there is no card to speak of.
    for (const notice of notices) expect(await handle({ type: "tell", notice })).toBe(true);
    expect(told).toEqual([]);
    await handle({ type: "hello", token: broker.open(TAB, BORDER, created.id, false) });
    for (const notice of notices) await handle({ type: "tell", notice });
    await handle({ type: "tell", notice: { type: "annotation/changed", id: "user-other" } });
    await handle({ type: "tell", notice: { type: "card/preview", id: "user-other", action: "expand" } });
    expect(told).toEqual(notices);
    // Only a card's own notices: anything else closes the port.
    expect(await handle({ type: "tell", notice: { type: "selection/annotate", kind: "claim" } })).toBe(false);
  });

  it("takes a token once: a second frame presenting it is refused", async () => {
    const created = await createUserAnnotation(db, BORDER, userInput());
    const token = broker.open(TAB, BORDER, created.id, false);
    now += TOKEN_LIFETIME_MS - 1;
    await port()({ type: "hello", token });
    await port()({ type: "hello", token });
    expect(posted.map((command) => command.type)).toEqual(["show", "context", "refused"]);
  });

  it("refuses a token for an annotation no longer on its page", async () => {
    const theirs = await createUserAnnotation(db, OTHER, userInput());
    await port()({ type: "hello", token: broker.open(TAB, BORDER, theirs.id, false) });
    await port()({ type: "hello", token: broker.open(TAB, BORDER, "user-gone", false) });
    expect(posted).toEqual([{ type: "refused" }, { type: "refused" }]);
  });

  it("keeps a bound port to its annotation: another's sources are refused and nothing changes", async () => {
    const mine = await createUserAnnotation(db, BORDER, userInput());
    const theirs = await createUserAnnotation(db, OTHER, userInput());
    const far = sourceRecord({ id: "source-far", annotationId: theirs.id });
    await putSources(db, [far]);
    const handle = port();
    await handle({ type: "hello", token: broker.open(TAB, BORDER, mine.id, false) });
    const before = await snapshot();
    await handle({ type: "request", seq: 1, request: { type: "source/remove", id: far.id } });
    await handle({ type: "request", seq: 2, request: { type: "source/update", id: far.id, patch: { title: "x" } } });
    await handle({ type: "request", seq: 3, request: { type: "source/restore", source: { ...far, id: "source-x" } } });
    for (const seq of [1, 2, 3]) expect(reply(seq)).toMatchObject({ response: { ok: false } });
    expect(await snapshot()).toBe(before);
  });

  it("answers a failed write with its reason instead of throwing", async () => {
    const mine = await createUserAnnotation(db, BORDER, userInput());
    await putSources(
      db,
      Array.from({ length: 100 }, (_, i) => sourceRecord({ id: `source-${i}`, annotationId: mine.id })),
    );
    const handle = port();
    await handle({ type: "hello", token: broker.open(TAB, BORDER, mine.id, false) });
    const source = { url: "", title: "One too many", publisher: "", accessedAt: null, note: "", quote: "" };
    expect(await handle({ type: "request", seq: 9, request: { type: "source/add", source } })).toBe(true);
    expect(reply(9)).toEqual({
      type: "reply",
      seq: 9,
      response: { ok: false, error: "could not save: too many sources on one annotation" },
    });
    expect((await countStored(db)).sources).toBe(100);
  });

  it.each([
    null,
    "hello",
    { type: "hello" },
    { type: "hello", token: "not-a-token" },
    { type: "hello", token: "0b9c6a8e-2f4d-4c1e-9a7b-5d3e8f1a2b4c", tabId: 3 },
    { type: "bye" },
    { type: "request", seq: 1 },
    { type: "request", seq: 1.5, request: { type: "details" } },
    { type: "request", seq: 1, request: { type: "details" }, extra: true },
    { type: "request", seq: 1, request: { type: "details", id: "a1" } },
    { type: "request", seq: 1, request: { type: "annotation/update", patch: { html: "<b>" } } },
    { type: "request", seq: 1, request: { type: "annotation/update", id: "a1", patch: { status: "false" } } },
    { type: "request", seq: 1, request: { type: "source/add", source: { url: "javascript:alert(1)" } } },
    { type: "request", seq: 1, request: { type: "source/remove", id: "<img>" } },
    { type: "request", seq: 1, request: { type: "source/restore", source: { id: "s", annotationId: "a" } } },
    { type: "request", seq: 1, request: { type: "annotation/delete" } },
  ])("answers false to the malformed message %j, and posts nothing", async (raw) => {
    const created = await createUserAnnotation(db, BORDER, userInput());
    const handle = port();
    await handle({ type: "hello", token: broker.open(TAB, BORDER, created.id, false) });
    posted = [];
    expect(await handle(raw)).toBe(false);
    expect(posted).toEqual([]);
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
