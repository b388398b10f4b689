import { locateQuote } from "./locate";
import { normalizeWithMap } from "./normalize";
import { CONTEXT_LENGTH, selectorsFor } from "./selectors";

/** A passage of the article text, with the W3C selectors that find it again. */
export interface ArticlePassage {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/**
 * Where a passage selected in the live page (offsets `start`–`end` of the page's normalised text
 * index) lies in the raw article text, with selectors made from the article text as detections'
 * are; null when the selection is not part of the article (a sidebar, the navigation).
 */
export function selectionInArticle(
  articleText: string,
  pageText: string,
  start: number,
  end: number,
): ArticlePassage | null {
  let s = Math.max(0, start);
  let e = Math.min(pageText.length, end);
  while (s < e && pageText[s] === " ") s++;
  while (e > s && pageText[e - 1] === " ") e--;
  if (e <= s) return null;
  const article = normalizeWithMap(articleText);
  const match = locateQuote(article.text, {
    exact: pageText.slice(s, e),
    prefix: pageText.slice(Math.max(0, s - CONTEXT_LENGTH), s),
    suffix: pageText.slice(e, e + CONTEXT_LENGTH),
  });
  // Only the very words selected: a fuzzy match would annotate words the reader did not choose.
  if (match?.state !== "exact") return null;
  const rawStart = article.rawOffset[match.start] as number;
  const rawEnd = (article.rawOffset[match.end - 1] as number) + 1;
  const [quote] = selectorsFor(articleText, rawStart, rawEnd);
  return { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: rawStart, end: rawEnd };
}
