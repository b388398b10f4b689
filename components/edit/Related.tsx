import type { RelatedAnnotation } from "../../lib/db/edit";
import { sourceLinks } from "../../lib/model";
import { parseHttpUrl } from "../../lib/url/http";
import { formatFigure } from "../figure-value";
import { t, uiLocale } from "../i18n";
import { statusLabel } from "./labels";

/** An annotation on another page, as the card shows it; every string may come from a page. */
export interface RelatedItem {
  pageTitle: string;
  pageUrl: string;
  exact: string;
  value: number | string | null;
  unit: string | null;
  speaker: string | null;
  status: string;
  sources: { url: string; title: string }[];
}

/** Both kinds of related annotations; null while they are being looked up. */
export type RelatedGroups = { sameSpeaker: RelatedItem[]; sameFigure: RelatedItem[] } | null;

/** What the card needs of a related annotation from `relatedAnnotations`. */
export function toRelatedItem(related: RelatedAnnotation): RelatedItem {
  const { annotation } = related;
  return {
    pageTitle: related.pageTitle,
    pageUrl: related.pageUrl,
    exact: annotation.exact,
    value: annotation.value,
    unit: annotation.unit,
    speaker: annotation.speaker,
    status: annotation.status,
    sources: sourceLinks(related.sources),
  };
}

/** Longest text of a related annotation shown: it is a pointer to another page, not the page. */
const SHOWN = 200;
const shorten = (text: string) => (text.length > SHOWN ? `${text.slice(0, SHOWN - 1)}…` : text);
/** A link target from the parsed URL, only for http(s): never javascript: or data:. */
const href = (url: string) => parseHttpUrl(url)?.href ?? null;

function Item({ item }: { item: RelatedItem }) {
  const page = href(item.pageUrl);
  const title = item.pageTitle || item.pageUrl;
  const figure = item.value !== null ? formatFigure(item, uiLocale()).text : null;
  return (
    <li class="edit-related-item" data-testid="related-item">
      {page ? (
        <a href={page} target="_blank" rel="noopener noreferrer" class="edit-related-page">
          {title}
        </a>
      ) : (
        <span class="edit-related-page">{title}</span>
      )}
      <q class="edit-related-text">{shorten(item.exact)}</q>
      <span class="edit-related-meta">
        {figure ?? item.speaker}
        {(figure ?? item.speaker) && " · "}
        {statusLabel(item.status)}
      </span>
      {item.sources.length > 0 && (
        <ul class="edit-related-sources" aria-label={t("related_its_sources")}>
          {item.sources.map((source, index) => {
            const link = href(source.url);
            const label = source.title.trim() || source.url;
            return (
              // Sources may repeat an address, so the position is the key.
              <li key={index}>
                {link ? (
                  <a href={link} target="_blank" rel="noopener noreferrer">
                    {label}
                  </a>
                ) : (
                  label
                )}
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}

/** Annotations on other pages by the same speaker or with the same figure: where two articles disagree. */
export function Related({ related }: { related: RelatedGroups }) {
  if (!related || (related.sameSpeaker.length === 0 && related.sameFigure.length === 0)) return null;
  const groups = [
    { title: t("related_same_speaker"), items: related.sameSpeaker },
    { title: t("related_same_figure"), items: related.sameFigure },
  ].filter((group) => group.items.length > 0);
  return (
    <section class="edit-related" data-testid="related" aria-label={t("related_label")}>
      {groups.map((group) => (
        <div key={group.title}>
          <h3 class="edit-related-title">{group.title}</h3>
          <ul class="edit-related-list">
            {group.items.map((item, index) => (
              // Related items carry no id of their own.
              <Item key={index} item={item} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
