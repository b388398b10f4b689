import { isWebUrl } from "../edit/validate";
import { readableValue, showsWholeNumber } from "../format/figure-value";
import { type Annotation, type PageRecord, type Source, sourcesByAnnotation } from "../model";
import type { ExportSet } from "./collect";

/**
 * Markdown for notes and reports: every field the card shows, readable as plain text and rendered.
 * Everything that came from a page or the reader is escaped where Markdown would read it as syntax,
 * and only there, so no text of theirs becomes a link with a hidden target, an image, emphasis, a
 * heading, a list, a table or HTML; a web address is written as an autolink, `<https://…>`, which
 * shows it exactly as written and links to exactly what it shows.
 */

/** Marks that open inline syntax anywhere in a line: escapes, code, emphasis, links, HTML, tables, strikethrough. */
const INLINE_MARKS = /[\\`*[\]<|~]/gu;

/**
 * An underscore that could open or close emphasis: not between two letters or digits ("snake_case"
 * is safe as it is).
 */
const LOOSE_UNDERSCORE = /_(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])_/gu;

/** A web address in text, up to what an autolink cannot hold (space, `<`, `>`, control characters). */
const ADDRESS = /https?:\/\/[^\s<>\p{Cc}]+/giu;

/**
 * A "www." address where GFM links it by itself (at the start, after a space, "(" or an emphasis
 * mark): GFM takes its characters literally, so an escape there would show its backslash.
 */
const WWW = /(?<=^|[\s(*_~])www\.[^\s<>\p{Cc}]+/giu;

/** In a "www." address, the marks still escaped: those that could make a link or code where GFM does not link it. */
const WWW_MARKS = /[\\`*[\]|]/gu;

/** What ends a sentence after an address rather than belonging to it, as GFM reads it. */
const TRAILING = /[.,:;!?'"*_~]$/u;

/** The address without the punctuation after it ("…/report." ends the sentence) and an unmatched ")". */
function addressPart(token: string): string {
  let end = token.length;
  for (;;) {
    const part = token.slice(0, end);
    const opened = part.split("(").length;
    const unmatched = part.endsWith(")") && part.split(")").length > opened;
    if (!TRAILING.test(part) && !unmatched) return part;
    end--;
  }
}

/** Text with its "www." addresses kept as GFM reads them, the rest made inert. */
function inlineWww(raw: string): string {
  let out = "";
  let last = 0;
  for (const match of raw.matchAll(WWW)) {
    const address = addressPart(match[0]);
    if (!/^www\.[^.]/iu.test(address)) continue;
    // The punctuation after it stays as it is: GFM leaves it out of the link, and an escape there
    // would be read into the link; none of it can pair with another mark, all of which are escaped.
    const after = match[0].slice(address.length);
    out += `${inlinePlain(raw.slice(last, match.index))}${address.replace(WWW_MARKS, (mark) => `\\${mark}`)}${after}`;
    last = match.index + match[0].length;
  }
  return out + inlinePlain(raw.slice(last));
}

/** A stretch of text without web addresses made inert. */
function inlinePlain(raw: string): string {
  return raw
    .replace(INLINE_MARKS, (mark) => `\\${mark}`)
    .replace(LOOSE_UNDERSCORE, "\\_")
    .replace(/&(?=#?[0-9A-Za-z]+;)/gu, "\\&");
}

/**
 * Inline text made inert: the marks above escaped (an underscore only where it could be emphasis,
 * `&` only where it would start an entity such as "&amp;"), and each http(s) address written as an
 * autolink, `<https://…>`: Markdown takes what is inside literally, so the address shows exactly as
 * written and links to exactly what it shows, never to a target hidden behind other words.
 */
function inline(raw: string): string {
  let out = "";
  let last = 0;
  for (const match of raw.matchAll(ADDRESS)) {
    const address = addressPart(match[0]);
    // "http://" alone, or with nothing but punctuation after it, is no address.
    if (!/^https?:\/\/./iu.test(address)) continue;
    out += `${inlineWww(raw.slice(last, match.index))}<${address}>`;
    last = match.index + address.length;
  }
  return out + inlineWww(raw.slice(last));
}

/** One line of text inside a line: whitespace runs become one space, marks are escaped. */
const midLine = (raw: string): string => inline(raw.replace(/\s+/gu, " ").trim());

/** Text that starts a line made inert there too: no list item, heading, block quote or setext underline. */
function lineStart(escaped: string): string {
  return escaped.replace(/^[-+=#>]/u, (mark) => `\\${mark}`).replace(/^(\d+)([.)])/u, "$1\\$2");
}

/** Page or reader text made inert in Markdown, on one line (whitespace runs become one space). */
export function mdText(raw: string): string {
  return lineStart(midLine(raw));
}

/** A heading's text: as `mdText`, and a `#` anywhere escaped, so a trailing one is not taken for the heading's closing. */
function headingText(raw: string): string {
  return mdText(raw).replace(/#/gu, "\\#");
}

/** The lines of a text, each made inert, blank ones dropped. */
function lines(raw: string): string[] {
  return raw
    .split(/\r\n|\r|\n/u)
    .map(mdText)
    .filter((line) => line !== "");
}

/** Several lines of text for a block quote, one `>` line each. */
function mdQuote(raw: string): string {
  const quoted = lines(raw);
  return (quoted.length ? quoted : [""]).map((line) => `> ${line}`.trimEnd()).join("\n");
}

/**
 * A list item `- label: text` at `indent` spaces. A text of several lines keeps them: each line
 * ends with a hard line break and the next is indented to the item's content, so it stays in it.
 */
function item(indent: number, label: string, raw: string): string {
  const pad = " ".repeat(indent);
  const [first = "", ...rest] = raw.split(/\r\n|\r|\n/u).filter((line) => line.trim() !== "");
  const head = `${pad}- ${label}: ${midLine(first)}`.trimEnd();
  return [head, ...rest.map((line) => `${pad}  ${mdText(line)}`)].join("\\\n");
}

/** A page address for a link target: parsed, with the characters that would end the target percent-encoded. */
function linkTarget(url: string): string {
  return new URL(url).href.replace(/[()<> ]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A source as a Markdown link when it has an http(s) address, else its name as text. */
export function sourceLink(source: Source): string {
  const name = mdText(source.title || source.publisher || source.url) || "Untitled source";
  return isWebUrl(source.url) ? `[${name}](${linkTarget(source.url)})` : name;
}

/** One source as a list item at `indent`, with every field it has under it. */
function sourceItem(source: Source, indent: number): string {
  const out = [`${" ".repeat(indent)}- ${sourceLink(source)}`];
  const under = indent + 2;
  if (source.url) out.push(item(under, "Address", source.url));
  if (source.publisher) out.push(item(under, "Publisher", source.publisher));
  if (source.accessedAt) out.push(item(under, "Accessed", source.accessedAt));
  if (source.quote.trim()) out.push(item(under, "Quoted passage", source.quote));
  if (source.note.trim()) out.push(item(under, "Note", source.note));
  return out.join("\n");
}

/** A figure's value as a reader writes it in the page's language, and as stored when that says more. */
function valueText(annotation: Annotation, lang: string | null): string {
  const { value } = annotation;
  if (value === null) return "";
  const readable = readableValue(annotation, lang);
  const whole = typeof value === "number" ? showsWholeNumber(value) : readable === value;
  return whole ? midLine(readable) : `${midLine(readable)} (${midLine(String(value))})`;
}

/** The figure's fields on one line: value, unit, qualifier, type. */
function figureLine(annotation: Annotation, lang: string | null): string | null {
  const parts: string[] = [];
  if (annotation.value !== null) parts.push(`Value: ${valueText(annotation, lang)}`);
  if (annotation.unit) parts.push(`Unit: ${midLine(annotation.unit)}`);
  if (annotation.qualifier) parts.push(`Qualifier: ${midLine(annotation.qualifier)}`);
  if (annotation.figureKind) parts.push(`Type: ${midLine(annotation.figureKind)}`);
  return parts.length ? `- ${parts.join(" · ")}` : null;
}

/** The list under a passage: status, tags, cue, the figure's fields, note and sources. */
function details(annotation: Annotation, sources: Source[], lang: string | null): string[] {
  const out: string[] = [];
  const facts = [`Status: ${annotation.status}`];
  if (annotation.tags.length) facts.push(`Tags: ${annotation.tags.map(midLine).join(", ")}`);
  if (annotation.dismissed) facts.push("dismissed");
  out.push(`- ${facts.join(" · ")}`);
  if (annotation.cue) out.push(item(0, "Cue", annotation.cue));
  const figure = figureLine(annotation, lang);
  if (figure) out.push(figure);
  if (annotation.note.trim()) out.push(item(0, "Note", annotation.note));
  if (sources.length) out.push("- Sources:", ...sources.map((source) => sourceItem(source, 2)));
  return out;
}

/** One annotation: its passage as a block quote, its speaker under it, then its details. */
function passage(annotation: Annotation, sources: Source[], lang: string | null): string {
  const quote = [mdQuote(annotation.exact)];
  if (annotation.speaker) quote.push(">", `> — ${midLine(annotation.speaker)}`);
  return [...quote, "", ...details(annotation, sources, lang)].join("\n");
}

const SECTIONS: [Annotation["kind"], string][] = [
  ["quote", "Quotes"],
  ["claim", "Claims"],
  ["figure", "Figures"],
  ["term", "Terms"],
  ["highlight", "Highlights"],
];

function pageSection(page: PageRecord, annotations: Annotation[], sources: Map<string, Source[]>): string {
  const parts = [`## ${headingText(page.title) || headingText(page.url)}`];
  const link = isWebUrl(page.url) ? `<${new URL(page.url).href.replace(/[<> ]/gu, encodeURIComponent)}>` : "";
  const published = page.publishedTime ? `Published ${midLine(page.publishedTime.slice(0, 10))}` : "";
  const seen = `seen ${new Date(page.lastSeen).toISOString().slice(0, 10)}`;
  parts.push([link, published ? `${published}, ${seen}` : seen.replace(/^s/u, "S")].filter(Boolean).join(" · "));
  for (const [kind, title] of SECTIONS) {
    const own = annotations.filter((a) => a.kind === kind);
    if (!own.length) continue;
    parts.push(`### ${title}`, own.map((a) => passage(a, sources.get(a.id) ?? [], page.lang)).join("\n\n"));
  }
  return parts.join("\n\n");
}

/**
 * Per page: title, link and dates; then per kind each passage as a block quote with its speaker, and
 * under it its status, tags, cue, figure (value readable in the page's language), note and sources.
 */
export function toMarkdown(set: ExportSet): string {
  const sources = sourcesByAnnotation(set.sources);
  const byPage = new Map<string, Annotation[]>();
  for (const annotation of set.annotations) {
    const list = byPage.get(annotation.pageKey);
    if (list) list.push(annotation);
    else byPage.set(annotation.pageKey, [annotation]);
  }
  const known = new Map(set.pages.map((page) => [page.key, page]));
  const keys = [...new Set([...set.pages.map((page) => page.key), ...byPage.keys()])];
  const sections = keys.map((key) => {
    const page =
      known.get(key) ?? ({ key, url: key, title: key, publishedTime: null, lastSeen: 0, lang: null } as PageRecord);
    return pageSection(page, byPage.get(key) ?? [], sources);
  });
  // Well-formed, like every export: a lone surrogate from a page becomes U+FFFD.
  return `# Claimmark annotations\n\n${sections.join("\n\n")}\n`.toWellFormed();
}
