import type { ComponentChildren } from "preact";
import type { Annotation, Source } from "../../lib/model";
import { parseHttpUrl } from "../../lib/url/http";
import { formatNumber, plural, t } from "../i18n";
import { AnnotationRow, type AnnotationRowProps } from "./AnnotationRow";
import { formatTime } from "./labels";
import type { ViewGroup } from "./query";
import { annotationUrl } from "./text-fragment";

/** One page in the library: its title as a link, site and date, then the rows shown of its annotations. */
export function PageGroup({
  group,
  shown,
  sources,
  onOpen,
  locale,
  selected,
  onSelect,
  editingId,
  onToggleEdit,
  editor,
}: {
  group: ViewGroup;
  /** The page's annotations rendered now (the first of its `group.count`). */
  shown: Annotation[];
  sources: Map<string, Source[]>;
  onOpen: (url: string) => void;
  locale?: string;
  /** The rows ticked, by annotation id. */
  selected: ReadonlySet<string>;
  onSelect: AnnotationRowProps["onSelect"];
  /** The row whose editor is open, if any. */
  editingId: string | null;
  onToggleEdit: AnnotationRowProps["onToggleEdit"];
  /** The editor of an open row. */
  editor: (annotation: Annotation) => ComponentChildren;
}) {
  const { page } = group;
  const url = page?.url ?? group.pageKey;
  const href = parseHttpUrl(url)?.href ?? null;
  const title = page?.title || url;
  const site = page?.siteName || parseHttpUrl(url)?.hostname || "";
  const headingId = `page-${encodeURIComponent(group.pageKey).replace(/%/g, "_")}`;
  const hidden = group.count - shown.length;
  return (
    <section class="page" data-testid="library-page" aria-labelledby={headingId}>
      <h3 class="page-heading" id={headingId}>
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {title}
          </a>
        ) : (
          title
        )}
      </h3>
      <p class="page-meta">
        {site && <span class="page-site">{site}</span>}
        {page && <span class="page-date">{t("page_last_read", formatTime(page.lastSeen, locale))}</span>}
        <span class="page-count">{plural(group.count, "count_annotations_one", "count_annotations_other")}</span>
      </p>
      <ul class="rows">
        {shown.map((annotation) => {
          const target = annotationUrl(url, annotation);
          return (
            <AnnotationRow
              key={annotation.id}
              annotation={annotation}
              sources={sources.get(annotation.id) ?? []}
              openUrl={target ? () => onOpen(target) : null}
              locale={locale}
              selected={selected.has(annotation.id)}
              onSelect={onSelect}
              editing={editingId === annotation.id}
              onToggleEdit={onToggleEdit}
            >
              {editingId === annotation.id && editor(annotation)}
            </AnnotationRow>
          );
        })}
      </ul>
      {hidden > 0 && <p class="page-more">{t("page_more_below", formatNumber(hidden))}</p>}
    </section>
  );
}
