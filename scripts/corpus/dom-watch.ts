import type { Page } from "playwright-core";

/**
 * Installed before the page's own HTML, in its main world: snapshots the DOM as parsed at
 * DOMContentLoaded and counts every mutation record after it, from any world (our content
 * script's included), for `npm run corpus` and the end-to-end tests (through their harness).
 * A string, not a function: `tsx` would wrap a function's inner closures in a `__name` helper
 * that does not exist in the page.
 */
export const DOM_WATCH = `(() => {
  window.__claimmarkDom = { before: null, mutations: 0 };
  document.addEventListener("DOMContentLoaded", () => {
    const watch = window.__claimmarkDom;
    watch.before = document.documentElement.outerHTML;
    new MutationObserver((records) => { watch.mutations += records.length; })
      .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
})();`;

/**
 * Makes `page` snapshot its DOM as parsed and count every mutation from then on, in every
 * document it opens from now on. Call before `goto`; read with `domAfterLoad` or `checkDom`.
 */
export async function watchDom(page: Page): Promise<void> {
  await page.addInitScript({ content: DOM_WATCH });
}

/** The DOM as parsed (undefined when no snapshot was taken), the DOM now, and the mutations counted in between. */
export function domAfterLoad(page: Page): Promise<DomSeen> {
  return page.evaluate(readDomWatch);
}

/** The DOM as parsed (undefined when no snapshot was taken), the DOM now, and the mutations counted in between. */
export interface DomSeen {
  before: string | undefined;
  now: string;
  mutations: number;
}

/** In the page's main world: what `DOM_WATCH` saw. Shared with the Firefox tests, which drive another browser. */
export const readDomWatch = (): DomSeen => {
  const watch = (window as unknown as { __claimmarkDom?: { before: string | null; mutations: number } }).__claimmarkDom;
  return {
    before: watch?.before ?? undefined,
    now: document.documentElement.outerHTML,
    mutations: watch?.mutations ?? 0,
  };
};

/** What the DOM watch saw: whether the DOM still equals its snapshot, and the mutations since. */
export interface DomCheck {
  /** False when no snapshot was taken (the page never reached DOMContentLoaded in its main world). */
  snapshot: boolean;
  unchanged: boolean;
  mutations: number;
}

/** Compares the page's DOM with its DOMContentLoaded snapshot. */
export async function checkDom(page: Page): Promise<DomCheck> {
  const seen = await domAfterLoad(page);
  if (seen.before === undefined) return { snapshot: false, unchanged: false, mutations: 0 };
  return { snapshot: true, unchanged: seen.before === seen.now && seen.mutations === 0, mutations: seen.mutations };
}
