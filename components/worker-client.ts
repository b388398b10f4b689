/** A request as its sender writes it: the client gives it its id. */
export type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;

/** The page's side of a worker that answers each request with replies of the same id. */
export interface WorkerClient<Request extends { id: number }, Reply extends { id: number }> {
  /** A new request id. */
  newId(): number;
  /** Calls `onReply` with every reply of this id, until `forget(id)`. */
  listen(id: number, onReply: (reply: Reply) => void): void;
  forget(id: number): void;
  send(id: number, request: WithoutId<Request>): void;
  /** Sends a request under a new id and resolves with its one reply. */
  ask(request: WithoutId<Request>): Promise<Reply>;
}

/**
 * A client of the worker `start` creates, started on first use; null where pages have no workers
 * (tests). `start` holds the caller's own `new Worker(new URL("./x-worker.ts", import.meta.url), …)`:
 * Vite bundles a worker from that literal, in the file that writes it.
 */
export function workerClient<Request extends { id: number }, Reply extends { id: number }>(
  start: () => Worker,
): WorkerClient<Request, Reply> | null {
  if (typeof Worker === "undefined") return null;
  let worker: Worker | null = null;
  let nextId = 0;
  const listeners = new Map<number, (reply: Reply) => void>();
  const send = (id: number, request: WithoutId<Request>) => {
    if (!worker) {
      worker = start();
      worker.onmessage = (event: MessageEvent<Reply>) => listeners.get(event.data.id)?.(event.data);
    }
    worker.postMessage({ ...request, id });
  };
  return {
    newId: () => ++nextId,
    listen: (id, onReply) => listeners.set(id, onReply),
    forget: (id) => listeners.delete(id),
    send,
    ask: (request) => {
      const id = ++nextId;
      return new Promise((resolve) => {
        listeners.set(id, (reply) => {
          listeners.delete(id);
          resolve(reply);
        });
        send(id, request);
      });
    },
  };
}

/** The worker's side: posts a reply to the page. */
export const postReply = <Reply>(reply: Reply): void =>
  (self as unknown as { postMessage(message: Reply): void }).postMessage(reply);
