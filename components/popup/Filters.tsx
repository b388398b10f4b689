import type { JSX } from "preact";
import { useId, useState } from "preact/hooks";
import { STATUS_OPTIONS } from "../edit/labels";
import { useTrusted } from "../edit/trust";
import { formatNumber, type MessageKey, t } from "../i18n";
import type { PopupFilter } from "./filter";

const KINDS: { value: PopupFilter["kind"]; label: MessageKey }[] = [
  { value: "all", label: "popup_kind_all" },
  { value: "quote", label: "popup_kind_quotes" },
  { value: "claim", label: "popup_kind_claims" },
  { value: "figure", label: "popup_kind_figures" },
  { value: "date", label: "popup_kind_dates" },
  { value: "highlight", label: "popup_kind_highlights" },
];

/** Props of {@link Filters}. */
export interface FiltersProps {
  filter: PopupFilter;
  /** Tags in use on the page. */
  tags: string[];
  onChange(filter: PopupFilter): void;
}

/** The popup's search box and its kind, status and tag filters. */
export function Filters({ filter, tags, onChange }: FiltersProps) {
  const id = useId();
  const trusted = useTrusted();
  const set = <K extends keyof PopupFilter>(key: K, value: PopupFilter[K]) => onChange({ ...filter, [key]: value });
  const onSelect = (key: "kind" | "status" | "tag") =>
    trusted((event: JSX.TargetedEvent<HTMLSelectElement>) =>
      set(key, event.currentTarget.value as PopupFilter[typeof key]),
    );
  const [unfolded, setUnfolded] = useState(false);
  const narrowed = [filter.kind !== "all", filter.status !== "all", filter.tag !== "", filter.showDismissed].filter(
    Boolean,
  ).length;
  return (
    <div class="filters">
      <label class="edit-sr-only" for={`${id}-search`}>
        {t("popup_search_label")}
      </label>
      <input
        id={`${id}-search`}
        class="edit-input filters-search"
        type="search"
        placeholder={t("popup_search_placeholder")}
        data-testid="search"
        value={filter.search}
        onInput={trusted((event: JSX.TargetedEvent<HTMLInputElement>) => set("search", event.currentTarget.value))}
      />
      {/* Folded until wanted, so the list gets the popup's height; the count says how many are on. */}
      <button
        type="button"
        class="filters-toggle-button"
        data-testid="filters-toggle"
        aria-expanded={unfolded}
        aria-controls={`${id}-more`}
        onClick={trusted(() => setUnfolded((old) => !old))}
      >
        {narrowed > 0 ? t("popup_filters_count", formatNumber(narrowed)) : t("popup_filters")}
      </button>
      <div id={`${id}-more`} class="filters-more" hidden={!unfolded}>
        <div class="filters-selects">
          <label class="edit-sr-only" for={`${id}-kind`}>
            {t("filters_kind")}
          </label>
          <select
            id={`${id}-kind`}
            class="edit-select"
            data-testid="filter-kind"
            value={filter.kind}
            onChange={onSelect("kind")}
          >
            {KINDS.map((kind) => (
              <option key={kind.value} value={kind.value}>
                {t(kind.label)}
              </option>
            ))}
          </select>
          <label class="edit-sr-only" for={`${id}-status`}>
            {t("status_label")}
          </label>
          <select
            id={`${id}-status`}
            class="edit-select"
            data-testid="filter-status"
            value={filter.status}
            onChange={onSelect("status")}
          >
            <option value="all">{t("filters_any_status")}</option>
            {STATUS_OPTIONS.map((status) => (
              <option key={status.value} value={status.value}>
                {status.label}
              </option>
            ))}
          </select>
          <label class="edit-sr-only" for={`${id}-tag`}>
            {t("bulk_tag")}
          </label>
          <select
            id={`${id}-tag`}
            class="edit-select"
            data-testid="filter-tag"
            value={filter.tag}
            onChange={onSelect("tag")}
          >
            <option value="">{t("filters_any_tag")}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </div>
        <label class="filters-toggle">
          <input
            type="checkbox"
            data-testid="show-dismissed"
            checked={filter.showDismissed}
            onChange={trusted((event: JSX.TargetedEvent<HTMLInputElement>) =>
              set("showDismissed", event.currentTarget.checked),
            )}
          />{" "}
          {t("filters_show_dismissed")}
        </label>
      </div>
    </div>
  );
}
