import type { browser } from "wxt/browser";

// Code that Playwright evaluates inside the extension's service worker or pages sees the
// browser's `chrome` global; this names its type for the compiler.
declare global {
  const chrome: typeof browser;
}
