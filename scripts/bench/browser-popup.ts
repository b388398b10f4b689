import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page, Worker } from "playwright-core";
import { chunksOf } from "../../lib/db/chunks";
import { SCHEMA_VERSION } from "../../lib/db/schema";
import type { Annotation, PageRecord, Source } from "../../lib/model";
import { storedPages } from "../browser/extension-db";
import { launchWithExtension } from "../browser/launch";
import { waitForPass } from "../browser/page-state";
import { serveDirectory } from "../browser/serve";
import { median } from "./stats";

/** The database's IndexedDB version: Dexie's version times ten. */
const IDB_VERSION = SCHEMA_VERSION * 10;

/** Annotations on the measured page and on the baseline page. */
const MANY = 1000;
const FEW = 10;
/** Targets: the popup with 1,000 annotations opens within this multiple of the 10-annotation popup, and this many ms. */
const RATIO_TARGET = 2;
const ABSOLUTE_TARGET_MS = 100;
/** Target: a status change in the page of 1,000 costs within this multiple of one in the page of 10. */
const EDIT_RATIO_TARGET = 1.5;

/** A short article with a few detections, served for the popup to open on. */
export const ARTICLE = (title: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><article>` +
  `<h1>${title}</h1>` +
  Array.from(
    { length: 12 },
    (_, i) =>
      `<p>Paragraph ${i} of a short story about the border, where officials said that about ${1000 + i} people ` +
      "crossed last week and the ministry promised to publish its own figures soon.</p>",
  ).join("") +
  "</article></body></html>";

/** `count` annotations for a page, shaped as the extension stores them: claims, quotes, figures and highlights. */
export function annotations(pageKey: string, count: number): Annotation[] {
  const kinds = ["claim", "quote", "figure", "highlight"] as const;
  return Array.from({ length: count }, (_, i) => {
    const kind = kinds[i % kinds.length] ?? "claim";
    const exact = `Annotated passage number ${i}, long enough to wrap over two or three lines in the popup's narrow list of annotations.`;
    return {
      // Ids unique across the two bench pages: they share one store.
      id: `bench-${count}-${i}`,
      pageKey,
      kind,
      origin: kind === "highlight" ? "user" : "auto",
      selectors: [
        { type: "TextQuoteSelector", exact, prefix: "", suffix: "" },
        { type: "TextPositionSelector", start: i * 200, end: i * 200 + exact.length },
      ],
      exact,
      speaker: kind === "figure" ? null : `Speaker ${i % 37}`,
      cue: null,
      figureKind: kind === "figure" ? "count" : null,
      value: kind === "figure" ? i * 10 : null,
      unit: kind === "figure" ? "people" : null,
      qualifier: null,
      confidence: 1,
      status: (["unverified", "supported", "disputed", "false"] as const)[i % 4] ?? "unverified",
      tags: i % 5 === 0 ? ["bench"] : [],
      note: i % 7 === 0 ? `Note ${i}` : "",
      dismissed: false,
      createdAt: i,
      updatedAt: i,
      anchor: { state: "exact", current: null, checkedAt: 1 },
    } satisfies Annotation;
  });
}

/**
 * Replaces a page's annotations in the extension's database, from its service worker (raw
 * IndexedDB at Dexie's current version), and marks the page as an article.
 */
export function storeAnnotations(
  worker: Worker,
  page: PageRecord,
  rows: Annotation[],
  sources: Source[] = [],
): Promise<void> {
  const chunks = chunksOf(page.key, rows, sources);
  return worker.evaluate(
    ({ page, chunks, version }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("claimmark", version);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(["pages", "annotationChunks"], "readwrite");
          const store = tx.objectStore("annotationChunks");
          store.delete(IDBKeyRange.bound([page.key, -Infinity], [page.key, []]));
          for (const chunk of chunks) store.put(chunk);
          tx.objectStore("pages").put(page);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error ?? new Error("the transaction was aborted"));
        };
      }),
    { page, chunks, version: IDB_VERSION },
  );
}

/**
 * Records when the first annotation row enters the DOM, before any of the popup's own scripts run,
 * and when the frame showing it has been painted: a task queued from the next animation frame
 * runs once that frame's style, layout and paint are done. (Element Timing would say so exactly,
 * but headless Chromium reports no element entries.)
 */
function watchFirstRow(): void {
  const target = window as unknown as { __firstRow?: number; __firstRowPainted?: number };
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid="row"]')) {
      target.__firstRow = performance.now();
      requestAnimationFrame(() => setTimeout(() => (target.__firstRowPainted = performance.now()), 0));
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

/** Opens the popup for a tab and returns the times from navigation start to its first row in the DOM, and painted. */
async function timeToFirstRow(popupPage: Page, url: string): Promise<{ inDom: number; painted: number }> {
  await popupPage.goto(url);
  try {
    await popupPage.waitForFunction(
      () => (window as unknown as { __firstRowPainted?: number }).__firstRowPainted !== undefined,
      null,
      { timeout: 20_000 },
    );
  } catch (error) {
    const shown = (await popupPage.textContent("body"))?.slice(0, 300);
    throw new Error(`the popup painted no annotation row; it showed: ${shown}`, { cause: error });
  }
  return popupPage.evaluate(() => {
    const times = window as unknown as { __firstRow: number; __firstRowPainted: number };
    return { inDom: times.__firstRow, painted: times.__firstRowPainted };
  });
}

/**
 * Changes the first row's status in the popup's editor and returns the time from the reader's
 * change to the row showing the new status, painted: the write to the page's record, the live
 * query reading it back, and the render.
 */
async function timeStatusChange(popup: Page): Promise<number> {
  const row = popup.getByTestId("row").first();
  if (!(await row.getByTestId("row-editor").isVisible())) await row.getByTestId("row-expand").click();
  const select = row.getByTestId("edit-status");
  // The editor loads after the list's first paint: wait for it, this measures the change alone.
  await select.waitFor();
  const options = await select.locator("option").evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value));
  const at = options.indexOf((await select.getAttribute("data-status")) ?? "");
  const down = at < options.length - 1;
  const next = options[down ? at + 1 : at - 1];
  await popup.evaluate((next) => {
    const target = window as unknown as { __edit?: Promise<number> };
    const first = document.querySelector('[data-testid="row"]') as HTMLElement;
    target.__edit = new Promise<number>((resolve) => {
      let started = 0;
      first.addEventListener("change", () => (started = performance.now()), { capture: true, once: true });
      new MutationObserver((_, observer) => {
        const status = first.querySelector('[data-testid="row-status"]')?.getAttribute("data-status");
        if (started === 0 || status !== next) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - started));
      }).observe(first, { attributes: true, childList: true, subtree: true });
    });
  }, next);
  // From the keyboard: the editors act on trusted events only, and selectOption's are not.
  await select.focus();
  await popup.keyboard.press(down ? "ArrowDown" : "ArrowUp");
  return popup.evaluate(() => (window as unknown as { __edit: Promise<number> }).__edit);
}

/**
 * The popup opened on a page with 1,000 annotations against the same popup on a page with 10,
 * in headless Chromium with the built extension: time from navigation to the first row in the
 * DOM, and the number of row elements rendered. Returns the lines to print.
 */
export async function benchPopup(rounds: number): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), "claimmark-popup-bench-"));
  const server = await serveDirectory(dir);
  const browser = await launchWithExtension({ headless: true });
  try {
    const setups: {
      label: string;
      count: number;
      url: string;
      times: number[];
      inDom: number[];
      edits: number[];
      rows: number;
    }[] = [];
    for (const [label, count] of [
      ["10 annotations", FEW],
      ["1,000 annotations", MANY],
    ] as const) {
      const path = `/popup-bench-${count}.html`;
      server.override(path, ARTICLE(`Popup bench, ${label}`));
      const page = await browser.context.newPage();
      await page.goto(`${server.origin}${path}`);
      const tabId = await browser.tabIdOf(page);
      const state = await waitForPass(browser.worker, tabId);
      if (state.status !== "recorded") throw new Error(`the bench page was not recorded: ${JSON.stringify(state)}`);
      const stored = (await storedPages(browser.worker)).find((record) => record.key === state.pageKey);
      if (!stored) throw new Error("the bench page was not stored");
      await storeAnnotations(
        browser.worker,
        { ...stored, hasArticle: true, noArticleReason: null },
        annotations(stored.key, count),
      );
      setups.push({
        label,
        count,
        url: `chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`,
        times: [],
        inDom: [],
        edits: [],
        rows: 0,
      });
    }

    // Alternate the two popups, after one warm-up of each (the first load compiles the bundle).
    for (let round = -1; round < rounds; round++) {
      for (const setup of setups) {
        const popup = await browser.context.newPage();
        await popup.setViewportSize({ width: 400, height: 600 });
        await popup.addInitScript(watchFirstRow);
        const first = await timeToFirstRow(popup, setup.url);
        if (round >= 0) {
          setup.times.push(first.painted);
          setup.inDom.push(first.inDom);
        }
        setup.rows = await popup.locator('[data-testid="row"]').count();
        const editMs = await timeStatusChange(popup);
        if (round >= 0) setup.edits.push(editMs);
        await popup.close();
      }
    }

    const [few, many] = setups.map((setup) => ({
      ...setup,
      median: median(setup.times),
      inDomMedian: median(setup.inDom),
      edit: median(setup.edits),
    }));
    if (!few || !many) return [];
    const ratio = many.median / few.median;
    return [
      `\n## Popup (headless Chromium; median of ${rounds} rounds, a fresh popup each)\n`,
      "Time from opening popup.html to its first annotation row painted (and in the DOM):",
      ...[few, many].map(
        (setup) =>
          `  ${setup.label}: ${setup.median.toFixed(1)} ms (in the DOM at ${setup.inDomMedian.toFixed(1)} ms; ` +
          `${setup.rows} row elements rendered of ${setup.count})`,
      ),
      `1,000 against 10: ratio ${ratio.toFixed(2)} (target under ${RATIO_TARGET}: ${ratio < RATIO_TARGET ? "met" : "MISSED"}); ` +
        `${many.median.toFixed(1)} ms (target under ${ABSOLUTE_TARGET_MS} ms: ${many.median < ABSOLUTE_TARGET_MS ? "met" : "MISSED"})`,
      "Changing a status in the popup, to the row showing it, painted:",
      ...[few, many].map((setup) => `  ${setup.label}: ${setup.edit.toFixed(1)} ms`),
      `1,000 against 10: ratio ${(many.edit / few.edit).toFixed(2)} (target under ${EDIT_RATIO_TARGET}: ${many.edit / few.edit < EDIT_RATIO_TARGET ? "met" : "MISSED"})`,
    ];
  } finally {
    await browser.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
