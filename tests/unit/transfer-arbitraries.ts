import fc from "fast-check";
import type { ClaimmarkDb } from "../../lib/db/schema";
import { cleanTag } from "../../lib/edit/validate";
import type { Annotation, PageRecord, Selector, Source } from "../../lib/model";
import { cleanText } from "../../lib/text/clean";
import type { ExportSet } from "../../lib/transfer/collect";
import { allAnnotations, allSources } from "./stored";

/** Strings a hostile page or a careless reader could produce: markup, formulas, control characters, any unicode. */
export const HOSTILE = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  '=HYPERLINK("https://evil.example","click")',
  "+1+1",
  "-2",
  "@SUM(A1)",
  "\tindented",
  "\rreturn",
  "[link](javascript:alert(1))",
  "a | b * c _ d ` e # f",
  '"quoted", with comma\r\nand a new line',
  "emoji 🛰️ and RTL \u202Eevil",
  "\u0000nul",
  "",
  " ",
];

/** Characters a spreadsheet may skip before it looks for a formula: whitespace of every kind, quotation marks. */
export const LEADING_NOISE = [
  " ",
  "\t",
  "\r",
  "\n",
  "\u000B",
  "\u000C",
  "\u0085",
  "\u00A0",
  "\u1680",
  "\u2000",
  "\u2007",
  "\u200A",
  "\u2028",
  "\u2029",
  "\u202F",
  "\u205F",
  "\u3000",
  "\uFEFF",
  '"',
  "'",
  "\u2018",
  "\u2019",
  "\u201C",
  "\u201D",
  "\u201E",
  "\u00AB",
  "\u00BB",
  "\uFF02",
  "\uFF07",
];

/** What a spreadsheet takes for the start of a formula: ASCII, full-width and small forms, the minus sign. */
export const FORMULA_CHARACTERS = [
  "=",
  "+",
  "-",
  "@",
  "\uFF1D",
  "\uFF0B",
  "\uFF0D",
  "\uFF20",
  "\u2212",
  "\uFE66",
  "\uFE62",
  "\uFE63",
];

/** A lone (unpaired) surrogate: what a page's script can put in a string, and what `encodeURIComponent` throws on. */
export const loneSurrogate: fc.Arbitrary<string> = fc
  .integer({ min: 0xd800, max: 0xdfff })
  .map((code) => String.fromCharCode(code));

/** Any code point, lone surrogates and NUL included. */
const anyUnit: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.string({ minLength: 1, maxLength: 1, unit: "binary" }) },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: fc.constant("\u0000") },
);

/** Text that tries to pass for a formula: whitespace and quotes, then a formula character, then anything. */
export const formulaLike = (maxLength = 20): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.array(fc.constantFrom(...LEADING_NOISE), { maxLength: 4 }),
      fc.constantFrom(...FORMULA_CHARACTERS, "\t", "\r"),
      fc.string({ maxLength, unit: anyUnit }),
    )
    .map(([noise, start, rest]) => `${noise.join("")}${start}${rest}`);

export const hostileString = (maxLength = 40): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...HOSTILE),
    fc.string({ maxLength, unit: "binary" }),
    fc.string({ maxLength, unit: "grapheme" }),
    fc.string({ maxLength, unit: anyUnit }),
    formulaLike(Math.max(0, maxLength - 5)),
  );

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const time = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) });
const plusZero = (n: number) => (Object.is(n, -0) ? 0 : n);

/** Page keys: a few pages, so annotations share them. */
export const PAGE_KEYS = [
  "https://example.com/border",
  "https://news.example/world/story?id=7",
  "http://xn--bcher-kva.example/%C3%BC",
];

/** A tag as stored: cleaned until cleaning changes nothing. */
function stableTag(raw: string): string {
  const clean = (text: string) => cleanText(cleanTag(text));
  let tag = clean(raw);
  while (clean(tag) !== tag) tag = clean(tag);
  return tag;
}

const tags = fc
  .array(hostileString(70), { maxLength: 6 })
  .map((list) => [...new Set(list.map(stableTag).filter(Boolean))]);

const hash = fc.stringMatching(/^[0-9a-f]{64}$/);

function page(key: string): fc.Arbitrary<PageRecord> {
  return fc
    .record(
      {
        url: fc.constantFrom(key, `${key}#frag`),
        canonicalUrl: nullable(fc.constantFrom(key, "https://canonical.example/x")),
        readerable: fc.boolean(),
        hasArticle: fc.boolean(),
        noArticleReason: nullable(fc.constantFrom("not-readerable", "empty", "not-html", "too-complex", "failed")),
        title: hostileString(),
        byline: nullable(hostileString()),
        siteName: nullable(hostileString()),
        publishedTime: nullable(fc.constantFrom("2025-02-14T09:00:00Z", "yesterday")),
        lang: nullable(fc.constantFrom("en", "fr", "ru")),
        excerpt: nullable(hostileString()),
        textLength: fc.nat(),
        textHash: nullable(hash),
        firstSeen: time,
        lastSeen: time,
        previousTextHash: nullable(hash),
        changedAt: nullable(time),
      },
      {
        requiredKeys: [
          "url",
          "canonicalUrl",
          "readerable",
          "hasArticle",
          "noArticleReason",
          "title",
          "byline",
          "siteName",
          "publishedTime",
          "lang",
          "excerpt",
          "textLength",
          "textHash",
          "firstSeen",
          "lastSeen",
        ],
      },
    )
    .map((fields) => ({ key, ...fields }) as PageRecord);
}

const selectorList = (exact: string): fc.Arbitrary<Selector[]> =>
  fc
    .record({
      prefix: hostileString(64),
      suffix: hostileString(64),
      start: fc.nat(100_000),
      length: fc.nat(500),
      order: fc.constantFrom("both", "reversed", "quote"),
    })
    .map(({ prefix, suffix, start, length, order }) => {
      const quote: Selector = { type: "TextQuoteSelector", exact, prefix, suffix };
      const position: Selector = { type: "TextPositionSelector", start, end: start + length };
      return order === "both" ? [quote, position] : order === "reversed" ? [position, quote] : [quote];
    });

function annotation(id: string): fc.Arbitrary<Annotation> {
  return fc
    .record({
      pageKey: fc.constantFrom(...PAGE_KEYS),
      kind: fc.constantFrom("quote", "claim", "term", "figure", "highlight" as const),
      origin: fc.constantFrom("auto", "user" as const),
      exact: hostileString(80).filter((s) => s.length > 0),
      otherExact: fc.option(hostileString(20), { nil: undefined }),
      speaker: nullable(hostileString()),
      cue: nullable(hostileString()),
      figureKind: nullable(fc.constantFrom("count", "percent", "money")),
      value: nullable(
        fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true }).map(plusZero),
          hostileString(40).filter((s) => s.length <= 40),
        ),
      ),
      unit: nullable(hostileString()),
      qualifier: nullable(hostileString()),
      confidence: fc.double({ min: 0, max: 1, noNaN: true }).map(plusZero),
      status: fc.constantFrom("unverified", "supported", "disputed", "false" as const),
      tags,
      note: hostileString(200),
      dismissed: fc.boolean(),
      createdAt: time,
      updatedAt: time,
      anchor: fc.option(
        fc.record({
          state: fc.constantFrom("exact", "fuzzy", "orphan" as const),
          current: nullable(hostileString()),
          checkedAt: time,
        }),
        { nil: undefined },
      ),
    })
    .chain((fields) =>
      selectorList(fields.exact).map((selectors) => {
        const { otherExact, anchor, ...rest } = fields;
        const made: Annotation = { id, ...rest, selectors, exact: otherExact || fields.exact };
        if (anchor) made.anchor = anchor;
        return made;
      }),
    );
}

function source(annotationId: string, index: number): fc.Arbitrary<Source> {
  return fc.record({
    id: fc.constant(`source-${annotationId}-${index}`),
    annotationId: fc.constant(annotationId),
    url: fc.oneof(fc.constant(""), fc.webUrl({ withQueryParameters: true, withFragments: true })),
    title: hostileString(),
    publisher: hostileString(),
    accessedAt: nullable(fc.constantFrom("2025-03-01", "1999-12-31")),
    note: hostileString(),
    quote: hostileString(),
    createdAt: time,
    updatedAt: time,
  });
}

/** A whole export set: unique ids, every annotation's page present, up to `maxSources` sources each. */
export function exportSet(maxAnnotations = 8, maxSources = 4): fc.Arbitrary<ExportSet> {
  const ids = fc.uniqueArray(
    fc.oneof(
      fc.uuid().map((u) => `user-${u}`),
      // Ids are the extension's own or checked on import: never with NUL or a lone surrogate.
      hostileString(30).filter((s) => s.length > 0 && cleanText(s) === s),
    ),
    { maxLength: maxAnnotations },
  );
  return ids.chain((list) =>
    fc
      .record({
        annotations: fc.tuple(...list.map(annotation)),
        sourceCounts: fc.array(fc.nat(maxSources), { minLength: list.length, maxLength: list.length }),
        pages: fc.tuple(...PAGE_KEYS.map(page)),
      })
      .chain(({ annotations, sourceCounts, pages }) =>
        fc
          .tuple(
            ...annotations.flatMap((a, i) => Array.from({ length: sourceCounts[i] ?? 0 }, (_, n) => source(a.id, n))),
          )
          .map((sources) => ({ pages, annotations, sources })),
      ),
  );
}

/** Every table's rows in key order, settings included: what "the database is the same" means. */
export async function dump(db: ClaimmarkDb) {
  return {
    pages: await db.pages.orderBy("key").toArray(),
    annotations: (await allAnnotations(db)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    sources: (await allSources(db)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    settings: await db.settings.toArray(),
  };
}

/** Every string of a value with `cleanText` applied (NUL removed, lone surrogates replaced), structure kept. */
export function cleanedDeep<T>(value: T): T {
  if (typeof value === "string") return cleanText(value) as T;
  if (Array.isArray(value)) return value.map(cleanedDeep) as T;
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, cleanedDeep(inner)])) as T;
  return value;
}

/** Every string of a value made well-formed (lone surrogates replaced by U+FFFD), structure kept. */
export function wellFormedDeep<T>(value: T): T {
  if (typeof value === "string") return value.toWellFormed() as T;
  if (Array.isArray(value)) return value.map(wellFormedDeep) as T;
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, wellFormedDeep(inner)])) as T;
  return value;
}

/** A set as the extension stores it once import has cleaned it: no NUL, no lone surrogate, tags unique. */
export function cleanedSet(set: ExportSet): ExportSet {
  const cleaned = cleanedDeep(set);
  for (const annotation of cleaned.annotations) annotation.tags = [...new Set(annotation.tags)];
  return cleaned;
}

/** Whether every annotation of a set keeps a quote once cleaned (an import refuses an empty one). */
export function quotable(set: ExportSet): boolean {
  return set.annotations.every((a) => a.selectors.some((s) => s.type === "TextQuoteSelector" && cleanText(s.exact)));
}
