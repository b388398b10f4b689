/**
 * Collapses every run of whitespace (NBSP, newlines and tabs included) to one space; does not trim.
 * Whitespace is what `\s` matches, the same class the DOM text index collapses, so both sides agree.
 */
export function normalizeWhitespace(s: string): string {
  return s.replace(/\s+/g, " ");
}

/** Is this UTF-16 code unit whitespace as `\s` defines it (a per-character test that avoids a regex). */
export function isWhitespaceCode(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 5760 ||
    (code >= 8192 && code <= 8202) ||
    code === 8232 ||
    code === 8233 ||
    code === 8239 ||
    code === 8287 ||
    code === 12288 ||
    code === 65279
  );
}
