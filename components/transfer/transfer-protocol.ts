import type { ExportQuery } from "../../lib/transfer/collect";
import type { ImportConflict } from "../../lib/transfer/conflicts";
import type { ImportResult } from "../../lib/transfer/import";
import type { ExportFormat } from "../../lib/transfer/render";
import type { TakeReport } from "../../lib/transfer/take-imported";

/** Which annotations an export takes: the query `collectForExport` reads, carried to the worker. */
export type { ExportQuery } from "../../lib/transfer/collect";

/** A page → worker request. */
export type TransferRequest =
  | { id: number; op: "export"; scope: ExportQuery; format: ExportFormat; type: string }
  /** The file itself: a Blob crosses to the worker by reference, where a 100 MB string would be copied. */
  | { id: number; op: "import"; file: Blob }
  /** Conflicts an import listed, whose imported values the reader takes. */
  | { id: number; op: "take"; conflicts: ImportConflict[] };

/** The worker's answer. */
export type TransferReply =
  /** A Blob for the same reason: the page only hands it to the download. */
  | { id: number; ok: true; op: "export"; blob: Blob; count: number }
  | { id: number; ok: true; op: "import"; result: ImportResult }
  | { id: number; ok: true; op: "take"; result: TakeReport }
  | { id: number; ok: false; error: string };
