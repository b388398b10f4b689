import { parseHTML } from "linkedom";
import { splitOnBlankLines } from "../../lib/detect/blocks";
import { detect } from "../../lib/detect/index";
import { extractArticle } from "../../lib/extract/article";
import type { CorpusPage } from "./corpus";
import { median, ms, timeMedian } from "./stats";

const parse = (html: string) => parseHTML(html).document as unknown as Document;

/**
 * Detection time on each page's article text against Readability's parse time of the same
 * page (target: under 10% at the median), then detection on 1×, 4× and 16× a long article to
 * show that time grows linearly with text length.
 */
export function benchDetection(pages: CorpusPage[], rounds: number, readability: Map<string, number>): void {
  console.log(`\n## Detection vs Readability's parse of the same page (median of ${rounds} rounds)\n`);
  console.log(
    `${"page".padEnd(44)} ${"chars".padStart(7)} ${"readab. ms".padStart(10)} ${"detect ms".padStart(9)}  ratio`,
  );
  const ratios: number[] = [];
  const detectTimes: number[] = [];
  let longest = "";
  for (const page of pages) {
    const { article, report } = extractArticle(parse(page.html), `https://example.com/${page.name}`);
    if (!article) continue;
    if (article.text.length > longest.length) longest = article.text;
    // Readability's time on the same page, measured by the extraction section of this run.
    const base = readability.get(page.name);
    if (base === undefined) continue;
    const input = { text: article.text, blocks: article.blocks, lang: report.lang };
    const detection = timeMedian(rounds, () => detect(input));
    ratios.push(detection / base);
    detectTimes.push(detection);
    console.log(
      `${page.name.slice(0, 44).padEnd(44)} ${String(article.text.length).padStart(7)} ${ms(base, 10)} ${ms(detection)}  ${(detection / base).toFixed(3)}`,
    );
  }
  console.log(
    `\ndetection: ${ratios.length} articles; median detection ${median(detectTimes).toFixed(2)} ms; ` +
      `median ratio to Readability ${(median(ratios) * 100).toFixed(1)}% (target under 10%)`,
  );

  console.log("\n## Detection time against text length (the longest corpus article, repeated)\n");
  console.log(`${"size".padEnd(6)} ${"chars".padStart(9)} ${"detect ms".padStart(10)} ${"µs/KB".padStart(8)}`);
  let unit = Number.NaN;
  for (const factor of [1, 4, 16]) {
    const text = Array.from({ length: factor }, () => longest).join("\n\n");
    const input = { text, blocks: splitOnBlankLines(text), lang: "en" };
    detect(input); // warm up: the first call also pays for compiling the detector
    const time = timeMedian(rounds, () => detect(input));
    if (factor === 1) unit = time;
    const perKb = (time * 1000) / (text.length / 1024);
    console.log(
      `${`${factor}×`.padEnd(6)} ${String(text.length).padStart(9)} ${ms(time, 10)} ${perKb.toFixed(1).padStart(8)}`,
    );
    if (factor === 16) {
      console.log(`\nlinearity: 16× the text takes ${(time / unit).toFixed(1)}× the time (linear is 16×)`);
    }
  }
}
