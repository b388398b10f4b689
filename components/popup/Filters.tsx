import type { JSX } from "preact";
import { useId, useState } from "preact/hooks";
import { STATUS_OPTIONS } from "../edit/labels";
import { useTrusted } from "../edit/trust";
import type { PopupFilter } from "./filter";

const KINDS: { value: PopupFilter["kind"]; label: string }[] = [
  { value: "all", label: "All kinds" },
  { value: "quote", label: "Quotes" },
  { value: "claim", label: "Reported claims" },
  { value: "figure", label: "Figures" },
  { value: "date", label: "Dates" },
  { value: "highlight", label: "Highlights" },
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
        Search text, speakers, tags, notes and sources (numbers however written)
      </label>
      <input
        id={`${id}-search`}
        class="edit-input filters-search"
        type="search"
        placeholder="Search text, speakers, tags, notes, sources"
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
        {narrowed > 0 ? `Filters (${narrowed})` : "Filters"}
      </button>
      <div id={`${id}-more`} class="filters-more" hidden={!unfolded}>
        <div class="filters-selects">
          <label class="edit-sr-only" for={`${id}-kind`}>
            Kind
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
                {kind.label}
              </option>
            ))}
          </select>
          <label class="edit-sr-only" for={`${id}-status`}>
            Status
          </label>
          <select
            id={`${id}-status`}
            class="edit-select"
            data-testid="filter-status"
            value={filter.status}
            onChange={onSelect("status")}
          >
            <option value="all">Any status</option>
            {STATUS_OPTIONS.map((status) => (
              <option key={status.value} value={status.value}>
                {status.label}
              </option>
            ))}
          </select>
          <label class="edit-sr-only" for={`${id}-tag`}>
            Tag
          </label>
          <select
            id={`${id}-tag`}
            class="edit-select"
            data-testid="filter-tag"
            value={filter.tag}
            onChange={onSelect("tag")}
          >
            <option value="">Any tag</option>
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
          Show dismissed
        </label>
      </div>
    </div>
  );
}
