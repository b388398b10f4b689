import preact from "@preact/preset-vite";
import { defineConfig } from "wxt";

// Explicit imports everywhere: a reader sees where every name comes from.
export default defineConfig({
  imports: false,
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: "Claimmark",
    description:
      "Find the claims and numbers in a news article, pin each to its sources, keep it all on your own machine.",
    // activeTab lets the popup read the URL of the tab it was opened on (to explain why a
    // browser page cannot be annotated) without asking for the broad "tabs" permission.
    // contextMenus: "Mark as claim", "Mark as figure" and "Highlight" on a selection.
    permissions: ["activeTab", "contextMenus"],
    action: { default_title: "Claimmark" },
    // The card is an extension page in a frame of the page (the page can neither read nor style
    // its inside). A page may load it only as a frame; the dynamic URL changes every session, so
    // pages cannot use it to tell who has Claimmark installed before a card is ever opened.
    web_accessible_resources: [
      { resources: ["card.html"], matches: ["http://*/*", "https://*/*"], use_dynamic_url: true },
    ],
    // Shown, and changeable, in the browser's shortcut settings (chrome://extensions/shortcuts).
    commands: {
      "mark-claim": { suggested_key: { default: "Alt+Shift+M" }, description: "Mark the selection as a claim" },
      "mark-figure": { suggested_key: { default: "Alt+Shift+F" }, description: "Mark the selection as a figure" },
      "highlight-selection": { suggested_key: { default: "Alt+Shift+H" }, description: "Highlight the selection" },
    },
  },
});
