import type { AnnotationKind, AnnotationOrigin, AnnotationStatus } from "../../lib/model";
import { type ShownKind, shownKind } from "../../lib/shown-kind";
import { t } from "../i18n";

/**
 * What Claimmark calls each kind of annotation, everywhere it shows one (a detected date is a "Date"),
 * in the UI's language: read when shown, so a test may switch languages.
 */
export const KIND_LABELS: Readonly<Record<ShownKind, string>> = {
  get quote() {
    return t("kind_quote");
  },
  get claim() {
    return t("kind_claim");
  },
  get term() {
    return t("kind_term");
  },
  get figure() {
    return t("kind_figure");
  },
  get date() {
    return t("kind_date");
  },
  get highlight() {
    return t("kind_highlight");
  },
};

/** The name of the kind an annotation is shown as: "Date" for a detected date, its kind's otherwise. */
export function kindLabel(annotation: {
  kind: AnnotationKind;
  origin: AnnotationOrigin;
  figureKind: string | null;
}): string {
  return KIND_LABELS[shownKind(annotation)];
}

const STATUS_KEYS = {
  unverified: "status_unverified",
  supported: "status_supported",
  disputed: "status_disputed",
  false: "status_false",
} as const satisfies Record<AnnotationStatus, string>;

/** The verdicts in the order a reader weighs them, with their names. */
export const STATUS_OPTIONS: readonly { value: AnnotationStatus; readonly label: string }[] = (
  Object.keys(STATUS_KEYS) as AnnotationStatus[]
).map((value) => ({
  value,
  get label() {
    return t(STATUS_KEYS[value]);
  },
}));

/** A verdict's name, or the raw value when it is unknown. */
export function statusLabel(status: string): string {
  return STATUS_OPTIONS.find((option) => option.value === status)?.label ?? status;
}
