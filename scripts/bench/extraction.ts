import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { extractArticle } from "../../lib/extract/article";
import type { CorpusPage } from "./corpus";
import { median, ms, time } from "./stats";

const parse = (html: string) => parseHTML(html).document as unknown as Document;

/**
 * Our extraction step (limits check, isProbablyReaderable, clone, Readability, text blocks,
 * hash) against Readability's parse alone, on the same pages, alternating the two so that
 * machine noise falls on both. HTML parsing is outside both timings. Returns Readability's
 * median time per page, the baseline of the later sections.
 */
export function benchExtraction(pages: CorpusPage[], rounds: number): Map<string, number> {
  console.log(`\n## Extraction: ours vs Readability alone (linkedom, median of ${rounds} rounds per page)\n`);
  console.log(`${"page".padEnd(44)} ${"KB".padStart(6)} ${"readab. ms".padStart(10)} ${"ours ms".padStart(9)}  ratio`);
  const baseByPage = new Map<string, number>();
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
    baseByPage.set(page.name, b);
    ourTimes.push(o);
    ratios.push(o / b);
    const kb = (Buffer.byteLength(page.html) / 1024).toFixed(0).padStart(6);
    console.log(`${page.name.slice(0, 44).padEnd(44)} ${kb} ${ms(b, 10)} ${ms(o)}  ${(o / b).toFixed(2)}`);
  }
  const baseTimes = [...baseByPage.values()];
  console.log(
    `\nextraction: ${pages.length} pages; median Readability ${median(baseTimes).toFixed(2)} ms, ` +
      `median ours ${median(ourTimes).toFixed(2)} ms; ratio of medians ${(median(ourTimes) / median(baseTimes)).toFixed(2)}, ` +
      `median per-page ratio ${median(ratios).toFixed(2)}`,
  );
  return baseByPage;
}
