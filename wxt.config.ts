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
    permissions: ["activeTab"],
    action: { default_title: "Claimmark" },
  },
});
