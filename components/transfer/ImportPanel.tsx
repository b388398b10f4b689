import { useState } from "preact/hooks";
import type { ClaimmarkDb } from "../../lib/db/schema";
import { IMPORT_MAX_BYTES, type ImportReport } from "../../lib/transfer/import";
import { countLabel, errorMessage } from "../format";
import { runImport } from "./run-transfer";

/** What the reader sees after an import: what was added, merged and refused, and why. */
function Report({ report }: { report: ImportReport }) {
  return (
    <div class="transfer-status" role="status" data-testid="import-report">
      <p>
        {countLabel(report.added, "annotation")} added, {report.merged} merged, {report.refused.length} refused
        {report.sources > 0 && `, ${countLabel(report.sources, "source")}`}.
      </p>
      {report.refused.length > 0 && (
        <ul class="transfer-refused" data-testid="import-refused">
          {report.refused.slice(0, 20).map((refusal) => (
            <li key={refusal.item}>
              {refusal.item}: {refusal.reason}
            </li>
          ))}
          {report.refused.length > 20 && <li>…and {report.refused.length - 20} more</li>}
        </ul>
      )}
    </div>
  );
}

/** Import a Claimmark JSON-LD or Hypothesis JSON export; a bad file changes nothing and says why. */
export function ImportPanel({ db }: { db: ClaimmarkDb }) {
  const [result, setResult] = useState<{ report: ImportReport } | { error: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    if (file.size > IMPORT_MAX_BYTES) {
      setResult({
        error: `${file.name} is larger than ${Math.round(IMPORT_MAX_BYTES / 1e6)} MB: nothing was imported.`,
      });
      return;
    }
    setBusy(true);
    try {
      // In a worker: checking and writing 100,000 annotations takes seconds the page must not freeze for.
      const outcome = await runImport(db, file);
      if (outcome.ok) setResult({ report: outcome.report });
      else setResult({ error: `${file.name}: ${outcome.error}. Nothing was imported.` });
    } catch (error) {
      setResult({ error: `${file.name}: ${errorMessage(error)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="transfer" aria-label="Import" data-testid="import-panel">
      <label class="transfer-label" for="import-file">
        Import (Claimmark JSON-LD or Hypothesis JSON)
      </label>
      <input
        id="import-file"
        type="file"
        accept=".json,.jsonld,application/json,application/ld+json"
        data-testid="import-file"
        disabled={busy}
        onChange={(event) => void onFile(event)}
      />
      {busy && <p role="status">Importing…</p>}
      {result && "report" in result && <Report report={result.report} />}
      {result && "error" in result && (
        <p class="transfer-error" role="alert" data-testid="import-error">
          {result.error}
        </p>
      )}
    </section>
  );
}
