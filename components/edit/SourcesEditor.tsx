import { useState } from "preact/hooks";
import { EDIT_LIMITS, type Source, type SourceInput } from "../../lib/model";
import { parseHttpUrl } from "../../lib/url/http";
import { formatPublished } from "../format";
import { formatNumber, t, tNodes, uiLocale } from "../i18n";
import { LinkifiedText } from "./LinkifiedText";
import { SourceForm } from "./SourceForm";
import { useTrusted } from "./trust";

/** Props of {@link SourcesEditor}. */
export interface SourcesEditorProps {
  sources: Source[];
  onAdd(input: SourceInput): void;
  /** Called with only the fields that changed. */
  onUpdate(id: string, patch: Partial<SourceInput>): void;
  /** The parent offers the undo. */
  onRemove(id: string): void;
  /** Open with the form for a new source showing (the reader clicked "Add source"). */
  startAdding?: boolean;
  /** Called when the new-source form closes without a source being added. */
  onCancelAdding?(): void;
}

const FIELDS: (keyof SourceInput)[] = ["url", "title", "publisher", "accessedAt", "note", "quote"];

/** The fields of `next` that differ from `source`: what an edit sends, so edits elsewhere merge. */
export function changedFields(source: SourceInput, next: SourceInput): Partial<SourceInput> {
  const patch: Partial<SourceInput> = {};
  for (const field of FIELDS) {
    if (source[field] !== next[field]) Object.assign(patch, { [field]: next[field] });
  }
  return patch;
}

function SourceView({ source }: { source: Source }) {
  const label = source.title.trim() || source.url || t("source_untitled");
  // Only http(s) addresses become links, and from the parsed URL: never javascript: or data:.
  const href = parseHttpUrl(source.url)?.href ?? null;
  return (
    <div class="edit-source-view">
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer" title={source.url} class="edit-source-link">
          {label}
        </a>
      ) : (
        <span class="edit-source-text" title={source.url || undefined}>
          {label}
        </span>
      )}
      {(source.publisher || source.accessedAt) && (
        <span class="edit-source-meta">
          {source.publisher}
          {source.publisher && source.accessedAt && " · "}
          {source.accessedAt &&
            tNodes("source_accessed_on", [
              <time key="accessed" dateTime={source.accessedAt}>
                {formatPublished(source.accessedAt, uiLocale())}
              </time>,
            ])}
        </span>
      )}
      {source.quote && <blockquote class="edit-source-quote">{source.quote}</blockquote>}
      {source.note && <LinkifiedText text={source.note} class="edit-source-note" />}
    </div>
  );
}

/** An annotation's sources: each shown with its link and details, edited in place or removed; a form adds one. */
export function SourcesEditor({
  sources,
  onAdd,
  onUpdate,
  onRemove,
  startAdding = false,
  onCancelAdding,
}: SourcesEditorProps) {
  const trusted = useTrusted();
  const [adding, setAdding] = useState(startAdding);
  const [editing, setEditing] = useState<string | null>(null);
  const full = sources.length >= EDIT_LIMITS.sourcesPerAnnotation;

  return (
    <div class="edit-sources" data-testid="sources">
      {sources.length > 0 && (
        <ul class="edit-source-list">
          {sources.map((source) => (
            <li key={source.id} class="edit-source" data-testid="source-item" data-source-id={source.id}>
              {editing === source.id ? (
                <SourceForm
                  initial={source}
                  submitTestId="source-save"
                  submitLabel={t("source_save")}
                  onSubmit={(next) => {
                    const patch = changedFields(source, next);
                    if (Object.keys(patch).length > 0) onUpdate(source.id, patch);
                    setEditing(null);
                  }}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <>
                  <SourceView source={source} />
                  <div class="edit-source-actions">
                    <button
                      type="button"
                      class="edit-link"
                      data-testid="source-edit"
                      aria-label={t("source_edit_named", source.title || source.url)}
                      onClick={trusted(() => setEditing(source.id))}
                    >
                      {t("source_edit")}
                    </button>
                    <button
                      type="button"
                      class="edit-link"
                      data-testid="source-remove"
                      aria-label={t("source_remove_named", source.title || source.url)}
                      onClick={trusted(() => onRemove(source.id))}
                    >
                      {t("source_remove")}
                    </button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <SourceForm
          submitTestId="source-add"
          submitLabel={t("source_add")}
          onSubmit={(input) => {
            onAdd(input);
            setAdding(false);
          }}
          onCancel={() => {
            setAdding(false);
            onCancelAdding?.();
          }}
        />
      ) : (
        <button
          type="button"
          class="edit-link"
          data-testid="source-new"
          disabled={full}
          onClick={trusted(() => setAdding(true))}
        >
          {full ? t("source_full", formatNumber(EDIT_LIMITS.sourcesPerAnnotation)) : t("source_add")}
        </button>
      )}
    </div>
  );
}
