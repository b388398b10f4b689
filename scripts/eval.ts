// `npm run eval -- <shared-dir>`: scores the detector on the gold fixtures and the dev sets (LABELING.md rules).
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { detect } from "../lib/detect/index";
import { evalGoldFixtures } from "./eval/gold";
import { evalNewsQuant } from "./eval/newsquant";
import { evalPolnear } from "./eval/polnear";
import { type EvalSection, prf } from "./eval/report";

const shared = resolve(process.argv[2] ?? join(import.meta.dirname, "../../shared"));
if (!existsSync(join(shared, "fixtures")) || !existsSync(join(shared, "corpus"))) {
  console.error(`No shared material at ${shared}. Usage: npm run eval -- <path to shared/>`);
  process.exit(2);
}

const pct = (x: number) => (Number.isNaN(x) ? "   -  " : x.toFixed(3).padStart(6));

function print(section: EvalSection): void {
  console.log(`\n## ${section.dataset}\n`);
  console.log(
    `${"kind".padEnd(9)} ${"P".padStart(6)} ${"R".padStart(6)} ${"F1".padStart(6)} ${"tp".padStart(5)} ${"fp".padStart(5)} ${"fn".padStart(5)}  accuracies`,
  );
  for (const row of section.rows) {
    const { precision, recall, f1 } = prf(row);
    const accuracies = Object.entries(row.accuracies)
      .map(([name, a]) => `${name} ${pct(a.correct / a.total).trim()} (${a.correct}/${a.total})`)
      .join(", ");
    console.log(
      `${row.kind.padEnd(9)} ${pct(precision)} ${pct(recall)} ${pct(f1)} ${String(row.tp).padStart(5)} ${String(row.fp).padStart(5)} ${String(row.fn).padStart(5)}  ${accuracies}`,
    );
  }
  for (const note of section.notes) console.log(`- ${note}`);
}

const fixtures = evalGoldFixtures(join(shared, "fixtures"), detect);
const polnear = evalPolnear(join(shared, "corpus/polnear-dev/dev.jsonl"), detect);
const newsquant = evalNewsQuant(join(shared, "corpus/newsquant-dev/dev.jsonl"), detect);
for (const section of [fixtures.section, polnear, newsquant]) print(section);

console.log("\n## Fixtures must be perfect\n");
if (fixtures.problems.length === 0) console.log("perfect: every quote, claim, term and figure as in the gold files");
for (const { fixture, problem } of fixtures.problems) console.log(`✗ ${fixture}: ${problem}`);

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
