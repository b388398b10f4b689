import { useState } from "preact/hooks";
import type { ClaimmarkDb } from "../../lib/db/schema";
import { IMPORT_MAX_BYTES, type ImportReport } from "../../lib/transfer/import";
import { errorMessage } from "../format";
import { formatNumber, plural, t } from "../i18n";
import { ImportConflicts } from "./ImportConflicts";
import { runImport } from "./run-transfer";

/** What an import did, in a sentence: added, merged (and updated), refused, sources. */
function reportSentence(report: ImportReport): string {
  const parts = [
    t("import_added", plural(report.added, "count_annotations_one", "count_annotations_other")),
    report.merged > 0
      ? t("import_merged_updated", [formatNumber(report.merged), formatNumber(report.updated)])
      : t("import_merged", formatNumber(report.merged)),
    t("import_refused", formatNumber(report.refused.length)),
  ];
  if (report.sources > 0) parts.push(plural(report.sources, "count_sources_one", "count_sources_other"));
  return t("import_report", parts.join(t("list_separator")));
}

/** What the reader sees after an import: what was added, merged and refused, and why, and the edits of theirs it kept. */
function Report({ db, report }: { db: ClaimmarkDb; report: ImportReport }) {
  return (
    <>
      <div class="transfer-status" role="status" data-testid="import-report">
        <p>{reportSentence(report)}</p>
        {report.refused.length > 0 && (
          <ul class="transfer-refused" data-testid="import-refused">
            {report.refused.slice(0, 20).map((refusal) => (
              <li key={refusal.item}>{t("import_refusal", [refusal.item, refusal.reason])}</li>
            ))}
            {report.refused.length > 20 && (
              <li>{t("import_refused_more", formatNumber(report.refused.length - 20))}</li>
            )}
          </ul>
        )}
      </div>
      {/* Outside the live region: it holds buttons, and its own status line says what taking did. */}
      {report.conflicts.length + report.unlistedConflicts > 0 && (
        <ImportConflicts db={db} conflicts={report.conflicts} unlisted={report.unlistedConflicts} />
      )}
    </>
  );
}

/** Import a Claimmark JSON-LD or Hypothesis JSON export; a bad file changes nothing and says why. */
export function ImportPanel({ db }: { db: ClaimmarkDb }) {
  // Each import gets its own number, so a new report starts with nothing taken.
  const [result, setResult] = useState<{ report: ImportReport; run: number } | { error: string } | null>(null);
  const [runs, setRuns] = useState(0);
  const [busy, setBusy] = useState(false);

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    if (file.size > IMPORT_MAX_BYTES) {
      setResult({
        error: t("import_too_large", [file.name, formatNumber(Math.round(IMPORT_MAX_BYTES / 1e6))]),
      });
      return;
    }
    setBusy(true);
    try {
      // In a worker: checking and writing 100,000 annotations takes seconds the page must not freeze for.
      const outcome = await runImport(db, file);
      if (outcome.ok) {
        setResult({ report: outcome.report, run: runs + 1 });
        setRuns(runs + 1);
      } else setResult({ error: t("import_failed", [file.name, outcome.error]) });
    } catch (error) {
      setResult({ error: t("import_refusal", [file.name, errorMessage(error)]) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="transfer" aria-label={t("import_label")} data-testid="import-panel">
      <label class="transfer-label" for="import-file">
        {t("import_file_label")}
      </label>
      <input
        id="import-file"
        type="file"
        accept=".json,.jsonld,application/json,application/ld+json"
        data-testid="import-file"
        disabled={busy}
        onChange={(event) => void onFile(event)}
      />
      {busy && <p role="status">{t("import_busy")}</p>}
      {result && "report" in result && <Report key={result.run} db={db} report={result.report} />}
      {result && "error" in result && (
        <p class="transfer-error" role="alert" data-testid="import-error">
          {result.error}
        </p>
      )}
    </section>
  );
}
