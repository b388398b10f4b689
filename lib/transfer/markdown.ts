import { isWebUrl } from "../edit/validate";
import { type Annotation, type PageRecord, type Source, sourcesByAnnotation } from "../model";
import type { ExportSet } from "./collect";

/**
 * Markdown for notes and reports. Everything that came from a page or the reader is escaped, so
 * no text of theirs becomes a link, an image, emphasis, a heading or HTML.
 */

/** Page or reader text made inert in Markdown, on one line. */
export function mdText(raw: string): string {
  return (
    raw
      .replace(/\s+/gu, " ")
      .trim()
      // The marks that open links, images, emphasis, code, HTML, entities and table cells.
      .replace(/[\\`*_[\]<>#|!&~]/gu, (mark) => `\\${mark}`)
      // At the start of a line, these make a list item or a heading underline.
      .replace(/^[-+=]/u, (mark) => `\\${mark}`)
      // Bare addresses would become links (GFM autolinks): break the "://" and "www." they need.
      .replace(/:\/\//gu, "\\:\\/\\/")
      .replace(/\bwww\./giu, (www) => `${www.slice(0, 3)}\\.`)
      // "1. " at the start of a line makes a list.
      .replace(/^(\d+)([.)])/u, "$1\\$2")
  );
}

/** Several lines of text, each escaped, for a block quote. */
function mdQuote(raw: string): string {
  return raw
    .split(/\r\n|\r|\n/u)
    .map((line) => `> ${mdText(line)}`.trimEnd())
    .join("\n");
}

/** A table cell: escaped text, on one line. */
const cell = (value: string | number | null): string => (value === null ? "" : mdText(String(value)));

/** A source as a Markdown link when it has an http(s) address, else its name as text. */
export function sourceLink(source: Source): string {
  const name = mdText(source.title || source.publisher || source.url) || "source";
  if (!isWebUrl(source.url)) return name;
  const href = new URL(source.url).href.replace(/[()<> ]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${name}](${href})`;
}

/** The lines under a quoted passage: its status, tags, sources and note. */
function details(annotation: Annotation, sources: Source[]): string[] {
  const lines: string[] = [];
  const facts = [`Status: ${annotation.status}`];
  if (annotation.tags.length) facts.push(`Tags: ${annotation.tags.map(mdText).join(", ")}`);
  lines.push(`- ${facts.join(" · ")}`);
  if (sources.length) lines.push(`- Sources: ${sources.map(sourceLink).join(", ")}`);
  if (annotation.note.trim()) lines.push(`- Note: ${mdText(annotation.note)}`);
  return lines;
}

function passage(annotation: Annotation, sources: Source[]): string {
  const quote = [mdQuote(annotation.exact)];
  if (annotation.speaker) quote.push(">", `> — ${mdText(annotation.speaker)}`);
  return [...quote, "", ...details(annotation, sources)].join("\n");
}

function figureTable(figures: Annotation[], sources: Map<string, Source[]>): string {
  const head = "| Text | Value | Unit | Qualifier | Status | Sources |\n|---|---|---|---|---|---|";
  const rows = figures.map(
    (f) =>
      `| ${cell(f.exact)} | ${cell(f.value)} | ${cell(f.unit)} | ${cell(f.qualifier)} | ${f.status} | ${(sources.get(f.id) ?? []).map(sourceLink).join(", ")} |`,
  );
  const notes = figures.filter((f) => f.note.trim()).map((f) => `- Note on “${mdText(f.exact)}”: ${mdText(f.note)}`);
  return [head, ...rows, ...(notes.length ? ["", ...notes] : [])].join("\n");
}

const SECTIONS: [Annotation["kind"], string][] = [
  ["quote", "Quotes"],
  ["claim", "Claims"],
  ["figure", "Figures"],
  ["term", "Terms"],
  ["highlight", "Highlights"],
];

function pageSection(page: PageRecord, annotations: Annotation[], sources: Map<string, Source[]>): string {
  const parts = [`## ${mdText(page.title) || mdText(page.url)}`];
  const link = isWebUrl(page.url) ? `<${new URL(page.url).href.replace(/[<> ]/gu, encodeURIComponent)}>` : "";
  const published = page.publishedTime ? `Published ${mdText(page.publishedTime.slice(0, 10))}` : "";
  const seen = `seen ${new Date(page.lastSeen).toISOString().slice(0, 10)}`;
  parts.push([link, published ? `${published}, ${seen}` : seen.replace(/^s/u, "S")].filter(Boolean).join(" · "));
  for (const [kind, title] of SECTIONS) {
    const own = annotations.filter((a) => a.kind === kind);
    if (!own.length) continue;
    const body =
      kind === "figure" ? figureTable(own, sources) : own.map((a) => passage(a, sources.get(a.id) ?? [])).join("\n\n");
    parts.push(`### ${title}`, body);
  }
  return parts.join("\n\n");
}

/** Per page: title, link and date; quotes and claims as block quotes with their speaker; figures as a table; notes. */
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
    const page = known.get(key) ?? ({ key, url: key, title: key, publishedTime: null, lastSeen: 0 } as PageRecord);
    return pageSection(page, byPage.get(key) ?? [], sources);
  });
  // Well-formed, like every export: a lone surrogate from a page becomes U+FFFD.
  return `# Claimmark annotations\n\n${sections.join("\n\n")}\n`.toWellFormed();
}
