/// <reference lib="webworker" />
import { liveQuery } from "dexie";
import { openDb } from "../../lib/db/schema";
import { errorMessage } from "../format";
import { postReply } from "../worker-client";
import type { LibraryReply, LibraryRequest } from "./library-protocol";
import { idsOf, type LibraryResult, queryLibrary, viewOf } from "./query";

/**
 * The library's queries, off the page's thread. Listing 100,000 annotations means holding 100 MB
 * of them: in the page, collecting that garbage alone blocked it for 50 to 80 ms at a time. Here the
 * worker holds the result and the page gets only the rows it shows.
 */
const db = openDb();
const watches = new Map<number, { limit: number; latest: LibraryResult | null; stop: () => void }>();
const post = (reply: LibraryReply) => postReply(reply);

self.onmessage = (event: MessageEvent<LibraryRequest>) => {
  const request = event.data;
  if (request.op === "watch") {
    const watch = { limit: request.limit, latest: null as LibraryResult | null, stop: () => {} };
    watches.set(request.id, watch);
    const subscription = liveQuery(() => queryLibrary(db, request.filters)).subscribe({
      next: (result) => {
        watch.latest = result;
        post({ id: request.id, ok: true, view: viewOf(result, watch.limit) });
      },
      error: (error: unknown) => post({ id: request.id, ok: false, error: errorMessage(error) }),
    });
    watch.stop = () => subscription.unsubscribe();
  } else if (request.op === "limit") {
    const watch = watches.get(request.id);
    if (!watch) return;
    watch.limit = request.limit;
    if (watch.latest) post({ id: request.id, ok: true, view: viewOf(watch.latest, request.limit) });
  } else if (request.op === "unwatch") {
    watches.get(request.id)?.stop();
    watches.delete(request.id);
  } else {
    queryLibrary(db, request.filters).then(
      (result) => post({ id: request.id, ok: true, ids: idsOf(result) }),
      (error: unknown) => post({ id: request.id, ok: false, error: errorMessage(error) }),
    );
  }
};
