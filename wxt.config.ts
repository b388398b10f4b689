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
    // Shown, and changeable, in the browser's shortcut settings (chrome://extensions/shortcuts).
    commands: {
      "mark-claim": { suggested_key: { default: "Alt+Shift+M" }, description: "Mark the selection as a claim" },
      "mark-figure": { suggested_key: { default: "Alt+Shift+F" }, description: "Mark the selection as a figure" },
      "highlight-selection": { suggested_key: { default: "Alt+Shift+H" }, description: "Highlight the selection" },
    },
  },
});
