import type { JSX } from "preact";
import { useEffect, useId, useState } from "preact/hooks";
import type { AnnotationStatus } from "../../lib/model";
import { t } from "../i18n";
import { STATUS_OPTIONS } from "./labels";
import { useTrusted } from "./trust";

/** Props of {@link StatusSelect}. */
export interface StatusSelectProps {
  value: AnnotationStatus;
  /** Called at once with the chosen verdict. */
  onChange(status: AnnotationStatus): void;
  label?: string;
  /** Keep the label for screen readers only, where the surrounding layout already names the field. */
  hideLabel?: boolean;
  /** The select's test id: "status-select" unless the card names it. */
  testId?: string;
}

/** The verdict on an annotation, chosen from a native select (keyboard and screen readers for free). */
export function StatusSelect({
  value,
  onChange,
  label = t("status_label"),
  hideLabel = false,
  testId = "status-select",
}: StatusSelectProps) {
  const id = useId();
  const trusted = useTrusted();
  // The reader's choice shows at once and stays while it is being saved: a render in between (the
  // card redrawn for another reason) must not put the select back, or the next arrow key would
  // start from the old verdict. A new stored value (saved, or changed elsewhere) then takes over.
  const [chosen, setChosen] = useState(value);
  useEffect(() => setChosen(value), [value]);
  const change = trusted((event: JSX.TargetedEvent<HTMLSelectElement>) => {
    const next = STATUS_OPTIONS.find((option) => option.value === event.currentTarget.value);
    if (!next || next.value === chosen) return;
    setChosen(next.value);
    onChange(next.value);
  });
  return (
    <span class="edit-status">
      <label class={hideLabel ? "edit-sr-only" : "edit-label"} for={id}>
        {label}
      </label>
      <select id={id} class="edit-select" data-testid={testId} data-status={chosen} value={chosen} onChange={change}>
        {STATUS_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </span>
  );
}
