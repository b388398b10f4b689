import { useState } from "preact/hooks";
import type { ClaimmarkDb } from "../../lib/db/schema";
import { toClaimReview } from "../../lib/transfer/claimreview";
import type { ExportSet } from "../../lib/transfer/collect";
import { toCsv } from "../../lib/transfer/csv";
import { exportFileName } from "../../lib/transfer/filename";
import { toMarkdown } from "../../lib/transfer/markdown";
import { toW3c } from "../../lib/transfer/w3c";
import { useTrusted } from "../edit/trust";
import { countLabel } from "../format";
import { downloadText } from "./download";

/** One set of annotations the reader may export: a label, a file-name part, and how to gather it. */
export interface ExportScope {
  id: string;
  label: string;
  /** Goes into the file name: "page", "selection", "all". */
  fileScope: string;
  collect(db: ClaimmarkDb): Promise<ExportSet>;
}

type Format = "w3c" | "csv" | "md" | "claimreview";

const FORMATS: { format: Format; label: string; type: string }[] = [
  { format: "w3c", label: "W3C JSON-LD", type: "application/ld+json" },
  { format: "csv", label: "CSV", type: "text/csv;charset=utf-8" },
  { format: "md", label: "Markdown", type: "text/markdown;charset=utf-8" },
  { format: "claimreview", label: "ClaimReview", type: "application/ld+json" },
];

/** The text of one export format. */
function render(format: Format, set: ExportSet): string {
  switch (format) {
    case "w3c":
      return `${JSON.stringify(toW3c(set), null, 2)}\n`;
    case "csv":
      return toCsv(set);
    case "md":
      return toMarkdown(set);
    case "claimreview":
      return `${JSON.stringify(toClaimReview(set), null, 2)}\n`;
  }
}

/** Export buttons for a choice of scopes: a download per format, and "Copy as Markdown". */
export function ExportPanel({ db, scopes }: { db: ClaimmarkDb; scopes: ExportScope[] }) {
  const trusted = useTrusted();
  const [scopeId, setScopeId] = useState(scopes[0]?.id ?? "");
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const scope = scopes.find((candidate) => candidate.id === scopeId) ?? scopes[0];

  const run = async (format: Format | "copy") => {
    if (!scope) return;
    try {
      const set = await scope.collect(db);
      if (set.annotations.length === 0) {
        setStatus({ error: true, text: "Nothing to export in this scope." });
        return;
      }
      if (format === "copy") {
        await navigator.clipboard.writeText(toMarkdown(set));
        setStatus({ error: false, text: `Copied ${countLabel(set.annotations.length, "annotation")} as Markdown.` });
        return;
      }
      const { type } = FORMATS.find((entry) => entry.format === format) as (typeof FORMATS)[number];
      downloadText(render(format, set), exportFileName(format, scope.fileScope), type);
      setStatus({ error: false, text: `Exported ${countLabel(set.annotations.length, "annotation")}.` });
    } catch (error) {
      setStatus({ error: true, text: `Export failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  return (
    <section class="transfer" aria-label="Export" data-testid="export-panel">
      <div class="transfer-row">
        <label class="transfer-label" for="export-scope">
          Export
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
          Copy as Markdown
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
