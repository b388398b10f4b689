import type { ComponentChildren, JSX } from "preact";
import { useId } from "preact/hooks";
import type { Annotation, Source } from "../../lib/model";
import { shownKind } from "../../lib/shown-kind";
import { qualifierWords, safeLinkHref } from "../Card";
import { LinkifiedText } from "../edit/LinkifiedText";
import { kindLabel, statusLabel } from "../edit/labels";
import { useTrusted } from "../edit/trust";
import { formatFigure } from "../figure-value";
import { t } from "../i18n";
import { clip } from "./labels";

/** The annotated text is shown up to this length: a 20,000-character quote would swamp the list. */
const TEXT_SHOWN = 600;

function Figure({ annotation, locale }: { annotation: Annotation; locale?: string }) {
  if (annotation.value === null) return null;
  const figure = formatFigure(annotation, locale);
  const qualifier = annotation.qualifier && !figure.qualifierIncluded ? qualifierWords(annotation.qualifier) : null;
  const words = [qualifier, figure.text].filter(Boolean);
  return (
    <p class="row-field">
      <span class="row-label">{t("row_figure")}</span> {words.join(" ")}
    </p>
  );
}

function Sources({ sources }: { sources: Source[] }) {
  if (sources.length === 0) return null;
  return (
    <div class="row-sources">
      <span class="row-label">{t("row_sources")}</span>
      <ul>
        {sources.map((source) => {
          const href = safeLinkHref(source.url);
          const label = source.title || source.url;
          return (
            <li key={source.id}>
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                  {label}
                </a>
              ) : (
                <span class="row-unsafe-url">{label}</span>
              )}
              {source.publisher && <span class="row-publisher"> · {source.publisher}</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Props of {@link AnnotationRow}. */
export interface AnnotationRowProps {
  annotation: Annotation;
  sources: Source[];
  /** The page's URL opened at this annotation, or null when it cannot be opened. */
  openUrl: (() => void) | null;
  locale?: string;
  /** Ticked for a bulk action. */
  selected: boolean;
  /** The reader ticked or cleared the row; `range`: with Shift held. */
  onSelect(id: string, on: boolean, range: boolean): void;
  /** Whether the row's editor is open. */
  editing: boolean;
  onToggleEdit(id: string): void;
  /** The editor, shown while `editing`. */
  children?: ComponentChildren;
}

/** One annotation in the library: what it is, what it says, its verdict, tags, note and sources; ticked and edited in place. */
export function AnnotationRow({
  annotation,
  sources,
  openUrl,
  locale,
  selected,
  onSelect,
  editing,
  onToggleEdit,
  children,
}: AnnotationRowProps) {
  const a = annotation;
  const id = useId();
  const trusted = useTrusted();
  const short = clip(a.exact, 80);
  // The click decides (Space on the box, or its label, makes one too): Shift ticks a range.
  const onSelectClick = (event: JSX.TargetedMouseEvent<HTMLInputElement>) => {
    const box = event.currentTarget;
    let allowed = false;
    trusted(() => {
      allowed = true;
    })(event);
    if (allowed) onSelect(a.id, box.checked, event.shiftKey);
    else event.preventDefault();
  };
  return (
    <li
      class={`row row-${a.kind}${selected ? " row-selected" : ""}`}
      data-testid="library-row"
      data-annotation-id={a.id}
      data-status={a.status}
    >
      <div class="row-head">
        <label class="row-select">
          <input type="checkbox" data-testid="library-select" checked={selected} onClick={onSelectClick} />
          <span class="visually-hidden">{t("row_select", short)}</span>
        </label>
        <span class={`badge kind kind-${shownKind(a)}`}>{kindLabel(a)}</span>
        <span class={`badge status status-${a.status}`}>{statusLabel(a.status)}</span>
        {a.dismissed && <span class="badge dismissed">{t("undo_dismissed")}</span>}
        <span class="row-actions">
          <button
            type="button"
            class="row-edit"
            data-testid="library-edit"
            aria-expanded={editing}
            aria-controls={editing ? `${id}-editor` : undefined}
            aria-label={editing ? t("row_close_editing", short) : t("row_edit_named", short)}
            onClick={trusted(() => onToggleEdit(a.id))}
          >
            {editing ? t("edit_done") : t("source_edit")}
          </button>
          {openUrl && (
            <button
              type="button"
              class="row-open"
              data-testid="library-open"
              aria-label={t("row_open_named", short)}
              onClick={openUrl}
            >
              {t("row_open")}
            </button>
          )}
        </span>
      </div>
      <p class="row-text">{clip(a.exact, TEXT_SHOWN)}</p>
      {a.speaker && (
        <p class="row-field">
          <span class="row-label">{t("row_speaker")}</span> {a.speaker}
        </p>
      )}
      {a.kind === "figure" && <Figure annotation={a} locale={locale} />}
      {editing ? (
        <div id={`${id}-editor`}>{children}</div>
      ) : (
        <>
          {a.tags.length > 0 && (
            <div class="row-tags">
              <span class="row-label">{t("row_tags")}</span>
              <ul>
                {a.tags.map((tag) => (
                  <li key={tag} class="tag">
                    {tag}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {a.note && (
            <div class="row-note">
              <span class="row-label">{t("row_note")}</span>
              <LinkifiedText text={a.note} class="row-note-text" />
            </div>
          )}
        </>
      )}
      <Sources sources={sources} />
    </li>
  );
}
