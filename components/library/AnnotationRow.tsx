import type { Annotation, Source } from "../../lib/model";
import { formatFigureValue, qualifierWords, safeLinkHref } from "../Card";
import { LinkifiedText } from "../edit/LinkifiedText";
import { KIND_LABELS, statusLabel } from "../edit/labels";
import { clip } from "./labels";

/** The annotated text is shown up to this length: a 20,000-character quote would swamp the list. */
const TEXT_SHOWN = 600;

function Figure({ annotation, locale }: { annotation: Annotation; locale?: string }) {
  if (annotation.value === null) return null;
  const words = [
    annotation.qualifier ? qualifierWords(annotation.qualifier) : null,
    formatFigureValue(annotation.value, locale),
    annotation.unit,
  ].filter(Boolean);
  return (
    <p class="row-field">
      <span class="row-label">Figure:</span> {words.join(" ")}
    </p>
  );
}

function Sources({ sources }: { sources: Source[] }) {
  if (sources.length === 0) return null;
  return (
    <div class="row-sources">
      <span class="row-label">Sources:</span>
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

/** One annotation in the library: what it is, what it says, its verdict, tags, note and sources. */
export function AnnotationRow({
  annotation,
  sources,
  openUrl,
  locale,
}: {
  annotation: Annotation;
  sources: Source[];
  /** The page's URL opened at this annotation, or null when it cannot be opened. */
  openUrl: (() => void) | null;
  locale?: string;
}) {
  const a = annotation;
  return (
    <li class={`row row-${a.kind}`} data-testid="library-row" data-annotation-id={a.id}>
      <div class="row-head">
        <span class={`badge kind kind-${a.kind}`}>{KIND_LABELS[a.kind]}</span>
        <span class={`badge status status-${a.status}`}>{statusLabel(a.status)}</span>
        {a.dismissed && <span class="badge dismissed">Dismissed</span>}
        {openUrl && (
          <button
            type="button"
            class="row-open"
            data-testid="library-open"
            aria-label={`Open in its page: ${clip(a.exact, 80)}`}
            onClick={openUrl}
          >
            Open
          </button>
        )}
      </div>
      <p class="row-text">{clip(a.exact, TEXT_SHOWN)}</p>
      {a.speaker && (
        <p class="row-field">
          <span class="row-label">Speaker:</span> {a.speaker}
        </p>
      )}
      {a.kind === "figure" && <Figure annotation={a} locale={locale} />}
      {a.tags.length > 0 && (
        <div class="row-tags">
          <span class="row-label">Tags:</span>
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
          <span class="row-label">Note:</span>
          <LinkifiedText text={a.note} class="row-note-text" />
        </div>
      )}
      <Sources sources={sources} />
    </li>
  );
}
