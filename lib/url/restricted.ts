/** Why Claimmark cannot work on a tab; null means it can. */
export type Restriction = "browser-page" | "extension-store" | "pdf" | "local-file" | "unsupported";

const BROWSER_SCHEMES = new Set([
  "about:",
  "chrome:",
  "chrome-extension:",
  "chrome-search:",
  "chrome-untrusted:",
  "devtools:",
  "edge:",
  "brave:",
  "opera:",
  "vivaldi:",
  "moz-extension:",
  "resource:",
  "view-source:",
]);

// Browsers refuse to run extensions' content scripts on their own extension stores.
const STORE_PREFIXES = [
  "https://chromewebstore.google.com/",
  "https://chrome.google.com/webstore",
  "https://addons.mozilla.org/",
  "https://microsoftedge.microsoft.com/addons",
];

/** Classifies a tab URL: which kind of page it is that cannot be annotated, or null when it can be. */
export function restrictionOf(rawUrl: string): Restriction | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return "unsupported";
  }
  if (BROWSER_SCHEMES.has(url.protocol)) return "browser-page";
  if (url.protocol === "file:") return "local-file";
  if (url.protocol !== "http:" && url.protocol !== "https:") return "unsupported";
  if (STORE_PREFIXES.some((prefix) => url.href.startsWith(prefix))) return "extension-store";
  if (/\.pdf$/i.test(url.pathname)) return "pdf";
  return null;
}
