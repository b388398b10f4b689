import { useRef, useState } from "preact/hooks";
import type { ClaimmarkDb } from "../../lib/db/schema";
import { type MessageKey, t, uiLocale } from "../i18n";
import { Library } from "./Library";
import { SettingsPanel } from "./SettingsPanel";

/** The two parts of the extension page. */
export type OptionsTab = "library" | "settings";

const TABS: { id: OptionsTab; label: MessageKey }[] = [
  { id: "library", label: "library_title" },
  { id: "settings", label: "settings_title" },
];

/** The extension page: the library and the settings as two tabs (ARIA tabs: arrow keys move between them). */
export function OptionsPage({
  db,
  openTab,
  initialTab = "library",
  onTabChange,
  locale = uiLocale(),
}: {
  db: ClaimmarkDb;
  openTab: (url: string) => void;
  initialTab?: OptionsTab;
  /** Told when the reader switches tabs, so the address can remember it. */
  onTabChange?: (tab: OptionsTab) => void;
  locale?: string;
}) {
  const [tab, setTab] = useState<OptionsTab>(initialTab);
  const buttons = useRef<Record<string, HTMLButtonElement | null>>({});
  const select = (next: OptionsTab, focus = false) => {
    setTab(next);
    onTabChange?.(next);
    if (focus) buttons.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.findIndex((entry) => entry.id === tab);
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    const target =
      event.key === "Home"
        ? TABS[0]
        : event.key === "End"
          ? TABS[TABS.length - 1]
          : step
            ? TABS[(index + step + TABS.length) % TABS.length]
            : undefined;
    if (!target) return;
    event.preventDefault();
    select(target.id, true);
  };
  return (
    <div class="options">
      <header class="options-header">
        <h1 class="brand">{t("ext_name")}</h1>
        <div class="tabs" role="tablist" aria-label={t("ext_name")} onKeyDown={onKeyDown}>
          {TABS.map((entry) => (
            <button
              key={entry.id}
              type="button"
              role="tab"
              id={`tab-${entry.id}`}
              aria-selected={tab === entry.id}
              aria-controls={`panel-${entry.id}`}
              tabIndex={tab === entry.id ? 0 : -1}
              data-testid={`tab-${entry.id}`}
              ref={(el) => {
                buttons.current[entry.id] = el;
              }}
              onClick={() => select(entry.id)}
            >
              {t(entry.label)}
            </button>
          ))}
        </div>
      </header>
      <main>
        <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} class="options-panel">
          {tab === "library" ? <Library db={db} openTab={openTab} locale={locale} /> : <SettingsPanel db={db} />}
        </div>
      </main>
    </div>
  );
}
