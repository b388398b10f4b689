import { detect } from "./detect/index";
import { reportDetections } from "./detect/report";
import { extractArticle } from "./extract/article";
import type { PageExtractedMessage } from "./messages";

/**
 * Everything the content script learns from a page, as the message it sends: the article's
 * metadata and what the detectors found in its text. Needs a DOM, but no extension API.
 */
export function readPage(doc: Document, url: string): PageExtractedMessage {
  const { report, article } = extractArticle(doc, url);
  const detections = article
    ? reportDetections(article.text, detect({ text: article.text, blocks: article.blocks, lang: report.lang }))
    : [];
  return { type: "page/extracted", report, detections };
}
