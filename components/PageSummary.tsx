import type { PageRecord } from "../lib/model";
import { countLabel, formatPublished } from "./format";

/** The current page as Claimmark recorded it: what it is, who wrote it, how much is annotated. */
export function PageSummary({ page, annotationCount }: { page: PageRecord; annotationCount: number }) {
  const published = formatPublished(page.publishedTime);
  return (
    <section class="page" aria-label="This page">
      <h1 class="page-title" data-testid="page-title">
        {page.title || "Untitled page"}
      </h1>
      <dl class="page-meta">
        {page.siteName && (
          <>
            <dt>Site</dt>
            <dd data-testid="page-site">{page.siteName}</dd>
          </>
        )}
        {page.byline && (
          <>
            <dt>By</dt>
            <dd data-testid="page-byline">{page.byline}</dd>
          </>
        )}
        {published && (
          <>
            <dt>Published</dt>
            <dd data-testid="page-published">
              <time dateTime={page.publishedTime ?? undefined}>{published}</time>
            </dd>
          </>
        )}
      </dl>
      <p class="page-count" data-testid="annotation-count">
        {countLabel(annotationCount, "annotation")}
      </p>
    </section>
  );
}
