/// <reference lib="webworker" />
import { openDb } from "../../lib/db/schema";
import { collectForExport } from "../../lib/transfer/collect";
import { importText } from "../../lib/transfer/import";
import { renderExport } from "../../lib/transfer/render";
import { takeImported } from "../../lib/transfer/take-imported";
import { errorMessage } from "../format";
import { postReply } from "../worker-client";
import type { TransferReply, TransferRequest } from "./transfer-protocol";

/**
 * Export and import off the page's thread: 100,000 annotations take seconds to gather, write or
 * check, and the popup and the library must stay responsive meanwhile. The worker opens the same
 * database (same extension origin); Dexie tells the pages' live queries what changed.
 */
const db = openDb(undefined, { relaxedDurability: true });

self.onmessage = async (event: MessageEvent<TransferRequest>) => {
  const request = event.data;
  let reply: TransferReply;
  try {
    if (request.op === "export") {
      const set = await collectForExport(db, request.scope);
      const blob = new Blob([renderExport(request.format, set)], { type: request.type });
      reply = { id: request.id, ok: true, op: "export", blob, count: set.annotations.length };
    } else if (request.op === "import") {
      reply = { id: request.id, ok: true, op: "import", result: await importText(db, await request.file.text()) };
    } else {
      reply = { id: request.id, ok: true, op: "take", result: await takeImported(db, request.conflicts) };
    }
  } catch (error) {
    reply = { id: request.id, ok: false, error: errorMessage(error) };
  }
  postReply(reply);
};
