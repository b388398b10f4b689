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
  | { id: number; op: "export"; scope: ExportQuery; format: ExportFormat; type: string }
  /** The file itself: a Blob crosses to the worker by reference, where a 100 MB string would be copied. */
  | { id: number; op: "import"; file: Blob };

/** The worker's answer. */
export type TransferReply =
  /** A Blob for the same reason: the page only hands it to the download. */
  | { id: number; ok: true; op: "export"; blob: Blob; count: number }
  | { id: number; ok: true; op: "import"; result: ImportResult }
  | { id: number; ok: false; error: string };
