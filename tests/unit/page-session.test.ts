// @vitest-environment jsdom
import { JSDOM } from "jsdom";
import { beforeEach, describe, expect, it } from "vitest";
import { CardBroker } from "../../lib/card/broker";
import { type ClaimmarkDb, openDb } from "../../lib/db/schema";
import { changeAnnotation, countStored } from "../../lib/db/store";
import { backgroundGuard } from "../../lib/guard/limits";
import { type BackgroundContext, handleBackgroundMessage } from "../../lib/handle-message";
import type { BackgroundMessage, PageState } from "../../lib/messages";
import { runSession } from "../../lib/page-session";
import { createPainter } from "../../lib/paint/painter";
import { fixture } from "./dom";
import { allAnnotations } from "./stored";

const URL = "https://example.com/news/border";
const ARTICLE = fixture("csto-tajik-afghan-border.html");
let db: ClaimmarkDb;
let dbCount = 0;

/** An in-process background on the test's database, with fresh counters. */
const background = (extensionId: string): BackgroundContext => ({
  db,
  extensionId,
  cards: new CardBroker(),
  guard: backgroundGuard(),
  detections: Promise.resolve(),
  shown: new Map(),
});

/** One visit: a fresh DOM of `html`, one pass with an in-process background on the test's database. */
async function visit(html: string) {
  const dom = new JSDOM(html, { url: URL });
  const doc = dom.window.document;
  const context = background("claimmark");
  const send = (message: BackgroundMessage) =>
    handleBackgroundMessage(context, message, { id: "claimmark", url: URL, frameId: 0, tab: { id: 1 } });
  const painter = createPainter(doc);
  const outcome = await runSession({
    doc,
    url: URL,
    startedAt: performance.now(),
    send,
    painter,
    signal: new AbortController().signal,
  });
  return { doc, painter, outcome };
}

const paintStats = (state: PageState) => {
  if (state.status !== "recorded" || !state.paint) throw new Error(`not painted: ${JSON.stringify(state)}`);
  return state.paint;
};

describe("a pass over the page", () => {
  beforeEach(() => {
    db = openDb(`session-${++dbCount}`);
  });

  it("extracts, detects, stores and paints the example article's quotes, claims and figures", async () => {
    const { doc, outcome } = await visit(ARTICLE);
    const stats = paintStats(outcome.state);
    // The four dates of the example article are stored and anchored, but not painted: dates are off by default.
    expect(stats).toMatchObject({ annotations: 14, anchored: 14, orphans: 0, fuzzy: 0, painted: 10, mode: "wrap" });
    expect(stats.readabilityMs).toBeGreaterThan(0);
    expect((await countStored(db)).annotations).toBe(14);
    const marks = [...doc.querySelectorAll("claimmark-mark[data-kind=figure]")].map((mark) => mark.textContent);
    expect(marks).toContain("about 6,500 militants");
    const militants = outcome.shown.find((item) => item.exact === "about 6,500 militants");
    expect(militants?.range?.toString()).toBe("about 6,500 militants");
    // The page gets only what painting needs: no machine fields, no note, tags or sources of the reader's.
    expect(Object.keys(militants ?? {}).sort()).toEqual(
      ["anchor", "end", "exact", "id", "kind", "prefix", "range", "start", "status", "suffix"].sort(),
    );
    expect(militants).toMatchObject({ kind: "figure", anchor: "exact", status: "unverified" });
  });

  it("re-finds everything on the next visit without storing anything twice", async () => {
    await visit(ARTICLE);
    const ids = (await allAnnotations(db)).map((a) => a.id).sort();
    const { outcome } = await visit(ARTICLE);
    expect(paintStats(outcome.state)).toMatchObject({ annotations: 14, anchored: 14 });
    expect((await allAnnotations(db)).map((a) => a.id).sort()).toEqual(ids);
    expect((await allAnnotations(db)).every((a) => a.anchor?.state === "exact")).toBe(true);
  });

  it("flags a reworded quote as changed and keeps a removed paragraph's claim as an orphan", async () => {
    await visit(ARTICLE);
    const edited = ARTICLE.replace("a very serious problem", "a very grave problem").replace(
      /<p>He further mentioned that[^\n]*<\/p>\n/u,
      "",
    );
    const { outcome } = await visit(edited);
    expect(paintStats(outcome.state)).toMatchObject({ fuzzy: 1, orphans: 1, annotations: 13, anchored: 13 });
    const annotations = await allAnnotations(db);
    expect(annotations).toHaveLength(14);
    expect(annotations.filter((a) => a.anchor?.state === "orphan").map((a) => a.kind)).toEqual(["claim"]);
    const changed = annotations.find((a) => a.anchor?.state === "fuzzy");
    expect(changed?.exact).toContain("a very serious problem");
    expect(changed?.anchor?.current).toContain("a very grave problem");
    expect((await db.pages.get(URL))?.changedAt).toEqual(expect.any(Number));
  });

  it("does not paint a dismissed detection, on this visit or the next", async () => {
    await visit(ARTICLE);
    const figure = (await allAnnotations(db)).find((a) => a.exact === "January 2015");
    await changeAnnotation(db, figure?.id as string, (a) => ({ ...a, dismissed: true }));
    const { doc, outcome } = await visit(ARTICLE);
    expect(paintStats(outcome.state).annotations).toBe(13);
    expect([...doc.querySelectorAll("claimmark-mark")].some((m) => m.textContent === "January 2015")).toBe(false);
  });

  it("records a page without an article and paints nothing", async () => {
    const { outcome } = await visit(fixture("no-article.html"));
    expect(outcome.state).toMatchObject({ status: "recorded", hasArticle: false, paint: null });
    expect((await countStored(db)).annotations).toBe(0);
  });

  it("stops when its signal aborts, storing nothing further", async () => {
    const dom = new JSDOM(ARTICLE, { url: URL });
    const controller = new AbortController();
    controller.abort();
    const run = runSession({
      doc: dom.window.document,
      url: URL,
      startedAt: performance.now(),
      send: (message) =>
        handleBackgroundMessage(background("x"), message, { id: "x", url: URL, frameId: 0, tab: { id: 1 } }),
      painter: createPainter(dom.window.document),
      signal: controller.signal,
    });
    await expect(run).rejects.toThrow();
    expect(await db.pages.count()).toBe(0);
  });
});
