import type { AnnotationKind, PageRecord } from "../lib/model";
import { countLabel, formatPublished } from "./format";

/** The current page as Claimmark recorded it: what it is, who wrote it, how much is annotated. */
const KIND_NOUNS: [AnnotationKind, string][] = [
  ["quote", "quote"],
  ["claim", "claim"],
  ["figure", "figure"],
  ["highlight", "highlight"],
];

export function PageSummary({ page, counts }: { page: PageRecord; counts: Partial<Record<AnnotationKind, number>> }) {
  const published = formatPublished(page.publishedTime);
  const annotationCount = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const breakdown = KIND_NOUNS.filter(([kind]) => counts[kind]).map(([kind, noun]) =>
    countLabel(counts[kind] ?? 0, noun),
  );
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
      {breakdown.length > 0 && (
        <p class="page-breakdown" data-testid="annotation-breakdown">
          {breakdown.join(" · ")}
        </p>
      )}
    </section>
  );
}
