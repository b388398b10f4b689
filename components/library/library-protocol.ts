import type { LibraryFilters, LibraryView } from "./query";

/** A library page → library worker request. */
export type LibraryRequest =
  /** Keep answering with the view of these filters, again whenever the database changes. */
  | { id: number; op: "watch"; filters: LibraryFilters; limit: number }
  /** The same watch, showing more rows: answered from the last result, without querying again. */
  | { id: number; op: "limit"; limit: number }
  | { id: number; op: "unwatch" }
  /** Once: the ids of every annotation the filters list. */
  | { id: number; op: "ids"; filters: LibraryFilters };

/** The worker's answer to a request of the same id. */
export type LibraryReply =
  | { id: number; ok: true; view: LibraryView }
  | { id: number; ok: true; ids: string[] }
  | { id: number; ok: false; error: string };
