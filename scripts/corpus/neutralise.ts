/**
 * Saved corpus pages carry their sites' scripts. Left to run, the few that still load (inline
 * ones) change the DOM, throw and time out, and any change they made would be blamed on us.
 * A served copy is neutralised instead: every JavaScript `<script>` becomes `type="text/plain"`
 * (still in the DOM, as Readability sees it on a real page, but never run; data scripts such as
 * JSON-LD keep their type, Readability reads them), and every inline event handler attribute
 * (`<img onerror>`, `<body onload>`) is renamed to `data-neutralised-on…`, so nothing of the page
 * runs at all. Optionally a CSP meta element forbids page scripts instead of the renaming: real
 * sites with a strict CSP keep their handler attributes, and what our code does with them there
 * is worth seeing.
 */

/** What the run prints about how pages were served. */
export function neutralisedNote(csp: boolean): string {
  const handlers = csp
    ? `inline handlers kept and blocked by a CSP meta "script-src 'none'"`
    : "inline on* handler attributes renamed";
  return (
    `pages served with their JavaScript <script> elements retyped to text/plain and ${handlers} ` +
    "(no page script runs, so every DOM mutation observed is ours); requests off 127.0.0.1 are aborted"
  );
}

/** The CSP element put at the head of a page served with `csp`: no page script of any kind may run. */
export const CSP_META = `<meta http-equiv="Content-Security-Policy" content="script-src 'none'">`;

/** Script types browsers run: none (or empty), `module`, and the JavaScript MIME types old and new. */
const RUNNABLE_TYPE =
  /^(?:module|(?:text|application)\/(?:x-)?(?:javascript|ecmascript)|text\/(?:javascript1\.[0-5]|jscript|livescript))$/i;

const SCRIPT_TAG = /<script\b([^>]*)>/gi;
const TYPE_ATTRIBUTE = /(\stype\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/i;

/** Whether a `<script>` with this `type` value (null: no attribute) would run. */
export function isRunnableType(type: string | null): boolean {
  const value = type?.trim() ?? "";
  return value === "" || RUNNABLE_TYPE.test(value);
}

/** Retypes every runnable `<script>` of an HTML source to `text/plain`, leaving data scripts alone. */
export function retypeScripts(html: string): string {
  return html.replace(SCRIPT_TAG, (tag, attributes: string) => {
    const found = TYPE_ATTRIBUTE.exec(attributes);
    const type = found ? (found[2] ?? found[3] ?? found[4] ?? "") : null;
    if (!isRunnableType(type)) return tag;
    const retyped = found
      ? attributes.replace(TYPE_ATTRIBUTE, (_all, lead: string) => `${lead}"text/plain"`)
      : ` type="text/plain"${attributes}`;
    return `<script${retyped}>`;
  });
}

/**
 * Puts the CSP element first in `<head>`; without a head tag, after `<html>`, else after the
 * doctype (never before it: that would switch the page to quirks mode).
 */
export function insertCsp(html: string): string {
  for (const opening of [/<head(?=[\s>])[^>]*>/i, /<html(?=[\s>])[^>]*>/i, /<!doctype[^>]*>/i]) {
    const found = opening.exec(html);
    if (found) {
      const at = found.index + found[0].length;
      return `${html.slice(0, at)}${CSP_META}${html.slice(at)}`;
    }
  }
  return `${CSP_META}${html}`;
}

/**
 * A start tag, attribute by attribute (whitespace before each, so a name cannot be split two
 * ways and a failed match cannot backtrack without end). Tags written `a="1"b="2"` do not match
 * and are left as they are.
 */
const START_TAG = /<[a-zA-Z][^\s/>]*(?:\s+(?:[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?|\/(?!>)))*\s*\/?>/g;
const ATTRIBUTE = /(\s+)([^\s"'>/=]+)((?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?)/g;

/** Renames every `on…` attribute of every start tag to `data-neutralised-on…`, so no inline handler exists. */
export function renameEventHandlers(html: string): string {
  return html.replace(START_TAG, (tag) =>
    /\son/i.test(tag)
      ? tag.replace(ATTRIBUTE, (all, space: string, name: string, value: string) =>
          /^on/i.test(name) ? `${space}data-neutralised-${name}${value}` : all,
        )
      : tag,
  );
}

/** The served copy of a saved page: scripts retyped, and inline handlers renamed or (with `csp`) forbidden. */
export function neutralisePage(html: string, options: { csp?: boolean } = {}): string {
  const retyped = retypeScripts(html);
  return options.csp ? insertCsp(retyped) : renameEventHandlers(retyped);
}
