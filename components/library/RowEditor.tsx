import { updateAnnotation } from "../../lib/db/edit";
import type { ClaimmarkDb } from "../../lib/db/schema";
import { checkAnnotationPatch } from "../../lib/edit/validate";
import type { Annotation, AnnotationPatch } from "../../lib/model";
import { NoteEditor } from "../edit/NoteEditor";
import { StatusSelect } from "../edit/StatusSelect";
import { TagsInput } from "../edit/TagsInput";
import { errorMessage } from "../format";
import { t } from "../i18n";

/** Props of {@link RowEditor}. */
export interface RowEditorProps {
  db: ClaimmarkDb;
  annotation: Annotation;
  /** Tags in use, most used first: offered as completions. */
  tagSuggestions: string[];
  onError(message: string): void;
}

/**
 * A library row's status, tags and note, edited in place with the card's own editors and saved
 * as the card saves them: one checked field at a time, dated now, so the annotation is the reader's.
 */
export function RowEditor({ db, annotation, tagSuggestions, onError }: RowEditorProps) {
  const patch = (change: AnnotationPatch) => {
    const checked = checkAnnotationPatch(change);
    if (!checked.ok) return onError(checked.error);
    updateAnnotation(db, annotation.id, checked.value).catch((error: unknown) => onError(errorMessage(error)));
  };
  return (
    <div class="row-editor edit-fields" data-testid="library-row-editor">
      <StatusSelect value={annotation.status} onChange={(status) => patch({ status })} testId="library-edit-status" />
      <div class="edit-row">
        <span class="edit-label" aria-hidden="true">
          {t("edit_tags")}
        </span>
        <TagsInput tags={annotation.tags} suggestions={tagSuggestions} onChange={(tags) => patch({ tags })} />
      </div>
      <NoteEditor note={annotation.note} onChange={(note) => patch({ note })} />
    </div>
  );
}
