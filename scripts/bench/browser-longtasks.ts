import type { Page } from "playwright-core";

/**
 * Installed before the page's HTML, in its main world: records every long task (over 50 ms)
 * the browser reports, buffered ones included. A string, not a function: `tsx` would wrap a
 * function's inner closures in a `__name` helper that does not exist in the page.
 */
const LONG_TASK_OBSERVER = `(() => {
  const tasks = [];
  window.__claimmarkLongTasks = tasks;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const attribution = (entry.attribution || [])
          .map((a) => [a.name, a.containerType, a.containerSrc, a.containerName].filter(Boolean).join(" "))
          .join("; ");
        tasks.push({ start: entry.startTime, duration: entry.duration, attribution: attribution || entry.name });
      }
    }).observe({ type: "longtask", buffered: true });
  } catch {
    window.__claimmarkLongTasks = null;
  }
})();`;

/** A long task as the Long Tasks API reports it: start and duration in ms, and what it names as the cause. */
export interface LongTask {
  start: number;
  duration: number;
  attribution: string;
}

/** Installs the long task observer in every document the page opens from now on. */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript({ content: LONG_TASK_OBSERVER });
}

/**
 * The longest long task that started at or after DOMContentLoaded (the content script runs at
 * document_idle, after it), or null when there was none; throws when the page has no Long Tasks API.
 */
export async function longestTaskSinceDomContentLoaded(page: Page): Promise<LongTask | null> {
  const seen = await page.evaluate(() => {
    const tasks = (window as unknown as { __claimmarkLongTasks?: LongTask[] | null }).__claimmarkLongTasks;
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    return { tasks: tasks ?? null, from: navigation?.domContentLoadedEventStart ?? 0 };
  });
  if (!seen.tasks) throw new Error("the page has no Long Tasks API (PerformanceObserver type longtask)");
  let longest: LongTask | null = null;
  for (const task of seen.tasks) {
    if (task.start >= seen.from && (!longest || task.duration > longest.duration)) longest = task;
  }
  return longest;
}
