import { useRef, useState } from "preact/hooks";
import { siteOf } from "../../lib/url/normalize";
import { t, tNodes } from "../i18n";

/** The site a typed host or URL names ("https://www.nytimes.com/x" → "nytimes.com"), or null when it names none. */
export function siteFromInput(raw: string): string | null {
  const text = raw.trim();
  if (!text) return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(text) ? text : `http://${text}`).hostname;
  } catch {
    return null;
  }
  if (!host || host.startsWith(".") || host.includes("..")) return null;
  return siteOf(host);
}

/** Per-site exceptions to the default: each site with detection on or off, removable, and a way to add one. */
export function SiteRules({
  rules,
  autoDetect,
  onChange,
}: {
  rules: Record<string, boolean>;
  autoDetect: boolean;
  /** Applies a change to the rules as stored. */
  onChange: (change: (rules: Record<string, boolean>) => Record<string, boolean>) => void;
}) {
  const [typed, setTyped] = useState("");
  const [error, setError] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const sites = Object.keys(rules).sort();
  const add = (event: Event) => {
    event.preventDefault();
    // The field itself, not the last render's state: a paste and an Enter can arrive together.
    const site = siteFromInput(input.current?.value ?? typed);
    if (!site) {
      setError(t("sites_error"));
      return;
    }
    setError("");
    setTyped("");
    // A new exception is the opposite of the default: that is why the reader adds it.
    onChange((stored) => ({ ...stored, [site]: stored[site] ?? !autoDetect }));
  };
  return (
    <fieldset class="site-rules" data-testid="setting-site-rules">
      <legend>{t("sites_legend")}</legend>
      {sites.length === 0 ? (
        <p class="hint">{t("sites_none")}</p>
      ) : (
        <ul class="site-list">
          {sites.map((site) => {
            const id = `site-rule-${site.replace(/[^a-z\d]/gi, "-")}`;
            return (
              <li key={site} data-testid="site-rule" data-site={site}>
                <input
                  id={id}
                  type="checkbox"
                  checked={rules[site]}
                  onChange={(e) => {
                    const on = (e.currentTarget as HTMLInputElement).checked;
                    onChange((stored) => ({ ...stored, [site]: on }));
                  }}
                />
                <label for={id}>
                  {tNodes("sites_detect_on", [
                    <span key="site" class="site-name">
                      {site}
                    </span>,
                  ])}
                </label>
                <button
                  type="button"
                  aria-label={t("sites_remove", site)}
                  onClick={() => {
                    onChange((stored) => {
                      const { [site]: _removed, ...rest } = stored;
                      return rest;
                    });
                  }}
                >
                  {t("source_remove")}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form class="site-add" onSubmit={add}>
        <label for="site-rule-input">{t("sites_add_label")}</label>
        <input
          id="site-rule-input"
          ref={input}
          data-testid="setting-site-input"
          placeholder="example.com"
          autocomplete="off"
          spellcheck={false}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={error ? "site-rule-error" : undefined}
          value={typed}
          onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" data-testid="setting-site-add">
          {t("sites_add")}
        </button>
        {error && (
          <p id="site-rule-error" class="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </fieldset>
  );
}
