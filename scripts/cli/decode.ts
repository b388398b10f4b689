/** Most of a text that may be bytes that are not UTF-8 (a Latin-1 name in a UTF-8 page) before it is refused as not text. */
const MAX_INVALID_SHARE = 0.01;

const REPLACEMENT = 0xfffd;

/**
 * Decodes an input as UTF-8 text, or throws a message saying why it is not text: empty, binary
 * (a NUL byte: no text format has one) or mostly not UTF-8. Detection on an executable would
 * find "figures" in it and exit 0, which hides the mistake.
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new Error(`${name}: no input (it is empty)`);
  if (bytes.includes(0)) throw new Error(`${name}: not text (it holds NUL bytes: a binary file?)`);
  const text = new TextDecoder("utf-8").decode(bytes);
  let invalid = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === REPLACEMENT) invalid++;
  // U+FFFD written as such in the file is text; only the decoder's replacements count.
  const written = countWritten(bytes);
  if (invalid - written > Math.max(1, text.length * MAX_INVALID_SHARE)) {
    throw new Error(`${name}: not text (${invalid - written} bytes are not UTF-8)`);
  }
  return text;
}

/** How many U+FFFD the bytes spell out in UTF-8 (EF BF BD). */
function countWritten(bytes: Uint8Array): number {
  let count = 0;
  for (let i = bytes.indexOf(0xef); i >= 0 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) count++;
  }
  return count;
}
