import preact from "@preact/preset-vite";
import { defineConfig } from "wxt";
import { zodWithoutEval } from "./scripts/build/zod-without-eval";

// Explicit imports everywhere: a reader sees where every name comes from.
export default defineConfig({
  imports: false,
  vite: () => ({
    // zodWithoutEval: no eval probe in extension pages, where eval is forbidden anyway (see the plugin).
    plugins: [preact(), zodWithoutEval()],
    worker: { plugins: () => [zodWithoutEval()] },
    // Both browsers preload modules natively: Vite's polyfill (a `fetch` of each preloaded chunk) is dead weight.
    build: { modulePreload: { polyfill: false } },
  }),
  // `npm run zip`: the store packages, and for Firefox the sources zip its reviewers rebuild from
  // (SOURCE_CODE_REVIEW.md). The sources are what the build reads and nothing else: no tests, tools,
  // fixtures or notes; the build needs nothing outside this folder.
  zip: {
    includeSources: [
      "package.json",
      "package-lock.json",
      "tsconfig.json",
      "wxt.config.ts",
      "README.md",
      "SOURCE_CODE_REVIEW.md",
      "entrypoints/**",
      "components/**",
      "lib/**",
      "public/**",
      "scripts/build/**",
    ],
  },
  manifest: ({ browser }) => ({
    // Every word the browser shows comes from public/_locales (English when the reader's language has none).
    name: "__MSG_ext_name__",
    description: "__MSG_ext_description__",
    default_locale: "en",
    // activeTab lets the popup read the URL of the tab it was opened on (to explain why a
    // browser page cannot be annotated) without asking for the broad "tabs" permission.
    // contextMenus: "Mark as claim", "Mark as figure" and "Highlight" on a selection.
    permissions: ["activeTab", "contextMenus"],
    action: { default_title: "__MSG_ext_name__" },
    // The card is an extension page in a frame of the page (the page can neither read nor style
    // its inside). A page may load it only as a frame; the dynamic URL changes every session, so
    // pages cannot use it to tell who has Claimmark installed before a card is ever opened.
    web_accessible_resources: [
      { resources: ["card.html"], matches: ["http://*/*", "https://*/*"], use_dynamic_url: true },
    ],
    // Shown, and changeable, in the browser's shortcut settings (chrome://extensions/shortcuts).
    commands: {
      "mark-claim": { suggested_key: { default: "Alt+Shift+M" }, description: "__MSG_command_mark_claim__" },
      "mark-figure": { suggested_key: { default: "Alt+Shift+F" }, description: "__MSG_command_mark_figure__" },
      "highlight-selection": { suggested_key: { default: "Alt+Shift+H" }, description: "__MSG_command_highlight__" },
    },
    // Firefox: a fixed id (storage and updates follow it), the Highlight API's first version, and the
    // data-collection declaration new add-ons must make: Claimmark sends nothing anywhere.
    ...(browser === "firefox"
      ? {
          browser_specific_settings: {
            gecko: {
              id: "claimmark@claimmark.org",
              strict_min_version: "140.0",
              data_collection_permissions: { required: ["none"] },
            },
            // Firefox for Android reads data_collection_permissions from version 142.
            gecko_android: { strict_min_version: "142.0" },
          },
        }
      : {}),
  }),
});
