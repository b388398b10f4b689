import { detect } from "./detect/index";
import { reportDetections } from "./detect/report";
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
