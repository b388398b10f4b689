import type { AnnotationKind, AnnotationStatus } from "../../lib/model";

/** What Claimmark calls each kind of annotation, everywhere it shows one. */
export const KIND_LABELS: Record<AnnotationKind, string> = {
  quote: "Quote",
  claim: "Reported claim",
  term: "Term",
  figure: "Figure",
  highlight: "Highlight",
};

/** The verdicts in the order a reader weighs them, with their names. */
export const STATUS_OPTIONS: readonly { value: AnnotationStatus; label: string }[] = [
  { value: "unverified", label: "Unverified" },
  { value: "supported", label: "Supported" },
  { value: "disputed", label: "Disputed" },
  { value: "false", label: "False" },
];

/** A verdict's name, or the raw value when it is unknown. */
export function statusLabel(status: string): string {
  return STATUS_OPTIONS.find((option) => option.value === status)?.label ?? status;
}
