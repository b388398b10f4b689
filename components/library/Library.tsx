import { useEffect, useRef, useState } from "preact/hooks";
import { allTags } from "../../lib/db/edit";
import type { ClaimmarkDb } from "../../lib/db/schema";
import type { Source } from "../../lib/model";
import { ExportPanel } from "../transfer/ExportPanel";
import { ImportPanel } from "../transfer/ImportPanel";
import { useLiveQuery } from "../use-live-query";
import { LibraryFilterForm } from "./LibraryFilters";
import { PageGroup } from "./PageGroup";
import { type LibraryFilters, NO_FILTERS } from "./query";
import { listedIds, useLibraryView } from "./use-library-view";

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

/** Every annotated page and its annotations, searchable and filterable, rendered a screenful at a time. */
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

  const count = (n: number, noun: string) => `${n.toLocaleString(locale)} ${noun}${n === 1 ? "" : "s"}`;
  const filtered = JSON.stringify(queried) !== JSON.stringify(NO_FILTERS);
  return (
    <section class="library" data-testid="library" aria-labelledby="library-title">
      <h2 id="library-title">Library</h2>
      <LibraryFilterForm
        filters={filters}
        tags={tags.status === "ready" ? tags.value : []}
        onChange={(change) => setFilters((f) => ({ ...f, ...change }))}
      />
      <details class="transfer-details">
        <summary data-testid="transfer-toggle">Export and import</summary>
        <ExportPanel
          db={db}
          scopes={[
            ...(filtered
              ? [
                  {
                    id: "listed",
                    label: "The annotations listed",
                    fileScope: "selection",
                    query: async (database: ClaimmarkDb) => ({
                      ids: await listedIds(database, queried),
                      includeDismissed: queried.showDismissed,
                    }),
                  },
                ]
              : []),
            { id: "all", label: "Everything", fileScope: "all", query: () => ({}) },
          ]}
        />
        <ImportPanel db={db} />
      </details>
      <p class="library-summary" role="status" data-testid="library-summary">
        {result.status === "loading"
          ? "Loading…"
          : result.status === "error"
            ? `Claimmark could not read its database: ${result.error}`
            : total === 0
              ? filtered
                ? "No annotations match."
                : "No annotations yet. Claimmark lists here what it finds on the articles you read."
              : `${count(total, "annotation")} on ${count(view?.pageCount ?? 0, "page")}${
                  more ? `, showing the first ${shownCount.toLocaleString(locale)}` : ""
                }.`}
      </p>
      <div class="library-results">
        {visible.map(({ group, shown }) => (
          <PageGroup
            key={group.pageKey}
            group={group}
            shown={shown}
            sources={sources}
            onOpen={openTab}
            locale={locale}
          />
        ))}
      </div>
      {more && (
        <div class="library-more" ref={end}>
          <button type="button" data-testid="library-more" onClick={() => setLimit((l) => l + ROWS_PER_STEP)}>
            Show more ({(total - shownCount).toLocaleString(locale)} left)
          </button>
        </div>
      )}
    </section>
  );
}
