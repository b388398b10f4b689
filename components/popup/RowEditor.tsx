import { addSource, allTags, deleteSource, restoreSource, updateAnnotation, updateSource } from "../../lib/db/edit";
import type { ClaimmarkDb } from "../../lib/db/schema";
import { checkAnnotationPatch, checkSourceInput } from "../../lib/edit/validate";
import type { Annotation, AnnotationPatch, Source, SourceInput } from "../../lib/model";
import { AnnotationFields } from "../edit/AnnotationFields";
import { errorMessage } from "../format";
import { t } from "../i18n";
import { useLiveQuery } from "../use-live-query";

/** An undo on offer: what to say and how to put things back. */
export interface UndoOffer {
  message: string;
  undo(): Promise<unknown>;
}

/** Props of {@link RowEditor}. */
export interface RowEditorProps {
  db: ClaimmarkDb;
  annotation: Annotation;
  sources: Source[];
  /** After every write: the popup tells the page to repaint. */
  onChanged(id: string): void;
  onUndoOffer(offer: UndoOffer): void;
  onError(message: string): void;
}

/** One annotation edited in the popup: each change is written to the database at once, field by field. */
export function RowEditor({ db, annotation, sources, onChanged, onUndoOffer, onError }: RowEditorProps) {
  const id = annotation.id;
  // Completion needs every tag in the library: read only once a row is opened, not on every popup.
  const tags = useLiveQuery(() => allTags(db), [db]);

  const write = (work: () => Promise<unknown>, offer?: UndoOffer) => {
    work().then(
      () => {
        onChanged(id);
        if (offer)
          onUndoOffer({
            message: offer.message,
            undo: () => offer.undo().then(() => onChanged(id)),
          });
      },
      (error: unknown) => onError(errorMessage(error)),
    );
  };

  const patch = (change: AnnotationPatch, offer?: UndoOffer) => {
    const checked = checkAnnotationPatch(change);
    if (!checked.ok) return onError(checked.error);
    write(() => updateAnnotation(db, id, checked.value), offer);
  };

  const checkSource = (input: Partial<SourceInput>, partial: boolean) => {
    const checked = checkSourceInput(input, partial);
    if (!checked.ok) onError(checked.error);
    return checked.ok ? checked.value : null;
  };

  return (
    <AnnotationFields
      annotation={annotation}
      sources={sources}
      tagSuggestions={tags.status === "ready" ? tags.value : []}
      testIdPrefix="edit"
      expanded
      onPatch={(change) => patch(change)}
      onAddSource={(input) => {
        const checked = checkSource(input, false);
        if (checked) write(() => addSource(db, id, checked as SourceInput));
      }}
      onUpdateSource={(sourceId, change) => {
        const checked = checkSource(change, true);
        if (checked) write(() => updateSource(db, sourceId, checked));
      }}
      onRemoveSource={(sourceId) => {
        let removed: Source | undefined;
        write(
          async () => {
            removed = await deleteSource(db, sourceId);
          },
          {
            message: t("undo_source_removed"),
            undo: async () => {
              if (removed) await restoreSource(db, removed);
            },
          },
        );
      }}
      onDelete={() =>
        patch(
          { deleted: true },
          { message: t("undo_annotation_deleted"), undo: () => updateAnnotation(db, id, { deleted: false }) },
        )
      }
      onDismiss={() =>
        patch(
          { dismissed: true },
          { message: t("undo_dismissed"), undo: () => updateAnnotation(db, id, { dismissed: false }) },
        )
      }
    />
  );
}
