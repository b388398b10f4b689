import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { extractArticle } from "../../lib/extract/article";
import type { CorpusPage } from "./corpus";
import { median, ms } from "./stats";

const parse = (html: string) => parseHTML(html).document as unknown as Document;

/** Times one call in milliseconds. */
function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/**
 * Our extraction step (limits check, isProbablyReaderable, clone, Readability, text blocks,
 * hash) against Readability's parse alone, on the same pages, alternating the two so that
 * machine noise falls on both. HTML parsing is outside both timings.
 */
export function benchExtraction(pages: CorpusPage[], rounds: number): void {
  console.log(`\n## Extraction: ours vs Readability alone (linkedom, median of ${rounds} rounds per page)\n`);
  console.log(`${"page".padEnd(44)} ${"KB".padStart(6)} ${"readab. ms".padStart(10)} ${"ours ms".padStart(9)}  ratio`);
  const baseTimes: number[] = [];
  const ourTimes: number[] = [];
  const ratios: number[] = [];
  for (const page of pages) {
    const base: number[] = [];
    const ours: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const forBase = parse(page.html);
      base.push(time(() => new Readability(forBase).parse()));
      const forUs = parse(page.html);
      ours.push(time(() => extractArticle(forUs, `https://example.com/${page.name}`)));
    }
    const b = median(base);
    const o = median(ours);
    baseTimes.push(b);
    ourTimes.push(o);
    ratios.push(o / b);
    const kb = (Buffer.byteLength(page.html) / 1024).toFixed(0).padStart(6);
    console.log(`${page.name.slice(0, 44).padEnd(44)} ${kb} ${ms(b, 10)} ${ms(o)}  ${(o / b).toFixed(2)}`);
  }
  console.log(
    `\nextraction: ${pages.length} pages; median Readability ${median(baseTimes).toFixed(2)} ms, ` +
      `median ours ${median(ourTimes).toFixed(2)} ms; ratio of medians ${(median(ourTimes) / median(baseTimes)).toFixed(2)}, ` +
      `median per-page ratio ${median(ratios).toFixed(2)}`,
  );
}
