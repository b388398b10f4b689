import { parseHttpUrl } from "../../lib/url/http";

/** One piece of a note: plain text, or a web address to link. */
export type TextPart = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

/** http(s) addresses as people write them in prose; anything else (javascript:, data:) stays text. */
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/giu;
/** Punctuation that ends a sentence rather than an address ("see https://x.org/a."). */
const TRAILING = ".,;:!?)]}'\"»”’";

/** The address without the sentence's punctuation after it; a ")" stays when it closes a "(" of the address. */
function trimTrailing(raw: string): string {
  let end = raw.length;
  while (end > 0 && TRAILING.includes(raw.charAt(end - 1))) {
    if (raw.charAt(end - 1) === ")") {
      const head = raw.slice(0, end);
      const opened = head.split("(").length - 1;
      const closed = head.split(")").length - 1;
      if (opened >= closed) break;
    }
    end--;
  }
  return raw.slice(0, end);
}

/** Splits text into plain parts and http(s) links, each link's href taken from the parsed URL. */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const raw = trimTrailing(match[0]);
    const start = match.index ?? 0;
    const url = parseHttpUrl(raw);
    if (!url) continue;
    if (start > last) parts.push({ kind: "text", text: text.slice(last, start) });
    parts.push({ kind: "link", text: raw, href: url.href });
    last = start + raw.length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}

/** Shows text with its http(s) addresses as links that open in a new tab; never parses it as HTML. */
export function LinkifiedText({ text, class: className }: { text: string; class?: string }) {
  return (
    <span class={className ?? "edit-linkified"}>
      {linkify(text).map((part, index) =>
        part.kind === "link" ? (
          // Parts have no identity but their order.
          <a key={index} href={part.href} target="_blank" rel="noopener noreferrer">
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </span>
  );
}
