import type { AnnotationKind, PageRecord } from "../lib/model";
import { formatPublished } from "./format";
import { type MessageKey, plural, t, uiLocale } from "./i18n";

/** Each kind counted in the summary, with its singular and plural messages. */
const KIND_COUNTS: [AnnotationKind, MessageKey, MessageKey][] = [
  ["quote", "count_quotes_one", "count_quotes_other"],
  ["claim", "count_claims_one", "count_claims_other"],
  ["figure", "count_figures_one", "count_figures_other"],
  ["highlight", "count_highlights_one", "count_highlights_other"],
];

/** The current page as Claimmark recorded it: what it is, who wrote it, how much is annotated. */
export function PageSummary({ page, counts }: { page: PageRecord; counts: Partial<Record<AnnotationKind, number>> }) {
  const published = formatPublished(page.publishedTime, uiLocale());
  const annotationCount = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const breakdown = KIND_COUNTS.filter(([kind]) => counts[kind]).map(([kind, one, other]) =>
    plural(counts[kind] ?? 0, one, other),
  );
  return (
    <section class="page" aria-label={t("summary_label")}>
      <h1 class="page-title" data-testid="page-title">
        {page.title || t("summary_untitled")}
      </h1>
      <dl class="page-meta">
        {page.siteName && (
          <>
            <dt>{t("summary_site")}</dt>
            <dd data-testid="page-site">{page.siteName}</dd>
          </>
        )}
        {page.byline && (
          <>
            <dt>{t("summary_by")}</dt>
            <dd data-testid="page-byline">{page.byline}</dd>
          </>
        )}
        {published && (
          <>
            <dt>{t("summary_published")}</dt>
            <dd data-testid="page-published">
              <time dateTime={page.publishedTime ?? undefined}>{published}</time>
            </dd>
          </>
        )}
      </dl>
      <p class="page-count" data-testid="annotation-count">
        {plural(annotationCount, "count_annotations_one", "count_annotations_other")}
      </p>
      {breakdown.length > 0 && (
        <p class="page-breakdown" data-testid="annotation-breakdown">
          {breakdown.join(" · ")}
        </p>
      )}
    </section>
  );
}
