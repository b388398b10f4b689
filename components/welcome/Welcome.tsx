import { getSettings } from "../../lib/db/edit";
import type { ClaimmarkDb } from "../../lib/db/schema";
import { DEFAULT_SETTINGS } from "../../lib/model";
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
      <h2 id="welcome-keys">Keyboard shortcuts</h2>
      <p>With words selected in an article:</p>
      {commands === null ? (
        <p>Reading your shortcuts…</p>
      ) : (
        <table class="welcome-keys" data-testid="welcome-shortcuts">
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Shortcut</th>
            </tr>
          </thead>
          <tbody>
            {ours.map((command) => (
              <tr key={command.name} data-testid={`shortcut-${command.name}`}>
                <td>{command.description || command.name}</td>
                <td>{command.shortcut ? <Keys shortcut={command.shortcut} /> : <em>Not set</em>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <button type="button" class="welcome-button" data-testid="welcome-open-shortcuts" onClick={onOpenShortcuts}>
          Change shortcuts
        </button>{" "}
        in your browser's shortcut settings. These are always the same, in any article:
      </p>
      <table class="welcome-keys">
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Keys</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>Go to the next highlight and open its card</td>
            <td>
              <Keys shortcut="Alt+Shift+↓" />
            </td>
          </tr>
          <tr>
            <td>Go to the previous highlight</td>
            <td>
              <Keys shortcut="Alt+Shift+↑" />
            </td>
          </tr>
          <tr>
            <td>Close the card</td>
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
      <h1>Welcome to Claimmark</h1>
      <p class="welcome-lead">
        Claimmark finds the quotes, reported claims and figures in the news articles you read, lets you pin each one to
        its sources and give it a verdict, and keeps all of it on your own machine.
      </p>

      <section aria-labelledby="welcome-try">
        <h2 id="welcome-try">Try it</h2>
        <p>
          Open any news article: Claimmark reads it as it loads and highlights what it finds. For a first look, try{" "}
          <a href={EXAMPLE_ARTICLE.url} target="_blank" rel="noopener noreferrer" data-testid="welcome-example">
            {EXAMPLE_ARTICLE.title}
          </a>{" "}
          ({EXAMPLE_ARTICLE.site}): the claims and quotes of the CSTO's secretary general and of the head of its Joint
          Staff, and figures such as “about 6,500 militants”, are highlighted; its dates (“November 28”, “January 2015”)
          are listed in the popup.
        </p>
        <ul>
          <li>Click a highlight to open its card: its speaker or value, your verdict, tags, note and sources.</li>
          <li>Select words in the article to mark them yourself, as a claim, a figure or a highlight.</li>
          <li>Click Claimmark's button in the toolbar for the page's list, its search and filters, and export.</li>
        </ul>
      </section>

      <section aria-labelledby="welcome-legend">
        <h2 id="welcome-legend">What the colours and lines mean</h2>
        <p>
          Every kind has its own line as well as its own colour, so colour is never the only signal. The samples below
          are painted exactly as pages are, in your colour scheme.
        </p>
        <Legend scheme={current.colourScheme ?? "default"} verdictMarks={current.verdictMarksInPage === true} />
        <p>
          <button
            type="button"
            class="welcome-button"
            data-testid="welcome-open-settings"
            onClick={() => onOpenLibrary("settings")}
          >
            Open the settings
          </button>{" "}
          to choose which kinds are highlighted (dates too), a high-contrast scheme, or where detection runs.
        </p>
      </section>

      <Shortcuts commands={commands} onOpenShortcuts={onOpenShortcuts} />

      <section aria-labelledby="welcome-data">
        <h2 id="welcome-data">Where your work is kept</h2>
        <p>
          Only in this browser, in Claimmark's own database (IndexedDB, in the extension's storage). Claimmark has no
          server and no account, and sends nothing anywhere. The pages you read never see your notes, tags, sources or
          verdicts: only which of their passages are highlighted, and as what kind.
        </p>
        <p>
          Removing Claimmark from the browser deletes its database: export a backup first if you want to keep your work.
        </p>
      </section>

      <section aria-labelledby="welcome-export">
        <h2 id="welcome-export">Export and back up</h2>
        <p>
          In the popup, “Export and import” under the list exports the page you are on. In the library, export
          everything, or what your search and filters show, as W3C Web Annotation JSON-LD (a complete backup, which
          imports back), CSV, Markdown or ClaimReview.
        </p>
        <p>
          <button
            type="button"
            class="welcome-button"
            data-testid="welcome-open-library"
            onClick={() => onOpenLibrary("library")}
          >
            Open the library
          </button>
        </p>
      </section>
    </main>
  );
}
