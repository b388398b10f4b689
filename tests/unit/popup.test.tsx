// @vitest-environment jsdom
import axe from "axe-core";
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from "vitest";
import { TrustContext } from "../../components/edit/trust";
import { Popup, type PopupActions } from "../../components/Popup";
import { addSource } from "../../lib/db/edit";
import { type ClaimmarkDb, openDb } from "../../lib/db/schema";
import { changeAnnotation } from "../../lib/db/store";
import type { Annotation, PageRecord } from "../../lib/model";
import { collectForExport } from "../../lib/transfer/collect";
import { ID_PREFIX, type W3cCollection } from "../../lib/transfer/w3c";
import { annotationRecord, pageRecord } from "./samples";
import { getAnnotation, putAnnotations } from "./stored";

// The real collector, watched: the export scopes' calls show which ids each scope asks for.
vi.mock("../../lib/transfer/collect", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../lib/transfer/collect")>();
  return { ...actual, collectForExport: vi.fn(actual.collectForExport) };
});

const PAGE_KEY = "https://news.example/story";
const HOSTILE = "<img src=x onerror=alert(1)>";

const PAGE: PageRecord = pageRecord(PAGE_KEY, {
  title: "Border tensions",
  byline: "A. Writer",
  siteName: "News",
  publishedTime: "2024-05-01",
});

let serial = 0;
function annotation(fields: Partial<Annotation>): Annotation {
  serial++;
  return annotationRecord({
    id: `a${serial}`,
    pageKey: PAGE_KEY,
    kind: "claim",
    selectors: [{ type: "TextPositionSelector", start: serial * 10, end: serial * 10 + 5 }],
    exact: `text ${serial}`,
    createdAt: serial,
    updatedAt: serial,
    anchor: { state: "exact", current: null, checkedAt: 1 },
    ...fields,
  });
}

let root: HTMLElement;
let db: ClaimmarkDb;
let actions: { [K in keyof PopupActions]: Mock<PopupActions[K]> };

/** Waits until the live query has answered and the popup shows `predicate`. */
async function until(predicate: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the popup");
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
}

const rows = () => Array.from(root.querySelectorAll<HTMLElement>('[data-testid="row"]'));
const rowIds = () => rows().map((row) => row.dataset.annotationId);
const byTestId = (id: string, scope: ParentNode = root) => scope.querySelector<HTMLElement>(`[data-testid="${id}"]`);

async function show(trusted = true): Promise<void> {
  const popup = (
    <Popup
      db={db}
      target={{ kind: "page", state: { status: "recorded", pageKey: PAGE_KEY } as never }}
      actions={actions}
    />
  );
  act(() => {
    render(trusted ? <TrustContext.Provider value={() => true}>{popup}</TrustContext.Provider> : popup, root);
  });
  await until(() => byTestId("page-title") !== null);
  // Export and import load after the list's first paint.
  await until(() => byTestId("export-panel") !== null);
}

function type(element: Element | null, value: string): void {
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) throw new Error("no field");
  act(() => {
    element.value = value;
    element.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

function choose(element: Element | null, value: string): void {
  if (!(element instanceof HTMLSelectElement)) throw new Error("no select");
  act(() => {
    element.value = value;
    element.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

function click(element: Element | null): void {
  if (!(element instanceof HTMLElement)) throw new Error("nothing to click");
  act(() => element.click());
}

const boxes = () => rows().map((row) => byTestId("row-select", row) as HTMLInputElement);
const checkedIds = () =>
  rows().flatMap((row) =>
    (byTestId("row-select", row) as HTMLInputElement).checked ? [row.dataset.annotationId] : [],
  );
const scopeOptions = () =>
  Array.from((byTestId("export-scope") as HTMLSelectElement).options, (option) => [option.value, option.textContent]);

/** Catches what the export panel downloads: the anchor's file name and the blob's text. */
function catchDownloads(): { name: string; text: Promise<string> }[] {
  const files: { name: string; text: Promise<string> }[] = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    files.push({ name: this.download, text: (blobs.get(this.href) as Blob).text() });
  });
  return files;
}

beforeEach(async () => {
  root = document.createElement("div");
  document.body.append(root);
  db = openDb(`popup-test-${crypto.randomUUID()}`);
  actions = {
    onReveal: vi.fn<PopupActions["onReveal"]>(),
    onChanged: vi.fn<PopupActions["onChanged"]>(),
    onOpenLibrary: vi.fn<PopupActions["onOpenLibrary"]>(),
  };
  await db.pages.put(PAGE);
});

afterEach(async () => {
  vi.restoreAllMocks();
  vi.mocked(collectForExport).mockClear();
  act(() => render(null, root));
  root.remove();
  db.close();
  await db.delete();
});

describe("Popup annotation list", () => {
  it("shows sections, hides deleted and dismissed annotations, and keeps the page summary", async () => {
    const quote = annotation({ kind: "quote", exact: "“Tense”", speaker: "Sidorov", status: "disputed" });
    const figure = annotation({ kind: "figure", exact: "about 6,500 militants", value: 6500, unit: "militants" });
    const mine = annotation({ kind: "highlight", origin: "user", exact: "my highlight" });
    const lost = annotation({
      kind: "claim",
      exact: "lost claim",
      anchor: { state: "orphan", current: null, checkedAt: 1 },
    });
    const dismissed = annotation({ exact: "not a claim", dismissed: true });
    const deleted = annotation({ kind: "highlight", origin: "user", exact: "gone", deleted: true });
    await putAnnotations(db, [quote, figure, mine, lost, dismissed, deleted]);
    await addSource(db, quote.id, {
      url: "https://example.org",
      title: "S",
      publisher: "",
      accessedAt: null,
      note: "",
      quote: "",
    });
    await show();
    await until(() => rows().length === 4);
    expect(Array.from(root.querySelectorAll<HTMLElement>('[data-testid="section"]'), (s) => s.dataset.section)).toEqual(
      ["claims", "figures", "highlights", "orphans"],
    );
    expect(rowIds()).toEqual([quote.id, figure.id, mine.id, lost.id]);
    const first = rows()[0] as HTMLElement;
    expect(byTestId("row-text", first)?.textContent).toBe("“Tense”");
    expect(byTestId("row-status", first)?.textContent).toBe("Disputed");
    expect(byTestId("row-sources", first)?.textContent).toBe("1 source");
    expect(first.textContent).toContain("Sidorov");
    expect(rows()[1]?.textContent).toContain("6,500 militants");
    expect(byTestId("page-title")?.textContent).toBe("Border tensions");
    expect(byTestId("annotation-count")?.textContent).toBe("4 annotations");
    expect(byTestId("orphan-item")?.textContent).toContain("lost claim");

    click(byTestId("show-dismissed"));
    await until(() => rows().length === 5);
    const restore = byTestId("row-restore");
    expect(restore?.closest<HTMLElement>('[data-testid="row"]')?.dataset.annotationId).toBe(dismissed.id);
    click(restore);
    await until(() => actions.onChanged.mock.calls.length > 0);
    expect((await getAnnotation(db, dismissed.id))?.dismissed).toBe(false);
    expect(actions.onChanged).toHaveBeenCalledWith(dismissed.id);
  });

  it("does not repeat a figure's value when its passage already reads so", async () => {
    await putAnnotations(db, [
      annotation({ kind: "figure", exact: "about 6,500 militants", value: 6500, unit: "militants" }),
    ]);
    await show();
    await until(() => rows().length === 1);
    expect(byTestId("row-detail", rows()[0])).toBeNull();
    expect(byTestId("row-text", rows()[0])?.textContent).toBe("about 6,500 militants");
  });

  it("narrows the rows with the filters and the search box", async () => {
    const a = annotation({ kind: "quote", exact: "The border is tense", speaker: "Sidorov", tags: ["border"] });
    const b = annotation({
      kind: "claim",
      exact: "Troops moved",
      status: "false",
      note: "contradicted by satellite images",
    });
    const c = annotation({
      kind: "figure",
      exact: "six and a half thousand militants",
      value: 6500,
      unit: "militants",
      tags: ["border"],
    });
    await putAnnotations(db, [a, b, c]);
    await addSource(db, c.id, {
      url: "https://stats.example/report",
      title: "Ministry figures",
      publisher: "",
      accessedAt: null,
      note: "",
      quote: "",
    });
    await show();
    await until(() => rows().length === 3);
    // Each row says its kind in words, and who said it or what it counts (unless its passage says so already).
    expect(rows().map((row) => byTestId("row-kind", row)?.textContent)).toEqual(["Quote", "Claim", "Figure"]);
    expect(rows().map((row) => byTestId("row-detail", row)?.textContent ?? null)).toEqual([
      "Sidorov",
      null,
      "6,500 militants",
    ]);
    // The filters fold beside the search box until asked for, and say how many are on.
    const toggle = byTestId("filters-toggle");
    expect(toggle?.getAttribute("aria-expanded")).toBe("false");
    click(toggle);
    expect(toggle?.getAttribute("aria-expanded")).toBe("true");
    choose(byTestId("filter-kind"), "figure");
    expect(toggle?.textContent).toBe("Filters (1)");
    expect(rowIds()).toEqual([c.id]);
    choose(byTestId("filter-kind"), "all");
    choose(byTestId("filter-status"), "false");
    expect(rowIds()).toEqual([b.id]);
    choose(byTestId("filter-status"), "all");
    expect(Array.from((byTestId("filter-tag") as HTMLSelectElement).options, (o) => o.value)).toEqual(["", "border"]);
    choose(byTestId("filter-tag"), "border");
    expect(rowIds()).toEqual([a.id, c.id]);
    choose(byTestId("filter-tag"), "");
    for (const [query, expected] of [
      ["sidorov", [a.id]],
      ["SATELLITE", [b.id]],
      ["stats.example", [c.id]],
      ["ministry", [c.id]],
      // The library's search: tags, and numbers however they are written.
      ["border", [a.id, c.id]],
      ["6500", [c.id]],
      ["6.5k", [c.id]],
      ["6 500 border", [c.id]],
      ["nothing like this", []],
    ] as const) {
      type(byTestId("search"), query);
      expect(rowIds()).toEqual(expected);
    }
    expect(byTestId("shown-count")?.textContent).toBe("No annotations match");
  });

  it("reveals a row in the page, and edits it inline, writing the database and telling the page", async () => {
    const a = annotation({ kind: "figure", origin: "user", exact: "6,500 militants", value: 6500, unit: "militants" });
    await putAnnotations(db, [a]);
    await show();
    await until(() => rows().length === 1);
    click(byTestId("row-reveal"));
    expect(actions.onReveal).toHaveBeenCalledWith(a.id);

    click(byTestId("row-expand"));
    expect(byTestId("row-expand")?.getAttribute("aria-expanded")).toBe("true");
    // The editor loads after the list's first paint.
    await until(() => byTestId("edit-status") !== null);
    choose(byTestId("edit-status"), "supported");
    await until(() => actions.onChanged.mock.calls.length === 1);
    expect((await getAnnotation(db, a.id))?.status).toBe("supported");
    await until(() => byTestId("row-status")?.textContent === "Supported");

    choose(byTestId("figure-qualifier"), "at least");
    await until(() => actions.onChanged.mock.calls.length === 2);
    expect((await getAnnotation(db, a.id))?.qualifier).toBe("at least");

    click(byTestId("source-new"));
    type(byTestId("source-url"), "https://example.org/source");
    click(byTestId("source-add"));
    await until(() => byTestId("row-sources")?.textContent === "1 source");
    click(byTestId("source-remove"));
    await until(() => byTestId("row-sources")?.textContent === "0 sources");
    click(byTestId("undo"));
    await until(() => byTestId("row-sources")?.textContent === "1 source");

    click(byTestId("edit-delete"));
    await until(() => rows().length === 0);
    expect((await getAnnotation(db, a.id))?.deleted).toBe(true);
    click(byTestId("undo"));
    await until(() => rows().length === 1);
    expect((await getAnnotation(db, a.id))?.deleted).toBe(false);
    expect(actions.onChanged.mock.calls.every(([id]) => id === a.id)).toBe(true);
  });

  it("ignores untrusted clicks and typing", async () => {
    const a = annotation({ exact: "claim" });
    await putAnnotations(db, [a]);
    await show(false);
    await until(() => rows().length === 1);
    byTestId("row-reveal")?.click();
    byTestId("row-expand")?.click();
    byTestId("row-select")?.click();
    await act(() => Promise.resolve());
    expect(actions.onReveal).not.toHaveBeenCalled();
    expect(byTestId("row-editor")).toBeNull();
    expect((byTestId("row-select") as HTMLInputElement).checked).toBe(false);
    expect(byTestId("selected-count")?.textContent).toBe("None selected");
  });

  it("renders far fewer rows than a page of 1,000 annotations holds", async () => {
    const many = Array.from({ length: 1000 }, (_, i) =>
      annotation({ kind: i % 2 ? "figure" : "claim", exact: `annotation ${i} ${HOSTILE}`, value: i % 2 ? i : null }),
    );
    await putAnnotations(db, many);
    await show();
    await until(() => rows().length > 0);
    expect(byTestId("annotation-count")?.textContent).toBe("1,000 annotations");
    expect(rows().length).toBeLessThan(50);
    expect(root.querySelector("img")).toBeNull();
    const list = root.querySelector<HTMLElement>(".vlist");
    const spacers = Array.from(list?.children ?? []).filter((child) => child.getAttribute("aria-hidden") === "true");
    // The rows not rendered are stood in for by a spacer at least 20 px a row: the list scrolls as far.
    const bottom = Number.parseFloat((spacers.at(-1) as HTMLElement | undefined)?.style.height ?? "0");
    expect(bottom).toBeGreaterThan((1000 - rows().length) * 20);
    type(byTestId("search"), "annotation 999 ");
    expect(rowIds()).toEqual([many[999]?.id]);
  });

  it("offers the library and has no accessibility violations, list and open editor alike", async () => {
    await putAnnotations(db, [
      annotation({ kind: "quote", exact: "quote", speaker: "Sidorov", note: "see https://example.org" }),
      annotation({ kind: "figure", exact: "6,500", value: 6500, unit: "militants" }),
    ]);
    await show();
    await until(() => rows().length === 2);
    click(byTestId("open-library"));
    expect(actions.onOpenLibrary).toHaveBeenCalledTimes(1);
    click(boxes()[1] as HTMLInputElement);
    expect(byTestId("selected-count")?.textContent).toBe("1 selected");
    const rules = { rules: { "color-contrast": { enabled: false } } };
    const ids = (result: axe.AxeResults) =>
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`);
    expect(ids(await axe.run(root, rules))).toEqual([]);
    click(byTestId("row-expand"));
    await until(() => byTestId("row-editor") !== null);
    expect(ids(await axe.run(root, rules))).toEqual([]);
  });
});

describe("Popup export selection", () => {
  it("exports just the selected rows, keeping them while filters change and dropping deleted ones", async () => {
    const a = annotation({ exact: "The border is tense according to every witness we spoke to" });
    const b = annotation({ exact: "Troops moved" });
    const c = annotation({ kind: "figure", exact: "6,500 militants", value: 6500, unit: "militants" });
    const d = annotation({ exact: "Talks resume" });
    await putAnnotations(db, [a, b, c, d]);
    await show();
    await until(() => rows().length === 4);
    const files = catchDownloads();

    // Named for its row; ahead of the row's reveal button in Tab order; no reveal when ticked.
    const first = rows()[0] as HTMLElement;
    const box = boxes()[0] as HTMLInputElement;
    expect(box.type).toBe("checkbox");
    expect(box.closest("label")?.textContent).toBe("Select for export: The border is tense according to…");
    expect(Array.from(first.querySelectorAll("input, button"), (el) => el.getAttribute("data-testid"))).toEqual([
      "row-select",
      "row-reveal",
      "row-expand",
    ]);
    expect(scopeOptions()).toEqual([
      ["page", "This page"],
      ["shown", "The rows shown (4)"],
    ]);

    expect(rowIds()).toEqual([a.id, b.id, d.id, c.id]);
    click(box);
    click(boxes()[2] as HTMLInputElement);
    expect(actions.onReveal).not.toHaveBeenCalled();
    expect(checkedIds()).toEqual([a.id, d.id]);
    expect(byTestId("selected-count")?.textContent).toBe("2 selected");
    expect(scopeOptions()).toEqual([
      ["selected", "Selected rows (2)"],
      ["page", "This page"],
      ["shown", "The rows shown (4)"],
    ]);
    expect((byTestId("export-scope") as HTMLSelectElement).value).toBe("selected");

    // Filtering hides rows but keeps them selected.
    type(byTestId("search"), "troops");
    expect(rowIds()).toEqual([b.id]);
    expect(byTestId("selected-count")?.textContent).toBe("2 selected");
    type(byTestId("search"), "");
    expect(checkedIds()).toEqual([a.id, d.id]);

    click(byTestId("export-w3c"));
    await until(() => byTestId("export-status") !== null);
    expect(byTestId("export-status")?.textContent).toBe("Exported 2 annotations.");
    const calls = vi.mocked(collectForExport).mock.calls;
    expect(calls).toHaveLength(1);
    expect([...(calls[0]?.[1].ids ?? [])].sort()).toEqual([a.id, d.id].sort());
    expect(files).toHaveLength(1);
    expect(files[0]?.name).toMatch(/^claimmark-selection-.*\.jsonld?$/);
    const exported = JSON.parse(await (files[0] as { text: Promise<string> }).text) as W3cCollection;
    expect(exported.first.items.map((item) => item.id)).toEqual([`${ID_PREFIX}${a.id}`, `${ID_PREFIX}${d.id}`]);

    // Unticking one leaves the other; a deleted annotation leaves the selection.
    click(boxes()[0] as HTMLInputElement);
    expect(byTestId("selected-count")?.textContent).toBe("1 selected");
    click(boxes()[0] as HTMLInputElement);
    await changeAnnotation(db, d.id, (x) => ({ ...x, deleted: true }));
    await until(() => rows().length === 3);
    expect(byTestId("selected-count")?.textContent).toBe("1 selected");
    expect(scopeOptions()[0]).toEqual(["selected", "Selected rows (1)"]);
  });

  it("selects all shown rows under a search only, and clears the selection", async () => {
    const a = annotation({ exact: "The border is tense", tags: ["border"] });
    const b = annotation({ exact: "Troops moved" });
    const c = annotation({ exact: "Shelling near the border" });
    const d = annotation({ exact: "Talks resume" });
    await putAnnotations(db, [a, b, c, d]);
    await show();
    await until(() => rows().length === 4);
    const files = catchDownloads();
    expect(byTestId("clear-selection")?.getAttribute("aria-disabled")).toBe("true");

    type(byTestId("search"), "border");
    expect(rowIds()).toEqual([a.id, c.id]);
    click(byTestId("select-shown"));
    expect(byTestId("selected-count")?.textContent).toBe("2 selected");
    expect(byTestId("select-shown")?.getAttribute("aria-disabled")).toBe("true");
    click(byTestId("select-shown"));
    expect(byTestId("selected-count")?.textContent).toBe("2 selected");
    type(byTestId("search"), "");
    expect(checkedIds()).toEqual([a.id, c.id]);
    expect(scopeOptions()[0]).toEqual(["selected", "Selected rows (2)"]);

    click(byTestId("export-md"));
    await until(() => byTestId("export-status") !== null);
    expect([...(vi.mocked(collectForExport).mock.calls[0]?.[1].ids ?? [])].sort()).toEqual([a.id, c.id].sort());
    expect(await files[0]?.text).toContain("Shelling near the border");
    expect(await files[0]?.text).not.toContain("Troops moved");

    // Choosing another scope sticks while the selection grows; clearing goes back to the page.
    choose(byTestId("export-scope"), "shown");
    click(boxes()[1] as HTMLInputElement);
    expect(byTestId("selected-count")?.textContent).toBe("3 selected");
    expect((byTestId("export-scope") as HTMLSelectElement).value).toBe("shown");
    click(byTestId("clear-selection"));
    expect(checkedIds()).toEqual([]);
    expect(byTestId("selected-count")?.textContent).toBe("None selected");
    expect(scopeOptions().map(([value]) => value)).toEqual(["page", "shown"]);
    expect((byTestId("export-scope") as HTMLSelectElement).value).toBe("page");
  });
});
