import { useEffect, useRef, useState } from "preact/hooks";
import type { ClaimmarkDb } from "../../lib/db/schema";
import { type LiveResult, useLiveQuery } from "../use-live-query";
import type { LibraryReply, LibraryRequest } from "./library-protocol";
import { idsOf, type LibraryFilters, type LibraryView, queryLibrary, viewOf } from "./query";

let worker: Worker | null = null;
let nextId = 0;
const listeners = new Map<number, (reply: LibraryReply) => void>();

/** The shared library worker, started on first use. */
function libraryWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL("./library-worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<LibraryReply>) => listeners.get(event.data.id)?.(event.data);
  }
  return worker;
}

type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;
const send = (id: number, request: WithoutId<LibraryRequest>) => libraryWorker().postMessage({ ...request, id });

/** The view, queried and kept live in the library worker; the page holds only the rows it shows. */
function useViewFromWorker(_db: ClaimmarkDb, filters: LibraryFilters, limit: number): LiveResult<LibraryView> {
  const [result, setResult] = useState<LiveResult<LibraryView>>({ status: "loading" });
  const watch = useRef(0);
  const limitNow = useRef(limit);
  limitNow.current = limit;
  const key = JSON.stringify(filters);
  useEffect(() => {
    const id = ++nextId;
    watch.current = id;
    listeners.set(id, (reply) => {
      if (!reply.ok) setResult({ status: "error", error: reply.error });
      else if ("view" in reply) setResult({ status: "ready", value: reply.view });
    });
    send(id, { op: "watch", filters, limit: limitNow.current });
    return () => {
      listeners.delete(id);
      send(id, { op: "unwatch" });
    };
  }, [key]);
  useEffect(() => send(watch.current, { op: "limit", limit }), [limit]);
  return result;
}

/** The view, queried live in the page: where there are no workers (tests). */
function useViewInPage(db: ClaimmarkDb, filters: LibraryFilters, limit: number): LiveResult<LibraryView> {
  const result = useLiveQuery(() => queryLibrary(db, filters), [db, JSON.stringify(filters)]);
  return result.status === "ready" ? { status: "ready", value: viewOf(result.value, limit) } : result;
}

/** What the library lists for these filters, its first `limit` rows, kept up to date with the database. */
export const useLibraryView: typeof useViewInPage = typeof Worker === "undefined" ? useViewInPage : useViewFromWorker;

/** The ids of every annotation the filters list, queried in the worker when there is one. */
export async function listedIds(db: ClaimmarkDb, filters: LibraryFilters): Promise<string[]> {
  if (typeof Worker === "undefined") return idsOf(await queryLibrary(db, filters));
  const id = ++nextId;
  const reply = await new Promise<LibraryReply>((resolve) => {
    listeners.set(id, resolve);
    send(id, { op: "ids", filters });
  });
  listeners.delete(id);
  if (!reply.ok) throw new Error(reply.error);
  if (!("ids" in reply)) throw new Error("the library worker answered something else");
  return reply.ids;
}
