/**
 * Every occurrence of a quote in a stretch of text, overlapping ones included, in order. The
 * engine's `indexOf` compares a long needle afresh at each place where its end matches, so a quote
 * of a million characters in a text that repeats itself (as a page can make it) took time in the
 * square of its length. A long needle whose end matches in many places is searched with
 * Knuth–Morris–Pratt instead, in linear time; elsewhere `indexOf` is faster.
 */

/** Needles up to this long are searched with `indexOf`: its cost per place is bounded by their length. */
const LONG_NEEDLE = 256;

/** Offsets in `haystack` where `needle` (not empty) occurs, overlapping ones included, in order. */
export function occurrences(haystack: string, needle: string): number[] {
  if (needle.length > haystack.length) return [];
  if (needle.length <= LONG_NEEDLE || !endsMatchOften(haystack, needle)) return byIndexOf(haystack, needle);
  return byPrefixTable(haystack, needle);
}

/** Every occurrence by `indexOf`. */
function byIndexOf(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/**
 * Whether the needle's last LONG_NEEDLE characters occur in so many places that comparing the whole
 * needle at each would cost more than one pass over the haystack.
 */
function endsMatchOften(haystack: string, needle: string): boolean {
  const end = needle.slice(-LONG_NEEDLE);
  const affordable = Math.floor(haystack.length / needle.length);
  let places = 0;
  for (let i = haystack.indexOf(end); i !== -1; i = haystack.indexOf(end, i + 1))
    if (++places > affordable) return true;
  return false;
}

/** Every occurrence by Knuth–Morris–Pratt: one pass over the haystack, whatever it repeats. */
function byPrefixTable(haystack: string, needle: string): number[] {
  const found: number[] = [];
  const border = borders(needle);
  let matched = 0;
  for (let i = 0; i < haystack.length; i++) {
    const code = haystack.charCodeAt(i);
    while (matched > 0 && needle.charCodeAt(matched) !== code) matched = border[matched - 1] as number;
    if (needle.charCodeAt(matched) === code) matched++;
    if (matched === needle.length) {
      found.push(i - needle.length + 1);
      matched = border[matched - 1] as number;
    }
  }
  return found;
}

/** For each prefix of `needle`, the length of its longest proper prefix that is also its suffix. */
function borders(needle: string): Int32Array {
  const border = new Int32Array(needle.length);
  let length = 0;
  for (let i = 1; i < needle.length; i++) {
    const code = needle.charCodeAt(i);
    while (length > 0 && needle.charCodeAt(length) !== code) length = border[length - 1] as number;
    if (needle.charCodeAt(length) === code) length++;
    border[i] = length;
  }
  return border;
}
