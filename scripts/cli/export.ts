import { newAutoAnnotation } from "../../lib/db/annotations";
import { reportDetections } from "../../lib/detect/report";
import type { Detection } from "../../lib/detect/types";
import type { PageRecord, PageReport } from "../../lib/model";
import type { ExportSet } from "../../lib/transfer/collect";

/** One input of the command line, read: its address, what extraction reported, and what was detected. */
export interface DetectedPage {
  url: string;
  report: PageReport | null;
  text: string;
  detections: Detection[];
}

/**
 * The command line's detections as the extension would store them (automatic annotations with
 * W3C selectors, one page record per input), so its `w3c`, `csv` and `md` output is the
 * extension's own export format.
 */
export function exportSetOf(pages: DetectedPage[], now: number = Date.now()): ExportSet {
  const set: ExportSet = { pages: [], annotations: [], sources: [] };
  for (const page of pages) {
    const record: PageRecord = {
      canonicalUrl: null,
      readerable: true,
      hasArticle: true,
      noArticleReason: null,
      title: page.report?.title ?? "",
      byline: page.report?.byline ?? null,
      siteName: page.report?.siteName ?? null,
      publishedTime: page.report?.publishedTime ?? null,
      lang: page.report?.lang ?? null,
      excerpt: page.report?.excerpt ?? null,
      textLength: page.text.length,
      textHash: page.report?.textHash ?? null,
      key: page.url,
      url: page.url,
      firstSeen: now,
      lastSeen: now,
    };
    set.pages.push(record);
    const seen = new Set<string>();
    for (const span of reportDetections(page.text, page.detections)) {
      const annotation = newAutoAnnotation(page.url, span, now);
      // A passage repeated with the same context is one annotation, as in the extension.
      if (seen.has(annotation.id)) continue;
      seen.add(annotation.id);
      set.annotations.push(annotation);
    }
  }
  return set;
}
