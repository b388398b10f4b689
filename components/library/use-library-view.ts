import { useEffect, useRef, useState } from "preact/hooks";
import type { ClaimmarkDb } from "../../lib/db/schema";
import { type LiveResult, useLiveQuery } from "../use-live-query";
import { type WorkerClient, workerClient } from "../worker-client";
import type { LibraryReply, LibraryRequest } from "./library-protocol";
import { idsOf, type LibraryFilters, type LibraryView, queryLibrary, viewOf } from "./query";

/** The shared library worker, started on first use; null where pages have no workers (tests). */
const library = workerClient<LibraryRequest, LibraryReply>(
  () => new Worker(new URL("./library-worker.ts", import.meta.url), { type: "module" }),
);

/** The view, queried and kept live in the library worker; the page holds only the rows it shows. */
const viewFromWorker = (worker: WorkerClient<LibraryRequest, LibraryReply>) =>
  function useViewFromWorker(_db: ClaimmarkDb, filters: LibraryFilters, limit: number): LiveResult<LibraryView> {
    const [result, setResult] = useState<LiveResult<LibraryView>>({ status: "loading" });
    const watch = useRef(0);
    const limitNow = useRef(limit);
    limitNow.current = limit;
    const key = JSON.stringify(filters);
    useEffect(() => {
      const id = worker.newId();
      watch.current = id;
      worker.listen(id, (reply) => {
        if (!reply.ok) setResult({ status: "error", error: reply.error });
        else if ("view" in reply) setResult({ status: "ready", value: reply.view });
      });
      worker.send(id, { op: "watch", filters, limit: limitNow.current });
      return () => {
        worker.forget(id);
        worker.send(id, { op: "unwatch" });
      };
    }, [key]);
    useEffect(() => worker.send(watch.current, { op: "limit", limit }), [limit]);
    return result;
  };

/** The view, queried live in the page: where there are no workers (tests). */
function useViewInPage(db: ClaimmarkDb, filters: LibraryFilters, limit: number): LiveResult<LibraryView> {
  const result = useLiveQuery(() => queryLibrary(db, filters), [db, JSON.stringify(filters)]);
  return result.status === "ready" ? { status: "ready", value: viewOf(result.value, limit) } : result;
}

/** What the library lists for these filters, its first `limit` rows, kept up to date with the database. */
export const useLibraryView: typeof useViewInPage = library ? viewFromWorker(library) : useViewInPage;

/** The ids of every annotation the filters list, queried in the worker when there is one. */
export async function listedIds(db: ClaimmarkDb, filters: LibraryFilters): Promise<string[]> {
  if (!library) return idsOf(await queryLibrary(db, filters));
  const reply = await library.ask({ op: "ids", filters });
  if (!reply.ok) throw new Error(reply.error);
  if (!("ids" in reply)) throw new Error("the library worker answered something else");
  return reply.ids;
}
