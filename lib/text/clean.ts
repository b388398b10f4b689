/**
 * Strings that came from outside (a page, an import file, a sync server) made safe to store and to
 * hand to any encoder: every lone surrogate and every NUL character replaced by U+FFFD, so that
 * `encodeURIComponent`, `TextEncoder` and JSON readers in other languages never fail on them, and
 * tools that stop at a NUL read on. Replaced, not removed: the text keeps its length, so offsets
 * into an article stay true. The article text itself is cleaned the same way when it is read
 * from the page (and the page's text index too), so a page's NUL can never make stored text and
 * the article disagree.
 */

/** `text` with every lone surrogate and every NUL replaced by U+FFFD; the same length. */
export function cleanText(text: string): string {
  const wellFormed = text.isWellFormed() ? text : text.toWellFormed();
  return wellFormed.includes("\0") ? wellFormed.replaceAll("\0", "\uFFFD") : wellFormed;
}

/** `cleanText` for a value that may be null. */
export function cleanNullable(text: string | null): string | null {
  return text === null ? null : cleanText(text);
}
