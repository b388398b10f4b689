import type { ClaimmarkDb } from "../../lib/db/schema";
import { collectForExport } from "../../lib/transfer/collect";
import type { ImportConflict } from "../../lib/transfer/conflicts";
import { type ImportResult, importText } from "../../lib/transfer/import";
import { type ExportFormat, renderExport } from "../../lib/transfer/render";
import { type TakeReport, takeImported } from "../../lib/transfer/take-imported";
import { workerClient } from "../worker-client";
import type { ExportQuery, TransferReply, TransferRequest } from "./transfer-protocol";

/** The shared transfer worker, started on first use; null where pages have no workers (tests). */
const transfer = workerClient<TransferRequest, TransferReply>(
  () => new Worker(new URL("./transfer-worker.ts", import.meta.url), { type: "module" }),
);

/** An export as a file (Blob) and how many annotations it holds, made in the worker when there is one. */
export async function runExport(
  db: ClaimmarkDb,
  scope: ExportQuery,
  format: ExportFormat,
  type: string,
): Promise<{ blob: Blob; count: number }> {
  if (!transfer) {
    const set = await collectForExport(db, scope);
    return { blob: new Blob([renderExport(format, set)], { type }), count: set.annotations.length };
  }
  const reply = await transfer.ask({ op: "export", scope, format, type });
  if (!reply.ok) throw new Error(reply.error);
  if (reply.op !== "export") throw new Error("the transfer worker answered something else");
  return { blob: reply.blob, count: reply.count };
}

/** Imports a file, read and checked in the worker when there is one. */
export async function runImport(db: ClaimmarkDb, file: Blob): Promise<ImportResult> {
  if (!transfer) return importText(db, await file.text());
  const reply = await transfer.ask({ op: "import", file });
  if (!reply.ok) return { ok: false, error: reply.error };
  if (reply.op !== "import") return { ok: false, error: "the transfer worker answered something else" };
  return reply.result;
}

/** Takes the imported values of some conflicts an import listed, in the worker when there is one. */
export async function runTakeImported(db: ClaimmarkDb, conflicts: ImportConflict[]): Promise<TakeReport> {
  if (!transfer) return takeImported(db, conflicts);
  const reply = await transfer.ask({ op: "take", conflicts });
  if (!reply.ok) throw new Error(reply.error);
  if (reply.op !== "take") throw new Error("the transfer worker answered something else");
  return reply.result;
}
