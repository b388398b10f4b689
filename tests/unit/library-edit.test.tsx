// @vitest-environment jsdom
import axe from "axe-core";
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TrustContext } from "../../components/edit/trust";
import { Library } from "../../components/library/Library";
import { addTagTo, deleteAnnotations, setStatusOf, undoBulk } from "../../lib/db/bulk";
import { updateAnnotation } from "../../lib/db/edit";
import { type ClaimmarkDb, openDb } from "../../lib/db/schema";
import { changeSet } from "../../lib/db/store";
import type { Annotation } from "../../lib/model";
import { readerEdited } from "../../lib/reader-edited";
import { annotationRecord, pageRecord, sourceRecord } from "./samples";
import { allAnnotations, allSources, getAnnotation, putAnnotations, putSources } from "./stored";
import { until } from "./until";

const PAGE = "https://news.example/a";
const OTHER = "https://other.example/b";

function annotation(id: string, pageKey: string, start: number, fields: Partial<Annotation> = {}): Annotation {
  const exact = fields.exact ?? `Text of ${id}`;
  return annotationRecord({
    id,
    pageKey,
    selectors: [{ type: "TextPositionSelector", start, end: start + exact.length }],
    exact,
    createdAt: 1000,
    updatedAt: 1000,
    ...fields,
  });
}

let db: ClaimmarkDb;
let root: HTMLElement;
let dbCount = 0;

/** Five annotations on two pages, listed in this order: a1 a2 a3 (PAGE, read last), b1 b2 (OTHER). */
async function seed(): Promise<void> {
  await db.pages.bulkAdd([
    pageRecord(PAGE, { title: "Border tensions", lastSeen: 2000 }),
    pageRecord(OTHER, { title: "Budget figures", lastSeen: 1500 }),
  ]);
  await putAnnotations(db, [
    annotation("a1", PAGE, 10, { exact: "the border is tense", speaker: "Anatoly Sidorov" }),
    annotation("a2", PAGE, 20, { kind: "claim", exact: "troops moved overnight", tags: ["military"], note: "Ask." }),
    annotation("a3", PAGE, 30, { kind: "figure", exact: "6,500 militants", status: "supported" }),
    annotation("b1", OTHER, 10, { exact: "taxes will rise", tags: ["budget"] }),
    annotation("b2", OTHER, 20, { origin: "user", kind: "highlight", exact: "a deficit of 3%", note: "see report" }),
  ]);
  await putSources(db, [
    sourceRecord({ id: "s1", annotationId: "a2", title: "Ministry statement", note: "page 4" }),
    sourceRecord({ id: "s2", annotationId: "b2", url: "https://stats.example/deficit", title: "Statistics office" }),
  ]);
}

const byTestId = (id: string, scope: ParentNode = root) => scope.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const row = (id: string) => root.querySelector<HTMLElement>(`[data-testid="library-row"][data-annotation-id="${id}"]`);
const rowIds = () =>
  Array.from(root.querySelectorAll<HTMLElement>('[data-testid="library-row"]'), (r) => r.dataset.annotationId);
const checkedIds = () =>
  rowIds().filter((id) => (byTestId("library-select", row(id as string) as HTMLElement) as HTMLInputElement).checked);

// Each gesture is rendered before the next, as between a reader's keystrokes.
function type(element: HTMLElement | null, value: string): void {
  const field = element as HTMLInputElement | HTMLTextAreaElement;
  act(() => {
    field.value = value;
    field.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

function choose(element: HTMLElement | null, value: string): void {
  const select = element as HTMLSelectElement;
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

function press(element: HTMLElement | null, key: string): void {
  act(() => {
    element?.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
  });
}

function click(element: HTMLElement | null): void {
  if (!element) throw new Error("nothing to click");
  act(() => element.click());
}

/** Clicks a row's box, with Shift held when `shift`. */
function tick(id: string, shift = false): void {
  const box = byTestId("library-select", row(id) as HTMLElement) as HTMLInputElement;
  act(() => {
    box.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, shiftKey: shift }));
  });
}

async function expectRows(ids: string[]): Promise<void> {
  await until(() => expect(rowIds()).toEqual(ids));
}

/** The library as the options page shows it; every event counts as the reader's (jsdom makes none trusted). */
function showLibrary(trusted = true): void {
  const library = <Library db={db} openTab={() => {}} locale="en" />;
  render(trusted ? <TrustContext.Provider value={() => true}>{library}</TrustContext.Provider> : library, root);
}

/** Catches what the export panel downloads: the file name and the blob's text. */
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

beforeEach(() => {
  db = openDb(`library-edit-test-${++dbCount}`);
  root = document.createElement("div");
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
  db.close();
  vi.restoreAllMocks();
});

describe("library rows edited in place", () => {
  it("saves status, tags and note as the card does, making the annotation the reader's", async () => {
    await seed();
    const before = (await getAnnotation(db, "a1")) as Annotation;
    expect(readerEdited(before, false)).toBe(false);
    showLibrary();
    await expectRows(["a1", "a2", "a3", "b1", "b2"]);

    const edit = byTestId("library-edit", row("a1") as HTMLElement) as HTMLButtonElement;
    expect(edit.getAttribute("aria-expanded")).toBe("false");
    click(edit);
    await until(() => expect(byTestId("library-row-editor", row("a1") as HTMLElement)).not.toBeNull());
    expect(edit.getAttribute("aria-expanded")).toBe("true");
    const editor = byTestId("library-row-editor", row("a1") as HTMLElement) as HTMLElement;
    expect(edit.getAttribute("aria-controls")).toBe(editor.parentElement?.id);

    choose(byTestId("library-edit-status", editor), "false");
    await until(async () => expect((await getAnnotation(db, "a1"))?.status).toBe("false"));
    type(byTestId("tag-input", editor), "border");
    press(byTestId("tag-input", editor), "Enter");
    await until(async () => expect((await getAnnotation(db, "a1"))?.tags).toEqual(["border"]));
    type(byTestId("note-editor", editor), "Contradicted by the ministry https://mod.example/x");
    await until(async () =>
      expect((await getAnnotation(db, "a1"))?.note).toBe("Contradicted by the ministry https://mod.example/x"),
    );

    const after = (await getAnnotation(db, "a1")) as Annotation;
    expect(after.updatedAt).toBeGreaterThan(before.updatedAt);
    expect(readerEdited({ ...after, status: "unverified", tags: [], note: "" }, false)).toBe(true);
    // Every other field is as it was.
    expect({ ...after, status: before.status, tags: before.tags, note: before.note, updatedAt: 1000 }).toEqual(before);

    // Closed, the row shows what was saved: the live list re-rendered it.
    click(edit);
    await until(() => expect(byTestId("library-row-editor", row("a1") as HTMLElement)).toBeNull());
    await until(() =>
      expect(row("a1")?.querySelector(".row-note-text a")?.getAttribute("href")).toBe("https://mod.example/x"),
    );
    const shown = row("a1") as HTMLElement;
    expect(shown.querySelector(".status")?.textContent).toBe("False");
    expect(shown.querySelector(".row-tags")?.textContent).toContain("border");
  });

  it("ignores edits that are not the reader's own input", async () => {
    await seed();
    showLibrary(false);
    await expectRows(["a1", "a2", "a3", "b1", "b2"]);
    click(byTestId("library-edit", row("a1") as HTMLElement));
    tick("a1");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(byTestId("library-row-editor")).toBeNull();
    expect(checkedIds()).toEqual([]);
  });
});

describe("library bulk actions", () => {
  it("ticks rows one by one and by Shift-click ranges, and all listed", async () => {
    await seed();
    showLibrary();
    await expectRows(["a1", "a2", "a3", "b1", "b2"]);
    tick("a2");
    await until(() => expect(checkedIds()).toEqual(["a2"]));
    tick("b1", true);
    await until(() => expect(checkedIds()).toEqual(["a2", "a3", "b1"]));
    expect(byTestId("library-selected-count")?.textContent).toBe("3 selected");
    // The box clicked decides: a Shift-click that clears one clears the range.
    tick("a3");
    await until(() => expect(checkedIds()).toEqual(["a2", "b1"]));
    tick("b1", true);
    await until(() => expect(checkedIds()).toEqual(["a2"]));
    click(byTestId("library-select-listed"));
    await until(() => expect(checkedIds()).toEqual(["a1", "a2", "a3", "b1", "b2"]));
    expect(byTestId("library-selected-count")?.textContent).toBe("5 selected");
    // Other filters, another list: the selection is cleared rather than acted on unseen.
    type(byTestId("library-search"), "taxes");
    await expectRows(["b1"]);
    expect(checkedIds()).toEqual([]);
    expect(byTestId("library-selected-count")?.textContent).toBe("None selected");
  });

  it("sets the status of the rows ticked, and Undo puts back exactly what was there", async () => {
    await seed();
    const before = await allAnnotations(db);
    showLibrary();
    await expectRows(["a1", "a2", "a3", "b1", "b2"]);
    tick("a1");
    tick("a3");
    tick("b1");
    await until(() => expect(checkedIds()).toEqual(["a1", "a3", "b1"]));
    choose(byTestId("bulk-status"), "disputed");
    click(byTestId("bulk-set-status"));
    await until(() => expect(byTestId("toast")?.textContent).toContain("Disputed: 3 annotations changed"));
    await until(() =>
      expect(rowIds().filter((id) => row(id as string)?.dataset.status === "disputed")).toEqual(["a1", "a3", "b1"]),
    );
    const changed = await allAnnotations(db);
    for (const a of changed.filter((a) => ["a1", "a3", "b1"].includes(a.id))) {
      expect(a.status).toBe("disputed");
      expect(a.updatedAt).toBeGreaterThan(1000);
    }
    expect(changed.find((a) => a.id === "a2")).toEqual(before.find((a) => a.id === "a2"));

    click(byTestId("undo"));
    await until(async () => expect(await allAnnotations(db)).toEqual(before));
    await until(() => expect(row("a3")?.dataset.status).toBe("supported"));
    expect(byTestId("toast")).toBeNull();
  });

  it("adds and removes a tag on the rows ticked, each with its Undo", async () => {
    await seed();
    const before = await allAnnotations(db);
    showLibrary();
    await expectRows(["a1", "a2", "a3", "b1", "b2"]);
    tick("a1");
    tick("a2");
    type(byTestId("bulk-tag"), "#Border  check");
    click(byTestId("bulk-add-tag"));
    await until(() => expect(byTestId("toast")?.textContent).toContain("added to 2 annotations"));
    const tagsOf = async () => new Map((await allAnnotations(db)).map((a) => [a.id, a.tags]));
    expect(await tagsOf()).toEqual(
      new Map([
        ["a1", ["Border check"]],
        ["a2", ["military", "Border check"]],
        ["a3", []],
        ["b1", ["budget"]],
        ["b2", []],
      ]),
    );
    click(byTestId("undo"));
    await until(async () => expect(await allAnnotations(db)).toEqual(before));

    // Removing "military" from a1 and a2 changes a2 alone.
    type(byTestId("bulk-tag"), "military");
    click(byTestId("bulk-remove-tag"));
    await until(() => expect(byTestId("toast")?.textContent).toContain("removed from 1 annotation"));
    expect((await tagsOf()).get("a2")).toEqual([]);
    expect((await getAnnotation(db, "a1"))?.updatedAt).toBe(1000);
    // The tag filter no longer offers a tag no annotation has.
    await until(() =>
      expect(Array.from((byTestId("library-filter-tag") as HTMLSelectElement).options, (o) => o.value)).toEqual([
        "",
        "budget",
      ]),
    );
    click(byTestId("undo"));
    await until(async () => expect(await allAnnotations(db)).toEqual(before));
  });

  it("deletes the rows ticked after asking, and Undo brings them back with their sources and notes", async () => {
    await seed();
    const before = await allAnnotations(db);
    const sourcesBefore = await allSources(db);
    showLibrary();
    await expectRows(["a1", "a2", "a3", "b1", "b2"]);
    tick("a2");
    tick("b2");
    const opener = byTestId("bulk-delete") as HTMLButtonElement;
    opener.focus();
    click(opener);
    await until(() => expect(byTestId("bulk-delete-dialog")).not.toBeNull());
    const dialog = byTestId("bulk-delete-dialog") as HTMLElement;
    expect(dialog.textContent).toContain("Delete 2 annotations?");
    // Cancel takes the focus: Enter by habit deletes nothing.
    expect(document.activeElement).toBe(byTestId("bulk-delete-dialog-cancel"));
    click(byTestId("bulk-delete-dialog-confirm"));
    // The live query re-renders the list without them; the offer to undo stays.
    await expectRows(["a1", "a3", "b1"]);
    expect(byTestId("toast")?.textContent).toContain("2 annotations deleted");
    expect(document.activeElement).toBe(opener);
    expect(byTestId("library-selected-count")?.textContent).toBe("None selected");
    expect((await getAnnotation(db, "a2"))?.deleted).toBe(true);
    expect(byTestId("library-summary")?.textContent).toContain("3 annotations on 2 pages");
    // Another write re-renders the list again before the reader undoes.
    await updateAnnotation(db, "a1", { note: "meanwhile" });
    await until(() => expect(row("a1")?.textContent).toContain("meanwhile"));
    expect(byTestId("toast")).not.toBeNull();

    click(byTestId("undo"));
    await expectRows(["a1", "a2", "a3", "b1", "b2"]);
    const after = await allAnnotations(db);
    for (const id of ["a2", "b2"]) expect(after.find((a) => a.id === id)).toEqual(before.find((a) => a.id === id));
    expect(await allSources(db)).toEqual(sourcesBefore);
    expect(row("b2")?.textContent).toContain("see report");
    expect(row("b2")?.textContent).toContain("Statistics office");
    // Undone, the rows are ticked again, as they were.
    await until(() => expect(checkedIds()).toEqual(["a2", "b2"]));
  });

  it("cancels a delete on Escape and deletes nothing", async () => {
    await seed();
    showLibrary();
    await expectRows(["a1", "a2", "a3", "b1", "b2"]);
    tick("a1");
    click(byTestId("bulk-delete"));
    await until(() => expect(byTestId("bulk-delete-dialog")).not.toBeNull());
    press(byTestId("bulk-delete-dialog-cancel"), "Escape");
    await until(() => expect(byTestId("bulk-delete-dialog")).toBeNull());
    expect((await getAnnotation(db, "a1"))?.deleted).toBeUndefined();
    expect(byTestId("toast")).toBeNull();
  });

  it("exports the rows ticked, in the format chosen", async () => {
    await seed();
    const files = catchDownloads();
    showLibrary();
    await expectRows(["a1", "a2", "a3", "b1", "b2"]);
    tick("a2");
    tick("b2");
    click(byTestId("bulk-export"));
    const scope = byTestId("export-scope") as HTMLSelectElement;
    await until(() => expect(scope.value).toBe("selected"));
    expect(scope.selectedOptions[0]?.textContent).toBe("The annotations selected (2)");
    expect((root.querySelector(".transfer-details") as HTMLDetailsElement).open).toBe(true);
    expect(document.activeElement).toBe(scope);
    click(byTestId("export-md"));
    await until(() => expect(byTestId("export-status")?.textContent).toBe("Exported 2 annotations."));
    expect(files).toHaveLength(1);
    const markdown = await (files[0] as { text: Promise<string> }).text;
    expect(files[0]?.name).toMatch(/selection.*\.md$/);
    expect(markdown).toContain("troops moved overnight");
    expect(markdown).toContain("a deficit of 3%");
    expect(markdown).toContain("Statistics office");
    for (const other of ["the border is tense", "6,500 militants", "taxes will rise"])
      expect(markdown).not.toContain(other);
  });

  it("has no accessibility violations with a row open, rows ticked and an undo offered", async () => {
    await seed();
    showLibrary();
    await expectRows(["a1", "a2", "a3", "b1", "b2"]);
    click(byTestId("library-edit", row("a2") as HTMLElement));
    tick("a1");
    tick("b1");
    click(byTestId("bulk-set-status"));
    await until(() => expect(byTestId("toast")).not.toBeNull());
    await until(() => expect(byTestId("library-row-editor")).not.toBeNull());
    const results = await axe.run(root, { rules: { "color-contrast": { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`)).toEqual([]);
    click(byTestId("bulk-delete"));
    await until(() => expect(byTestId("bulk-delete-dialog")).not.toBeNull());
    const dialog = await axe.run(root, { rules: { "color-contrast": { enabled: false } } });
    expect(dialog.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`)).toEqual([]);
    // Two axe runs over the whole library: slow when the suite runs its files side by side.
  }, 20_000);
});

describe("bulk changes in the database", () => {
  it("writes all the sets in one go, and leaves annotations that already are so alone", async () => {
    await seed();
    const result = await setStatusOf(db, ["a1", "a3", "b1", "missing"], "supported", 5000);
    expect(result.changes.map((change) => change.before.id).sort()).toEqual(["a1", "b1"]);
    expect((await getAnnotation(db, "a3"))?.updatedAt).toBe(1000);
    expect((await getAnnotation(db, "a1"))?.updatedAt).toBe(5000);
  });

  it("keeps a later edit of the same field through an undo, and dates the rest as changed", async () => {
    await seed();
    const tagged = await addTagTo(db, ["a1", "b1"], "check", 5000);
    await updateAnnotation(db, "b1", { tags: ["budget", "check", "mine"] }, 6000);
    await updateAnnotation(db, "a1", { note: "later" }, 6000);
    await undoBulk(db, tagged, 7000);
    // b1's tags were changed since: the reader's later edit wins.
    expect((await getAnnotation(db, "b1"))?.tags).toEqual(["budget", "check", "mine"]);
    // a1's tags go back; its note stays, and it is dated by the undo, being changed since.
    const a1 = await getAnnotation(db, "a1");
    expect([a1?.tags, a1?.note, a1?.updatedAt]).toEqual([[], "later", 7000]);
  });

  it("brings back whole a deleted annotation a visit purged since, with its sources", async () => {
    await seed();
    const before = await allAnnotations(db);
    const sourcesBefore = await allSources(db);
    const deleted = await deleteAnnotations(db, ["b2"]);
    // As a visit a day later does: the hand-made annotation and its sources go for good.
    await changeSet(db, OTHER, (draft) => {
      draft.annotations = draft.annotations.filter((a) => a.id !== "b2");
      draft.sources = draft.sources.filter((s) => s.annotationId !== "b2");
    });
    expect(await getAnnotation(db, "b2")).toBeUndefined();
    await undoBulk(db, deleted);
    const sorted = (list: { id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(sorted(await allAnnotations(db))).toEqual(sorted(before));
    expect(sorted(await allSources(db))).toEqual(sorted(sourcesBefore));
  });

  it("refuses an empty tag", async () => {
    await seed();
    await expect(addTagTo(db, ["a1"], "  ")).rejects.toThrow("a tag cannot be empty");
  });
});
