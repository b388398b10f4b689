import type { JSX } from "preact";
import { useId, useState } from "preact/hooks";
import type { AnnotationStatus } from "../../lib/model";
import { STATUS_OPTIONS } from "../edit/labels";
import { useTrusted } from "../edit/trust";
import { t } from "../i18n";

/** What the bulk bar asks the library to do with the rows ticked. */
export interface BulkActions {
  /** Ticks every annotation the filters list, shown or not yet. */
  selectListed(): void;
  clear(): void;
  setStatus(status: AnnotationStatus): void;
  addTag(tag: string): void;
  removeTag(tag: string): void;
  /** Opens the export panel on the selection. */
  exportSelected(): void;
  /** Asks first, then deletes. */
  deleteSelected(): void;
}

/** Completions offered at most in the tag field. */
const SUGGESTIONS_SHOWN = 50;

/**
 * The bar above the library's rows: how many are ticked, ticking all listed, and what to do with
 * them. Buttons are aria-disabled rather than disabled while nothing is ticked, so the focus never
 * drops from a button that turns itself off.
 */
export function BulkBar({
  count,
  listed,
  tags,
  busy,
  actions,
  locale,
}: {
  count: number;
  /** How many annotations the filters list. */
  listed: number;
  tags: string[];
  /** A bulk action is being written: further ones wait. */
  busy: boolean;
  actions: BulkActions;
  locale?: string;
}) {
  const id = useId();
  const trusted = useTrusted();
  const [status, setStatus] = useState<AnnotationStatus>("disputed");
  const [tag, setTag] = useState("");
  const idle = count > 0 && !busy;
  const act = (work: () => void) =>
    trusted(() => {
      if (idle) work();
    });
  const onTagKey = (event: JSX.TargetedKeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    act(() => tag.trim() && actions.addTag(tag))(event);
  };
  const number = (n: number) => n.toLocaleString(locale);
  return (
    <fieldset class="bulk-bar" data-testid="bulk-bar">
      <legend class="visually-hidden">{t("bulk_legend")}</legend>
      <div class="bulk-line">
        <span class="bulk-count" aria-live="polite" data-testid="library-selected-count">
          {count === 0 ? t("list_none_selected") : t("list_selected", number(count))}
        </span>
        <button
          type="button"
          data-testid="library-select-listed"
          aria-disabled={listed === 0 || count >= listed}
          onClick={trusted(() => listed > 0 && count < listed && actions.selectListed())}
        >
          {t("bulk_select_listed", number(listed))}
        </button>
        <button
          type="button"
          data-testid="library-clear-selection"
          aria-disabled={count === 0}
          onClick={trusted(() => count > 0 && actions.clear())}
        >
          {t("list_clear_selection")}
        </button>
      </div>
      <div class="bulk-line">
        <span class="bulk-field">
          <label for={`${id}-status`}>{t("status_label")}</label>
          <select
            id={`${id}-status`}
            data-testid="bulk-status"
            value={status}
            onChange={(event) => setStatus(event.currentTarget.value as AnnotationStatus)}
          >
            {STATUS_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          <button
            type="button"
            data-testid="bulk-set-status"
            aria-disabled={!idle}
            onClick={act(() => actions.setStatus(status))}
          >
            {t("bulk_set_status")}
          </button>
        </span>
        <span class="bulk-field">
          <label for={`${id}-tag`}>{t("bulk_tag")}</label>
          <input
            id={`${id}-tag`}
            type="text"
            data-testid="bulk-tag"
            list={`${id}-tags`}
            autoComplete="off"
            value={tag}
            onInput={(event) => setTag(event.currentTarget.value)}
            onKeyDown={onTagKey}
          />
          <datalist id={`${id}-tags`}>
            {tags.slice(0, SUGGESTIONS_SHOWN).map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <button
            type="button"
            data-testid="bulk-add-tag"
            aria-disabled={!idle || !tag.trim()}
            onClick={act(() => tag.trim() && actions.addTag(tag))}
          >
            {t("bulk_add_tag")}
          </button>
          <button
            type="button"
            data-testid="bulk-remove-tag"
            aria-disabled={!idle || !tag.trim()}
            onClick={act(() => tag.trim() && actions.removeTag(tag))}
          >
            {t("bulk_remove_tag")}
          </button>
        </span>
        <button
          type="button"
          data-testid="bulk-export"
          aria-disabled={count === 0}
          onClick={trusted(() => count > 0 && actions.exportSelected())}
        >
          {t("bulk_export")}
        </button>
        <button
          type="button"
          class="danger"
          data-testid="bulk-delete"
          aria-haspopup="dialog"
          aria-disabled={!idle}
          onClick={act(() => actions.deleteSelected())}
        >
          {t("bulk_delete")}
        </button>
      </div>
    </fieldset>
  );
}
