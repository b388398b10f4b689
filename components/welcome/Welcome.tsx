import { getSettings } from "../../lib/db/edit";
import type { ClaimmarkDb } from "../../lib/db/schema";
import { DEFAULT_SETTINGS } from "../../lib/model";
import { t, tNodes } from "../i18n";
import { Legend } from "../Legend";
import { useLiveQuery } from "../use-live-query";

/** One of the extension's keyboard commands as the browser has it now (`commands.getAll()`). */
export interface ShortcutCommand {
  name?: string;
  description?: string;
  /** Empty or absent when the reader (or a clash with another extension) left it unset. */
  shortcut?: string;
}

/** The example article: the one Claimmark is tuned and tested on, public on its publisher's site. */
export const EXAMPLE_ARTICLE = {
  url: "https://centralasianlight.org/news/csto-secretary-general-announces-adoption-of-program-for-development-of-tajik-afghan-border/",
  title: "CSTO Secretary General announces adoption of Program for development of Tajik-Afghan border",
  site: "CentralAsianLight",
};

/** Props of {@link Welcome}. */
export interface WelcomeProps {
  db: ClaimmarkDb;
  /** The extension's commands with their current shortcuts; null while they are being read. */
  commands: ShortcutCommand[] | null;
  /** Opens the browser's page where shortcuts are changed. */
  onOpenShortcuts(): void;
  /** Opens the library (and its export), or its settings. */
  onOpenLibrary(section: "library" | "settings"): void;
}

/** A shortcut as keys: "Alt+Shift+M" → Alt + Shift + M, each a <kbd>. */
function Keys({ shortcut }: { shortcut: string }) {
  const keys = shortcut.split("+").filter(Boolean);
  return (
    <kbd>
      {keys.map((key, i) => (
        <span key={`${i}-${key}`}>
          {i > 0 && "+"}
          <kbd>{key}</kbd>
        </span>
      ))}
    </kbd>
  );
}

function Shortcuts({ commands, onOpenShortcuts }: Pick<WelcomeProps, "commands" | "onOpenShortcuts">) {
  // The browser lists the toolbar button's own command too ("_execute_action"): not one of ours to explain.
  const ours = (commands ?? []).filter((command) => command.name && !command.name.startsWith("_"));
  return (
    <section aria-labelledby="welcome-keys">
      <h2 id="welcome-keys">{t("welcome_keys")}</h2>
      <p>{t("welcome_keys_selected")}</p>
      {commands === null ? (
        <p>{t("welcome_keys_reading")}</p>
      ) : (
        <table class="welcome-keys" data-testid="welcome-shortcuts">
          <thead>
            <tr>
              <th scope="col">{t("welcome_action")}</th>
              <th scope="col">{t("welcome_shortcut")}</th>
            </tr>
          </thead>
          <tbody>
            {ours.map((command) => (
              <tr key={command.name} data-testid={`shortcut-${command.name}`}>
                <td>{command.description || command.name}</td>
                <td>{command.shortcut ? <Keys shortcut={command.shortcut} /> : <em>{t("welcome_not_set")}</em>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <button type="button" class="welcome-button" data-testid="welcome-open-shortcuts" onClick={onOpenShortcuts}>
          {t("welcome_change_shortcuts")}
        </button>{" "}
        {t("welcome_change_after")}
      </p>
      <table class="welcome-keys">
        <thead>
          <tr>
            <th scope="col">{t("welcome_action")}</th>
            <th scope="col">{t("welcome_keys_column")}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{t("welcome_next")}</td>
            <td>
              <Keys shortcut="Alt+Shift+↓" />
            </td>
          </tr>
          <tr>
            <td>{t("welcome_previous")}</td>
            <td>
              <Keys shortcut="Alt+Shift+↑" />
            </td>
          </tr>
          <tr>
            <td>{t("welcome_close_card")}</td>
            <td>
              <Keys shortcut="Escape" />
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

/** The page opened when Claimmark is installed (and from the popup): what it does and how to start. */
export function Welcome({ db, commands, onOpenShortcuts, onOpenLibrary }: WelcomeProps) {
  const settings = useLiveQuery(() => getSettings(db), [db]);
  const current = settings.status === "ready" ? settings.value : DEFAULT_SETTINGS;
  return (
    <main class="welcome" data-testid="welcome">
      <h1>{t("welcome_title")}</h1>
      <p class="welcome-lead">{t("welcome_lead")}</p>

      <section aria-labelledby="welcome-try">
        <h2 id="welcome-try">{t("welcome_try")}</h2>
        <p>
          {tNodes("welcome_try_body", [
            <a
              key="example"
              href={EXAMPLE_ARTICLE.url}
              target="_blank"
              rel="noopener noreferrer"
              data-testid="welcome-example"
            >
              {EXAMPLE_ARTICLE.title}
            </a>,
            EXAMPLE_ARTICLE.site,
          ])}
        </p>
        <ul>
          <li>{t("welcome_try_card")}</li>
          <li>{t("welcome_try_select")}</li>
          <li>{t("welcome_try_popup")}</li>
        </ul>
      </section>

      <section aria-labelledby="welcome-legend">
        <h2 id="welcome-legend">{t("welcome_legend")}</h2>
        <p>{t("welcome_legend_body")}</p>
        <Legend scheme={current.colourScheme ?? "default"} verdictMarks={current.verdictMarksInPage === true} />
        <p>
          <button
            type="button"
            class="welcome-button"
            data-testid="welcome-open-settings"
            onClick={() => onOpenLibrary("settings")}
          >
            {t("welcome_open_settings")}
          </button>{" "}
          {t("welcome_settings_after")}
        </p>
      </section>

      <Shortcuts commands={commands} onOpenShortcuts={onOpenShortcuts} />

      <section aria-labelledby="welcome-data">
        <h2 id="welcome-data">{t("welcome_data")}</h2>
        <p>{t("welcome_data_body")}</p>
        <p>{t("welcome_data_remove")}</p>
      </section>

      <section aria-labelledby="welcome-export">
        <h2 id="welcome-export">{t("welcome_export")}</h2>
        <p>{t("welcome_export_body")}</p>
        <p>
          <button
            type="button"
            class="welcome-button"
            data-testid="welcome-open-library"
            onClick={() => onOpenLibrary("library")}
          >
            {t("welcome_open_library")}
          </button>
        </p>
      </section>
    </main>
  );
}
