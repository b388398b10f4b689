// Export and import of 100,000 annotations, in Node on fake-indexeddb, against plain JSON in the same run.
import "fake-indexeddb/auto";
import { chunksOf } from "../../lib/db/chunks";
import { groupIntoSets, openDb } from "../../lib/db/schema";
import type { Annotation, PageRecord, Source } from "../../lib/model";
import { collectForExport } from "../../lib/transfer/collect";
import { importText } from "../../lib/transfer/import";
import { toW3c } from "../../lib/transfer/w3c";
import { sampleSource } from "./sample-source";

const ANNOTATIONS = 100_000;
const PAGES = 1000;

/** A realistic library of 100,000 annotations: 100 a page, a third with a source, some with notes and tags. */
export function buildLibrary(): { pages: PageRecord[]; annotations: Annotation[]; sources: Source[] } {
  const now = Date.UTC(2025, 2, 1);
  const pages: PageRecord[] = Array.from({ length: PAGES }, (_, p) => ({
    key: `https://news.example/story/${p}`,
    url: `https://news.example/story/${p}`,
    canonicalUrl: null,
    readerable: true,
    hasArticle: true,
    noArticleReason: null,
    title: `Story number ${p} about the border`,
    byline: "A Reporter",
    siteName: "News",
    publishedTime: "2025-02-14T09:00:00Z",
    lang: "en",
    excerpt: "An excerpt of the story.",
    textLength: 12_000,
    textHash: "a".repeat(64),
    firstSeen: now,
    lastSeen: now,
  }));
  const annotations: Annotation[] = [];
  const sources: Source[] = [];
  for (let i = 0; i < ANNOTATIONS; i++) {
    const pageKey = `https://news.example/story/${i % PAGES}`;
    const exact = `about ${i} militants crossed the border near the river`;
    annotations.push({
      id: `auto-${i}`,
      pageKey,
      kind: i % 3 === 0 ? "figure" : i % 3 === 1 ? "quote" : "claim",
      origin: "auto",
      selectors: [
        {
          type: "TextQuoteSelector",
          exact,
          prefix: "the head of the Joint Staff said ",
          suffix: ", with up to 4,000 more",
        },
        { type: "TextPositionSelector", start: i % 10_000, end: (i % 10_000) + exact.length },
      ],
      exact,
      speaker: "Anatoly Sidorov",
      cue: "said",
      figureKind: i % 3 === 0 ? "count" : null,
      value: i % 3 === 0 ? i : null,
      unit: i % 3 === 0 ? "militants" : null,
      qualifier: i % 3 === 0 ? "approximately" : null,
      confidence: 0.9,
      status: i % 4 === 0 ? "disputed" : "unverified",
      tags: i % 5 === 0 ? ["border", "CSTO"] : [],
      note: i % 7 === 0 ? "Other estimates run lower." : "",
      dismissed: false,
      createdAt: now + i,
      updatedAt: now + i,
      anchor: { state: "exact", current: null, checkedAt: now + i },
    });
    if (i % 3 === 0) sources.push(sampleSource(`auto-${i}`, `source-${i}`, now + i));
  }
  return { pages, annotations, sources };
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** A library's annotations and sources as the database stores them: grouped by page, in chunks. */
function chunked(data: { annotations: Annotation[]; sources: Source[] }) {
  return groupIntoSets(data.annotations, data.sources).flatMap((set) =>
    chunksOf(set.pageKey, set.annotations, set.sources),
  );
}

async function timed<T>(run: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, performance.now() - start];
}

/** Times collect + toW3c + stringify, and importText into an empty database, for 100,000 annotations; returns the printed lines. */
export async function benchTransfer(): Promise<string[]> {
  const data = buildLibrary();
  const source = openDb(`bench-transfer-source-${Date.now()}`);
  await source.pages.bulkPut(data.pages);
  await source.annotationChunks.bulkPut(chunked(data));

  // Baseline: the same records through plain JSON, and the same database read without any transforming.
  const [, readOnly] = await timed(async () => {
    await source.annotationChunks.toArray();
    await source.pages.toArray();
  });
  const [plain, stringifyPlain] = await timed(() => JSON.stringify(data));
  const [, parsePlain] = await timed(() => JSON.parse(plain));

  const [text, exportMs] = await timed(async () =>
    JSON.stringify(toW3c(await collectForExport(source, { includeDismissed: true }))),
  );
  const target = openDb(`bench-transfer-target-${Date.now()}`);
  const [result, importMs] = await timed(() => importText(target, text, { maxBytes: Number.POSITIVE_INFINITY }));
  const [, writeOnly] = await timed(async () => {
    const empty = openDb(`bench-transfer-write-${Date.now()}`);
    await empty.transaction("rw", empty.pages, empty.annotationChunks, async () => {
      await empty.pages.bulkPut(data.pages);
      await empty.annotationChunks.bulkPut(chunked(data));
    });
    empty.close();
  });
  if (!result.ok || result.report.added !== ANNOTATIONS)
    throw new Error(`import failed: ${JSON.stringify(result).slice(0, 300)}`);
  source.close();
  target.close();

  const mb = (text.length / 1024 / 1024).toFixed(1);
  return [
    `# Transfer: ${ANNOTATIONS.toLocaleString("en")} annotations on ${PAGES} pages, ${data.sources.length.toLocaleString("en")} sources (fake-indexeddb)`,
    `export  collect + toW3c + JSON.stringify: ${seconds(exportMs)} (target < 3 s), ${mb} MB of JSON-LD`,
    `        baseline: reading the two tables ${seconds(readOnly)} + JSON.stringify of the records ${seconds(stringifyPlain)}; ratio ${(exportMs / (readOnly + stringifyPlain)).toFixed(2)}×`,
    `import  importText into an empty database: ${seconds(importMs)} (target < 10 s)`,
    `        baseline: JSON.parse of the records ${seconds(parsePlain)} + grouping them by page into chunks and one bulkPut transaction ${seconds(writeOnly)}; ratio ${(importMs / (parsePlain + writeOnly)).toFixed(2)}×`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await benchTransfer()) console.log(line);
