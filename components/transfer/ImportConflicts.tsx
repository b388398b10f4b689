import { useState } from "preact/hooks";
import type { ClaimmarkDb } from "../../lib/db/schema";
import type { ConflictField, ImportConflict } from "../../lib/transfer/conflicts";
import type { TakeReport } from "../../lib/transfer/take-imported";
import { useTrusted } from "../edit/trust";
import { countLabel, errorMessage } from "../format";
import { runTakeImported } from "./run-transfer";

/** Each field as the reader knows it from the card. */
const FIELD_LABELS: Record<ConflictField, string> = {
  kind: "Kind",
  status: "Status",
  tags: "Tags",
  note: "Note",
  speaker: "Speaker",
  cue: "Cue",
  figureKind: "Figure kind",
  value: "Value",
  unit: "Unit",
  qualifier: "Qualifier",
  dismissed: "Dismissed",
  deleted: "Deleted",
  "source.url": "Source address",
  "source.title": "Source title",
  "source.publisher": "Source publisher",
  "source.accessedAt": "Source accessed",
  "source.note": "Source note",
  "source.quote": "Source quote",
  source: "New source",
};

/** The conflicts of each annotation together, in the report's order. */
function byAnnotation(conflicts: ImportConflict[]): ImportConflict[][] {
  const groups = new Map<string, ImportConflict[]>();
  for (const conflict of conflicts) {
    const group = groups.get(conflict.annotationId);
    if (group) group.push(conflict);
    else groups.set(conflict.annotationId, [conflict]);
  }
  return [...groups.values()];
}

/** What taking did, in a sentence. */
function takeSummary(result: TakeReport): string {
  const taken = `Took the imported value for ${countLabel(result.taken.length, "conflict")}.`;
  if (result.refused.length === 0) return taken;
  return `${taken} ${countLabel(result.refused.length, "conflict")} left as yours: see below.`;
}

/**
 * The values an import did not write because the reader had edited them: each shown as text
 * (stored beside imported, each isolated so a page's bidirectional marks cannot reorder the rest),
 * with a button to take the imported value, one by one or all together.
 */
export function ImportConflicts({
  db,
  conflicts,
  unlisted,
}: {
  db: ClaimmarkDb;
  conflicts: ImportConflict[];
  unlisted: number;
}) {
  const trusted = useTrusted();
  const [taken, setTaken] = useState<ReadonlySet<string>>(new Set());
  const [refused, setRefused] = useState<ReadonlyMap<string, string>>(new Map());
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const pending = conflicts.filter((conflict) => !taken.has(conflict.key) && !refused.has(conflict.key));

  const take = async (chosen: ImportConflict[]) => {
    setBusy(true);
    try {
      const result = await runTakeImported(db, chosen);
      setTaken((before) => new Set([...before, ...result.taken]));
      setRefused((before) => new Map([...before, ...result.refused.map((r) => [r.key, r.reason] as const)]));
      setStatus({ error: result.refused.length > 0, text: takeSummary(result) });
    } catch (error) {
      setStatus({ error: true, text: `Nothing was taken: ${errorMessage(error)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="transfer-conflicts" data-testid="import-conflicts">
      <p>
        {countLabel(conflicts.length + unlisted, "value")} in the file differ from your edits. Yours were kept; take the
        imported value where the file is right.
      </p>
      {unlisted > 0 && (
        <p data-testid="import-conflicts-unlisted">
          {unlisted} more are not listed: settle these, then import the file again to see them.
        </p>
      )}
      <button
        type="button"
        class="transfer-button"
        data-testid="take-all-imported"
        disabled={busy || pending.length === 0}
        onClick={trusted(() => void take(pending))}
      >
        Take all imported ({pending.length})
      </button>
      {status && (
        <p class={status.error ? "transfer-error" : "transfer-status"} role="status" data-testid="take-status">
          {status.text}
        </p>
      )}
      <ul class="transfer-conflict-list">
        {byAnnotation(conflicts).map((group) => {
          const first = group[0] as ImportConflict;
          return (
            <li key={first.annotationId} class="transfer-conflict-annotation" data-testid="import-conflict-annotation">
              <p class="transfer-conflict-passage">
                “<bdi>{first.passage}</bdi>”{" "}
                <span class="transfer-conflict-where">
                  on <bdi>{first.pageKey}</bdi> (<bdi>{first.annotationId}</bdi>)
                </span>
              </p>
              <ul>
                {group.map((conflict) => {
                  const label = FIELD_LABELS[conflict.field] ?? conflict.field;
                  const reason = refused.get(conflict.key);
                  return (
                    <li key={conflict.key} class="transfer-conflict" data-testid="import-conflict">
                      <span class="transfer-conflict-field">{label}</span>
                      <span>
                        Yours:{" "}
                        <bdi class="transfer-conflict-value" data-testid="conflict-stored">
                          {conflict.storedText}
                        </bdi>
                      </span>
                      <span>
                        File:{" "}
                        <bdi class="transfer-conflict-value" data-testid="conflict-imported">
                          {conflict.importedText}
                        </bdi>
                      </span>
                      {taken.has(conflict.key) ? (
                        <span data-testid="conflict-taken">Imported value taken</span>
                      ) : (
                        <button
                          type="button"
                          class="transfer-button"
                          data-testid="take-imported"
                          aria-label={`Take the imported ${label.toLowerCase()} of “${first.passage}”`}
                          disabled={busy || reason !== undefined}
                          onClick={trusted(() => void take([conflict]))}
                        >
                          Take imported
                        </button>
                      )}
                      {reason && <span class="transfer-error">Not taken: {reason}.</span>}
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
