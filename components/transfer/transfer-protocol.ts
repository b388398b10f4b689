import type { ImportResult } from "../../lib/transfer/import";
import type { ExportFormat } from "./formats";

/** Which annotations an export takes: a page, some ids, or all (the query `collectForExport` reads). */
export interface ExportQuery {
  pageKey?: string;
  ids?: string[];
  includeDismissed?: boolean;
}

/** A page → worker request. */
export type TransferRequest =
  | { id: number; op: "export"; scope: ExportQuery; format: ExportFormat }
  | { id: number; op: "import"; text: string };

/** The worker's answer. */
export type TransferReply =
  | { id: number; ok: true; op: "export"; text: string; count: number }
  | { id: number; ok: true; op: "import"; result: ImportResult }
  | { id: number; ok: false; error: string };
