import { useState } from "preact/hooks";
import { getSettings, saveSettings } from "../../lib/db/edit";
import type { ClaimmarkDb } from "../../lib/db/schema";
import type { Settings } from "../../lib/model";
import { errorMessage } from "../format";
import { type MessageKey, t } from "../i18n";
import { useLiveQuery } from "../use-live-query";
import { DangerZone } from "./DangerZone";
import { SiteRules } from "./SiteRules";

type HighlightKind = keyof Settings["highlightKinds"];

const HIGHLIGHT_KIND_LABELS: Record<HighlightKind, MessageKey> = {
  quote: "settings_kind_quotes",
  claim: "popup_kind_claims",
  figure: "popup_kind_figures",
  date: "settings_kind_dates",
  highlight: "settings_kind_highlights",
};

const SCHEMES: { value: NonNullable<Settings["colourScheme"]>; label: MessageKey; hint: MessageKey }[] = [
  { value: "default", label: "settings_scheme_default", hint: "settings_scheme_default_hint" },
  { value: "high-contrast", label: "settings_scheme_contrast", hint: "settings_scheme_contrast_hint" },
];

/** A change to the settings, applied to what is stored at the time it is saved. */
type SettingsChange = (settings: Settings) => Settings;

function SettingsForm({ settings, onChange }: { settings: Settings; onChange: (change: SettingsChange) => void }) {
  const checked = (event: Event) => (event.currentTarget as HTMLInputElement).checked;
  return (
    <>
      <fieldset>
        <legend>{t("settings_detection")}</legend>
        <div class="field-check">
          <input
            id="setting-auto-detect"
            type="checkbox"
            data-testid="setting-auto-detect"
            checked={settings.autoDetect}
            onChange={(e) => {
              const autoDetect = checked(e);
              onChange((s) => ({ ...s, autoDetect }));
            }}
          />
          <label for="setting-auto-detect">{t("settings_auto_detect")}</label>
        </div>
        <p class="hint">{t("settings_sites_hint")}</p>
      </fieldset>
      <SiteRules
        rules={settings.siteRules}
        autoDetect={settings.autoDetect}
        onChange={(change) => onChange((s) => ({ ...s, siteRules: change(s.siteRules) }))}
      />
      <fieldset>
        <legend>{t("settings_highlight_in_pages")}</legend>
        {(Object.keys(HIGHLIGHT_KIND_LABELS) as HighlightKind[]).map((kind) => (
          <div class="field-check" key={kind}>
            <input
              id={`setting-kind-${kind}`}
              type="checkbox"
              data-testid={`setting-kind-${kind}`}
              checked={settings.highlightKinds[kind]}
              onChange={(e) => {
                const on = checked(e);
                onChange((s) => ({ ...s, highlightKinds: { ...s.highlightKinds, [kind]: on } }));
              }}
            />
            <label for={`setting-kind-${kind}`}>{t(HIGHLIGHT_KIND_LABELS[kind])}</label>
          </div>
        ))}
        <div class="field-check">
          <input
            id="setting-verdict-marks"
            type="checkbox"
            data-testid="setting-verdict-marks"
            aria-describedby="setting-verdict-marks-hint"
            checked={settings.verdictMarksInPage === true}
            onChange={(e) => {
              const on = checked(e);
              onChange((s) => ({ ...s, verdictMarksInPage: on }));
            }}
          />
          <label for="setting-verdict-marks">{t("settings_verdict_marks")}</label>
        </div>
        <p class="hint" id="setting-verdict-marks-hint">
          {t("settings_verdict_marks_hint")}
        </p>
      </fieldset>
      <fieldset data-testid="setting-reviewer">
        <legend>{t("settings_reviewer_legend")}</legend>
        <label for="setting-reviewer-name">{t("settings_reviewer_name")}</label>
        <input
          id="setting-reviewer-name"
          type="text"
          maxLength={200}
          data-testid="setting-reviewer-name"
          aria-describedby="setting-reviewer-hint"
          value={settings.reviewer?.name ?? ""}
          onChange={(e) => {
            const name = (e.currentTarget as HTMLInputElement).value.trim();
            onChange((s) => ({ ...s, reviewer: name ? { name, url: s.reviewer?.url ?? "" } : null }));
          }}
        />
        <label for="setting-reviewer-url">{t("settings_reviewer_url")}</label>
        <input
          id="setting-reviewer-url"
          type="url"
          maxLength={2000}
          data-testid="setting-reviewer-url"
          value={settings.reviewer?.url ?? ""}
          onChange={(e) => {
            const url = (e.currentTarget as HTMLInputElement).value.trim();
            onChange((s) => (s.reviewer ? { ...s, reviewer: { ...s.reviewer, url } } : s));
          }}
        />
        <p class="hint" id="setting-reviewer-hint">
          {t("settings_reviewer_hint")}
        </p>
      </fieldset>
      <fieldset data-testid="setting-colour-scheme">
        <legend>{t("settings_colours")}</legend>
        {SCHEMES.map((scheme) => (
          <div class="field-check" key={scheme.value}>
            <input
              id={`setting-colour-${scheme.value}`}
              type="radio"
              name="colour-scheme"
              value={scheme.value}
              data-testid={`setting-colour-${scheme.value}`}
              aria-describedby={`setting-colour-${scheme.value}-hint`}
              checked={(settings.colourScheme ?? "default") === scheme.value}
              onChange={() => onChange((s) => ({ ...s, colourScheme: scheme.value }))}
            />
            <label for={`setting-colour-${scheme.value}`}>
              <span class={`swatches swatches-${scheme.value}`} aria-hidden="true">
                <span class="swatch swatch-quote" />
                <span class="swatch swatch-claim" />
                <span class="swatch swatch-figure" />
                <span class="swatch swatch-highlight" />
              </span>
              {t(scheme.label)}
            </label>
            <span class="hint" id={`setting-colour-${scheme.value}-hint`}>
              {t(scheme.hint)}
            </span>
          </div>
        ))}
      </fieldset>
    </>
  );
}

/** The reader's settings, saved as soon as they change, and the danger zone. */
export function SettingsPanel({ db }: { db: ClaimmarkDb }) {
  const live = useLiveQuery(() => getSettings(db), [db]);
  const [status, setStatus] = useState("");
  const save = (change: SettingsChange) => {
    db.transaction("rw", db.settings, async () => saveSettings(db, change(await getSettings(db)))).then(
      () => setStatus(t("settings_saved")),
      (error: unknown) => setStatus(t("settings_not_saved", errorMessage(error))),
    );
  };
  return (
    <section class="settings" data-testid="settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{t("settings_title")}</h2>
      {live.status === "loading" && <p>{t("library_loading")}</p>}
      {live.status === "error" && <p role="alert">{t("settings_read_failed", live.error)}</p>}
      {live.status === "ready" && <SettingsForm settings={live.value} onChange={save} />}
      <p class="settings-status" role="status" data-testid="settings-status">
        {status}
      </p>
      <DangerZone db={db} />
    </section>
  );
}
