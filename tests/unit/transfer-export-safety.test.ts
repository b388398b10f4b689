import fc from "fast-check";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { toClaimReview } from "../../lib/transfer/claimreview";
import type { ExportSet } from "../../lib/transfer/collect";
import { toCsv } from "../../lib/transfer/csv";
import { toMarkdown } from "../../lib/transfer/markdown";
import { EXPORT_FORMATS, renderExport } from "../../lib/transfer/render";
import { toW3c } from "../../lib/transfer/w3c";
import { annotationRecord, pageRecord, sourceRecord } from "./samples";
import { exportSet, formulaLike, hostileString, loneSurrogate, wellFormedDeep } from "./transfer-arbitraries";

const BORDER = "https://example.com/border";

/** Strings the properties put everywhere: anything, with lone surrogates, NUL and markup mixed in. */
const nasty = fc.oneof(
  hostileString(60),
  formulaLike(),
  fc.string({ maxLength: 40, unit: "grapheme" }),
  fc.string({ maxLength: 40, unit: "binary" }),
  fc
    .tuple(fc.string({ maxLength: 10 }), loneSurrogate, fc.constantFrom("</script>", "</SCRIPT ", "<!--", "\u2028"))
    .map((parts) => parts.join("")),
);

/** One reviewed annotation of each kind ClaimReview takes, every text field `text`, on a page titled `text`. */
function setOf(text: string): ExportSet {
  const page = pageRecord(BORDER, { title: text, byline: text, siteName: text, excerpt: text, publishedTime: text });
  const fields = {
    pageKey: BORDER,
    exact: `${text}x`,
    speaker: text,
    cue: text,
    unit: text,
    qualifier: text,
    note: text,
  };
  const annotations = (["claim", "quote", "figure", "highlight"] as const).map((kind) =>
    annotationRecord({
      ...fields,
      id: `a-${kind}`,
      kind,
      status: "disputed",
      tags: [`${text}t`],
      value: kind === "figure" ? text.slice(0, 40) : null,
      selectors: [{ type: "TextQuoteSelector", exact: `${text}x`, prefix: text, suffix: text }],
    }),
  );
  const sources = [
    sourceRecord({ id: "s1", annotationId: "a-claim", title: text, publisher: text, note: text, quote: text }),
    sourceRecord({ id: "s2", annotationId: "a-quote", url: "", title: text }),
  ];
  return { pages: [page], annotations, sources };
}

/** What a JSON export must never hold raw: each could end a script element or a JavaScript string. */
function expectScriptSafe(json: string): void {
  expect(json).not.toMatch(/<\/script/iu);
  expect(json).not.toMatch(/[<>&\u2028\u2029]/u);
}

const JSON_FORMATS = ["w3c", "claimreview"] as const;

/** The value a JSON export stands for: the exporter's object with every string made well-formed. */
function expectedValue(format: (typeof JSON_FORMATS)[number], set: ExportSet, generated: string): unknown {
  const value = format === "w3c" ? toW3c(set, new Date(generated)) : toClaimReview(set);
  return wellFormedDeep(JSON.parse(JSON.stringify(value)));
}

describe("JSON exports are safe to paste into a script element", () => {
  it.each(JSON_FORMATS)(
    "%s: no raw <, >, &, U+2028 or U+2029, and it parses back to the same value (property)",
    (format) => {
      fc.assert(
        fc.property(nasty, fc.constantFrom(2, undefined), (text, indent) => {
          const set = setOf(text);
          const json = renderExport(format, set, indent);
          expectScriptSafe(json);
          const parsed = JSON.parse(json);
          const generated = format === "w3c" ? (parsed as { generated: string }).generated : "";
          expect(parsed).toEqual(expectedValue(format, set, generated));
        }),
        { numRuns: 300 },
      );
    },
  );

  it.each(JSON_FORMATS)("%s: whole random sets stay script-safe and parse back (property)", (format) => {
    fc.assert(
      fc.property(exportSet(6, 3), (set) => {
        const json = renderExport(format, set);
        expectScriptSafe(json);
        const parsed = JSON.parse(json);
        const generated = format === "w3c" ? (parsed as { generated: string }).generated : "";
        expect(parsed).toEqual(expectedValue(format, set, generated));
      }),
      { numRuns: 60 },
    );
  });

  it("keeps the script element whole when pasted into a page, and its text is the same JSON", () => {
    const json = renderExport("claimreview", setOf('</script><script>alert(1)</script><!-- "&amp;'));
    const page = new JSDOM(`<!doctype html><head><script type="application/ld+json">${json}</script></head>`);
    const scripts = page.window.document.querySelectorAll("script");
    expect(scripts).toHaveLength(1);
    expect(scripts[0]?.textContent).toBe(json);
    expect(JSON.parse(scripts[0]?.textContent ?? "")).toEqual(JSON.parse(json));
  });

  it("replaces a lone surrogate with U+FFFD and keeps a backslash before it as a backslash", () => {
    const json = renderExport("w3c", setOf("a\\ud800 b\\\ud800 c\ud800\udc00 d\udfff"));
    const parsed = JSON.parse(json) as { "cm:pages": { title: string }[] };
    expect(parsed["cm:pages"][0]?.title).toBe("a\\ud800 b\\\uFFFD c\u{10000} d\uFFFD");
  });
});

describe("no export throws, whatever the strings", () => {
  it("every format and every exporter, on any text (property)", () => {
    fc.assert(
      fc.property(nasty, (text) => {
        const set = setOf(text);
        for (const format of EXPORT_FORMATS) expect(() => renderExport(format, set)).not.toThrow();
        expect(() => toCsv(set)).not.toThrow();
        expect(() => toMarkdown(set)).not.toThrow();
        expect(() => toClaimReview(set)).not.toThrow();
        expect(() => JSON.stringify(toW3c(set))).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it("writes ClaimReview for a passage with a lone surrogate (it used to fail with 'URI malformed')", () => {
    const reviews = toClaimReview(setOf("before \ud83d after")) as { url: string; claimReviewed: string }[];
    expect(reviews[0]?.url).toContain("%EF%BF%BD");
    expect(JSON.parse(renderExport("claimreview", setOf("\udc00")))).toHaveLength(3);
  });

  it("writes only well-formed text in CSV and Markdown (property)", () => {
    fc.assert(
      fc.property(nasty, (text) => {
        const set = setOf(text);
        expect(toCsv(set).isWellFormed()).toBe(true);
        expect(toMarkdown(set).isWellFormed()).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
