import type { JSX } from "preact";
import { useId } from "preact/hooks";
import type { AnnotationPatch } from "../../lib/model";
import { EDIT_LIMITS } from "../../lib/model";
import { type MessageKey, t } from "../i18n";
import { useTrusted } from "./trust";
import { useDraft } from "./use-draft";

/**
 * The qualifiers a reader may choose, stored in the detector's own words (lib/detect/types.ts
 * `Qualifier`), so a corrected figure reads like a detected one: "up to" is stored as "at most".
 */
const QUALIFIER_OPTIONS: readonly { value: string; label: MessageKey }[] = [
  { value: "", label: "qualifier_none" },
  { value: "approximately", label: "qualifier_approximately" },
  { value: "at least", label: "qualifier_at_least" },
  { value: "more than", label: "qualifier_more_than" },
  { value: "at most", label: "qualifier_at_most" },
  { value: "less than", label: "qualifier_less_than" },
];

/** The detector's qualifiers for dates and vague quantities, offered when the figure is one. */
const DATE_QUALIFIERS: readonly { value: string; label: MessageKey }[] = [
  { value: "early", label: "qualifier_early" },
  { value: "mid", label: "qualifier_mid" },
  { value: "late", label: "qualifier_late" },
];

/** Longest value text the database accepts (checkAnnotationPatch). */
const VALUE_LIMIT = 40;

/** A typed value as stored: a number when it reads as one ("6,500" → 6500), else the text, or null when empty. */
export function parseFigureValue(raw: string): number | string | null {
  const text = raw.trim();
  if (text === "") return null;
  if (/^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/u.test(text)) {
    const number = Number(text.replace(/,/gu, ""));
    if (Number.isFinite(number)) return number;
  }
  return text.slice(0, VALUE_LIMIT);
}

/** Props of {@link FigureFields}. */
export interface FigureFieldsProps {
  value: number | string | null;
  unit: string | null;
  qualifier: string | null;
  figureKind?: string | null;
  /** Called with one field at a time: `{ value }`, `{ unit }` or `{ qualifier }`. */
  onPatch(patch: AnnotationPatch): void;
}

/** A figure's value, unit and qualifier: the text fields save after a pause, the qualifier at once. */
export function FigureFields({ value, unit, qualifier, figureKind = null, onPatch }: FigureFieldsProps) {
  const id = useId();
  const trusted = useTrusted();
  const valueDraft = useDraft(value === null ? "" : String(value), (text) =>
    onPatch({ value: parseFigureValue(text) }),
  );
  const unitDraft = useDraft(unit ?? "", (text) => onPatch({ unit: text.trim() || null }));
  const options = [...QUALIFIER_OPTIONS, ...(figureKind === "date" ? DATE_QUALIFIERS : [])].map((option) => ({
    value: option.value,
    label: t(option.label),
  }));
  // A qualifier outside the list ("vague", or one a later detector adds) stays choosable as it is.
  if (qualifier && !options.some((option) => option.value === qualifier))
    options.push({ value: qualifier, label: qualifier === "vague" ? t("qualifier_vague") : qualifier });

  const onQualifier = trusted((event: JSX.TargetedEvent<HTMLSelectElement>) => {
    const next = event.currentTarget.value;
    if (options.some((option) => option.value === next)) onPatch({ qualifier: next || null });
  });

  return (
    <fieldset class="edit-figure" data-testid="figure-fields">
      <legend class="edit-legend">{t("kind_figure")}</legend>
      <div class="edit-field">
        <label class="edit-label" for={`${id}-q`}>
          {t("figure_qualifier")}
        </label>
        <select
          id={`${id}-q`}
          class="edit-select"
          data-testid="figure-qualifier"
          value={qualifier ?? ""}
          onChange={onQualifier}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div class="edit-field">
        <label class="edit-label" for={`${id}-v`}>
          {t("figure_value")}
        </label>
        <input
          id={`${id}-v`}
          class="edit-input"
          type="text"
          inputMode="decimal"
          maxLength={VALUE_LIMIT}
          data-testid="figure-value"
          value={valueDraft.text}
          onInput={trusted((event: JSX.TargetedEvent<HTMLInputElement>) => valueDraft.set(event.currentTarget.value))}
          onBlur={valueDraft.flush}
        />
      </div>
      <div class="edit-field">
        <label class="edit-label" for={`${id}-u`}>
          {t("figure_unit")}
        </label>
        <input
          id={`${id}-u`}
          class="edit-input"
          type="text"
          maxLength={EDIT_LIMITS.field}
          data-testid="figure-unit"
          value={unitDraft.text}
          onInput={trusted((event: JSX.TargetedEvent<HTMLInputElement>) => unitDraft.set(event.currentTarget.value))}
          onBlur={unitDraft.flush}
        />
      </div>
    </fieldset>
  );
}

/** Props of {@link SpeakerField}. */
export interface SpeakerFieldProps {
  speaker: string | null;
  /** Called with `{ speaker }` (null when cleared) after a pause in typing and on blur. */
  onPatch(patch: AnnotationPatch): void;
  autoFocus?: boolean;
}

/** Who said a quote or made a claim, as the reader corrects it. */
export function SpeakerField({ speaker, onPatch, autoFocus = false }: SpeakerFieldProps) {
  const id = useId();
  const trusted = useTrusted();
  const draft = useDraft(speaker ?? "", (text) => onPatch({ speaker: text.trim() || null }));
  return (
    <div class="edit-field edit-speaker">
      <label class="edit-label" for={id}>
        {t("edit_speaker")}
      </label>
      <input
        id={id}
        class="edit-input"
        type="text"
        maxLength={EDIT_LIMITS.field}
        data-testid="speaker-field"
        value={draft.text}
        // biome-ignore lint/a11y/noAutofocus: opened on purpose from an "Edit speaker" link
        autoFocus={autoFocus}
        onInput={trusted((event: JSX.TargetedEvent<HTMLInputElement>) => draft.set(event.currentTarget.value))}
        onBlur={draft.flush}
      />
    </div>
  );
}
