/**
 * JSON text for the exports. A ClaimReview or W3C file is meant to be pasted into a page's
 * `<script type="application/ld+json">`, and its strings come from hostile pages: a title holding
 * `</script><script>…` must not close that element. The text stays JSON that parses back to the
 * same value, only with `<`, `>`, `&`, U+2028 and U+2029 written as `\u` escapes, and with every
 * lone surrogate replaced by U+FFFD so that readers in other languages never choke on it.
 */

const ESCAPES: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/**
 * What to rewrite in JSON.stringify's output: the five characters above, and the `\udXXX` escape
 * it writes for a lone surrogate (lower-case hex, by the standard). An escaped backslash (`\\`)
 * is matched as a pair so that `\\ud800`, a backslash followed by the letters "ud800", is skipped.
 */
const UNSAFE = /[<>&\u2028\u2029]|\\(?:\\|ud[89a-f][0-9a-f]{2})/gu;

function rewrite(match: string): string {
  const escaped = ESCAPES[match];
  if (escaped !== undefined) return escaped;
  // An escaped backslash stays; a lone surrogate becomes U+FFFD itself, as a re-export writes it.
  return match === "\\\\" ? match : "\uFFFD";
}

/** JSON.stringify output made safe to paste into a script element (see above), in one regex pass. */
export function scriptSafeJson(json: string): string {
  return json.replace(UNSAFE, rewrite);
}

/** A value as script-safe JSON text (indented by `indent` when given), ending with a line break. */
export function jsonText(value: unknown, indent?: number): string {
  return `${scriptSafeJson(JSON.stringify(value, null, indent))}\n`;
}
