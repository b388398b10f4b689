import { cleanText } from "../text/clean";

/**
 * Whether two field values (text, numbers, flags, lists, plain records) say the same. Text is
 * compared as it comes back from an export (`cleanText`: NUL and lone surrogates replaced): a stored
 * string with a NUL or a lone surrogate, from before such text was cleaned, equals its copy read
 * back from the reader's own file.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === "string" && typeof b === "string") return a === b || cleanText(a) === cleanText(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (isPlain(a) && isPlain(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue(a[key], b[key]));
  }
  return a === b;
}

function isPlain(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
