import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTICLE, useHarness } from "./harness";

const harness = useHarness();

/** The ids of the library's rows, in their order. */
const rowIds = (library: Page) =>
  library
    .getByTestId("library-row")
    .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.annotationId as string));

/** The ids of the rows showing a status. */
const idsWithStatus = (library: Page, status: string) =>
  library
    .locator(`[data-testid="library-row"][data-status="${status}"]`)
    .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.annotationId as string));

const rowOf = (library: Page, id: string) => library.locator(`[data-testid="library-row"][data-annotation-id="${id}"]`);

describe("the library, edited in place and in bulk", () => {
  it("keeps a note typed in a row and a bulk verdict through a reload, and undoes a bulk delete", async () => {
    const article = await harness.browser.context.newPage();
    await article.goto(`${harness.server.origin}${ARTICLE}`);
    const library = await harness.browser.context.newPage();
    await library.goto(`chrome-extension://${harness.browser.extensionId}/options.html`);
    const summary = library.getByTestId("library-summary");
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toBe("14 annotations on 1 page.");
    const ids = await rowIds(library);
    const [first, second, noted] = ids as [string, string, string];

    // A note, typed in place: saved after a pause in typing.
    const row = rowOf(library, noted);
    await row.getByTestId("library-edit").click();
    await row.getByTestId("note-editor").fill("Checked against the ministry's statement");
    await row.getByTestId("library-edit").click();
    await expect
      .poll(() => row.locator(".row-note-text").textContent())
      .toBe("Checked against the ministry's statement");

    // Two rows ticked, marked disputed together.
    await rowOf(library, first).getByTestId("library-select").click();
    await rowOf(library, second).getByTestId("library-select").click();
    await expect.poll(() => library.getByTestId("library-selected-count").textContent()).toBe("2 selected");
    await library.getByTestId("bulk-status").selectOption("disputed");
    await library.getByTestId("bulk-set-status").click();
    await expect.poll(() => library.getByTestId("toast").textContent()).toContain("Disputed: 2 annotations changed");
    await expect.poll(() => idsWithStatus(library, "disputed")).toEqual([first, second]);

    await library.reload();
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toBe("14 annotations on 1 page.");
    expect(await idsWithStatus(library, "disputed")).toEqual([first, second]);
    expect(await rowOf(library, noted).locator(".row-note-text").textContent()).toBe(
      "Checked against the ministry's statement",
    );

    // A bulk delete of the noted row and a disputed one, then Undo: both come back as they were.
    await rowOf(library, second).getByTestId("library-select").click();
    await rowOf(library, noted).getByTestId("library-select").click();
    await library.getByTestId("bulk-delete").click();
    const dialog = library.getByTestId("bulk-delete-dialog");
    await expect.poll(() => dialog.textContent()).toContain("Delete 2 annotations?");
    await library.getByTestId("bulk-delete-dialog-confirm").click();
    await expect.poll(() => summary.textContent()).toBe("12 annotations on 1 page.");
    expect(await rowIds(library)).toEqual(ids.filter((id) => id !== second && id !== noted));
    await library.getByTestId("undo").click();
    await expect.poll(() => rowIds(library)).toEqual(ids);
    expect(await idsWithStatus(library, "disputed")).toEqual([first, second]);
    expect(await rowOf(library, noted).locator(".row-note-text").textContent()).toBe(
      "Checked against the ministry's statement",
    );

    // The undo is stored, not just shown.
    await library.reload();
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toBe("14 annotations on 1 page.");
    expect(await rowIds(library)).toEqual(ids);
    await article.close();
    await library.close();
  });
});
