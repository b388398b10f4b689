// @vitest-environment jsdom
import axe from "axe-core";
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from "vitest";
import { TrustContext } from "../../components/edit/trust";
import { Popup, type PopupActions } from "../../components/Popup";
import { addSource } from "../../lib/db/edit";
import { type ClaimmarkDb, openDb } from "../../lib/db/schema";
import type { Annotation, PageRecord } from "../../lib/model";
import { annotationRecord, pageRecord } from "./samples";

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
    await db.annotations.bulkPut([quote, figure, mine, lost, dismissed, deleted]);
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
    expect((await db.annotations.get(dismissed.id))?.dismissed).toBe(false);
    expect(actions.onChanged).toHaveBeenCalledWith(dismissed.id);
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
      exact: "6,500 militants",
      value: 6500,
      unit: "militants",
      tags: ["border"],
    });
    await db.annotations.bulkPut([a, b, c]);
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
    choose(byTestId("filter-kind"), "figure");
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
      ["nothing like this", []],
    ] as const) {
      type(byTestId("search"), query);
      expect(rowIds()).toEqual(expected);
    }
    expect(byTestId("shown-count")?.textContent).toBe("No annotations match");
  });

  it("reveals a row in the page, and edits it inline, writing the database and telling the page", async () => {
    const a = annotation({ kind: "figure", origin: "user", exact: "6,500 militants", value: 6500, unit: "militants" });
    await db.annotations.put(a);
    await show();
    await until(() => rows().length === 1);
    click(byTestId("row-reveal"));
    expect(actions.onReveal).toHaveBeenCalledWith(a.id);

    click(byTestId("row-expand"));
    expect(byTestId("row-expand")?.getAttribute("aria-expanded")).toBe("true");
    choose(byTestId("edit-status"), "supported");
    await until(() => actions.onChanged.mock.calls.length === 1);
    expect((await db.annotations.get(a.id))?.status).toBe("supported");
    await until(() => byTestId("row-status")?.textContent === "Supported");

    choose(byTestId("figure-qualifier"), "at least");
    await until(() => actions.onChanged.mock.calls.length === 2);
    expect((await db.annotations.get(a.id))?.qualifier).toBe("at least");

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
    expect((await db.annotations.get(a.id))?.deleted).toBe(true);
    click(byTestId("undo"));
    await until(() => rows().length === 1);
    expect((await db.annotations.get(a.id))?.deleted).toBe(false);
    expect(actions.onChanged.mock.calls.every(([id]) => id === a.id)).toBe(true);
  });

  it("ignores untrusted clicks and typing", async () => {
    const a = annotation({ exact: "claim" });
    await db.annotations.put(a);
    await show(false);
    await until(() => rows().length === 1);
    byTestId("row-reveal")?.click();
    byTestId("row-expand")?.click();
    await act(() => Promise.resolve());
    expect(actions.onReveal).not.toHaveBeenCalled();
    expect(byTestId("row-editor")).toBeNull();
  });

  it("renders far fewer rows than a page of 1,000 annotations holds", async () => {
    const many = Array.from({ length: 1000 }, (_, i) =>
      annotation({ kind: i % 2 ? "figure" : "claim", exact: `annotation ${i} ${HOSTILE}`, value: i % 2 ? i : null }),
    );
    await db.annotations.bulkPut(many);
    await show();
    await until(() => rows().length > 0);
    expect(byTestId("annotation-count")?.textContent).toBe("1000 annotations");
    expect(rows().length).toBeLessThan(50);
    expect(root.querySelector("img")).toBeNull();
    const list = root.querySelector<HTMLElement>(".vlist");
    const spacers = Array.from(list?.children ?? []).filter((child) => child.getAttribute("aria-hidden") === "true");
    const bottom = Number.parseFloat((spacers[1] as HTMLElement | undefined)?.style.height ?? "0");
    expect(bottom).toBeGreaterThan(50_000);
    type(byTestId("search"), "annotation 999 ");
    expect(rowIds()).toEqual([many[999]?.id]);
  });

  it("offers the library and has no accessibility violations, list and open editor alike", async () => {
    await db.annotations.bulkPut([
      annotation({ kind: "quote", exact: "quote", speaker: "Sidorov", note: "see https://example.org" }),
      annotation({ kind: "figure", exact: "6,500", value: 6500, unit: "militants" }),
    ]);
    await show();
    await until(() => rows().length === 2);
    click(byTestId("open-library"));
    expect(actions.onOpenLibrary).toHaveBeenCalledTimes(1);
    const rules = { rules: { "color-contrast": { enabled: false } } };
    const ids = (result: axe.AxeResults) =>
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`);
    expect(ids(await axe.run(root, rules))).toEqual([]);
    click(byTestId("row-expand"));
    await until(() => byTestId("row-editor") !== null);
    expect(ids(await axe.run(root, rules))).toEqual([]);
  });
});
