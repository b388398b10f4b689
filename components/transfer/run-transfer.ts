import type { ClaimmarkDb } from "../../lib/db/schema";
import { collectForExport } from "../../lib/transfer/collect";
import { type ImportResult, importText } from "../../lib/transfer/import";
import { type ExportFormat, renderExport } from "./formats";
import type { ExportQuery, TransferReply, TransferRequest } from "./transfer-protocol";

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, (reply: TransferReply) => void>();

/** The shared transfer worker, started on first use; null where pages have no workers (tests). */
function transferWorker(): Worker | null {
  if (typeof Worker === "undefined") return null;
  if (!worker) {
    worker = new Worker(new URL("./transfer-worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<TransferReply>) => {
      waiting.get(event.data.id)?.(event.data);
      waiting.delete(event.data.id);
    };
  }
  return worker;
}

type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;

function ask(request: WithoutId<TransferRequest>, target: Worker): Promise<TransferReply> {
  const id = ++nextId;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    target.postMessage({ ...request, id });
  });
}

/** An export as a file (Blob) and how many annotations it holds, made in the worker when there is one. */
export async function runExport(
  db: ClaimmarkDb,
  scope: ExportQuery,
  format: ExportFormat,
  type: string,
): Promise<{ blob: Blob; count: number }> {
  const target = transferWorker();
  if (!target) {
    const set = await collectForExport(db, scope);
    return { blob: new Blob([renderExport(format, set)], { type }), count: set.annotations.length };
  }
  const reply = await ask({ op: "export", scope, format, type }, target);
  if (!reply.ok) throw new Error(reply.error);
  if (reply.op !== "export") throw new Error("the transfer worker answered something else");
  return { blob: reply.blob, count: reply.count };
}

/** Imports a file, read and checked in the worker when there is one. */
export async function runImport(db: ClaimmarkDb, file: Blob): Promise<ImportResult> {
  const target = transferWorker();
  if (!target) return importText(db, await file.text());
  const reply = await ask({ op: "import", file }, target);
  if (!reply.ok) return { ok: false, error: reply.error };
  if (reply.op !== "import") return { ok: false, error: "the transfer worker answered something else" };
  return reply.result;
}
