import { describe, expect, it } from "vitest";
import { storedAnnotations } from "../../scripts/browser/extension-db";
import { annotationRecord, pageRecord, sourceRecord } from "../unit/samples";
import { useHarness } from "./harness";

const harness = useHarness();
const PAGE = "https://news.example/border";

describe("a database written by an earlier version (one record per annotation and per source)", () => {
  it("is moved into the page's chunk records when the extension opens it, with nothing lost", async () => {
    const page = pageRecord(PAGE, { title: "Border story" });
    const annotation = annotationRecord({
      id: "old-1",
      pageKey: PAGE,
      exact: "about 6,500 militants",
      status: "disputed",
      tags: ["border"],
      note: "Written before the upgrade",
    });
    const source = sourceRecord({ id: "old-source", annotationId: "old-1", title: "UN Monitoring Team report" });
    // Version 3 as Dexie made it (IndexedDB version 30), written raw in the fresh profile before
    // any extension page opens the database: the service worker opens it only for a message, and
    // no page has sent one. (Deleting a database the library held open raced with the library's
    // live query reopening it at the current version.)
    await harness.browser.worker.evaluate(
      ({ page, annotation, source }) =>
        new Promise<void>((resolve, reject) => {
          const removal = indexedDB.deleteDatabase("claimmark");
          removal.onerror = () => reject(removal.error);
          removal.onsuccess = () => {
            const open = indexedDB.open("claimmark", 30);
            open.onupgradeneeded = () => {
              const db = open.result;
              const pages = db.createObjectStore("pages", { keyPath: "key" });
              for (const index of ["url", "lastSeen", "siteName"]) pages.createIndex(index, index);
              const annotations = db.createObjectStore("annotations", { keyPath: "id" });
              for (const index of ["pageKey", "kind", "updatedAt", "status"]) annotations.createIndex(index, index);
              annotations.createIndex("tags", "tags", { multiEntry: true });
              const sources = db.createObjectStore("sources", { keyPath: "id" });
              for (const index of ["annotationId", "url", "updatedAt"]) sources.createIndex(index, index);
              db.createObjectStore("settings", { keyPath: "key" });
              pages.put(page);
              annotations.put(annotation);
              sources.put(source);
            };
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              open.result.close();
              resolve();
            };
          };
        }),
      { page, annotation, source },
    );

    const library = await harness.browser.context.newPage();
    await library.goto(`chrome-extension://${harness.browser.extensionId}/options.html`);
    await library.getByTestId("library").waitFor();
    const row = library.locator('[data-annotation-id="old-1"]');
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    expect(await row.textContent()).toContain("about 6,500 militants");
    expect(await row.locator(".status").textContent()).toMatch(/disputed/i);
    expect(await row.locator(".row-sources").textContent()).toContain("UN Monitoring Team report");
    expect(await row.textContent()).toContain("Written before the upgrade");

    const stores = await library.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const open = indexedDB.open("claimmark");
          open.onsuccess = () => {
            resolve([...open.result.objectStoreNames].sort());
            open.result.close();
          };
        }),
    );
    expect(stores).toEqual(["annotationChunks", "pages", "settings"]);
    expect((await storedAnnotations(harness.browser.worker)).map((a) => [a.id, a.status, a.tags])).toEqual([
      ["old-1", "disputed", ["border"]],
    ]);
    await library.close();
  });
});
