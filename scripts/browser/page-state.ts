import type { Worker } from "playwright-core";
import type { PageState, PaintStats } from "../../lib/messages";

/** Asks a tab's content script for its state (null when it has none yet); any browser, any driver. */
export type AskPageState = () => Promise<PageState | null>;

/** A finished pass: painted (an article) or recorded (none), or failed. */
export type FinishedPass = Extract<PageState, { status: "recorded" | "failed" }>;

/** What the content script in a tab knows about its page, asked from the extension's service worker. */
export function pageState(worker: Worker, tabId: number): Promise<PageState | null> {
  return worker.evaluate(async (id) => {
    try {
      return (await chrome.tabs.sendMessage(id, { type: "page/state" })) ?? null;
    } catch {
      return null; // no content script (yet) in that tab
    }
  }, tabId);
}

/** Asks `ask` until the content script has finished a pass: painted (an article) or recorded (none). */
export async function untilPassed(ask: AskPageState, timeoutMs = 20_000): Promise<FinishedPass> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await ask();
    if (state?.status === "failed") return state;
    if (state?.status === "recorded" && (state.paint || !state.hasArticle)) return state;
    if (Date.now() > deadline)
      throw new Error(`the page was not painted within ${timeoutMs} ms: ${JSON.stringify(state)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Asks `ask` until a pass is finished and returns its paint statistics; fails when the page had no article. */
export async function untilPainted(ask: AskPageState, timeoutMs?: number): Promise<PaintStats> {
  const state = await untilPassed(ask, timeoutMs);
  if (state.status === "failed") throw new Error(`the content script failed: ${state.error}`);
  if (!state.paint) throw new Error("the page has no article to paint");
  return state.paint;
}

/** Waits until the tab's content script has finished a pass: painted (an article) or recorded (none). */
export function waitForPass(worker: Worker, tabId: number, timeoutMs = 20_000): Promise<FinishedPass> {
  return untilPassed(() => pageState(worker, tabId), timeoutMs);
}

/** Waits for a pass and returns its paint statistics; fails when the page had no article. */
export function waitForPaint(worker: Worker, tabId: number, timeoutMs?: number): Promise<PaintStats> {
  return untilPainted(() => pageState(worker, tabId), timeoutMs);
}
