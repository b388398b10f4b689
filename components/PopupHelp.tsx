import { getSettings } from "../lib/db/edit";
import type { ClaimmarkDb } from "../lib/db/schema";
import { DEFAULT_SETTINGS } from "../lib/model";
import { t } from "./i18n";
import { Legend } from "./Legend";
import { useLiveQuery } from "./use-live-query";

/** The id of the popup's help panel, for its toggle's `aria-controls`. */
export const HELP_PANEL_ID = "popup-help";

/** The toggle in the popup's header that shows or hides the legend. */
export function HelpToggle({ open, onToggle }: { open: boolean; onToggle(): void }) {
  return (
    <button
      type="button"
      class="edit-link brand-help"
      data-testid="open-legend"
      aria-expanded={open}
      aria-controls={HELP_PANEL_ID}
      onClick={onToggle}
    >
      <span aria-hidden="true">?</span>
      <span class="edit-sr-only">{t("help_toggle")}</span>
    </button>
  );
}

/** The popup's help, on demand: the legend of the highlights, and the welcome page for the rest. */
export function HelpPanel({ db, onOpenWelcome }: { db: ClaimmarkDb; onOpenWelcome(): void }) {
  const settings = useLiveQuery(() => getSettings(db), [db]);
  const current = settings.status === "ready" ? settings.value : DEFAULT_SETTINGS;
  return (
    <section id={HELP_PANEL_ID} class="help" data-testid="help" aria-labelledby="popup-help-title">
      <h2 id="popup-help-title" class="help-title">
        {t("help_title")}
      </h2>
      <Legend scheme={current.colourScheme ?? "default"} verdictMarks={current.verdictMarksInPage === true} />
      <p>
        <button type="button" class="edit-link" data-testid="open-welcome" onClick={onOpenWelcome}>
          {t("help_open_welcome")}
        </button>
      </p>
    </section>
  );
}
