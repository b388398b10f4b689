// @vitest-environment jsdom
import axe from "axe-core";
import { render } from "preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TrustContext } from "../../components/edit/trust";
import { ImportPanel } from "../../components/transfer/ImportPanel";
import { detectionId, recordVisit } from "../../lib/db/annotations";
import { updateAnnotation } from "../../lib/db/edit";
import { recordPage } from "../../lib/db/pages";
import { type ClaimmarkDb, openDb } from "../../lib/db/schema";
import type { Annotation } from "../../lib/model";
import { toW3c } from "../../lib/transfer/w3c";
import { MILITANTS, pageRecord, pageReport } from "./samples";
import { getAnnotation } from "./stored";
import { until } from "./until";

const BORDER = "https://example.com/border";
const ID = detectionId(BORDER, MILITANTS);
const HOSTILE = '<img src=x onerror="alert(1)">\u202Eevil';
let db: ClaimmarkDb;
let root: HTMLElement;
let count = 0;

const byTestId = <T extends HTMLElement = HTMLElement>(id: string, within: ParentNode = document) =>
  within.querySelector<T>(`[data-testid="${id}"]`) as T;
const allByTestId = (id: string) => Array.from(document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));

beforeEach(async () => {
  db = openDb(`transfer-import-panel-${++count}`);
  root = document.createElement("div");
  document.body.append(root);
  // The reader visited the article, then judged the figure and wrote a note.
  await recordPage(db, BORDER, pageReport({ title: "CSTO warns", textHash: "a".repeat(64) }), 1000);
  await recordVisit(db, BORDER, [MILITANTS], [], 1000);
  await updateAnnotation(db, ID, { status: "disputed", note: "UN says 4,000" }, 2000);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

/** A colleague's (or an attacker's) file: the same figure, another verdict and note, dated 2099, the page moved. */
async function craftedFile(): Promise<File> {
  const stored = (await getAnnotation(db, ID)) as Annotation;
  const theirs: Annotation = { ...stored, status: "supported", note: HOSTILE, updatedAt: Date.UTC(2099, 0, 1) };
  const page = pageRecord(BORDER, { url: "https://evil.example/", lastSeen: Date.UTC(2099, 0, 1) });
  const text = JSON.stringify(toW3c({ pages: [page], annotations: [theirs], sources: [] }));
  return new File([text], "shared.jsonld", { type: "application/ld+json" });
}

/** Chooses a file in the panel's file input, as the reader would. */
function choose(file: File): void {
  const input = byTestId<HTMLInputElement>("import-file");
  Object.defineProperty(input, "files", { value: [file], configurable: true });
  input.dispatchEvent(new Event("change", { bubbles: true }));
}

/** The import panel, with every gesture counted as the reader's. */
function renderPanel(): void {
  render(
    <TrustContext.Provider value={() => true}>
      <ImportPanel db={db} />
    </TrustContext.Provider>,
    root,
  );
}

describe("the import panel's conflicts", () => {
  it("lists each conflict as text, takes one, then all, and says so", async () => {
    renderPanel();
    choose(await craftedFile());
    await until(() => expect(byTestId("import-conflicts")).not.toBeNull());
    expect(byTestId("import-report").textContent).toContain("0 annotations added, 1 already here (0 updated");
    const rows = allByTestId("import-conflict");
    expect(rows.map((row) => row.querySelector(".transfer-conflict-field")?.textContent)).toEqual(["Status", "Note"]);
    expect(rows.map((row) => byTestId("conflict-stored", row).textContent)).toEqual(["disputed", "UN says 4,000"]);
    expect(rows.map((row) => byTestId("conflict-imported", row).textContent)).toEqual(["supported", HOSTILE]);
    expect(byTestId("import-conflict-annotation").textContent).toContain("about 6,500 militants");
    expect(byTestId("import-conflict-annotation").textContent).toContain(BORDER);
    // The file's markup is text: no element came of it.
    expect(root.querySelector("img")).toBeNull();
    // Nothing of the reader's changed, and the page kept its address.
    expect(await getAnnotation(db, ID)).toMatchObject({ status: "disputed", note: "UN says 4,000" });
    expect((await db.pages.get(BORDER))?.url).toBe(BORDER);

    byTestId<HTMLButtonElement>("take-imported", rows[0]).click();
    await until(() => expect(byTestId("conflict-taken", rows[0])).not.toBeNull());
    expect(byTestId("take-status").textContent).toBe("Took the imported value for 1 conflict.");
    expect(await getAnnotation(db, ID)).toMatchObject({ status: "supported", note: "UN says 4,000" });
    expect(byTestId("take-all-imported").textContent).toBe("Take all imported (1)");

    byTestId<HTMLButtonElement>("take-all-imported").click();
    await until(() => expect(byTestId("conflict-taken", rows[1])).not.toBeNull());
    expect(await getAnnotation(db, ID)).toMatchObject({ status: "supported", note: HOSTILE });
    expect(byTestId<HTMLButtonElement>("take-all-imported").disabled).toBe(true);
  });

  it("says so when the reader changed a value since the import, and leaves it", async () => {
    renderPanel();
    choose(await craftedFile());
    await until(() => expect(allByTestId("import-conflict")).toHaveLength(2));
    await updateAnnotation(db, ID, { note: "changed my mind" }, 3000);
    byTestId<HTMLButtonElement>("take-all-imported").click();
    await until(() => expect(byTestId("take-status")).not.toBeNull());
    expect(byTestId("take-status").textContent).toBe(
      "Took the imported value for 1 conflict. 1 conflict left as yours: see below.",
    );
    expect(allByTestId("import-conflict")[1]?.textContent).toContain("Not taken: changed since the import");
    expect(await getAnnotation(db, ID)).toMatchObject({ status: "supported", note: "changed my mind" });
  });

  it("ignores clicks a script made up (untrusted events)", async () => {
    render(<ImportPanel db={db} />, root);
    choose(await craftedFile());
    await until(() => expect(byTestId("import-conflicts")).not.toBeNull());
    byTestId<HTMLButtonElement>("take-all-imported").click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(byTestId("take-status")).toBeNull();
    expect((await getAnnotation(db, ID))?.status).toBe("disputed");
  });

  it("has no accessibility violations", async () => {
    render(<ImportPanel db={db} />, root);
    choose(await craftedFile());
    await until(() => expect(byTestId("import-conflicts")).not.toBeNull());
    const results = await axe.run(root, { rules: { "color-contrast": { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`)).toEqual([]);
  });
});
