import { useState } from "preact/hooks";
import type { Annotation, AnnotationPatch, Source, SourceInput } from "../../lib/model";
import { t } from "../i18n";
import { FigureFields, SpeakerField } from "./FigureFields";
import { LinkifiedText } from "./LinkifiedText";
import { NoteEditor } from "./NoteEditor";
import { SourcesEditor } from "./SourcesEditor";
import { StatusSelect } from "./StatusSelect";
import { TagsInput } from "./TagsInput";
import { useTrusted } from "./trust";

/** The fields of an annotation the editors show and change. */
export type EditableAnnotation = Pick<
  Annotation,
  "kind" | "origin" | "status" | "tags" | "note" | "speaker" | "value" | "unit" | "qualifier" | "figureKind"
>;

/** What an edit of an annotation sends out; every patch names one field, so edits made elsewhere merge. */
export interface EditCallbacks {
  onPatch(patch: AnnotationPatch): void;
  onAddSource(input: SourceInput): void;
  onUpdateSource(id: string, patch: Partial<SourceInput>): void;
  /** The caller removes the source and offers the undo. */
  onRemoveSource(id: string): void;
  /** A hand-made annotation is deleted (the caller offers the undo). */
  onDelete(): void;
  /** An automatic detection is rejected: "not a claim" (the caller offers the undo). */
  onDismiss(): void;
}

/** Props of {@link AnnotationFields}. */
export interface AnnotationFieldsProps extends EditCallbacks {
  annotation: EditableAnnotation;
  sources: Source[];
  tagSuggestions?: string[];
  /** Test ids are prefixed with this ("card" in the card: card-status, card-sources, card-delete…). */
  testIdPrefix: string;
  /** Whether the figure fields or the speaker field start open (the popup has room; the card does not). */
  expanded?: boolean;
}

type Opened = "tags" | "speaker" | "figure";

/** The label of the button that rejects an automatic detection, in the kind's own words. */
function dismissLabel(kind: EditableAnnotation["kind"]): string {
  return kind === "figure" ? t("edit_not_figure") : kind === "quote" ? t("edit_not_quote") : t("edit_not_claim");
}

/**
 * Everything a reader edits on one annotation: verdict, tags, note, sources, and the speaker or
 * the figure's fields, each empty one folded into an "Add …" link so the card stays compact.
 */
export function AnnotationFields(props: AnnotationFieldsProps) {
  const { annotation: a, sources, tagSuggestions = [], testIdPrefix: prefix, expanded = false } = props;
  const trusted = useTrusted();
  const [opened, setOpened] = useState<Set<Opened>>(() => new Set<Opened>(expanded ? ["speaker", "figure"] : []));
  const [editingNote, setEditingNote] = useState(false);
  const open = (what: Opened) => trusted(() => setOpened((old) => new Set(old).add(what)));
  const isOpen = (what: Opened) => opened.has(what);
  const attributable = a.kind === "quote" || a.kind === "claim";

  return (
    <div class="edit-fields">
      <div class="edit-row">
        <StatusSelect value={a.status} onChange={(status) => props.onPatch({ status })} testId={`${prefix}-status`} />
      </div>

      {attributable &&
        (isOpen("speaker") ? (
          <SpeakerField speaker={a.speaker} onPatch={props.onPatch} autoFocus={!expanded} />
        ) : (
          <button type="button" class="edit-link" data-testid={`${prefix}-edit-speaker`} onClick={open("speaker")}>
            {a.speaker ? t("edit_edit_speaker") : t("edit_add_speaker")}
          </button>
        ))}

      {a.kind === "figure" &&
        (isOpen("figure") ? (
          <FigureFields
            value={a.value}
            unit={a.unit}
            qualifier={a.qualifier}
            figureKind={a.figureKind}
            onPatch={props.onPatch}
          />
        ) : (
          <button type="button" class="edit-link" data-testid={`${prefix}-edit-figure`} onClick={open("figure")}>
            {t("edit_edit_figure")}
          </button>
        ))}

      {a.tags.length > 0 || isOpen("tags") ? (
        <div class="edit-row">
          <span class="edit-label" aria-hidden="true">
            {t("edit_tags")}
          </span>
          <TagsInput
            tags={a.tags}
            suggestions={tagSuggestions}
            onChange={(tags) => props.onPatch({ tags })}
            autoFocus={a.tags.length === 0}
          />
        </div>
      ) : (
        <button type="button" class="edit-link" data-testid={`${prefix}-add-tags`} onClick={open("tags")}>
          {t("edit_add_tags")}
        </button>
      )}

      {editingNote ? (
        <div class="edit-row">
          <NoteEditor note={a.note} onChange={(note) => props.onPatch({ note })} autoFocus />
          <button type="button" class="edit-link" onClick={trusted(() => setEditingNote(false))}>
            {t("edit_done")}
          </button>
        </div>
      ) : a.note ? (
        <div class="edit-row">
          <span class="edit-label">{t("edit_note")}</span>
          <p class="edit-note-text" data-testid={`${prefix}-note`}>
            <LinkifiedText text={a.note} />
          </p>
          <button
            type="button"
            class="edit-link"
            data-testid={`${prefix}-edit-note`}
            onClick={trusted(() => setEditingNote(true))}
          >
            {t("edit_edit_note")}
          </button>
        </div>
      ) : (
        <button
          type="button"
          class="edit-link"
          data-testid={`${prefix}-add-note`}
          onClick={trusted(() => setEditingNote(true))}
        >
          {t("edit_add_note")}
        </button>
      )}

      <div class="edit-row" data-testid={`${prefix}-sources`}>
        {sources.length > 0 && <span class="edit-label">{t("edit_sources")}</span>}
        <SourcesEditor
          sources={sources}
          onAdd={props.onAddSource}
          onUpdate={props.onUpdateSource}
          onRemove={props.onRemoveSource}
        />
      </div>

      <div class="edit-actions">
        {a.origin === "user" ? (
          <button
            type="button"
            class="edit-button edit-danger"
            data-testid={`${prefix}-delete`}
            onClick={trusted(() => props.onDelete())}
          >
            {t("edit_delete")}
          </button>
        ) : (
          <button
            type="button"
            class="edit-button"
            data-testid={`${prefix}-dismiss`}
            onClick={trusted(() => props.onDismiss())}
          >
            {dismissLabel(a.kind)}
          </button>
        )}
      </div>
    </div>
  );
}
