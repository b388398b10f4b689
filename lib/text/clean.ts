/**
 * Strings that came from outside (a page, an import file, a sync server) made safe to store and to
 * hand to any encoder: NUL characters removed (IndexedDB keeps them, but many tools that read an
 * export stop at the first one) and lone surrogates replaced with U+FFFD, so that
 * `encodeURIComponent`, `TextEncoder` and JSON readers in other languages never fail on them.
 */

/** `text` without NUL characters and with every lone surrogate replaced by U+FFFD. */
export function cleanText(text: string): string {
  const withoutNul = text.includes("\0") ? text.replaceAll("\0", "") : text;
  return withoutNul.isWellFormed() ? withoutNul : withoutNul.toWellFormed();
}

/** `cleanText` for a value that may be null. */
export function cleanNullable(text: string | null): string | null {
  return text === null ? null : cleanText(text);
}
