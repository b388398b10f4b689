import type { AnnotationStatus } from "../../lib/model";
import { KIND_LABELS, STATUS_OPTIONS } from "../edit/labels";
import { t } from "../i18n";
import { type DateField, type LibraryFilters, NO_FILTERS } from "./query";

/** The library's search box and filters; every control is labelled and changes the results at once. */
export function LibraryFilterForm({
  filters,
  tags,
  onChange,
}: {
  filters: LibraryFilters;
  tags: string[];
  /** Applies a change to the filters as they are when it lands (two quick changes both count). */
  onChange: (change: Partial<LibraryFilters>) => void;
}) {
  const set = <K extends keyof LibraryFilters>(key: K, value: LibraryFilters[K]) => onChange({ [key]: value });
  const value = (event: Event) => (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  return (
    <search aria-label={t("filters_label")}>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <div class="field field-search">
          <label for="library-search">{t("filters_search")}</label>
          <input
            id="library-search"
            type="search"
            data-testid="library-search"
            placeholder={t("filters_search_placeholder")}
            value={filters.search}
            onInput={(e) => set("search", value(e))}
          />
        </div>
        <div class="field">
          <label for="library-filter-status">{t("status_label")}</label>
          <select
            id="library-filter-status"
            data-testid="library-filter-status"
            value={filters.status}
            onChange={(e) => set("status", value(e) as AnnotationStatus | "")}
          >
            <option value="">{t("filters_any_status")}</option>
            {STATUS_OPTIONS.map(({ value: status, label }) => (
              <option key={status} value={status}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="library-filter-kind">{t("filters_kind")}</label>
          <select
            id="library-filter-kind"
            data-testid="library-filter-kind"
            value={filters.kind}
            onChange={(e) => set("kind", value(e) as LibraryFilters["kind"])}
          >
            <option value="">{t("filters_any_kind")}</option>
            {Object.entries(KIND_LABELS).map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="library-filter-tag">{t("bulk_tag")}</label>
          <select
            id="library-filter-tag"
            data-testid="library-filter-tag"
            value={filters.tag}
            onChange={(e) => set("tag", value(e))}
          >
            <option value="">{t("filters_any_tag")}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </div>
        <fieldset class="field-dates">
          <legend>{t("filters_date")}</legend>
          <label for="library-filter-date-field" class="visually-hidden">
            {t("filters_which_date")}
          </label>
          <select
            id="library-filter-date-field"
            data-testid="library-filter-date-field"
            value={filters.dateField}
            onChange={(e) => set("dateField", value(e) as DateField)}
          >
            <option value="annotation">{t("filters_date_annotation")}</option>
            <option value="page">{t("filters_date_page")}</option>
          </select>
          <label for="library-filter-from">{t("filters_from")}</label>
          <input
            id="library-filter-from"
            type="date"
            data-testid="library-filter-from"
            value={filters.from}
            onInput={(e) => set("from", value(e))}
          />
          <label for="library-filter-to">{t("filters_to")}</label>
          <input
            id="library-filter-to"
            type="date"
            data-testid="library-filter-to"
            value={filters.to}
            onInput={(e) => set("to", value(e))}
          />
        </fieldset>
        <div class="field field-check">
          <input
            id="library-show-dismissed"
            type="checkbox"
            data-testid="library-show-dismissed"
            checked={filters.showDismissed}
            onChange={(e) => set("showDismissed", (e.currentTarget as HTMLInputElement).checked)}
          />
          <label for="library-show-dismissed">{t("filters_show_dismissed")}</label>
        </div>
        <button type="button" class="filters-clear" onClick={() => onChange(NO_FILTERS)}>
          {t("filters_clear")}
        </button>
      </form>
    </search>
  );
}
