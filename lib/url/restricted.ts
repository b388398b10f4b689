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

/** A sentence for the reader explaining a restriction. */
export function describeRestriction(restriction: Restriction): string {
  switch (restriction) {
    case "browser-page":
      return "This is a browser page. Claimmark works on web pages (http and https), not on the browser's own pages.";
    case "extension-store":
      return "Browsers do not let extensions read their extension store, so this page cannot be annotated.";
    case "pdf":
      return "This is a PDF. Claimmark annotates web pages; PDFs cannot be annotated yet.";
    case "local-file":
      return "This is a file on your computer. Claimmark annotates web pages served over http or https.";
    case "unsupported":
      return "Claimmark cannot read this kind of page. It works on web pages served over http or https.";
  }
}
