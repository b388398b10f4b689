import type { Page, Worker } from "playwright-core";

/**
 * What the hostile-page tests use to act as a page (in its main world), as a compromised content
 * script (in the extension's isolated world, through the DevTools protocol) and as the reader.
 */

/** The reader's work on one annotation, written straight into the extension's database for a test's setup. */
export interface ReaderWork {
  status?: "unverified" | "supported" | "disputed" | "false";
  tags?: string[];
  note?: string;
  /** A speaker the reader corrected. */
  speaker?: string;
  source?: { url: string; title: string };
}

/** Gives the stored annotation `exact` of page `pageKey` the reader's `work` (in the service worker, raw IndexedDB). */
export function giveReaderWork(worker: Worker, pageKey: string, exact: string, work: ReaderWork): Promise<string> {
  return worker.evaluate(
    ({ pageKey, exact, work }) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open("claimmark");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction("annotationChunks", "readwrite");
          const chunks = tx.objectStore("annotationChunks");
          // A page's chunks: its key with any chunk number.
          const get = chunks.getAll(IDBKeyRange.bound([pageKey, -Infinity], [pageKey, []]));
          get.onsuccess = () => {
            const set = get.result.find((chunk: { annotations: { exact: string }[] }) =>
              chunk.annotations.some((a) => a.exact === exact),
            );
            const annotation = set?.annotations.find((a: { exact: string }) => a.exact === exact);
            if (!annotation) {
              reject(new Error(`no annotation ${exact} on ${pageKey}`));
              return;
            }
            const now = Date.now();
            Object.assign(annotation, {
              ...(work.status ? { status: work.status } : {}),
              ...(work.tags ? { tags: work.tags } : {}),
              ...(work.note !== undefined ? { note: work.note } : {}),
              ...(work.speaker !== undefined ? { speaker: work.speaker } : {}),
              updatedAt: now,
            });
            if (work.source) {
              const id = `source-${crypto.randomUUID()}`;
              set.sources.push({
                id,
                annotationId: annotation.id,
                url: work.source.url,
                title: work.source.title,
                publisher: "",
                accessedAt: null,
                note: "",
                quote: "",
                createdAt: now,
                updatedAt: now,
              });
              set.sourceIds.push(id);
            }
            set.tags = [
              ...new Set(
                set.annotations
                  .filter((a: { deleted?: boolean }) => !a.deleted)
                  .flatMap((a: { tags: string[] }) => a.tags),
              ),
            ];
            chunks.put(set);
            tx.oncomplete = () => {
              db.close();
              resolve(annotation.id);
            };
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { pageKey, exact, work },
  );
}

/** Makes the page record, from before its first script runs, every message posted to its window. */
export async function recordWindowMessages(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: string[] = [];
    (window as unknown as { __messages: string[] }).__messages = log;
    window.addEventListener(
      "message",
      (event) => {
        try {
          log.push(JSON.stringify(event.data));
        } catch {
          log.push(String(event.data));
        }
      },
      true,
    );
  });
}

/**
 * Everything a page's own scripts can read that Claimmark could have put there: the DOM, every
 * shadow root a script can open, every frame's document it may read, the highlight registry with
 * each range's text, the styles and sizes of our elements, storage, and the messages posted to
 * its window (when `recordWindowMessages` ran first).
 */
export function pageSees(page: Page): Promise<string> {
  return page.evaluate(() => {
    const seen: string[] = [document.documentElement.outerHTML, document.title, window.name, document.cookie];
    for (const element of document.querySelectorAll("*")) {
      const root = (element as HTMLElement).shadowRoot;
      if (root) seen.push(root.innerHTML);
      seen.push(getComputedStyle(element).content);
    }
    for (let i = 0; i < window.frames.length; i++) {
      try {
        seen.push((window.frames[i] as Window).document.documentElement.outerHTML);
      } catch {
        // another origin: unreadable, as it must be
      }
    }
    for (const frame of document.querySelectorAll("iframe")) {
      seen.push(frame.src, frame.name, frame.title, `${frame.offsetWidth}x${frame.offsetHeight}`);
      try {
        seen.push(frame.contentDocument?.documentElement.outerHTML ?? "");
      } catch {
        // another origin
      }
    }
    if ("highlights" in CSS) {
      for (const [name, highlight] of CSS.highlights) {
        seen.push(name, ...[...highlight].map((range) => (range as Range).toString()));
      }
    }
    for (const storage of [localStorage, sessionStorage]) {
      for (let i = 0; i < storage.length; i++) seen.push(storage.getItem(storage.key(i) ?? "") ?? "");
    }
    seen.push(...((window as unknown as { __messages?: string[] }).__messages ?? []));
    seen.push(...performance.getEntries().map((entry) => entry.name));
    return seen.join("\n");
  });
}

/**
 * Runs `expression` in the extension's content script world of `page` (what a page that broke out
 * of its own world, or a compromised renderer, could do: send the background anything a content
 * script can). Returns its JSON value.
 */
export async function inContentScriptWorld<T>(page: Page, extensionId: string, expression: string): Promise<T> {
  const session = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; origin: string; auxData?: { type?: string; frameId?: string } }[] = [];
    session.on("Runtime.executionContextCreated", (event: { context: (typeof contexts)[number] }) =>
      contexts.push(event.context),
    );
    await session.send("Runtime.enable");
    const isolated = contexts.find(
      (context) => context.auxData?.type === "isolated" && context.origin === `chrome-extension://${extensionId}`,
    );
    if (!isolated) throw new Error("the content script's world was not found");
    const result = (await session.send("Runtime.evaluate", {
      expression,
      contextId: isolated.id,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value: T }; exceptionDetails?: { text: string } };
    if (result.exceptionDetails) throw new Error(result.exceptionDetails.text);
    return result.result.value;
  } finally {
    await session.detach();
  }
}
