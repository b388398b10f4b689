import type { Page } from "playwright-core";

/**
 * Installed before the page's own HTML, in its main world: snapshots the DOM as parsed at
 * DOMContentLoaded and counts every mutation record after it, from any world (our content
 * script's included), as the end-to-end DOM test does. A string, not a function: `tsx` would
 * wrap a function's inner closures in a `__name` helper that does not exist in the page.
 */
const DOM_WATCH = `(() => {
  window.__claimmarkDom = { before: null, mutations: 0 };
  document.addEventListener("DOMContentLoaded", () => {
    const watch = window.__claimmarkDom;
    watch.before = document.documentElement.outerHTML;
    new MutationObserver((records) => { watch.mutations += records.length; })
      .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
})();`;

/** What the DOM watch saw: whether the DOM still equals its snapshot, and the mutations since. */
export interface DomCheck {
  /** False when no snapshot was taken (the page never reached DOMContentLoaded in its main world). */
  snapshot: boolean;
  unchanged: boolean;
  mutations: number;
}

/** Installs the DOM watch in every document the page opens from now on. */
export async function watchDom(page: Page): Promise<void> {
  await page.addInitScript({ content: DOM_WATCH });
}

/** Compares the page's DOM with its DOMContentLoaded snapshot. */
export async function checkDom(page: Page): Promise<DomCheck> {
  const seen = await page.evaluate(() => {
    const watch = (window as unknown as { __claimmarkDom?: { before: string | null; mutations: number } })
      .__claimmarkDom;
    if (!watch || watch.before === null) return null;
    return { unchanged: watch.before === document.documentElement.outerHTML, mutations: watch.mutations };
  });
  if (!seen) return { snapshot: false, unchanged: false, mutations: 0 };
  return { snapshot: true, unchanged: seen.unchanged && seen.mutations === 0, mutations: seen.mutations };
}
