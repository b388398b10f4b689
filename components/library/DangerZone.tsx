import { useState } from "preact/hooks";
import { deleteAllData } from "../../lib/db/edit";
import type { ClaimmarkDb } from "../../lib/db/schema";
import { ConfirmDeleteDialog } from "./ConfirmDeleteDialog";

/** The "Delete all data" button, and the dialog it opens. */
export function DangerZone({ db }: { db: ClaimmarkDb }) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState("");
  return (
    <section class="danger-zone" aria-labelledby="danger-zone-title">
      <h3 id="danger-zone-title">Delete all data</h3>
      <p>Deletes every page, annotation and source Claimmark has stored in this browser. Your settings are kept.</p>
      <button
        type="button"
        class="danger"
        data-testid="setting-delete-all"
        aria-haspopup="dialog"
        onClick={() => {
          setDone("");
          setOpen(true);
        }}
      >
        Delete all data…
      </button>
      <p role="status" class="danger-done">
        {done}
      </p>
      {open && (
        <ConfirmDeleteDialog
          db={db}
          onCancel={() => setOpen(false)}
          onDelete={() => deleteAllData(db)}
          onDeleted={() => {
            setOpen(false);
            setDone("All pages, annotations and sources were deleted.");
          }}
        />
      )}
    </section>
  );
}
