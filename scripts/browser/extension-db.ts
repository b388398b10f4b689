import type { Worker } from "playwright-core";
import type { PageRecord } from "../../lib/model";

/** Every page the extension stored, read straight from its IndexedDB in the service worker. */
export function storedPages(worker: Worker): Promise<PageRecord[]> {
  return worker.evaluate(
    () =>
      new Promise<PageRecord[]>((resolve, reject) => {
        const open = indexedDB.open("claimmark");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("pages")) {
            db.close();
            resolve([]);
            return;
          }
          const request = db.transaction("pages").objectStore("pages").getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as PageRecord[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

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
