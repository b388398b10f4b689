import { useRef, useState } from "preact/hooks";
import type { ClaimmarkDb } from "../../lib/db/schema";
import { countStored } from "../../lib/db/store";
import { errorMessage } from "../format";
import { formatNumber, t } from "../i18n";
import { useLiveQuery } from "../use-live-query";
import { downloadBackup } from "./backup";
import { useFocusTrap } from "./focus-trap";

/**
 * The modal that guards "Delete all data": it offers a backup first and enables its Delete button
 * only once the reader has typed DELETE.
 */
export function ConfirmDeleteDialog({
  db,
  onCancel,
  onDeleted,
  onDelete,
}: {
  db: ClaimmarkDb;
  onCancel: () => void;
  onDeleted: () => void;
  /** Deletes everything; resolves when done. */
  onDelete: () => Promise<void>;
}) {
  // The word the reader types to confirm, in their language: deleting everything must never be one slip of a key.
  const confirmWord = t("delete_confirm_word");
  const dialog = useRef<HTMLDivElement>(null);
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  useFocusTrap(dialog, () => {
    if (!busy) onCancel();
  });
  const counts = useLiveQuery(async () => ({ pages: await db.pages.count(), ...(await countStored(db)) }), [db]);
  const backup = async () => {
    try {
      const saved = await downloadBackup(db);
      setMessage(t("delete_backup_saved", formatNumber(saved)));
    } catch (error) {
      setMessage(t("delete_backup_failed", errorMessage(error)));
    }
  };
  const confirm = async (event: Event) => {
    event.preventDefault();
    if (typed !== confirmWord || busy) return;
    setBusy(true);
    try {
      await onDelete();
      onDeleted();
    } catch (error) {
      setBusy(false);
      setMessage(t("delete_failed", errorMessage(error)));
    }
  };
  return (
    <div class="backdrop">
      <div
        class="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="delete-dialog-title"
        aria-describedby="delete-dialog-body"
        data-testid="delete-dialog"
        ref={dialog}
      >
        <h2 id="delete-dialog-title">{t("delete_title")}</h2>
        <p id="delete-dialog-body">
          {counts.status === "ready"
            ? t("delete_counted", [
                formatNumber(counts.value.pages),
                formatNumber(counts.value.annotations),
                formatNumber(counts.value.sources),
              ])
            : t("delete_everything_body")}{" "}
          {t("delete_settings_kept")}
        </p>
        <p>
          <button type="button" data-testid="download-backup" onClick={backup}>
            {t("delete_download_first")}
          </button>
        </p>
        <p class="dialog-message" role="status">
          {message}
        </p>
        <form onSubmit={confirm}>
          <label for="confirm-delete-input">{t("delete_type_to_confirm", confirmWord)}</label>
          <input
            id="confirm-delete-input"
            data-testid="confirm-delete-input"
            autocomplete="off"
            spellcheck={false}
            value={typed}
            onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)}
          />
          <div class="dialog-actions">
            <button type="button" onClick={onCancel} disabled={busy}>
              {t("edit_cancel")}
            </button>
            <button type="submit" class="danger" data-testid="confirm-delete" disabled={typed !== confirmWord || busy}>
              {t("delete_everything")}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
