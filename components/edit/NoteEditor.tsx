import type { JSX } from "preact";
import { useId } from "preact/hooks";
import { EDIT_LIMITS } from "../../lib/model";
import { t } from "../i18n";
import { useTrusted } from "./trust";
import { useDraft } from "./use-draft";

/** Props of {@link NoteEditor}. */
export interface NoteEditorProps {
  note: string;
  /** Called with the whole note after a pause in typing and on blur. */
  onChange(note: string): void;
  label?: string;
  autoFocus?: boolean;
}

/** The reader's note on an annotation: saves as they type (after a short pause) and when they leave it. */
export function NoteEditor({ note, onChange, label = t("edit_note"), autoFocus = false }: NoteEditorProps) {
  const id = useId();
  const trusted = useTrusted();
  const draft = useDraft(note, onChange);
  const onInput = trusted((event: JSX.TargetedEvent<HTMLTextAreaElement>) => draft.set(event.currentTarget.value));
  return (
    <div class="edit-note">
      <label class="edit-label" for={id}>
        {label}
      </label>
      <textarea
        id={id}
        class="edit-input edit-textarea"
        data-testid="note-editor"
        rows={3}
        maxLength={EDIT_LIMITS.note}
        value={draft.text}
        // biome-ignore lint/a11y/noAutofocus: opened on purpose from an "Add note" link
        autoFocus={autoFocus}
        onInput={onInput}
        // Blur only saves what trusted typing already put in the draft.
        onBlur={draft.flush}
      />
    </div>
  );
}
