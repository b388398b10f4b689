import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import type { DetectInput, Detection, FigureDetection } from "../../lib/detect/types";
import { extractArticle } from "../../lib/extract/article";
import { type EvalSection, type ScoreRow, stripSpan, tokenF1 } from "./report";

interface GoldSpan {
  exact: string;
  speaker?: string;
  speakerKey?: string;
  cue?: string;
}

interface GoldFigure {
  exact: string;
  number: string;
  kind: string;
  value: number | string | null;
  unit?: string | null;
  qualifier?: string | null;
}

interface GoldFile {
  page: string;
  url: string;
  language: string;
  quotes: GoldSpan[];
  reported: GoldSpan[];
  terms: { exact: string }[];
  figures: GoldFigure[];
  optional: { exact: string }[];
}

/** A fixture's failures, for the "must be perfect" check. */
export interface FixtureProblem {
  fixture: string;
  problem: string;
}

const row = (kind: string, ...accuracies: string[]): ScoreRow => ({
  kind,
  tp: 0,
  fp: 0,
  fn: 0,
  accuracies: Object.fromEntries(accuracies.map((name) => [name, { correct: 0, total: 0 }])),
});

const spanMatches = (a: string, b: string): boolean => tokenF1(stripSpan(a), stripSpan(b)) >= 0.8;

/** Every [start, end) where `needle` occurs in `text`. */
function occurrences(text: string, needle: string): [number, number][] {
  const found: [number, number][] = [];
  if (!needle) return found;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) found.push([at, at + needle.length]);
  return found;
}

const overlaps = (d: Detection, [start, end]: [number, number]): boolean => d.start < end && start < d.end;

/** Values agree: numbers within 0.5%, anything else exactly. */
export function sameValue(predicted: unknown, gold: unknown): boolean {
  if (typeof predicted === "number" && typeof gold === "number") {
    return gold === 0 ? predicted === 0 : Math.abs(predicted - gold) / Math.abs(gold) <= 0.005;
  }
  return predicted === gold;
}

/** The gold file's qualifier in our vocabulary ("vague (hundreds)" is "vague"). */
const goldQualifier = (q: string | null | undefined): string | null => (q ? q.replace(/\s*\(.*\)$/, "") : null);

/** Scores spans of one kind: each gold item takes the first unmatched prediction that matches it. */
function scoreSpans(
  gold: GoldSpan[],
  predicted: Detection[],
  target: ScoreRow,
  fixture: string,
  problems: FixtureProblem[],
) {
  const used = new Set<Detection>();
  for (const item of gold) {
    const match = predicted.find((d) => !used.has(d) && spanMatches(d.exact, item.exact));
    if (!match) {
      target.fn++;
      problems.push({ fixture, problem: `missed ${target.kind}: "${item.exact.slice(0, 60)}…"` });
      continue;
    }
    used.add(match);
    target.tp++;
    const speaker = target.accuracies.speaker as { correct: number; total: number };
    speaker.total++;
    if (item.speakerKey && match.speaker?.toLowerCase().includes(item.speakerKey.toLowerCase())) speaker.correct++;
    else problems.push({ fixture, problem: `${target.kind} speaker "${match.speaker}" should be ${item.speaker}` });
  }
  return used;
}

/** Scores the detector on every `*.gold.json` fixture (LABELING.md rules) and lists what is not perfect. */
export function evalGoldFixtures(
  fixturesDir: string,
  detect: (input: DetectInput) => Detection[],
): { section: EvalSection; problems: FixtureProblem[] } {
  const rows = {
    quotes: row("quotes", "speaker"),
    claims: row("claims", "speaker"),
    terms: row("terms"),
    figures: row("figures", "value", "unit", "qualifier"),
  };
  const problems: FixtureProblem[] = [];
  const files = readdirSync(fixturesDir).filter((name) => name.endsWith(".gold.json"));
  for (const name of files) {
    const gold = JSON.parse(readFileSync(join(fixturesDir, name), "utf8")) as GoldFile;
    const { document } = parseHTML(readFileSync(join(fixturesDir, gold.page), "utf8"));
    const { article, report } = extractArticle(document as unknown as Document, gold.url);
    if (!article) {
      problems.push({ fixture: name, problem: "no article extracted" });
      continue;
    }
    const text = article.text;
    const detections = detect({ text, blocks: article.blocks, lang: report.lang ?? gold.language });
    const optional = gold.optional.flatMap((item) => occurrences(text, item.exact));
    const isOptional = (d: Detection) => optional.some((span) => overlaps(d, span));

    const quotes = detections.filter((d) => d.kind === "quote");
    const usedQuotes = scoreSpans(gold.quotes, quotes, rows.quotes, name, problems);
    for (const q of quotes) {
      if (usedQuotes.has(q) || isOptional(q)) continue;
      rows.quotes.fp++;
      const isTerm = gold.terms.some((term) => spanMatches(q.exact, term.exact));
      problems.push({ fixture: name, problem: `${isTerm ? "term reported as a quote" : "extra quote"}: "${q.exact}"` });
    }

    const claims = detections.filter((d) => d.kind === "claim");
    const usedClaims = scoreSpans(gold.reported, claims, rows.claims, name, problems);
    for (const c of claims) {
      if (usedClaims.has(c) || isOptional(c)) continue;
      rows.claims.fp++;
      problems.push({ fixture: name, problem: `extra claim: "${c.exact.slice(0, 60)}"` });
    }

    const terms = detections.filter((d) => d.kind === "term");
    const termSpans = gold.terms.flatMap((term) => occurrences(text, term.exact));
    rows.terms.tp += termSpans.filter((span) => terms.some((t) => overlaps(t, span))).length;
    rows.terms.fn += termSpans.filter((span) => !terms.some((t) => overlaps(t, span))).length;
    rows.terms.fp += terms.filter((t) => !termSpans.some((span) => overlaps(t, span)) && !isOptional(t)).length;

    const figures = detections.filter((d): d is FigureDetection => d.kind === "figure");
    const usedFigures = new Set<Detection>();
    for (const item of gold.figures) {
      const spans = occurrences(text, item.exact);
      const match = figures.find(
        (f) => !usedFigures.has(f) && f.exact.includes(item.number) && spans.some((span) => overlaps(f, span)),
      );
      if (!match) {
        rows.figures.fn++;
        problems.push({ fixture: name, problem: `missed figure: "${item.exact}"` });
        continue;
      }
      usedFigures.add(match);
      rows.figures.tp++;
      const check = (accuracy: string, ok: boolean, what: string) => {
        const a = rows.figures.accuracies[accuracy] as { correct: number; total: number };
        a.total++;
        if (ok) a.correct++;
        else problems.push({ fixture: name, problem: `figure "${item.exact}": ${what}` });
      };
      check(
        "value",
        sameValue(match.value, item.value),
        `value ${JSON.stringify(match.value)}, gold ${JSON.stringify(item.value)}`,
      );
      check("unit", (match.unit ?? null) === (item.unit ?? null), `unit ${match.unit}, gold ${item.unit ?? null}`);
      check(
        "qualifier",
        (match.qualifier ?? null) === goldQualifier(item.qualifier),
        `qualifier ${match.qualifier}, gold ${goldQualifier(item.qualifier)}`,
      );
    }
    for (const f of figures) {
      if (usedFigures.has(f) || isOptional(f)) continue;
      rows.figures.fp++;
      problems.push({ fixture: name, problem: `extra figure: "${f.exact}"` });
    }
  }
  return {
    section: {
      dataset: `fixtures (${files.length} gold file${files.length === 1 ? "" : "s"})`,
      rows: Object.values(rows),
      notes: [
        "LABELING.md rules: spans match at token F1 >= 0.8 after stripping marks; a figure matches when its text holds the gold number and overlaps the gold span; optional items are neither credited nor penalised.",
      ],
    },
    problems,
  };
}
