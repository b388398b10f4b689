import { useRef, useState } from "preact/hooks";
import type { ClaimmarkDb } from "../../lib/db/schema";
import { countStored } from "../../lib/db/store";
import { errorMessage } from "../format";
import { useLiveQuery } from "../use-live-query";
import { downloadBackup } from "./backup";
import { useFocusTrap } from "./focus-trap";

/** The word the reader types to confirm: deleting everything must never be one slip of a key. */
const CONFIRM_WORD = "DELETE";

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
      setMessage(`Saved a copy of ${saved} annotations, with their pages and sources. Import it to restore them.`);
    } catch (error) {
      setMessage(`The copy could not be saved: ${errorMessage(error)}`);
    }
  };
  const confirm = async (event: Event) => {
    event.preventDefault();
    if (typed !== CONFIRM_WORD || busy) return;
    setBusy(true);
    try {
      await onDelete();
      onDeleted();
    } catch (error) {
      setBusy(false);
      setMessage(`Nothing was deleted: ${errorMessage(error)}`);
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
        <h2 id="delete-dialog-title">Delete all data?</h2>
        <p id="delete-dialog-body">
          {counts.status === "ready"
            ? `This deletes ${counts.value.pages} pages, ${counts.value.annotations} annotations and ${counts.value.sources} sources from this browser. It cannot be undone.`
            : "This deletes every page, annotation and source from this browser. It cannot be undone."}{" "}
          Your settings are kept.
        </p>
        <p>
          <button type="button" data-testid="download-backup" onClick={backup}>
            Download a copy first
          </button>
        </p>
        <p class="dialog-message" role="status">
          {message}
        </p>
        <form onSubmit={confirm}>
          <label for="confirm-delete-input">Type {CONFIRM_WORD} to confirm</label>
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
              Cancel
            </button>
            <button type="submit" class="danger" data-testid="confirm-delete" disabled={typed !== CONFIRM_WORD || busy}>
              Delete everything
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
