import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import type { ClaimmarkDb } from "../../lib/db/schema";
import type { Annotation, Source } from "../../lib/model";
import { haystackOf } from "../../lib/search/search";
import { Toast } from "../edit/Toast";
import { useTrusted } from "../edit/trust";
import { errorMessage } from "../format";
import { formatNumber, plural, t } from "../i18n";
import type { ExportScope } from "../transfer/ExportPanel";
import { Filters } from "./Filters";
import { buildSections, NO_FILTER, type PopupFilter, tagsIn } from "./filter";
import { preload, useModule } from "./lazy";
import { Row } from "./Row";
import type { UndoOffer } from "./RowEditor";
import { type VirtualItem, VirtualList } from "./VirtualList";

// Loaded after the first paint: the editors, the database's edits, export and import.
const loadEditor = () => import("./RowEditor");
const loadEdits = () => import("../../lib/db/edit");
const loadTransfer = () =>
  Promise.all([import("../transfer/ExportPanel"), import("../transfer/ImportPanel")]).then(
    ([{ ExportPanel }, { ImportPanel }]) => ({ ExportPanel, ImportPanel }),
  );

/** What the popup asks of the tab it speaks for. */
export interface PopupActions {
  /** Scroll the page to an annotation and open its card. */
  onReveal(id: string): void;
  /** An annotation was changed here: the page repaints it. */
  onChanged(id: string): void;
  onOpenLibrary(): void;
}

/** Heights the windowed list assumes for rows not yet shown; shown ones are measured. */
const ROW_ESTIMATE = 40;
const HEADER_ESTIMATE = 26;
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
  const editor = useModule(loadEditor);
  const transfer = useModule(loadTransfer);

  // What the search looks in, built only while the reader searches.
  const searching = filter.search.trim() !== "";
  const haystacks = useMemo(
    () =>
      new Map(
        searching
          ? annotations.map((annotation) => [annotation.id, haystackOf(annotation, sources.get(annotation.id))])
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
        height: HEADER_ESTIMATE,
        title: section.title,
        count: section.annotations.length,
      });
      for (const annotation of section.annotations) {
        list.push({
          type: "row",
          key: annotation.id,
          height: annotation.id === openId ? OPEN_ROW_ESTIMATE : ROW_ESTIMATE,
          annotation,
        });
      }
    }
    return list;
  }, [sections, openId]);

  const clearOffer = useCallback(() => setOffer(null), []);
  const restore = (id: string) =>
    void preload(loadEdits)
      .then(({ updateAnnotation }) => updateAnnotation(db, id, { dismissed: false }))
      .then(() => actions.onChanged(id), showError);
  const showError = (reason: unknown) => setError(errorMessage(reason));

  return (
    <section class="annotations" aria-label={t("list_label")}>
      <Filters filter={filter} tags={tags} onChange={setFilter} />
      <div class="list-bar">
        <p class="annotations-count" role="status" data-testid="shown-count">
          {shown === 0 ? t("list_none_match") : plural(shown, "list_showing_one", "list_showing_other")}
        </p>
        {/* aria-disabled, not disabled: a button that disables itself when pressed would drop the keyboard focus. */}
        {(shown > 0 || selected.size > 0) && (
          <div class="selection-bar">
            <span class="selection-count" aria-live="polite" data-testid="selected-count">
              {selected.size === 0 ? t("list_none_selected") : t("list_selected", formatNumber(selected.size))}
            </span>
            <button
              type="button"
              class="selection-button"
              data-testid="select-shown"
              aria-disabled={allShownSelected || shown === 0}
              onClick={trusted(() => setSelected((old) => new Set([...old, ...shownIds])))}
            >
              {t("list_select_shown")}
            </button>
            <button
              type="button"
              class="selection-button"
              data-testid="clear-selection"
              aria-disabled={selected.size === 0}
              onClick={trusted(() => setSelected((old) => (old.size === 0 ? old : new Set())))}
            >
              {t("list_clear_selection")}
            </button>
          </div>
        )}
      </div>
      {error && (
        <p class="annotations-error" role="alert" data-testid="edit-error">
          {error}
        </p>
      )}
      {shown > 0 && (
        <VirtualList
          label={t("list_rows_label")}
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
                {editor ? (
                  <editor.RowEditor
                    db={db}
                    annotation={item.annotation}
                    sources={sources.get(item.annotation.id) ?? []}
                    onChanged={actions.onChanged}
                    onUndoOffer={setOffer}
                    onError={setError}
                  />
                ) : (
                  <p class="row-loading">{t("list_opening_editor")}</p>
                )}
              </Row>
            )
          }
        />
      )}
      <details class="transfer-details">
        <summary data-testid="transfer-toggle">{t("list_export_import")}</summary>
        {/* A new key when rows first get selected (or all are cleared): the panel starts over on its first scope. */}
        {transfer ? (
          <>
            <transfer.ExportPanel
              key={selected.size > 0 ? "selection" : "no-selection"}
              db={db}
              scopes={exportScopes(pageKey, shownIds, selected)}
            />
            <transfer.ImportPanel db={db} />
          </>
        ) : (
          <p class="row-loading">{t("popup_opening")}</p>
        )}
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
      label: t("scope_selected_rows", formatNumber(ids.length)),
      fileScope: "selection",
      query: () => ({ ids }),
    });
  }
  if (pageKey)
    scopes.push({
      id: "page",
      label: t("scope_this_page"),
      fileScope: "page",
      query: () => ({ pageKey }),
    });
  scopes.push({
    id: "shown",
    label: t("scope_rows_shown", formatNumber(shownIds.length)),
    fileScope: "selection",
    query: () => ({ ids: shownIds }),
  });
  return scopes;
}
