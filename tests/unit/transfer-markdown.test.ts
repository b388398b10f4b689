import fc from "fast-check";
import { JSDOM } from "jsdom";
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { readableValue, showsWholeNumber } from "../../lib/format/figure-value";
import type { Annotation, Source } from "../../lib/model";
import type { ExportSet } from "../../lib/transfer/collect";
import { mdText, toMarkdown } from "../../lib/transfer/markdown";
import { annotationRecord, pageRecord, sourceRecord } from "./samples";
import { exportSet, HOSTILE, hostileString } from "./transfer-arbitraries";

/** The one document every rendering is parsed into (a window per rendering would fill the heap). */
const { document: scratch } = new JSDOM("<!doctype html><body></body>").window;

/**
 * Markdown as GitHub renders it (CommonMark with GFM: tables, autolinks, strikethrough), in a body
 * element; with HTML and every link protocol let through, as a careless renderer would, so that the
 * export itself must keep them out.
 */
function render(markdown: string): HTMLElement {
  const html = micromark(markdown, {
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
    allowDangerousHtml: true,
    allowDangerousProtocol: true,
  });
  const body = scratch.createElement("body");
  body.innerHTML = html;
  return body;
}

/** Text as a reader sees it rendered: lone surrogates and NUL as U+FFFD, whitespace runs as one space. */
const seen = (text: string): string => text.toWellFormed().replace(/\0/gu, "\uFFFD").replace(/\s+/gu, " ").trim();

/** The elements Claimmark's Markdown is made of: anything else came from a page's text. */
const OWN_ELEMENTS = new Set(["H1", "H2", "H3", "P", "BLOCKQUOTE", "UL", "LI", "A", "BR"]);

const safeDecode = (href: string): string => {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
};

/**
 * Asserts that nothing in the rendered document came from a page's or the reader's markup: only
 * the elements Claimmark writes, and links that are either its own (to a page or a source) or show
 * their whole target (a bare address a GFM renderer links by itself).
 */
function expectInert(doc: HTMLElement, ownTargets: Set<string>): void {
  for (const element of doc.querySelectorAll("*")) {
    expect(OWN_ELEMENTS.has(element.tagName), element.outerHTML).toBe(true);
  }
  for (const link of doc.querySelectorAll("a")) {
    const href = link.getAttribute("href") ?? "";
    if (ownTargets.has(href)) continue;
    const text = link.textContent ?? "";
    const target = safeDecode(href);
    const shown = [text, `http://${text}`, `mailto:${text}`, `https://${text}`].map(safeDecode);
    expect(shown.includes(target) || shown.includes(href), `${href} shown as ${text}`).toBe(true);
  }
}

/** The addresses Claimmark itself links to in an export: the pages and the sources. */
function ownTargets(set: ExportSet): Set<string> {
  const targets = new Set<string>();
  const add = (url: string) => {
    try {
      const href = new URL(url).href;
      targets.add(href);
      targets.add(href.replace(/[()<> ]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
    } catch {}
  };
  for (const page of set.pages) add(page.url);
  for (const source of set.sources) add(source.url);
  // micromark writes a link's target percent-encoded where it holds characters a URL may not.
  return new Set([...targets].flatMap((t) => [t, encodeURI(safeDecode(t))]));
}

/** Every field the card shows of one annotation and its sources, as a reader should find it in the Markdown. */
function fieldsOf(annotation: Annotation, sources: Source[], lang: string | null): string[] {
  const fields = [
    annotation.exact,
    annotation.status,
    annotation.speaker ?? "",
    annotation.cue ?? "",
    annotation.unit ?? "",
    annotation.qualifier ?? "",
    annotation.figureKind ?? "",
    annotation.note,
    ...annotation.tags,
  ];
  if (annotation.value !== null) {
    fields.push(readableValue(annotation, lang));
    if (typeof annotation.value === "string" || !showsWholeNumber(annotation.value))
      fields.push(String(annotation.value));
  }
  for (const source of sources) {
    fields.push(source.url, source.title, source.publisher, source.accessedAt ?? "", source.quote, source.note);
  }
  return fields.map(seen).filter(Boolean);
}

/** One annotation's own export: its page, itself and its sources. */
function alone(set: ExportSet, annotation: Annotation): ExportSet {
  return {
    pages: set.pages.filter((page) => page.key === annotation.pageKey),
    annotations: [annotation],
    sources: set.sources.filter((source) => source.annotationId === annotation.id),
  };
}

describe("Markdown export keeps every field", () => {
  it("every field set on an annotation appears in its rendered Markdown, and nothing in it is markup (property)", () => {
    fc.assert(
      fc.property(exportSet(4, 3), (set) => {
        for (const annotation of set.annotations) {
          const own = alone(set, annotation);
          const doc = render(toMarkdown(own));
          const text = seen(doc.textContent ?? "");
          const page = own.pages[0];
          for (const field of fieldsOf(annotation, own.sources, page?.lang ?? null)) {
            expect(text, JSON.stringify(field)).toContain(field);
          }
          if (page) expect(text).toContain(seen(page.title) || seen(page.url));
          expectInert(doc, ownTargets(own));
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it("keeps every hostile string as text, wherever it is put (property)", () => {
    const text = fc.oneof(fc.constantFrom(...HOSTILE), hostileString(60));
    fc.assert(
      fc.property(text, (value) => {
        const page = pageRecord("https://example.com/a", { title: value });
        const annotation = annotationRecord({
          id: "a",
          pageKey: page.key,
          kind: "figure",
          exact: value || "x",
          speaker: value,
          cue: value,
          value,
          unit: value,
          qualifier: value,
          tags: value.trim() ? [value.replace(/\s+/gu, " ").trim()] : [],
          note: value,
        });
        const source = sourceRecord({ annotationId: "a", title: value, publisher: value, note: value, quote: value });
        const set = { pages: [page], annotations: [annotation], sources: [source] };
        const doc = render(toMarkdown(set));
        const shown = seen(doc.textContent ?? "");
        for (const field of fieldsOf(annotation, [source], "en")) expect(shown).toContain(field);
        expectInert(doc, ownTargets(set));
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});

describe("Markdown export reads well as plain text", () => {
  const page = pageRecord("https://example.com/border", {
    title: "CSTO warns | *militants*",
    publishedTime: "2025-02-14T09:00:00Z",
    lastSeen: Date.UTC(2025, 2, 1),
    lang: "en-GB",
  });
  const figure = annotationRecord({
    id: "f",
    pageKey: page.key,
    kind: "figure",
    exact: "on 28 November",
    speaker: "Anatoly Sidorov",
    figureKind: "date",
    value: "--11-28",
    status: "disputed",
    tags: ["CSTO", "snake_case"],
    note: "See https://evil.example/a_b for more.\nSecond line: 1. not a list",
  });
  const militants = annotationRecord({
    id: "m",
    pageKey: page.key,
    kind: "figure",
    exact: "about 6,500 militants",
    figureKind: "count",
    value: 6500,
    unit: "militants",
    qualifier: "approximately",
  });
  const source = sourceRecord({
    id: "s1",
    annotationId: "f",
    url: "https://un.example/report(2025)",
    title: "UN [report]",
    publisher: "United Nations",
    accessedAt: "2025-03-01",
    quote: "some 4,000 fighters",
    note: "Table 2, p. 14",
  });
  const markdown = toMarkdown({ pages: [page], annotations: [figure, militants], sources: [source] });

  it("writes a date as a reader does, in the page's language, with the value as stored beside it", () => {
    expect(markdown).toContain("- Value: 28 November (--11-28) · Type: date");
    expect(markdown).toContain("- Value: 6,500 · Unit: militants · Qualifier: approximately · Type: count");
    expect(markdown).not.toContain("\\--11-28");
  });

  it("leaves a note's address and a word's underscore as written", () => {
    expect(markdown).toContain("- Note: See <https://evil.example/a_b> for more.\\\n  Second line: 1. not a list");
    expect(markdown).toContain("Tags: CSTO, snake_case");
    expect(markdown).not.toContain("https\\:");
  });

  it("lists each source with every field it has", () => {
    expect(markdown).toContain(
      [
        "- Sources:",
        "  - [UN \\[report\\]](https://un.example/report%282025%29)",
        "    - Address: <https://un.example/report(2025)>",
        "    - Publisher: United Nations",
        "    - Accessed: 2025-03-01",
        "    - Quoted passage: some 4,000 fighters",
        "    - Note: Table 2, p. 14",
      ].join("\n"),
    );
  });

  it("escapes only what Markdown would read as syntax", () => {
    expect(mdText("`code` _em_ www.example.com C# a_b 50% AT&T")).toBe(
      "\\`code\\` \\_em\\_ www.example.com C# a_b 50% AT&T",
    );
    expect(mdText("see https://example.com/a_b.")).toBe("see <https://example.com/a_b>.");
    expect(mdText("# heading")).toBe("\\# heading");
    expect(mdText("- item")).toBe("\\- item");
    expect(mdText("1. item")).toBe("1\\. item");
    expect(mdText("&amp; &#60;")).toBe("\\&amp; \\&#60;");
    expect(mdText("<b>[x](javascript:1)</b>")).toBe("\\<b>\\[x\\](javascript:1)\\</b>");
  });
});
