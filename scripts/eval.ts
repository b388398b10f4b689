// `npm run eval` with no argument scores the gold fixture this project ships (tests/fixtures: the example
// article) and must find it perfect; a clone has nothing more.
// `npm run eval -- <shared-dir> [--samples=<selectors>] [--count=N]`: scores the detector on the gold
// fixtures and the dev sets of the team's shared corpus (LABELING.md rules), each dev set both ways: the lenient dev protocol
// (rows "quotes", "figures") and the strict views of issue 12 ("quotes-all": every predicted quote
// counted; "attribs": all attributions of every cue type, with speaker accuracy; "overlap": Citron's
// character-overlap F1 and source accuracy; "figures-all": dates and times counted too).
//
// Error samples, for whoever tunes the detector (also as EVAL_SAMPLES=… EVAL_SAMPLE_COUNT=… in the env):
//   npm run eval -- --samples=help                       every view:what with its error count
//   npm run eval -- --samples=quotes-all:fp              false-positive quotes, tallied inside-indirect/outside/in-direct
//   npm run eval -- --samples=attribs:speaker@indirect   wrong speakers on attributions that are not quotes
//   npm run eval -- --samples=attribs:fn --count=30      missed attributions, tallied by their gold cue
//   npm run eval -- --samples=overlap:fn@according,figures-all:fp
// A selector is view[:what][@text]; views: quotes, quotes-all, claims, attribs, overlap, figures,
// figures-all; what: fp, fn, speaker, neutral, value, qualifier; @text must occur in the sample's
// group or detail (a cue, "direct", "indirect-saying", "indirect-other", a figure kind...).
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { detect } from "../lib/detect/index";
import { evalGoldFixtures } from "./eval/gold";
import { scoreNewsQuant } from "./eval/newsquant";
import { scorePages } from "./eval/pages";
import { scorePolnear } from "./eval/polnear";
import { type EvalSection, prf, type Sample } from "./eval/report";
import { inventory, parseSelectors, sampleLines } from "./eval/samples";

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const positional = args.filter((a) => !a.startsWith("--"));
const sampleSpec = flag("samples") ?? process.env.EVAL_SAMPLES ?? "";
const sampleCount = Number(flag("count") ?? process.env.EVAL_SAMPLE_COUNT) || 10;
const shippedOnly = positional.length === 0;
const shared = resolve(positional[0] ?? ".");
if (!shippedOnly && (!existsSync(join(shared, "fixtures")) || !existsSync(join(shared, "corpus")))) {
  console.error(`No shared material at ${shared}. Usage: npm run eval -- <path to shared/> [--samples=help]`);
  process.exit(2);
}

/** The project's own gold fixture (the example article, copied from the shared corpus, which allows it). */
const SHIPPED_FIXTURES = join(import.meta.dirname, "../tests/fixtures");

const pct = (x: number) => (Number.isNaN(x) ? "   -  " : x.toFixed(3).padStart(6));

function print(section: EvalSection): void {
  console.log(`\n## ${section.dataset}\n`);
  console.log(
    `${"kind".padEnd(11)} ${"P".padStart(6)} ${"R".padStart(6)} ${"F1".padStart(6)} ${"tp".padStart(6)} ${"fp".padStart(6)} ${"fn".padStart(6)}  accuracies`,
  );
  for (const row of section.rows) {
    const { precision, recall, f1 } = prf(row);
    const accuracies = Object.entries(row.accuracies)
      .map(([name, a]) => `${name} ${pct(a.correct / a.total).trim()} (${a.correct}/${a.total})`)
      .join(", ");
    console.log(
      `${row.kind.padEnd(11)} ${pct(precision)} ${pct(recall)} ${pct(f1)} ${String(row.tp).padStart(6)} ${String(row.fp).padStart(6)} ${String(row.fn).padStart(6)}  ${accuracies}`,
    );
  }
  for (const note of section.notes) console.log(`- ${note}`);
}

const fixtures = evalGoldFixtures(shippedOnly ? SHIPPED_FIXTURES : join(shared, "fixtures"), detect);
if (shippedOnly) {
  print(fixtures.section);
  printProblems();
  console.log("\nThe dev sets and labelled pages need the team's shared corpus: npm run eval -- ../shared");
  process.exit(fixtures.problems.length === 0 ? 0 : 1);
}
const polnearScored = scorePolnear(join(shared, "corpus/polnear-dev/dev.jsonl"), detect);
const newsquantScored = scoreNewsQuant(join(shared, "corpus/newsquant-dev/dev.jsonl"), detect);
const polnear = polnearScored.section;
const newsquant = newsquantScored.section;
const sections: EvalSection[] = [fixtures.section, polnear, newsquant];
const samples: Sample[] = [...polnearScored.samples, ...newsquantScored.samples];
// Further data sets (labelled real pages) push their section and samples here, and their
// issue-12 targets onto `issueTargets` below.
const pages = scorePages(shared, detect); // real pages labelled by hand (tests/fixtures/page-labels)
sections.push(pages.section);
samples.push(...pages.samples);
for (const section of sections) print(section);

printProblems();

/** The gold fixtures' verdict: perfect, or each problem. */
function printProblems(): void {
  console.log("\n## Fixtures must be perfect\n");
  if (fixtures.problems.length === 0) console.log("perfect: every quote, claim, term and figure as in the gold files");
  for (const { fixture, problem } of fixtures.problems) console.log(`✗ ${fixture}: ${problem}`);
}

const rowOf = (section: EvalSection, kind: string) => section.rows.find((r) => r.kind === kind);
const f1 = (section: EvalSection, kind: string) => {
  const r = rowOf(section, kind);
  return r ? prf(r).f1 : Number.NaN;
};
const accuracy = (section: EvalSection, kind: string, name: string) => {
  const a = rowOf(section, kind)?.accuracies[name];
  return a ? a.correct / a.total : Number.NaN;
};
const targets: [string, number, number][] = [
  ["PolNeAR direct quotes F1", f1(polnear, "quotes"), 0.95],
  ["PolNeAR speaker accuracy on quotes", accuracy(polnear, "quotes", "speaker"), 0.9],
  ["PolNeAR reported claims F1", f1(polnear, "claims"), 0.7],
  ["NewsQuant figures F1", f1(newsquant, "figures"), 0.92],
  ["NewsQuant value accuracy", accuracy(newsquant, "figures", "value"), 0.95],
  ["NewsQuant qualifier accuracy", accuracy(newsquant, "figures", "qualifier"), 0.8],
];
// Issue 12's targets are for unseen articles and pages; dev numbers are printed next to them for
// reference only and never fail the eval. The issue scores news-sentence figures "with dates and times
// left out where a set labels none" (NewsQuant labels none, LABELING counts them), so the strict
// "figures-all" row is reported above but has no target here.
const issueTargets: [string, number, number][] = [
  ["PolNeAR quotes-all F1 (every predicted quote counted)", f1(polnear, "quotes-all"), 0.93],
  ["PolNeAR speaker accuracy on direct quotes", accuracy(polnear, "quotes", "speaker"), 0.88],
  ["PolNeAR reported claims F1 (speech cues)", f1(polnear, "claims"), 0.8],
  ["PolNeAR all-attribution overlap F1 (Citron)", f1(polnear, "overlap"), 0.72],
  ["NewsQuant figures F1 (dates and times left out)", f1(newsquant, "figures"), 0.91],
  ["real pages speaker accuracy on direct quotes", accuracy(pages.section, "quotes", "speaker"), 0.88],
  ["real pages reported claims F1", f1(pages.section, "claims"), 0.7],
  ["real pages figures F1", f1(pages.section, "figures"), 0.92],
];
console.log("\n## Issue 12 targets (unseen-set target, shown on dev for reference; they do not fail the eval)\n");
let issueMet = 0;
for (const [name, value, target] of issueTargets) {
  const ok = value >= target;
  if (ok) issueMet++;
  console.log(`${ok ? "✓" : "✗"} ${name}: ${pct(value).trim()} (unseen-set target ${target})`);
}
console.log(`\n${issueMet} of ${issueTargets.length} unseen-set targets already met on dev`);

console.log("\n## Targets\n");
let met = 0;
for (const [name, value, target] of targets) {
  const ok = value >= target;
  if (ok) met++;
  console.log(`${ok ? "✓" : "✗"} ${name}: ${pct(value).trim()} (target ${target})`);
}
const perfect = fixtures.problems.length === 0;
console.log(`${perfect ? "✓" : "✗"} example article perfect`);
console.log(`\n${met + (perfect ? 1 : 0)} of ${targets.length + 1} targets met`);

if (sampleSpec) {
  console.log("\n## Error samples\n");
  if (sampleSpec === "help") for (const line of inventory(samples)) console.log(line);
  else
    for (const selector of parseSelectors(sampleSpec)) {
      for (const line of sampleLines(samples, selector, sampleCount)) console.log(line);
      console.log("");
    }
}
