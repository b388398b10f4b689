import { useState } from "preact/hooks";
import { getSettings, saveSettings } from "../../lib/db/edit";
import type { ClaimmarkDb } from "../../lib/db/schema";
import type { Settings } from "../../lib/model";
import { errorMessage } from "../format";
import { useLiveQuery } from "../use-live-query";
import { DangerZone } from "./DangerZone";
import { SiteRules } from "./SiteRules";

type HighlightKind = keyof Settings["highlightKinds"];

const HIGHLIGHT_KIND_LABELS: Record<HighlightKind, string> = {
  quote: "Quotes",
  claim: "Reported claims",
  figure: "Figures",
  date: "Dates and times, apart from other figures (most pages are full of them)",
  highlight: "Your own highlights",
};

const SCHEMES: { value: NonNullable<Settings["colourScheme"]>; label: string; hint: string }[] = [
  { value: "default", label: "Okabe–Ito (default)", hint: "Light tints, safe for colour-blind readers." },
  {
    value: "high-contrast",
    label: "High contrast",
    hint: "Saturated solid colours and thick underlines. A page can tell that you chose it.",
  },
];

/** A change to the settings, applied to what is stored at the time it is saved. */
type SettingsChange = (settings: Settings) => Settings;

function SettingsForm({ settings, onChange }: { settings: Settings; onChange: (change: SettingsChange) => void }) {
  const checked = (event: Event) => (event.currentTarget as HTMLInputElement).checked;
  return (
    <>
      <fieldset>
        <legend>Automatic detection</legend>
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
          <label for="setting-auto-detect">Find quotes, claims and figures on every article I read</label>
        </div>
        <p class="hint">Sites listed below follow their own rule instead.</p>
      </fieldset>
      <SiteRules
        rules={settings.siteRules}
        autoDetect={settings.autoDetect}
        onChange={(change) => onChange((s) => ({ ...s, siteRules: change(s.siteRules) }))}
      />
      <fieldset>
        <legend>Highlight in pages</legend>
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
            <label for={`setting-kind-${kind}`}>{HIGHLIGHT_KIND_LABELS[kind]}</label>
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
          <label for="setting-verdict-marks">Also mark my verdicts (supported, disputed, false) in pages</label>
        </div>
        <p class="hint" id="setting-verdict-marks-hint">
          Off by default. A page can read its own highlights, so with this on, every page you annotate can see which of
          its passages you judged, and how. Your notes, tags and sources never reach a page either way.
        </p>
      </fieldset>
      <fieldset data-testid="setting-reviewer">
        <legend>Fact-check exports</legend>
        <label for="setting-reviewer-name">Reviewer (you or your organisation)</label>
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
        <label for="setting-reviewer-url">Reviewer's web address (optional)</label>
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
          Named as the author of each review in the ClaimReview export. Stays in this browser until you export.
        </p>
      </fieldset>
      <fieldset data-testid="setting-colour-scheme">
        <legend>Colours</legend>
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
              {scheme.label}
            </label>
            <span class="hint" id={`setting-colour-${scheme.value}-hint`}>
              {scheme.hint}
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
      () => setStatus("Saved."),
      (error: unknown) => setStatus(`Not saved: ${errorMessage(error)}`),
    );
  };
  return (
    <section class="settings" data-testid="settings" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      {live.status === "loading" && <p>Loading…</p>}
      {live.status === "error" && <p role="alert">Claimmark could not read its settings: {live.error}</p>}
      {live.status === "ready" && <SettingsForm settings={live.value} onChange={save} />}
      <p class="settings-status" role="status" data-testid="settings-status">
        {status}
      </p>
      <DangerZone db={db} />
    </section>
  );
}
