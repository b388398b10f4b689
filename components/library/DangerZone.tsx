import { useState } from "preact/hooks";
import { deleteAllData } from "../../lib/db/edit";
import type { ClaimmarkDb } from "../../lib/db/schema";
import { t } from "../i18n";
import { ConfirmDeleteDialog } from "./ConfirmDeleteDialog";

/** The "Delete all data" button, and the dialog it opens. */
export function DangerZone({ db }: { db: ClaimmarkDb }) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState("");
  return (
    <section class="danger-zone" aria-labelledby="danger-zone-title">
      <h3 id="danger-zone-title">{t("danger_title")}</h3>
      <p>{t("danger_body")}</p>
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
        {t("danger_button")}
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
            setDone(t("danger_done"));
          }}
        />
      )}
    </section>
  );
}
