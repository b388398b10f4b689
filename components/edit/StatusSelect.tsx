import type { JSX } from "preact";
import { useId } from "preact/hooks";
import type { AnnotationStatus } from "../../lib/model";
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
  label = "Status",
  hideLabel = false,
  testId = "status-select",
}: StatusSelectProps) {
  const id = useId();
  const trusted = useTrusted();
  const change = trusted((event: JSX.TargetedEvent<HTMLSelectElement>) => {
    const next = STATUS_OPTIONS.find((option) => option.value === event.currentTarget.value);
    if (next && next.value !== value) onChange(next.value);
  });
  return (
    <span class="edit-status">
      <label class={hideLabel ? "edit-sr-only" : "edit-label"} for={id}>
        {label}
      </label>
      <select id={id} class="edit-select" data-testid={testId} data-status={value} value={value} onChange={change}>
        {STATUS_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </span>
  );
}
