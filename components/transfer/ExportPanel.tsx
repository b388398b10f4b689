import { useState } from "preact/hooks";
import type { ClaimmarkDb } from "../../lib/db/schema";
import { exportFileName } from "../../lib/transfer/filename";
import type { ExportFormat } from "../../lib/transfer/render";
import { useTrusted } from "../edit/trust";
import { errorMessage } from "../format";
import { plural, t } from "../i18n";
import { downloadBlob } from "./download";
import { runExport } from "./run-transfer";
import type { ExportQuery } from "./transfer-protocol";

/** One set of annotations the reader may export: a label, a file-name part, and how to gather it. */
export interface ExportScope {
  id: string;
  label: string;
  /** Goes into the file name: "page", "selection", "all". */
  fileScope: string;
  /** Which annotations: a query the transfer worker can run (functions cannot cross to it). */
  query(db: ClaimmarkDb): ExportQuery | Promise<ExportQuery>;
}

const FORMATS: { format: ExportFormat; label: string; type: string }[] = [
  { format: "w3c", label: "W3C JSON-LD", type: "application/ld+json" },
  { format: "csv", label: "CSV", type: "text/csv;charset=utf-8" },
  { format: "md", label: "Markdown", type: "text/markdown;charset=utf-8" },
  { format: "claimreview", label: "ClaimReview", type: "application/ld+json" },
];

/** Export buttons for a choice of scopes: a download per format, and "Copy as Markdown". */
export function ExportPanel({ db, scopes }: { db: ClaimmarkDb; scopes: ExportScope[] }) {
  const trusted = useTrusted();
  const [scopeId, setScopeId] = useState(scopes[0]?.id ?? "");
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const scope = scopes.find((candidate) => candidate.id === scopeId) ?? scopes[0];

  const run = async (format: ExportFormat | "copy") => {
    if (!scope) return;
    try {
      // Gathered and written in a worker: 100,000 annotations must not freeze the page.
      const chosen = format === "copy" ? "md" : format;
      const { type } = FORMATS.find((entry) => entry.format === chosen) as (typeof FORMATS)[number];
      const { blob, count } = await runExport(db, await scope.query(db), chosen, type);
      if (count === 0) {
        setStatus({ error: true, text: t("export_nothing") });
        return;
      }
      if (format === "copy") {
        await navigator.clipboard.writeText(await blob.text());
        setStatus({
          error: false,
          text: t("export_copied", plural(count, "count_annotations_one", "count_annotations_other")),
        });
        return;
      }
      downloadBlob(blob, exportFileName(format, scope.fileScope));
      setStatus({
        error: false,
        text: t("export_done", plural(count, "count_annotations_one", "count_annotations_other")),
      });
    } catch (error) {
      setStatus({ error: true, text: t("export_failed", errorMessage(error)) });
    }
  };

  return (
    <section class="transfer" aria-label={t("export_label")} data-testid="export-panel">
      <div class="transfer-row">
        <label class="transfer-label" for="export-scope">
          {t("export_label")}
        </label>
        <select
          id="export-scope"
          class="transfer-select"
          data-testid="export-scope"
          value={scope?.id}
          onChange={(event) => setScopeId(event.currentTarget.value)}
        >
          {scopes.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.label}
            </option>
          ))}
        </select>
      </div>
      <div class="transfer-row transfer-buttons">
        {FORMATS.map(({ format, label }) => (
          <button
            key={format}
            type="button"
            class="transfer-button"
            data-testid={`export-${format}`}
            onClick={trusted(() => void run(format))}
          >
            {label}
          </button>
        ))}
        <button type="button" class="transfer-button" data-testid="copy-md" onClick={trusted(() => void run("copy"))}>
          {t("export_copy_md")}
        </button>
      </div>
      {status && (
        <p class={status.error ? "transfer-error" : "transfer-status"} role="status" data-testid="export-status">
          {status.text}
        </p>
      )}
    </section>
  );
}
