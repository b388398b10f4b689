/**
 * Parses an http(s) URL, or returns null for anything else (including garbage). Its own module,
 * free of the public-suffix list: the popup and the card parse links but never need a site.
 */
export function parseHttpUrl(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url : null;
}
