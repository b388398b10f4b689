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

/** A text with whitespace collapsed, and where each of its characters came from in the original. */
export interface NormalizedText {
  text: string;
  /** `rawOffset[i]` is the original offset of character `i`; one more entry maps the end. */
  rawOffset: Int32Array;
}

/** `normalizeWhitespace` that remembers where each character came from, to map a match back. */
export function normalizeWithMap(raw: string): NormalizedText {
  const rawOffset = new Int32Array(raw.length + 1);
  let out = "";
  let n = 0;
  let i = 0;
  let chunk = 0;
  while (i < raw.length) {
    if (!isWhitespaceCode(raw.charCodeAt(i))) {
      rawOffset[n++] = i++;
      continue;
    }
    out += raw.slice(chunk, i);
    let j = i + 1;
    while (j < raw.length && isWhitespaceCode(raw.charCodeAt(j))) j++;
    out += " ";
    rawOffset[n++] = i;
    i = j;
    chunk = j;
  }
  out += raw.slice(chunk);
  rawOffset[n] = raw.length;
  return { text: out, rawOffset: rawOffset.subarray(0, n + 1) };
}
