import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NO_FILTERS, queryLibrary } from "../../components/library/query";
import { buildSections, NO_FILTER } from "../../components/popup/filter";
import { getSettings, settingsFrom } from "../../lib/db/edit";
import { type ClaimmarkDb, openDb } from "../../lib/db/schema";
import { toPaintItem } from "../../lib/messages";
import { type Annotation, DEFAULT_SETTINGS, type Settings } from "../../lib/model";
import { toPaintable } from "../../lib/page-session";
import { shownKind } from "../../lib/shown-kind";
import { annotationRecord, pageRecord } from "./samples";
import { putAnnotations } from "./stored";

const PAGE_KEY = "https://news.example/story";

const date = annotationRecord({
  id: "d1",
  pageKey: PAGE_KEY,
  kind: "figure",
  figureKind: "date",
  exact: "28 November",
});
const time = annotationRecord({ id: "t1", pageKey: PAGE_KEY, kind: "figure", figureKind: "time", exact: "at 3 pm" });
const count = annotationRecord({
  id: "f1",
  pageKey: PAGE_KEY,
  kind: "figure",
  figureKind: "count",
  exact: "about 6,500 militants",
});
const duration = annotationRecord({
  id: "f2",
  pageKey: PAGE_KEY,
  kind: "figure",
  figureKind: "duration",
  exact: "three years",
});
const markedDate = annotationRecord({
  id: "u1",
  pageKey: PAGE_KEY,
  kind: "figure",
  origin: "user",
  figureKind: "date",
  exact: "in 2019",
});
const quote = annotationRecord({ id: "q1", pageKey: PAGE_KEY, kind: "quote", exact: "we will win" });
const ALL: Annotation[] = [date, time, count, duration, markedDate, quote];

describe("dates as a kind of their own", () => {
  it("shows detected dates and times as dates, every other figure (and a date marked by hand) as a figure", () => {
    expect(ALL.map((a) => [a.id, shownKind(a)])).toEqual([
      ["d1", "date"],
      ["t1", "date"],
      ["f1", "figure"],
      ["f2", "figure"],
      ["u1", "figure"],
      ["q1", "quote"],
    ]);
  });

  it("hands the page a date as a date to paint, and paints it only when the reader turns dates on", () => {
    const located = {
      ...date,
      prefix: "",
      suffix: "",
      start: 0,
      end: 11,
      anchor: "exact" as const,
      storedExact: null,
      sources: [],
    };
    const item = toPaintItem(located, false);
    expect(item.kind).toBe("date");
    const range = {} as Range;
    expect(toPaintable(item, range, DEFAULT_SETTINGS.highlightKinds)).toBeNull();
    expect(toPaintable(item, range, { ...DEFAULT_SETTINGS.highlightKinds, date: true })).toMatchObject({
      id: "d1",
      kind: "date",
    });
    // Turning figures off leaves dates as they are, and the other way round.
    const figure = toPaintItem({ ...located, id: count.id, figureKind: count.figureKind }, false);
    expect(toPaintable(figure, range, DEFAULT_SETTINGS.highlightKinds)).toMatchObject({ kind: "figure" });
    expect(toPaintable(item, range, { ...DEFAULT_SETTINGS.highlightKinds, figure: false, date: true })).not.toBeNull();
  });

  it("lists dates in the popup whatever is painted, and filters them apart from the other figures", () => {
    const ids = (kind: typeof NO_FILTER.kind) =>
      buildSections(ALL, new Map(), { ...NO_FILTER, kind }).flatMap((section) => section.annotations.map((a) => a.id));
    expect(ids("all").sort()).toEqual(["d1", "f1", "f2", "q1", "t1", "u1"]);
    expect(ids("date").sort()).toEqual(["d1", "t1"]);
    expect(ids("figure").sort()).toEqual(["f1", "f2", "u1"]);
  });
});

describe("dates in the library and the settings", () => {
  let db: ClaimmarkDb;
  let serial = 0;
  beforeEach(() => {
    db = openDb(`dates-kind-${++serial}`);
  });
  afterEach(() => db.close());

  it("filters the library by dates apart from figures", async () => {
    await db.pages.add(pageRecord(PAGE_KEY));
    await putAnnotations(db, ALL);
    const ids = async (kind: "" | "date" | "figure") =>
      (await queryLibrary(db, { ...NO_FILTERS, kind })).groups.flatMap((g) => g.annotations.map((a) => a.id));
    expect((await ids("date")).sort()).toEqual(["d1", "t1"]);
    expect((await ids("figure")).sort()).toEqual(["f1", "f2", "u1"]);
    expect(await ids("")).toHaveLength(ALL.length);
  });

  it("reads settings saved before dates were a kind: everything kept, dates hidden", async () => {
    const before = {
      autoDetect: false,
      siteRules: { "example.com": true },
      highlightKinds: { quote: true, claim: false, figure: true, highlight: false },
      colourScheme: "high-contrast",
      verdictMarksInPage: true,
    };
    // Written as the earlier version stored it, without the "date" key.
    await db.settings.put({ key: "settings", value: before as unknown as Settings });
    expect(await getSettings(db)).toEqual({
      ...before,
      highlightKinds: { quote: true, claim: false, figure: true, date: false, highlight: false },
    });
  });

  it("gives a missing or malformed kind its default, and keeps a reader's choice of dates", () => {
    expect(settingsFrom(undefined)).toEqual(DEFAULT_SETTINGS);
    const junk = {
      highlightKinds: { quote: "no", claim: 0, date: null, figure: false },
    } as unknown as Partial<Settings>;
    expect(settingsFrom(junk).highlightKinds).toEqual({
      quote: true,
      claim: true,
      figure: false,
      date: false,
      highlight: true,
    });
    const on = settingsFrom({ highlightKinds: { ...DEFAULT_SETTINGS.highlightKinds, date: true } });
    expect(on.highlightKinds.date).toBe(true);
  });
});
