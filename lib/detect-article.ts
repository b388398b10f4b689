import { detect } from "./detect/index";
import { reportDetections } from "./detect/report";
import type { ArticleText } from "./extract/article-text";
import type { DetectedSpan } from "./model";

/** The quotes, claims and figures of an extracted article, as they are stored: with context for anchoring. */
export function detectArticle(article: ArticleText, lang: string | null): DetectedSpan[] {
  return reportDetections(article.text, detect({ text: article.text, blocks: article.blocks, lang }));
}
