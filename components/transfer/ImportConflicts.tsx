import { useState } from "preact/hooks";
import type { ClaimmarkDb } from "../../lib/db/schema";
import type { ConflictField, ImportConflict } from "../../lib/transfer/conflicts";
import type { TakeReport } from "../../lib/transfer/take-imported";
import { useTrusted } from "../edit/trust";
import { errorMessage } from "../format";
import { formatNumber, type MessageKey, plural, t, tNodes } from "../i18n";
import { runTakeImported } from "./run-transfer";

/** Each field as the reader knows it from the card. */
const FIELD_LABELS: Record<ConflictField, MessageKey> = {
  kind: "filters_kind",
  status: "status_label",
  tags: "edit_tags",
  note: "edit_note",
  speaker: "edit_speaker",
  cue: "field_cue",
  figureKind: "field_figure_kind",
  value: "figure_value",
  unit: "field_unit",
  qualifier: "figure_qualifier",
  dismissed: "undo_dismissed",
  deleted: "field_deleted",
  "source.url": "field_source_url",
  "source.title": "field_source_title",
  "source.publisher": "field_source_publisher",
  "source.accessedAt": "field_source_accessed",
  "source.note": "field_source_note",
  "source.quote": "field_source_quote",
  source: "field_source_new",
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
  const taken = t("take_done", plural(result.taken.length, "count_conflicts_one", "count_conflicts_other"));
  if (result.refused.length === 0) return taken;
  return `${taken} ${t("take_refused", plural(result.refused.length, "count_conflicts_one", "count_conflicts_other"))}`;
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
      setStatus({ error: true, text: t("take_failed", errorMessage(error)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="transfer-conflicts" data-testid="import-conflicts">
      <p>{t("conflicts_intro", plural(conflicts.length + unlisted, "count_values_one", "count_values_other"))}</p>
      {unlisted > 0 && <p data-testid="import-conflicts-unlisted">{t("conflicts_unlisted", formatNumber(unlisted))}</p>}
      <button
        type="button"
        class="transfer-button"
        data-testid="take-all-imported"
        disabled={busy || pending.length === 0}
        onClick={trusted(() => void take(pending))}
      >
        {t("take_all", formatNumber(pending.length))}
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
                  {tNodes("conflict_where", [
                    <bdi key="page">{first.pageKey}</bdi>,
                    <bdi key="id">{first.annotationId}</bdi>,
                  ])}
                </span>
              </p>
              <ul>
                {group.map((conflict) => {
                  const label = conflict.field in FIELD_LABELS ? t(FIELD_LABELS[conflict.field]) : conflict.field;
                  const reason = refused.get(conflict.key);
                  return (
                    <li key={conflict.key} class="transfer-conflict" data-testid="import-conflict">
                      <span class="transfer-conflict-field">{label}</span>
                      <span>
                        {t("conflict_yours")}{" "}
                        <bdi class="transfer-conflict-value" data-testid="conflict-stored">
                          {conflict.storedText}
                        </bdi>
                      </span>
                      <span>
                        {t("conflict_file")}{" "}
                        <bdi class="transfer-conflict-value" data-testid="conflict-imported">
                          {conflict.importedText}
                        </bdi>
                      </span>
                      {taken.has(conflict.key) ? (
                        <span data-testid="conflict-taken">{t("conflict_taken")}</span>
                      ) : (
                        <button
                          type="button"
                          class="transfer-button"
                          data-testid="take-imported"
                          aria-label={t("conflict_take_named", [label.toLocaleLowerCase(), first.passage])}
                          disabled={busy || reason !== undefined}
                          onClick={trusted(() => void take([conflict]))}
                        >
                          {t("conflict_take")}
                        </button>
                      )}
                      {reason && <span class="transfer-error">{t("conflict_not_taken", reason)}</span>}
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
