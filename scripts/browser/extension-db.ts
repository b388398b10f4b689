import type { Worker } from "playwright-core";
import type { AnnotationChunk } from "../../lib/db/schema";
import type { Annotation, PageRecord, Settings } from "../../lib/model";

/** Every row of one of the extension's IndexedDB stores, read in its service worker. */
function storedRows<T>(worker: Worker, store: "pages" | "annotationChunks" | "settings"): Promise<T[]> {
  return worker.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open("claimmark");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            resolve([]);
            return;
          }
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

/** Every page the extension stored. */
export const storedPages = (worker: Worker): Promise<PageRecord[]> => storedRows<PageRecord>(worker, "pages");

/** Every annotation the extension stored (a page's annotations are a few chunk records). */
export const storedAnnotations = async (worker: Worker): Promise<Annotation[]> =>
  (await storedRows<AnnotationChunk>(worker, "annotationChunks")).flatMap((chunk) => chunk.annotations);

/** The settings the extension stored (as saved, defaults not filled in), or undefined before any were saved. */
export const storedSettings = async (worker: Worker): Promise<Settings | undefined> =>
  (await storedRows<{ key: string; value: Settings }>(worker, "settings")).find((row) => row.key === "settings")?.value;

/** Waits until the extension has stored a page whose URL starts with `prefix`. */
export async function waitForStoredPage(worker: Worker, prefix: string, timeoutMs = 15_000): Promise<PageRecord> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = (await storedPages(worker)).find((candidate) => candidate.url.startsWith(prefix));
    if (page) return page;
    if (Date.now() > deadline) throw new Error(`the extension stored no page for ${prefix} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
