import fc from "fast-check";
import type { ClaimmarkDb } from "../../lib/db/schema";
import { cleanTag } from "../../lib/edit/validate";
import type { Annotation, PageRecord, Selector, Source } from "../../lib/model";
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

export const hostileString = (maxLength = 40): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...HOSTILE),
    fc.string({ maxLength, unit: "binary" }),
    fc.string({ maxLength, unit: "grapheme" }),
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
  let tag = cleanTag(raw);
  while (cleanTag(tag) !== tag) tag = cleanTag(tag);
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
      hostileString(30).filter((s) => s.length > 0),
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
