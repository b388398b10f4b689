import type { Lifetime } from "./lifetime";

/** How long the page must be quiet before its growth is judged, and the longest wait while it keeps changing. */
const QUIET_MS = 1000;
const MAX_WAIT_MS = 5000;
/** Growth that means the article arrived or grew: a quarter more text, and at least this many characters. */
const GROWTH_SHARE = 0.25;
const GROWTH_WITHOUT_ARTICLE = 500;
const GROWTH_WITH_ARTICLE = 2000;
/** Re-reading stops after this many passes on one address, so a live ticker cannot keep us busy. */
const MAX_PASSES = 5;

/**
 * Watches the page for an article that loads late (or grows: "load more"), and calls `rerun`
 * once the page has been quiet for a moment and its text grew enough to matter. Our own
 * changes (a card's host, fallback marks) add no text, so they never count as growth.
 */
export function watchGrowth(life: Lifetime, doc: Document, rerun: () => void) {
  let baseline = Number.POSITIVE_INFINITY;
  let hadArticle = false;
  let passes = 0;
  let address = location.href;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let firstChange = 0;

  const judge = () => {
    firstChange = 0;
    // Done with this address, or a pass is running: no need to copy the page's whole text.
    if (passes >= MAX_PASSES || baseline === Number.POSITIVE_INFINITY) return;
    const length = doc.body?.textContent?.length ?? 0;
    const needed = Math.max(baseline * GROWTH_SHARE, hadArticle ? GROWTH_WITH_ARTICLE : GROWTH_WITHOUT_ARTICLE);
    if (length - baseline < needed) return;
    baseline = Number.POSITIVE_INFINITY; // until the pass reports the new length
    rerun();
  };
  const observer = new MutationObserver(() => {
    const now = Date.now();
    if (!firstChange) firstChange = now;
    clearTimeout(quiet);
    quiet = setTimeout(judge, now - firstChange >= MAX_WAIT_MS ? 0 : QUIET_MS);
  });
  if (doc.body) observer.observe(doc.body, { childList: true, subtree: true });
  life.onEnd(() => {
    observer.disconnect();
    clearTimeout(quiet);
  });

  return {
    /** A pass finished: the page's text length it saw, and whether it found an article. */
    reset(length: number, article: boolean) {
      if (location.href !== address) {
        address = location.href;
        passes = 0;
      }
      passes++;
      baseline = length;
      hadArticle = article;
    },
  };
}
