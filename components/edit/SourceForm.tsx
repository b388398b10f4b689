import type { JSX } from "preact";
import { useId, useState } from "preact/hooks";
import { checkSourceInput } from "../../lib/edit/validate";
import type { SourceInput } from "../../lib/model";
import { localDay } from "../format";
import { type MessageKey, t } from "../i18n";
import { useTrusted } from "./trust";

type Field = keyof SourceInput;
type Values = Record<Field, string>;

/** Props of {@link SourceForm}. */
export interface SourceFormProps {
  /** The source being edited; a new one starts empty, accessed today. */
  initial?: SourceInput;
  /** Called with a checked source. */
  onSubmit(input: SourceInput): void;
  onCancel(): void;
  /** "source-add" for a new source, "source-save" when editing one. */
  submitTestId: "source-add" | "source-save";
  submitLabel: string;
}

/** Which field an error from `checkSourceInput` is about, so it shows next to that field. */
function fieldOf(error: string): Field {
  if (/address/u.test(error)) return "url";
  if (/date/u.test(error)) return "accessedAt";
  const named = /^(title|publisher|note|quote)\b/u.exec(error)?.[1];
  return (named as Field | undefined) ?? "url";
}

const toValues = (input: SourceInput | undefined): Values => ({
  url: input?.url ?? "",
  title: input?.title ?? "",
  publisher: input?.publisher ?? "",
  accessedAt: input ? (input.accessedAt ?? "") : localDay(), // the date they looked at the source
  note: input?.note ?? "",
  quote: input?.quote ?? "",
});

const FIELDS: { field: Field; label: MessageKey; testId: string; type: "url" | "text" | "date" | "area" }[] = [
  { field: "url", label: "source_url", testId: "source-url", type: "url" },
  { field: "title", label: "source_title", testId: "source-title", type: "text" },
  { field: "publisher", label: "source_publisher", testId: "source-publisher", type: "text" },
  { field: "accessedAt", label: "source_accessed", testId: "source-accessed", type: "date" },
  { field: "quote", label: "source_quote", testId: "source-quote", type: "area" },
  { field: "note", label: "edit_note", testId: "source-note", type: "area" },
];

/** What is wrong with a field, in the UI's language (the checker's own words are for the log). */
function fieldError(field: Field): string {
  if (field === "url") return t("source_error_url");
  if (field === "accessedAt") return t("source_error_date");
  return t("source_error_long", t(FIELDS.find((entry) => entry.field === field)?.label ?? "edit_note"));
}

/** A source's fields, checked on save; the error shows next to the field it is about. */
export function SourceForm({ initial, onSubmit, onCancel, submitTestId, submitLabel }: SourceFormProps) {
  const id = useId();
  const trusted = useTrusted();
  const [values, setValues] = useState<Values>(() => toValues(initial));
  const [error, setError] = useState<{ field: Field; message: string } | null>(null);

  const set = (field: Field) =>
    trusted((event: JSX.TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const value = event.currentTarget.value;
      setValues((old) => ({ ...old, [field]: value }));
      if (error?.field === field) setError(null);
    });

  const submit = trusted((event: JSX.TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!values.url.trim() && !values.title.trim()) {
      setError({ field: "url", message: t("source_error_empty") });
      return;
    }
    const checked = checkSourceInput({ ...values, accessedAt: values.accessedAt || null });
    if (!checked.ok) {
      const field = fieldOf(checked.error);
      setError({ field, message: fieldError(field) });
      return;
    }
    setError(null);
    onSubmit(checked.value as SourceInput);
  });

  const cancel = trusted(() => onCancel());

  return (
    <form class="edit-source-form" noValidate onSubmit={submit}>
      {FIELDS.map(({ field, label, testId, type }) => {
        const inputId = `${id}-${field}`;
        const errorId = `${id}-${field}-error`;
        const wrong = error?.field === field;
        const common = {
          id: inputId,
          class: type === "area" ? "edit-input edit-textarea" : "edit-input",
          "data-testid": testId,
          value: values[field],
          "aria-invalid": wrong ? ("true" as const) : undefined,
          "aria-describedby": wrong ? errorId : undefined,
          onInput: set(field),
        };
        return (
          <div key={field} class="edit-field">
            <label class="edit-label" for={inputId}>
              {t(label)}
            </label>
            {type === "area" ? (
              <textarea {...common} rows={2} />
            ) : (
              <input {...common} type={type} inputMode={type === "url" ? "url" : undefined} autoComplete="off" />
            )}
            {wrong && (
              <p id={errorId} class="edit-error" role="alert" data-testid="source-error">
                {error.message}
              </p>
            )}
          </div>
        );
      })}
      <div class="edit-actions">
        <button type="submit" class="edit-button edit-primary" data-testid={submitTestId}>
          {submitLabel}
        </button>
        <button type="button" class="edit-button" data-testid="source-cancel" onClick={cancel}>
          {t("edit_cancel")}
        </button>
      </div>
    </form>
  );
}
