import type { Page } from "playwright-core";

/**
 * The ranges Claimmark has registered in the page's highlight registry: the size of every
 * `CSS.highlights` entry whose name starts with `claimmark-`, read from the page's main world
 * (the registry is the document's, shared by all worlds). A range with a status overlay is in
 * two entries and counts twice.
 */
export function countHighlights(page: Page): Promise<number> {
  return page.evaluate(() => {
    let ranges = 0;
    for (const [name, highlight] of CSS.highlights) if (name.startsWith("claimmark-")) ranges += highlight.size;
    return ranges;
  });
}
