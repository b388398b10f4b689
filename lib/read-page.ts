import { detect, detectFiguresIn, detectQuotesAndClaims, normalizeInput } from "./detect/index";
import { reportDetections } from "./detect/report";
import type { SpanDetection } from "./detect/types";
import { type Extraction, extractArticle } from "./extract/article";
import type { DetectedSpan } from "./model";

/** What the content script learns from a page: the extraction and what the detectors found in its text. */
export interface PageReading extends Extraction {
  detections: DetectedSpan[];
}

/** Extracts a page's article and runs the detectors on it. Needs a DOM, but no extension API. */
export function readPage(doc: Document, url: string): PageReading {
  const extraction = extractArticle(doc, url);
  return { ...extraction, detections: detectIn(extraction) };
}

/** The detections of an extraction's article, as the content script reports them (none without an article). */
export function detectIn(extraction: Extraction): DetectedSpan[] {
  const { article, report } = extraction;
  return article
    ? reportDetections(article.text, detect({ text: article.text, blocks: article.blocks, lang: report.lang }))
    : [];
}

/**
 * `detectIn` in two steps, so the content script can let the page run between them: the first
 * call in a page compiles the detectors' patterns, which alone takes tens of milliseconds.
 */
export function detectInStages(extraction: Extraction): {
  quotesAndClaims(): SpanDetection[];
  figures(spans: SpanDetection[]): DetectedSpan[];
} {
  const { article, report } = extraction;
  const input = normalizeInput({ text: article?.text ?? "", blocks: article?.blocks ?? [], lang: report.lang });
  return {
    quotesAndClaims: () => (article ? detectQuotesAndClaims(input) : []),
    figures: (spans) => (article ? reportDetections(input.text, detectFiguresIn(input, spans)) : []),
  };
}
