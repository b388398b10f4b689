import { detect } from "./detect/index";
import { reportDetections } from "./detect/report";
import type { Block, Detection } from "./detect/types";
import type { ArticleText } from "./extract/article-text";
import type { DetectedSpan } from "./model";

/** The quotes, claims and figures of an extracted article, as they are stored: with context for anchoring. */
export function detectArticle(article: ArticleText, lang: string | null): DetectedSpan[] {
  return reportDetections(article.text, detect({ text: article.text, blocks: article.blocks, lang }));
}

/**
 * Articles up to this length are detected whole by `detectArticleInSlices` (most news articles
 * have under 30,000 characters); a longer one is read in slices of at most `DETECTION_SLICE`.
 * Detection takes about 2 µs a character here, so a whole article of this length holds the
 * background for about 120 ms, once per visit.
 */
export const DETECTED_WHOLE = 60_000;

/** Longest slice of a long article detected in one go: about 20 ms of the background's time. */
export const DETECTION_SLICE = 10_000;

/** End-exclusive text ranges of at most `size` characters, cut at block boundaries where blocks allow. */
export function slicesOf(article: ArticleText, size: number = DETECTION_SLICE): { start: number; end: number }[] {
  const { text } = article;
  if (text.length <= Math.max(size, DETECTED_WHOLE)) return [{ start: 0, end: text.length }];
  const blocks = article.blocks.length > 0 ? article.blocks : [{ start: 0, end: text.length }];
  const slices: { start: number; end: number }[] = [];
  let start = -1;
  let end = 0;
  const close = () => {
    if (start >= 0) slices.push({ start, end });
    start = -1;
  };
  for (const block of blocks) {
    // A block longer than a slice (a page with no paragraph breaks) is cut at spaces near the bound.
    for (let from = block.start; from < block.end; ) {
      let to = Math.min(block.end, from + size);
      if (to < block.end) {
        const space = text.lastIndexOf(" ", to);
        if (space > from + size / 2) to = space;
      }
      if (start >= 0 && to - start > size) close();
      if (start < 0) start = from;
      end = to;
      from = to;
    }
  }
  close();
  return slices;
}

/** A detection moved by `offset` characters (its offsets into a slice made offsets into the whole text). */
function shifted(detection: Detection, offset: number): Detection {
  return { ...detection, start: detection.start + offset, end: detection.end + offset };
}

/**
 * `detectArticle`, giving the event loop back between slices of at most `DETECTION_SLICE`
 * characters: the background serves every tab, and a hostile page's megabytes of "article" must
 * not keep another tab's card waiting. Articles up to `DETECTED_WHOLE` are detected exactly as by
 * `detectArticle`; a longer one loses only what spans two slices (a quote across the cut, a
 * speaker named only in an earlier slice). Context (prefix, suffix) always comes from the whole text.
 * With `max`, at most that many detections come back, the first in reading order, and slicing
 * stops once that many are found.
 */
export async function detectArticleInSlices(
  article: ArticleText,
  lang: string | null,
  pause: () => Promise<void>,
  options: { size?: number; max?: number } = {},
): Promise<DetectedSpan[]> {
  const { size = DETECTION_SLICE, max = Number.POSITIVE_INFINITY } = options;
  const slices = slicesOf(article, size);
  if (slices.length === 1) return detectArticle(article, lang).slice(0, max);
  const found: Detection[] = [];
  let reported = 0; // detections that will be reported (terms are not)
  let first = 0; // the first block that may reach into this slice (blocks and slices are both in text order)
  for (const slice of slices) {
    const text = article.text.slice(slice.start, slice.end);
    while (first < article.blocks.length && (article.blocks[first]?.end ?? 0) <= slice.start) first++;
    const blocks: Block[] = [];
    for (let i = first; i < article.blocks.length; i++) {
      const block = article.blocks[i] as Block;
      if (block.start >= slice.end) break;
      blocks.push({
        start: Math.max(block.start, slice.start) - slice.start,
        end: Math.min(block.end, slice.end) - slice.start,
        ...(block.role ? { role: block.role } : {}),
      });
    }
    for (const detection of detect({ text, blocks, lang })) {
      found.push(shifted(detection, slice.start));
      if (detection.kind !== "term") reported++;
    }
    await pause();
    // Enough for everything that may be stored: the rest of a hostile "article" is not read at all.
    if (reported >= max) break;
  }
  return reportDetections(article.text, found).slice(0, max);
}
