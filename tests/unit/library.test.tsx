// @vitest-environment jsdom
import axe from "axe-core";
import { render } from "preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Library, ROWS_PER_STEP } from "../../components/library/Library";
import { idsOf, NO_FILTERS, queryLibrary, viewOf } from "../../components/library/query";
import { annotationUrl, encodeFragmentTerm, textDirective } from "../../components/library/text-fragment";
import { deleteAllData } from "../../lib/db/edit";
import { type ClaimmarkDb, openDb } from "../../lib/db/schema";
import type { Annotation, PageRecord, Source } from "../../lib/model";
import { annotationRecord, pageRecord, sourceRecord } from "./samples";
import { putAnnotations, putSources } from "./stored";
import { until } from "./until";

const HOSTILE = '<img src=x onerror="alert(1)">';
/** Noon, local time, on a given day: dates in the filters are the reader's local days. */
const at = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12).getTime();

function page(key: string, title: string, lastSeen: number, url = key): PageRecord {
  return pageRecord(key, { url, title, firstSeen: lastSeen, lastSeen });
}

function annotation(id: string, pageKey: string, fields: Partial<Annotation> = {}): Annotation {
  const exact = fields.exact ?? `Text of ${id}`;
  return annotationRecord({
    id,
    pageKey,
    selectors: [
      { type: "TextQuoteSelector", exact, prefix: "before the words ", suffix: " after the words" },
      { type: "TextPositionSelector", start: 10, end: 10 + exact.length },
    ],
    exact,
    createdAt: at(2025, 1, 1),
    updatedAt: at(2025, 1, 1),
    ...fields,
  });
}

function source(id: string, annotationId: string, fields: Partial<Source> = {}): Source {
  return sourceRecord({ id, annotationId, ...fields });
}

let db: ClaimmarkDb;
let root: HTMLElement;
let dbCount = 0;

async function seed(): Promise<void> {
  await db.pages.bulkAdd([
    page("https://news.example/a", "Border tensions rise", at(2025, 3, 10)),
    page("https://other.example/b", "Budget figures", at(2025, 2, 1)),
    page("file:///tmp/local.html", "A local file", at(2025, 1, 5)),
  ]);
  await putAnnotations(db, [
    annotation("q1", "https://news.example/a", {
      exact: "“The situation on the border is tense”",
      speaker: "Anatoly Sidorov",
      status: "disputed",
      tags: ["border"],
      updatedAt: at(2025, 3, 10),
    }),
    annotation("c1", "https://news.example/a", {
      kind: "claim",
      exact: "troops were moved overnight",
      note: "Check https://factcheck.example/troops. Also javascript:alert(1)",
      tags: ["military", "border"],
      updatedAt: at(2025, 3, 5),
    }),
    annotation("f1", "https://other.example/b", {
      kind: "figure",
      exact: "about 6,500 militants",
      value: 6500,
      unit: "militants",
      qualifier: "approximately",
      status: "supported",
      updatedAt: at(2025, 2, 1),
    }),
    annotation("d1", "https://other.example/b", { exact: "a dismissed quote", dismissed: true }),
    annotation("x1", "https://other.example/b", { exact: "a deleted quote", deleted: true, tags: ["gone"] }),
    annotation("h1", "file:///tmp/local.html", { kind: "highlight", exact: HOSTILE, note: HOSTILE }),
  ]);
  await putSources(db, [
    source("s1", "f1", { title: "Ministry statement", publisher: "Ministry of Defence", quote: "some 6,500 fighters" }),
    source("s2", "q1", { url: "javascript:alert(1)", title: "Click me" }),
    source("s3", "q1", { url: "https://archive.example/x?a=1&b=2", title: "", note: "an archived copy" }),
  ]);
}

const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const rowIds = () =>
  Array.from(root.querySelectorAll<HTMLElement>('[data-testid="library-row"]'), (r) => r.dataset.annotationId);

function type(testId: string, value: string): void {
  const input = byTestId(testId) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

function choose(testId: string, value: string): void {
  const select = byTestId(testId) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event("change", { bubbles: true }));
}

async function expectRows(ids: string[]): Promise<void> {
  await until(() => expect(rowIds().sort()).toEqual([...ids].sort()));
}

let openTab: ReturnType<typeof vi.fn<(url: string) => void>>;

beforeEach(() => {
  db = openDb(`library-test-${++dbCount}`);
  root = document.createElement("div");
  document.body.append(root);
  openTab = vi.fn<(url: string) => void>();
});

afterEach(async () => {
  render(null, root);
  root.remove();
  db.close();
});

const showLibrary = () => render(<Library db={db} openTab={openTab} locale="en" />, root);

describe("library", () => {
  it("lists every page with its visible annotations, newest page first, and hides deleted and dismissed ones", async () => {
    await seed();
    showLibrary();
    await expectRows(["q1", "c1", "f1", "h1"]);
    const pages = Array.from(root.querySelectorAll('[data-testid="library-page"]'));
    expect(pages.map((p) => p.querySelector("h3")?.textContent)).toEqual([
      "Border tensions rise",
      "Budget figures",
      "A local file",
    ]);
    const link = pages[0]?.querySelector("h3 a") as HTMLAnchorElement;
    expect(link.href).toBe("https://news.example/a");
    expect(link.rel).toBe("noopener noreferrer");
    // A file: page is named but never linked.
    expect(pages[2]?.querySelector("h3 a")).toBeNull();
    expect(byTestId("library-summary")?.textContent).toContain("4 annotations on 3 pages");

    const figure = root.querySelector('[data-annotation-id="f1"]') as HTMLElement;
    expect(figure.textContent).toContain("approximately 6,500 militants");
    expect(figure.textContent).toContain("Supported");
    const quote = root.querySelector('[data-annotation-id="q1"]') as HTMLElement;
    expect(quote.textContent).toContain("Anatoly Sidorov");
    expect(quote.textContent).toContain("Disputed");
    expect(quote.textContent).toContain("border");

    (byTestId("library-show-dismissed") as HTMLInputElement).click();
    await expectRows(["q1", "c1", "f1", "d1", "h1"]);
  });

  it.each([
    ["text", "situation", ["q1"]],
    ["speaker", "sidorov", ["q1"]],
    ["note", "factcheck", ["c1"]],
    ["tag", "military", ["c1"]],
    ["source title", "ministry statement", ["f1"]],
    ["source publisher", "defence", ["f1"]],
    ["source quote", "fighters", ["f1"]],
    ["source url", "archive.example", ["q1"]],
    ["source note", "archived", ["q1"]],
    ["several words, all needed", "border tense", ["q1"]],
    ["nothing", "zebra", []],
  ])("searches by %s", async (_what, search, ids) => {
    await seed();
    showLibrary();
    await expectRows(["q1", "c1", "f1", "h1"]);
    type("library-search", search);
    await expectRows(ids);
    if (ids.length === 0) expect(byTestId("library-summary")?.textContent).toBe("No annotations match.");
  });

  it("narrows by status, kind, tag and dates, and together", async () => {
    await seed();
    showLibrary();
    await expectRows(["q1", "c1", "f1", "h1"]);
    choose("library-filter-status", "disputed");
    await expectRows(["q1"]);
    choose("library-filter-status", "");
    choose("library-filter-kind", "figure");
    await expectRows(["f1"]);
    choose("library-filter-kind", "");
    await until(() => expect(byTestId("library-filter-tag")?.querySelectorAll("option")).toHaveLength(3));
    // A deleted annotation's tag is not offered.
    expect(Array.from((byTestId("library-filter-tag") as HTMLSelectElement).options, (o) => o.value)).toEqual([
      "",
      "border",
      "military",
    ]);
    choose("library-filter-tag", "border");
    await expectRows(["q1", "c1"]);
    choose("library-filter-kind", "claim");
    await expectRows(["c1"]);
    choose("library-filter-kind", "");
    choose("library-filter-tag", "");
    type("library-filter-from", "2025-03-05");
    await expectRows(["q1", "c1"]);
    type("library-filter-to", "2025-03-05");
    await expectRows(["c1"]);
    type("library-filter-from", "");
    type("library-filter-to", "2025-02-01");
    await expectRows(["f1", "h1"]);
    // The same dates on the page's last visit instead.
    choose("library-filter-date-field", "page");
    type("library-filter-to", "2025-02-02");
    type("library-filter-from", "2025-02-01");
    await expectRows(["f1"]);
  });

  it("queries through the indexes and gives the same answer as a full scan", async () => {
    await seed();
    const tagged = await queryLibrary(db, { ...NO_FILTERS, tag: "border", kind: "quote" });
    expect(tagged.total).toBe(1);
    const byPageDate = await queryLibrary(db, {
      ...NO_FILTERS,
      dateField: "page",
      from: "2025-03-10",
      to: "2025-03-10",
    });
    expect(byPageDate.groups.map((g) => g.pageKey)).toEqual(["https://news.example/a"]);
    expect(byPageDate.groups[0]?.annotations.map((a) => a.id).sort()).toEqual(["c1", "q1"]);
  });

  it("hands the page only the rows it shows, their sources, and the totals", async () => {
    await seed();
    const result = await queryLibrary(db, NO_FILTERS);
    const view = viewOf(result, 1);
    expect(view.total).toBe(result.total);
    expect(view.pageCount).toBe(result.groups.length);
    expect(view.rows).toHaveLength(1);
    const [first] = view.rows;
    expect(first?.shown).toHaveLength(1);
    expect(first?.group.count).toBe(result.groups[0]?.annotations.length);
    const shownIds = new Set(first?.shown.map((a) => a.id));
    expect([...view.sources.keys()].every((id) => shownIds.has(id))).toBe(true);
    // q1 has sources: they come with q1's row, and only then.
    expect(viewOf(result, 100).sources.get("q1")?.length).toBeGreaterThan(0);
    expect(view.sources.has("q1")).toBe(shownIds.has("q1"));
    expect(idsOf(result)).toHaveLength(result.total);
  });

  it("never makes a link of a javascript: URL, and links notes only to http(s)", async () => {
    await seed();
    showLibrary();
    await until(() => expect(root.querySelector('[data-annotation-id="q1"] .row-sources')).not.toBeNull());
    const hrefs = Array.from(root.querySelectorAll<HTMLAnchorElement>("a"), (a) => a.getAttribute("href") ?? "");
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
    for (const a of root.querySelectorAll<HTMLAnchorElement>("a")) {
      expect(a.rel).toBe("noopener noreferrer");
      expect(a.target).toBe("_blank");
    }
    const quote = root.querySelector('[data-annotation-id="q1"]') as HTMLElement;
    expect(quote.textContent).toContain("Click me");
    expect(Array.from(quote.querySelectorAll("a"), (a) => a.textContent)).toEqual([
      "https://archive.example/x?a=1&b=2",
    ]);
    const note = root.querySelector('[data-annotation-id="c1"] .row-note-text') as HTMLElement;
    expect(Array.from(note.querySelectorAll("a"), (a) => a.href)).toEqual(["https://factcheck.example/troops"]);
    expect(note.textContent).toBe("Check https://factcheck.example/troops. Also javascript:alert(1)");
  });

  it("shows hostile text as text", async () => {
    await seed();
    showLibrary();
    await expectRows(["q1", "c1", "f1", "h1"]);
    const row = root.querySelector('[data-annotation-id="h1"]') as HTMLElement;
    expect(row.querySelector("img")).toBeNull();
    expect(root.querySelector("img, script")).toBeNull();
    expect(row.querySelector(".row-text")?.textContent).toBe(HOSTILE);
    expect(row.querySelector(".row-note-text")?.textContent).toBe(HOSTILE);
  });

  it("opens a row's page at its quote in a new tab, and only for http(s) pages", async () => {
    await seed();
    showLibrary();
    await expectRows(["q1", "c1", "f1", "h1"]);
    const open = root.querySelector('[data-annotation-id="c1"] [data-testid="library-open"]') as HTMLButtonElement;
    expect(open.getAttribute("aria-label")).toContain("troops were moved overnight");
    open.click();
    expect(openTab).toHaveBeenCalledWith(
      "https://news.example/a#:~:text=before%20the%20words-,troops%20were%20moved%20overnight,-after%20the%20words",
    );
    expect(root.querySelector('[data-annotation-id="h1"] [data-testid="library-open"]')).toBeNull();
  });

  it("renders 10,000 annotations a screenful at a time", async () => {
    const pages = Array.from({ length: 100 }, (_, i) => page(`https://big.example/${i}`, `Article ${i}`, 1000 + i));
    const annotations = Array.from({ length: 10_000 }, (_, i) =>
      annotation(`a${i}`, `https://big.example/${i % 100}`, {
        exact: `Sentence number ${i}`,
        kind: i % 3 === 0 ? "figure" : "quote",
        tags: i % 7 === 0 ? ["seven"] : [],
      }),
    );
    await db.pages.bulkAdd(pages);
    await putAnnotations(db, annotations);
    showLibrary();
    await until(
      () => expect(byTestId("library-summary")?.textContent).toContain("10,000 annotations on 100 pages"),
      10_000,
    );
    expect(rowIds()).toHaveLength(ROWS_PER_STEP);
    expect(root.querySelectorAll('[data-testid="library-page"]').length).toBeLessThan(100);
    byTestId("library-more")?.click();
    await until(() => expect(rowIds()).toHaveLength(2 * ROWS_PER_STEP));
    await until(() => expect(byTestId("library-filter-tag")?.querySelector('option[value="seven"]')).not.toBeNull());
    choose("library-filter-tag", "seven");
    await until(() => expect(byTestId("library-summary")?.textContent).toContain("1,429 annotations"), 10_000);
    expect(rowIds()).toHaveLength(ROWS_PER_STEP);
  }, 30_000);

  it("shows an empty library once everything is deleted", async () => {
    await seed();
    showLibrary();
    await expectRows(["q1", "c1", "f1", "h1"]);
    await deleteAllData(db);
    await expectRows([]);
    expect(byTestId("library-summary")?.textContent).toContain("No annotations yet");
  });

  it("has no accessibility violations", async () => {
    await seed();
    showLibrary();
    await until(() => expect(root.querySelector(".row-sources")).not.toBeNull());
    const results = await axe.run(root, { rules: { "color-contrast": { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`)).toEqual([]);
  });
});

describe("text fragment links", () => {
  it.each([
    ["a plain phrase", { prefix: "", exact: "the border is tense", suffix: "" }, "the%20border%20is%20tense"],
    ["commas", { prefix: "", exact: "tense, he said, again", suffix: "" }, "tense%2C%20he%20said%2C%20again"],
    ["dashes", { prefix: "", exact: "a well-known fact", suffix: "" }, "a%20well%2Dknown%20fact"],
    ["ampersands", { prefix: "", exact: "Smith & Sons", suffix: "" }, "Smith%20%26%20Sons"],
    ["non-ASCII", { prefix: "", exact: "Zürich – «ça»", suffix: "" }, "Z%C3%BCrich%20%E2%80%93%20%C2%AB%C3%A7a%C2%BB"],
    ["whitespace runs", { prefix: "", exact: "  two\t words ", suffix: "" }, "two%20words"],
    [
      "context, cut to whole words",
      { prefix: "ntly, the minister said that ", exact: "taxes will rise", suffix: " next year, and no-one kne" },
      "minister%20said%20that-,taxes%20will%20rise,-next%20year%2C%20and",
    ],
    [
      "context from another paragraph dropped",
      { prefix: "End of one.\n\nThen ", exact: "it began", suffix: ".\nNext" },
      "Then-,it%20began,-.",
    ],
    ["a prefix glued to the quote mid-word", { prefix: "the re", exact: "port said", suffix: "" }, "port%20said"],
    [
      "a long quote as start and end words",
      {
        prefix: "",
        exact: "One two three four five six seven eight nine ten eleven twelve thirteen",
        suffix: "",
      },
      "One%20two%20three%20four,ten%20eleven%20twelve%20thirteen",
    ],
    [
      "a quote over two paragraphs as start and end",
      { prefix: "", exact: "First paragraph ends.\nSecond one", suffix: "" },
      "First%20paragraph,Second%20one",
    ],
  ])("encodes %s", (_what, quote, expected) => {
    expect(textDirective(quote)).toBe(expected);
  });

  it("encodes every reserved character and survives lone surrogates", () => {
    expect(encodeFragmentTerm("-&,#%")).toBe("%2D%26%2C%23%25");
    expect(encodeFragmentTerm("a\uD800b")).toBe("a%EF%BF%BDb");
  });

  it("builds the page URL, replacing any fragment, only for http(s)", () => {
    const quote = { exact: "tense", selectors: [] };
    expect(annotationUrl("https://example.com/a?x=1#old", quote)).toBe("https://example.com/a?x=1#:~:text=tense");
    expect(annotationUrl("javascript:alert(1)", quote)).toBeNull();
    expect(annotationUrl("file:///tmp/a.html", quote)).toBeNull();
    expect(annotationUrl("https://example.com/", { exact: "  ", selectors: [] })).toBe("https://example.com/");
  });
});
