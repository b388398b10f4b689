import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import { updateAnnotation } from "../../lib/db/edit";
import type { ClaimmarkDb } from "../../lib/db/schema";
import type { Annotation, Source } from "../../lib/model";
import { Toast } from "../edit/Toast";
import { useTrusted } from "../edit/trust";
import { countLabel, errorMessage } from "../format";
import { ExportPanel, type ExportScope } from "../transfer/ExportPanel";
import { ImportPanel } from "../transfer/ImportPanel";
import { Filters } from "./Filters";
import { buildSections, NO_FILTER, type PopupFilter, searchText, tagsIn } from "./filter";
import { Row } from "./Row";
import { RowEditor, type UndoOffer } from "./RowEditor";
import { type VirtualItem, VirtualList } from "./VirtualList";

/** What the popup asks of the tab it speaks for. */
export interface PopupActions {
  /** Scroll the page to an annotation and open its card. */
  onReveal(id: string): void;
  /** An annotation was changed here: the page repaints it. */
  onChanged(id: string): void;
  onOpenLibrary(): void;
}

/** Heights the windowed list lays rows out by; style.css gives rows and headers exactly these. */
const ROW_HEIGHT = 92;
const HEADER_HEIGHT = 32;
/** First guess for an open row's height, until it is measured. */
const OPEN_ROW_ESTIMATE = 420;

type ListItem =
  | (VirtualItem & { type: "header"; title: string; count: number })
  | (VirtualItem & { type: "row"; annotation: Annotation });

/** Props of {@link AnnotationList}. */
export interface AnnotationListProps {
  db: ClaimmarkDb;
  annotations: Annotation[];
  sources: Map<string, Source[]>;
  actions: PopupActions;
  /** The page the annotations are on: what "Export this page" takes. */
  pageKey?: string;
}

/** The page's annotations in sections, filtered and searched, each row editable in place. */
export function AnnotationList({ db, annotations, sources, actions, pageKey }: AnnotationListProps) {
  const [filter, setFilter] = useState<PopupFilter>(NO_FILTER);
  const [openId, setOpenId] = useState<string | null>(null);
  const [offer, setOffer] = useState<UndoOffer | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Rows ticked for export, by id: kept while the filters change. */
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const trusted = useTrusted();

  // The rows' search text, built only while the reader searches.
  const searching = filter.search.trim() !== "";
  const haystacks = useMemo(
    () =>
      new Map(
        searching
          ? annotations.map((annotation) => [annotation.id, searchText(annotation, sources.get(annotation.id))])
          : [],
      ),
    [annotations, sources, searching],
  );
  const sections = useMemo(() => buildSections(annotations, haystacks, filter), [annotations, haystacks, filter]);
  const tags = useMemo(() => tagsIn(annotations), [annotations]);
  const shownIds = useMemo(
    () => sections.flatMap((section) => section.annotations.map((annotation) => annotation.id)),
    [sections],
  );
  const shown = shownIds.length;

  // An annotation deleted (or gone from the page) leaves the selection; one merely filtered out stays.
  useEffect(() => {
    const present = new Set(annotations.filter((annotation) => !annotation.deleted).map((annotation) => annotation.id));
    setSelected((old) => {
      const kept = [...old].filter((id) => present.has(id));
      return kept.length === old.size ? old : new Set(kept);
    });
  }, [annotations]);

  const select = useCallback(
    (id: string, on: boolean) =>
      setSelected((old) => {
        if (old.has(id) === on) return old;
        const next = new Set(old);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );
  const allShownSelected = shown > 0 && shownIds.every((id) => selected.has(id));

  const items = useMemo(() => {
    const list: ListItem[] = [];
    for (const section of sections) {
      list.push({
        type: "header",
        key: `h:${section.id}`,
        height: HEADER_HEIGHT,
        title: section.title,
        count: section.annotations.length,
      });
      for (const annotation of section.annotations) {
        const open = annotation.id === openId;
        list.push({
          type: "row",
          key: annotation.id,
          height: open ? OPEN_ROW_ESTIMATE : ROW_HEIGHT,
          measure: open,
          annotation,
        });
      }
    }
    return list;
  }, [sections, openId]);

  const clearOffer = useCallback(() => setOffer(null), []);
  const restore = (id: string) =>
    void updateAnnotation(db, id, { dismissed: false }).then(() => actions.onChanged(id), showError);
  const showError = (reason: unknown) => setError(errorMessage(reason));

  return (
    <section class="annotations" aria-label="Annotations on this page">
      <Filters filter={filter} tags={tags} onChange={setFilter} />
      <p class="annotations-count" role="status" data-testid="shown-count">
        {shown === 0 ? "No annotations match" : `Showing ${countLabel(shown, "annotation")}`}
      </p>
      {/* aria-disabled, not disabled: a button that disables itself when pressed would drop the keyboard focus. */}
      {(shown > 0 || selected.size > 0) && (
        <div class="selection-bar">
          <span class="selection-count" aria-live="polite" data-testid="selected-count">
            {selected.size === 0 ? "None selected" : `${selected.size} selected`}
          </span>
          <button
            type="button"
            class="selection-button"
            data-testid="select-shown"
            aria-disabled={allShownSelected || shown === 0}
            onClick={trusted(() => setSelected((old) => new Set([...old, ...shownIds])))}
          >
            Select all shown
          </button>
          <button
            type="button"
            class="selection-button"
            data-testid="clear-selection"
            aria-disabled={selected.size === 0}
            onClick={trusted(() => setSelected((old) => (old.size === 0 ? old : new Set())))}
          >
            Clear selection
          </button>
        </div>
      )}
      {error && (
        <p class="annotations-error" role="alert" data-testid="edit-error">
          {error}
        </p>
      )}
      {shown > 0 && (
        <VirtualList
          label="Annotations"
          items={items}
          render={(item) =>
            item.type === "header" ? (
              <h2 class="section-title" data-testid="section" data-section={item.key.slice(2)}>
                {item.title} <span class="section-count">({item.count})</span>
              </h2>
            ) : (
              <Row
                annotation={item.annotation}
                sourceCount={sources.get(item.annotation.id)?.length ?? 0}
                expanded={item.annotation.id === openId}
                onReveal={actions.onReveal}
                onToggle={(id) => setOpenId((old) => (old === id ? null : id))}
                onRestore={restore}
                selected={selected.has(item.annotation.id)}
                onSelect={select}
              >
                <RowEditor
                  db={db}
                  annotation={item.annotation}
                  sources={sources.get(item.annotation.id) ?? []}
                  onChanged={actions.onChanged}
                  onUndoOffer={setOffer}
                  onError={setError}
                />
              </Row>
            )
          }
        />
      )}
      <details class="transfer-details">
        <summary data-testid="transfer-toggle">Export and import</summary>
        {/* A new key when rows first get selected (or all are cleared): the panel starts over on its first scope. */}
        <ExportPanel
          key={selected.size > 0 ? "selection" : "no-selection"}
          db={db}
          scopes={exportScopes(pageKey, shownIds, selected)}
        />
        <ImportPanel db={db} />
      </details>
      {offer && (
        <div class="toast-slot">
          <Toast
            message={offer.message}
            onUndo={() => {
              setOffer(null);
              offer.undo().catch(showError);
            }}
            onDone={clearOffer}
          />
        </div>
      )}
    </section>
  );
}

/**
 * The popup's export scopes: the rows ticked (first, so the panel picks it, while any are), the whole
 * page, or the rows the filters and search leave shown.
 */
function exportScopes(pageKey: string | undefined, shownIds: string[], selected: ReadonlySet<string>): ExportScope[] {
  const scopes: ExportScope[] = [];
  if (selected.size > 0) {
    const ids = [...selected];
    scopes.push({
      id: "selected",
      label: `Selected rows (${ids.length})`,
      fileScope: "selection",
      query: () => ({ ids }),
    });
  }
  if (pageKey)
    scopes.push({
      id: "page",
      label: "This page",
      fileScope: "page",
      query: () => ({ pageKey }),
    });
  scopes.push({
    id: "shown",
    label: `The rows shown (${shownIds.length})`,
    fileScope: "selection",
    query: () => ({ ids: shownIds }),
  });
  return scopes;
}
