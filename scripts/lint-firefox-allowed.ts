/**
 * The findings of Mozilla's add-on linter that `npm run lint:firefox` accepts: each in a bundled library,
 * recognised by the linter's code, the bundled file and the library's own statement at the reported
 * place, with why it stays. The README's "Firefox add-on linter" lists the same. Anything else fails.
 */

/** One message of `web-ext lint --output json`. */
export interface LintFinding {
  code: string;
  message: string;
  description: string;
  file?: string;
  line?: number;
  column?: number;
}

/** An accepted finding: where it is, how to recognise it, and why it stays. */
export interface AllowedFinding {
  id: string;
  library: string;
  code: string;
  /** The bundled file (chunk names carry a content hash, so a pattern). */
  file: RegExp;
  /** The library's statement, looked for in the 240 characters around the reported column. */
  statement: RegExp;
  /** How many findings this entry covers; more or fewer fails. */
  count: number;
  why: string;
}

export const ALLOWED: AllowedFinding[] = [
  {
    id: "readability-retry",
    library: "@mozilla/readability",
    code: "UNSAFE_VAR_ASSIGNMENT",
    file: /^content-scripts\/content\.js$/,
    // Readability puts back the body it saved before a retry with looser rules: `page.innerHTML = pageCacheHtml`.
    statement: /\w\.innerHTML=\w+,this\._attempts\.push\(/,
    count: 1,
    why: "Readability restores its working copy between attempts; Claimmark runs it on a copy of the page in a document with no browsing context, where no script runs and nothing loads.",
  },
  {
    id: "readability-noscript",
    library: "@mozilla/readability",
    code: "UNSAFE_VAR_ASSIGNMENT",
    file: /^content-scripts\/content\.js$/,
    // Readability's _unwrapNoscriptImages: `tmp.innerHTML = noscript.innerHTML`.
    statement: /\w\.innerHTML=\w\.innerHTML;var \w=\w\.previousElementSibling/,
    count: 1,
    why: "Readability turns a <noscript> image into an image, on the same inert copy of the page; the HTML is the page's own.",
  },
  {
    id: "preact-dangerously-set-inner-html",
    library: "preact",
    code: "UNSAFE_VAR_ASSIGNMENT",
    file: /^chunks\/[\w-]+\.js$/,
    // Preact's diff applies the `dangerouslySetInnerHTML` prop: `dom.innerHTML = newHtml.__html`.
    statement: /\w\.innerHTML=\w\.__html/,
    count: 1,
    why: "Preact's renderer supports the dangerouslySetInnerHTML prop; Claimmark never passes it (Biome's noDangerouslySetInnerHtml rule is an error), so the assignment never runs.",
  },
];

/** The allowlist entry that accepts a finding, given the bundled source around it; undefined when none does. */
export function matchAllowed(finding: LintFinding, source: string): AllowedFinding | undefined {
  return ALLOWED.find(
    (entry) => entry.code === finding.code && entry.file.test(finding.file ?? "") && entry.statement.test(source),
  );
}

/** A way to send data over the network, as it appears in bundled code. */
export const NETWORK_CALL = /\bfetch\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon/g;

/** Network code accepted in the built package, each a library's own statement that Claimmark never reaches. */
export const ALLOWED_NETWORK: { id: string; library: string; statement: RegExp; why: string }[] = [
  {
    id: "papaparse-download",
    library: "papaparse",
    // Papa Parse's NetworkStreamer, used only by `Papa.parse(url, { download: true })`.
    statement: /new XMLHttpRequest,this\._config\.withCredentials/,
    why: "Papa Parse downloads a CSV file when asked to parse an address; Claimmark uses only Papa.unparse, its CSV writer.",
  },
];
