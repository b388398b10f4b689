import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { addTagTo, type BulkResult, deleteAnnotations, removeTagFrom, setStatusOf, undoBulk } from "../../lib/db/bulk";
import { allTags } from "../../lib/db/edit";
import type { ClaimmarkDb } from "../../lib/db/schema";
import { cleanTag } from "../../lib/edit/validate";
import type { AnnotationStatus, Source } from "../../lib/model";
import { statusLabel } from "../edit/labels";
import { Toast } from "../edit/Toast";
import { errorMessage } from "../format";
import { formatNumber, plural, t } from "../i18n";
import { ExportPanel, type ExportScope } from "../transfer/ExportPanel";
import { ImportPanel } from "../transfer/ImportPanel";
import { useLiveQuery } from "../use-live-query";
import { BulkBar } from "./BulkBar";
import { ConfirmDialog } from "./ConfirmDialog";
import { LibraryFilterForm } from "./LibraryFilters";
import { PageGroup } from "./PageGroup";
import { type LibraryFilters, NO_FILTERS } from "./query";
import { RowEditor } from "./RowEditor";
import { listedIds, useLibraryView } from "./use-library-view";
import { useSelection } from "./use-selection";

/** Rows rendered at first and added by each "Show more": the first screen stays fast with 10,000 annotations. */
export const ROWS_PER_STEP = 50;
const NO_SOURCES = new Map<string, Source[]>();

/** Typing pauses this long before the library searches again. */
const SEARCH_DELAY_MS = 150;

/** Grows the row budget when the end of the list scrolls into view, where IntersectionObserver exists. */
function useGrowOnView(target: { current: HTMLElement | null }, grow: () => void, active: boolean): void {
  useEffect(() => {
    const element = target.current;
    if (!active || !element || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) grow();
    });
    observer.observe(element);
    return () => observer.disconnect();
  });
}

/** An Undo on offer for a bulk action: what it did, and how to put it back. */
interface UndoOffer {
  /** A new key for every offer: the toast's time starts again even when the words are the same. */
  key: number;
  message: string;
  undo(): Promise<unknown>;
}

/** The export scopes of the library: the rows ticked (first, while any are), the rows listed, everything. */
function exportScopes(selected: string[], filtered: boolean, filters: LibraryFilters): ExportScope[] {
  const scopes: ExportScope[] = [];
  if (selected.length > 0)
    scopes.push({
      id: "selected",
      label: t("scope_selected_annotations", formatNumber(selected.length)),
      fileScope: "selection",
      // What the reader ticked, dismissed ones too (they are listed only when shown).
      query: () => ({ ids: selected, includeDismissed: true }),
    });
  if (filtered)
    scopes.push({
      id: "listed",
      label: t("scope_listed"),
      fileScope: "selection",
      query: async (database: ClaimmarkDb) => ({
        ids: await listedIds(database, filters),
        includeDismissed: filters.showDismissed,
      }),
    });
  scopes.push({ id: "all", label: t("scope_everything"), fileScope: "all", query: () => ({}) });
  return scopes;
}

/**
 * Every annotated page and its annotations, searchable and filterable, rendered a screenful at a
 * time; rows edited in place, or ticked and changed, exported or deleted together, with Undo.
 */
export function Library({
  db,
  openTab,
  locale,
}: {
  db: ClaimmarkDb;
  /** Opens a URL in a new tab (the extension's tabs API in the page; a spy in tests). */
  openTab: (url: string) => void;
  locale?: string;
}) {
  const [filters, setFilters] = useState<LibraryFilters>(NO_FILTERS);
  const [queried, setQueried] = useState<LibraryFilters>(NO_FILTERS);
  const [limit, setLimit] = useState(ROWS_PER_STEP);
  const end = useRef<HTMLDivElement>(null);
  const transfer = useRef<HTMLDetailsElement>(null);
  const selection = useSelection();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [offer, setOffer] = useState<UndoOffer | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const offers = useRef(0);

  useEffect(() => {
    // Only typing waits; a changed filter applies at once.
    const delay = filters.search === queried.search ? 0 : SEARCH_DELAY_MS;
    const timer = setTimeout(() => {
      setQueried(filters);
      setLimit(ROWS_PER_STEP);
    }, delay);
    return () => clearTimeout(timer);
  }, [filters]);

  const result = useLibraryView(db, queried, limit);
  const tags = useLiveQuery(() => allTags(db), [db]);
  const view = result.status === "ready" ? result.value : null;
  const total = view?.total ?? 0;
  const visible = view?.rows ?? [];
  const shownCount = visible.reduce((sum, v) => sum + v.shown.length, 0);
  const sources = view?.sources ?? NO_SOURCES;
  const more = shownCount < total;
  useGrowOnView(end, () => setLimit((l) => l + ROWS_PER_STEP), more);

  const filtered = JSON.stringify(queried) !== JSON.stringify(NO_FILTERS);
  const shownIds = visible.flatMap(({ shown }) => shown.map((annotation) => annotation.id));
  const selected = [...selection.ids];
  const tagList = tags.status === "ready" ? tags.value : [];

  // Other filters list other rows: a selection made under the old ones must not be acted on unseen.
  useEffect(() => selection.remove(), [JSON.stringify(queried)]);

  const clearOffer = useCallback(() => setOffer(null), []);
  const fail = (error: unknown) => setMessage({ error: true, text: errorMessage(error) });

  /** Runs a bulk action on the rows ticked, then offers to undo it (the offer holds all it needs, not the rows). */
  const runBulk = async (
    work: (ids: string[]) => Promise<BulkResult>,
    done: (count: number) => string,
    afterUndo?: (result: BulkResult) => void,
  ) => {
    if (busy || selected.length === 0) return;
    setBusy(true);
    setMessage(null);
    try {
      const result = await work(selected);
      const count = result.changes.length;
      if (count === 0) {
        setOffer(null);
        setMessage({ error: false, text: t("bulk_nothing_to_change") });
        return;
      }
      setOffer({
        key: ++offers.current,
        message: done(count),
        undo: () => undoBulk(db, result).then(() => afterUndo?.(result)),
      });
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const annotations = (n: number) => plural(n, "count_annotations_one", "count_annotations_other");
  const bulk = {
    selectListed: () => void listedIds(db, queried).then(selection.add, fail),
    clear: () => selection.remove(),
    setStatus: (status: AnnotationStatus) =>
      void runBulk(
        (ids) => setStatusOf(db, ids, status),
        (n) => t("bulk_status_done", [statusLabel(status), annotations(n)]),
      ),
    addTag: (tag: string) =>
      void runBulk(
        (ids) => addTagTo(db, ids, tag),
        (n) => t("bulk_tag_added", [cleanTag(tag), annotations(n)]),
      ),
    removeTag: (tag: string) =>
      void runBulk(
        (ids) => removeTagFrom(db, ids, tag),
        (n) => t("bulk_tag_removed", [cleanTag(tag), annotations(n)]),
      ),
    exportSelected: () => {
      const details = transfer.current;
      if (!details) return;
      details.open = true;
      const scope = details.querySelector<HTMLSelectElement>('[data-testid="export-scope"]');
      scope?.scrollIntoView?.({ block: "center" });
      scope?.focus();
    },
    deleteSelected: () => setConfirming(true),
  };
  const confirmDelete = () => {
    setConfirming(false);
    void runBulk(
      async (ids) => {
        const result = await deleteAnnotations(db, ids);
        selection.remove(ids);
        return result;
      },
      (n) => t("bulk_deleted", annotations(n)),
      // Undone: the rows come back ticked, as they were.
      (result) => selection.add(result.changes.map((change) => change.before.id)),
    );
  };

  return (
    <section class="library" data-testid="library" aria-labelledby="library-title">
      <h2 id="library-title">{t("library_title")}</h2>
      <LibraryFilterForm
        filters={filters}
        tags={tags.status === "ready" ? tags.value : []}
        onChange={(change) => setFilters((f) => ({ ...f, ...change }))}
      />
      <details class="transfer-details" ref={transfer}>
        <summary data-testid="transfer-toggle">{t("list_export_import")}</summary>
        {/* A new key when rows first get ticked (or all are cleared): the panel starts on its first scope. */}
        <ExportPanel
          key={selected.length > 0 ? "selection" : "no-selection"}
          db={db}
          scopes={exportScopes(selected, filtered, queried)}
        />
        <ImportPanel db={db} />
      </details>
      <p class="library-summary" role="status" data-testid="library-summary">
        {result.status === "loading"
          ? t("library_loading")
          : result.status === "error"
            ? t("library_db_failed", result.error)
            : total === 0
              ? filtered
                ? t("library_none_match")
                : t("library_empty")
              : t(more ? "library_summary_more" : "library_summary", [
                  annotations(total),
                  plural(view?.pageCount ?? 0, "count_pages_one", "count_pages_other"),
                  formatNumber(shownCount),
                ])}
      </p>
      {(total > 0 || selected.length > 0) && (
        <BulkBar count={selected.length} listed={total} tags={tagList} busy={busy} actions={bulk} locale={locale} />
      )}
      {message && (
        <p
          class={message.error ? "error" : "library-message"}
          role={message.error ? "alert" : "status"}
          data-testid="library-message"
        >
          {message.text}
        </p>
      )}
      <div class="library-results">
        {visible.map(({ group, shown }) => (
          <PageGroup
            key={group.pageKey}
            group={group}
            shown={shown}
            sources={sources}
            onOpen={openTab}
            locale={locale}
            selected={selection.ids}
            onSelect={(id, on, range) => selection.toggle(id, on, range, shownIds)}
            editingId={editingId}
            onToggleEdit={(id) => setEditingId((old) => (old === id ? null : id))}
            editor={(annotation) => (
              <RowEditor db={db} annotation={annotation} tagSuggestions={tagList} onError={fail} />
            )}
          />
        ))}
      </div>
      {more && (
        <div class="library-more" ref={end}>
          <button type="button" data-testid="library-more" onClick={() => setLimit((l) => l + ROWS_PER_STEP)}>
            {t("library_show_more", formatNumber(total - shownCount))}
          </button>
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title={t("bulk_delete_title", annotations(selected.length))}
          body={t("bulk_delete_body")}
          action={t("bulk_delete_action", annotations(selected.length))}
          testId="bulk-delete-dialog"
          onConfirm={confirmDelete}
          onCancel={() => setConfirming(false)}
        />
      )}
      {/* Held here, above the rows: the list re-rendering from the live query leaves the offer alone. */}
      {offer && (
        <div class="toast-slot">
          <Toast
            key={offer.key}
            message={offer.message}
            onUndo={() => {
              setOffer(null);
              offer.undo().then(() => setMessage({ error: false, text: t("bulk_undone") }), fail);
            }}
            onDone={clearOffer}
          />
        </div>
      )}
    </section>
  );
}
