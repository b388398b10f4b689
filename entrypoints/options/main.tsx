import { render } from "preact";
import { browser } from "wxt/browser";
import { localizeDocument } from "../../components/i18n";
import { OptionsPage, type OptionsTab } from "../../components/library/OptionsPage";
import { openDb } from "../../lib/db/schema";
import { parseHttpUrl } from "../../lib/url/http";
import "../../components/edit/editors.css";
import "../../components/transfer/transfer.css";

localizeDocument("options_title");
const root = document.getElementById("app") as HTMLElement;
const db = openDb();

/** Opens a page at an annotation in a new tab; only ever an http(s) URL. */
function openTab(url: string): void {
  if (!parseHttpUrl(url)) return;
  void browser.tabs.create({ url });
}

// "#settings" opens the settings directly, so other parts of the extension can link to them.
const tabOfHash = (): OptionsTab => (location.hash === "#settings" ? "settings" : "library");

function show(): void {
  const tab = tabOfHash();
  render(
    <OptionsPage
      key={tab}
      db={db}
      openTab={openTab}
      initialTab={tab}
      onTabChange={(next) => history.replaceState(null, "", next === "settings" ? "#settings" : location.pathname)}
    />,
    root,
  );
}

window.addEventListener("hashchange", show);
show();
