/**
 * Scores figures on the NewsQuant dev split (one news sentence a line, gold quantities without offsets).
 * The protocol is in NOTES below and in the returned section, so a reader of the report can judge it.
 */

import { readFileSync } from "node:fs";
import type { DetectInput, Detection, FigureDetection, Qualifier } from "../../lib/detect/types";
import type { EvalSection, Sample, ScoreRow } from "./report";

interface GoldFigure {
  value: number | null;
  unit: string;
  qualifier: string;
}

interface Sentence {
  id: string;
  text: string;
  figures: GoldFigure[];
}

const NOTES = [
  'Row "figures" (lenient, the dev protocol so far): predicted figures of every kind except date and time are ' +
    'scored, since NewsQuant labels no dates, years or clock times. Row "figures-all" (strict): every predicted ' +
    "figure is scored, dates and times included, so each date or time that matches no gold quantity is a false " +
    "positive; same matching rules.",
  "Matching is by where the gold number is written, never by value alone: a gold quantity's anchors are the " +
    "numerals of the sentence (digits, or number words) whose written value times 1, 100, 1e3, 1e6, 1e9, 1e12 or " +
    "0.01 gives the gold value (so 35m, 3.2 billion and 12% anchor 35000000, 3200000000 and 0.12); a prediction " +
    "matches a gold quantity when its exact text contains one of its anchors. Each prediction and each gold " +
    "quantity is used once; among candidates the pair whose unit head words agree is taken first.",
  "A gold quantity whose number appears nowhere in the sentence (a spelled-out number we cannot anchor, a label " +
    "error) or whose value is null (ranges, vague amounts) is matched by its unit instead: the prediction's exact " +
    "text or unit contains the gold unit's head word ($, %, per cent and currency codes normalised).",
  "Value accuracy is over matched pairs with a numeric gold value: right when within 0.5% (12 with unit percent " +
    "also matches a gold 0.12). Gold values of null (ranges and vague amounts: NewsQuant gives no number) are " +
    "counted for detection but not for value or qualifier accuracy, since our range convention (low end, " +
    "qualifier 'at least') has nothing to compare with.",
  "Qualifiers: gold '=', 'up', 'down' (a change, not a qualifier in our vocabulary) expect null; '~' expects " +
    "approximately; '>' more than or at least; '<' less than or at most.",
  "Known conflicts with LABELING.md, kept as misses rather than fitted: NewsQuant labels 'one' in 'one of the " +
    "students', 'at one point' and as a pronoun ('a sighting of one that'), and '5G' (an identifier per " +
    "LABELING); it does not label sports scores ('2-1', reported as figureKind other), 'half the revenue', " +
    "durations in compounds ('a five-year award') or index names ('S&P 500'); it labels 'three-point range' and " +
    "'four-cylinder' in some sentences but not 'four-cylinder' or 'six-speed' in another (we report all such " +
    "number-noun compounds). " +
    "A change ('dropped from 208 pounds to 193') is one null-valued gold item but two figures for us. Some gold " +
    "units carry mangled currency signs ('PS' for £, 'Y=' for ¥), one spelled number has a wrong gold value " +
    "(twenty-eight thousand six hundred forty-two as 280642), and some qualifiers follow the sentence rather " +
    "than a qualifier word ('averaged 7.3' as '~', 'rose under 4%' as 'up', 'almost half' as '=').",
];

const SPELLED: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  dozen: 12,
  half: 0.5,
  third: 1 / 3,
  thirds: 1 / 3,
  quarter: 0.25,
  quarters: 0.25,
};

interface Anchor {
  start: number;
  end: number;
  /** Values the written number may stand for once scaled. */
  value: number;
}

const SCALES = [1, 100, 1e3, 1e6, 1e9, 1e12, 0.01];

/** The numerals of a sentence, read independently of the detector: digits, fractions, number words. */
function anchorsOf(text: string): Anchor[] {
  const out: Anchor[] = [];
  const digits = /(\d+)\s*[/⁄]\s*(\d+)|\.?\d+(?:[,.]\d+)*/g;
  for (let m = digits.exec(text); m !== null; m = digits.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] !== undefined && m[2] !== undefined && Number(m[2]) !== 0) {
      out.push({ start, end, value: Number(m[1]) / Number(m[2]) });
      continue;
    }
    const raw = m[0];
    const grouped = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw);
    const value = Number(grouped ? raw.replace(/,/g, "") : raw.replace(/,/g, ""));
    if (Number.isFinite(value)) out.push({ start, end, value });
  }
  const words = /[A-Za-z]+(?:-[A-Za-z]+)?/g;
  for (let m = words.exec(text); m !== null; m = words.exec(text)) {
    const parts = m[0].toLowerCase().split("-");
    const a = SPELLED[parts[0] ?? ""];
    const b = parts[1] === undefined ? undefined : SPELLED[parts[1]];
    if (a === undefined) continue;
    let value = a;
    if (b !== undefined) value = b < 1 ? a * b : a + b;
    out.push({ start: m.index, end: m.index + m[0].length, value });
  }
  return out;
}

const close = (a: number, b: number) => (b === 0 ? Math.abs(a) < 1e-9 : Math.abs(a - b) <= 0.005 * Math.abs(b));

function anchorsFor(gold: GoldFigure, anchors: Anchor[]): Anchor[] {
  const v = gold.value;
  if (v === null) return [];
  return anchors.filter((a) => SCALES.some((s) => close(Math.abs(a.value * s), Math.abs(v))));
}

/** The head word of a unit, normalised so "$", "US$" and "USD" agree, and "%", "per cent", "percent" do. */
function unitKey(unit: string | null): string {
  if (unit === null) return "";
  const words = unit
    .toLowerCase()
    .replace(/[/]/g, " / ")
    .split(/\s+/)
    .filter((w) => w.length > 0);
  // "$ per gram", "percent a year", "USD/gallon": the head comes before the rate
  const rate = words.findIndex((w, i) => i > 0 && (w === "per" || w === "a" || w === "an" || w === "/"));
  const kept = rate < 0 ? words : words.slice(0, rate);
  if (kept.length > 1 && kept[kept.length - 1] === "cent" && kept[kept.length - 2] === "per") return "percent";
  const head = kept[kept.length - 1] ?? "";
  if (head === "" || head === "-") return "";
  if (head === "%" || head === "&" || head === "percent" || head === "pct") return "percent";
  if (head.includes("$") || head === "usd" || head.startsWith("dollar")) return "dollar";
  if (head === "eur" || head === "€" || head.startsWith("euro")) return "euro";
  return head.replace(/s$/, "");
}

function unitAgrees(gold: GoldFigure, pred: FigureDetection): boolean {
  const g = unitKey(gold.unit);
  if (g === "") return false;
  const p = unitKey(pred.unit);
  if (p !== "" && (p === g || p.startsWith(g) || g.startsWith(p))) return true;
  const exact = pred.exact.toLowerCase();
  if (g === "dollar") return exact.includes("$") || exact.includes("dollar");
  if (g === "percent") return exact.includes("%") || exact.includes("cent");
  return g.length > 1 && exact.includes(g);
}

const EXPECTED: Readonly<Record<string, (Qualifier | null)[]>> = {
  "=": [null],
  up: [null],
  down: [null],
  "~": ["approximately"],
  ">": ["more than", "at least"],
  "<": ["less than", "at most"],
};

function valueRight(gold: number, pred: FigureDetection): boolean {
  if (typeof pred.value !== "number") return false;
  if (close(pred.value, gold)) return true;
  return pred.unit !== null && /percent/.test(pred.unit) && close(pred.value / 100, gold);
}

/** Pairs gold quantities with predictions of one sentence; returns the pairs (indices). */
function align(text: string, golds: GoldFigure[], preds: FigureDetection[]): [number, number][] {
  const anchors = anchorsOf(text);
  const edges: { g: number; p: number; w: number; pos: number }[] = [];
  golds.forEach((gold, g) => {
    const own = anchorsFor(gold, anchors);
    preds.forEach((pred, p) => {
      const unit = unitAgrees(gold, pred);
      if (own.length > 0) {
        const hit = own.find((a) => pred.start <= a.start && a.end <= pred.end);
        if (hit !== undefined) edges.push({ g, p, w: unit ? 2 : 1, pos: hit.start });
      } else if (unit) {
        edges.push({ g, p, w: 0.5, pos: pred.start });
      }
    });
  });
  edges.sort((a, b) => b.w - a.w || a.pos - b.pos);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const pairs: [number, number][] = [];
  for (const e of edges) {
    if (usedG.has(e.g) || usedP.has(e.p)) continue;
    usedG.add(e.g);
    usedP.add(e.p);
    pairs.push([e.g, e.p]);
  }
  return pairs;
}

/** One scored sentence, for runners that want to show the misses. */
export interface NewsQuantCase {
  id: string;
  text: string;
  golds: GoldFigure[];
  preds: FigureDetection[];
  pairs: [number, number][];
}

/**
 * Reads the dev file and aligns each sentence's predictions with its gold quantities: without the
 * predicted dates and times (the lenient view) or, with `datesAndTimes`, every predicted figure.
 */
export function alignNewsQuant(
  file: string,
  detect: (input: DetectInput) => Detection[],
  datesAndTimes = false,
): NewsQuantCase[] {
  return alignBoth(file, detect)[datesAndTimes ? "all" : "lenient"];
}

const isDateOrTime = (f: FigureDetection): boolean => f.figureKind === "date" || f.figureKind === "time";

/** Both alignments from one detection pass: dates and times left out, and every prediction. */
function alignBoth(
  file: string,
  detect: (input: DetectInput) => Detection[],
): { lenient: NewsQuantCase[]; all: NewsQuantCase[] } {
  const lines = readFileSync(file, "utf8").split("\n");
  const lenient: NewsQuantCase[] = [];
  const all: NewsQuantCase[] = [];
  for (const line of lines) {
    if (line.trim() === "") continue;
    const s = JSON.parse(line) as Sentence;
    const figures = detect({ text: s.text, lang: "en" }).filter((d): d is FigureDetection => d.kind === "figure");
    const preds = figures.filter((f) => !isDateOrTime(f));
    lenient.push({ id: s.id, text: s.text, golds: s.figures, preds, pairs: align(s.text, s.figures, preds) });
    all.push({ id: s.id, text: s.text, golds: s.figures, preds: figures, pairs: align(s.text, s.figures, figures) });
  }
  return { lenient, all };
}

const describe = (f: FigureDetection): string =>
  `${f.figureKind} value ${String(f.value)} unit ${f.unit ?? "none"} qualifier ${f.qualifier ?? "none"}`;
const goldText = (g: GoldFigure): string => `${String(g.value)} ${g.unit} (${g.qualifier})`;
const clipSentence = (text: string): string => (text.length > 200 ? `${text.slice(0, 199)}…` : text);

/** Scores one alignment into a row named `kind` and records its errors as samples of that view. */
function scoreRow(kind: string, cases: NewsQuantCase[], samples: Sample[]): ScoreRow {
  const row: ScoreRow = {
    kind,
    tp: 0,
    fp: 0,
    fn: 0,
    accuracies: { value: { correct: 0, total: 0 }, qualifier: { correct: 0, total: 0 } },
  };
  const value = row.accuracies.value as { correct: number; total: number };
  const qualifier = row.accuracies.qualifier as { correct: number; total: number };
  for (const c of cases) {
    row.tp += c.pairs.length;
    row.fp += c.preds.length - c.pairs.length;
    row.fn += c.golds.length - c.pairs.length;
    const sentence = clipSentence(c.text);
    const pairedGold = new Set(c.pairs.map(([g]) => g));
    const pairedPred = new Set(c.pairs.map(([, p]) => p));
    c.preds.forEach((pred, p) => {
      if (!pairedPred.has(p))
        samples.push({
          view: kind,
          what: "fp",
          where: c.id,
          exact: pred.exact,
          detail: `${describe(pred)}; in: ${sentence}`,
          group: pred.figureKind,
        });
    });
    c.golds.forEach((gold, g) => {
      if (!pairedGold.has(g))
        samples.push({
          view: kind,
          what: "fn",
          where: c.id,
          exact: goldText(gold),
          detail: `in: ${sentence}`,
          group: gold.unit || "(no unit)",
        });
    });
    for (const [g, p] of c.pairs) {
      const gold = c.golds[g];
      const pred = c.preds[p];
      if (gold === undefined || pred === undefined || gold.value === null) continue;
      value.total++;
      if (valueRight(gold.value, pred)) value.correct++;
      else
        samples.push({
          view: kind,
          what: "value",
          where: c.id,
          exact: pred.exact,
          detail: `${describe(pred)}; gold ${goldText(gold)}`,
        });
      qualifier.total++;
      if ((EXPECTED[gold.qualifier] ?? [null]).includes(pred.qualifier)) qualifier.correct++;
      else
        samples.push({
          view: kind,
          what: "qualifier",
          where: c.id,
          exact: pred.exact,
          detail: `${describe(pred)}; gold ${goldText(gold)}`,
        });
    }
  }
  return row;
}

/** Figures on NewsQuant dev, both ways (dates and times left out, every prediction), with error samples. */
export function scoreNewsQuant(
  file: string,
  detect: (input: DetectInput) => Detection[],
): { section: EvalSection; samples: Sample[] } {
  const { lenient, all } = alignBoth(file, detect);
  const samples: Sample[] = [];
  const rows = [scoreRow("figures", lenient, samples), scoreRow("figures-all", all, samples)];
  const datesAndTimes = all.reduce((n, c) => n + c.preds.filter(isDateOrTime).length, 0);
  const notes = [`${NOTES[0]} ${datesAndTimes} predicted figures are dates or times.`, ...NOTES.slice(1)];
  return { section: { dataset: `newsquant-dev (${lenient.length} sentences)`, rows, notes }, samples };
}

/** Figures on NewsQuant dev: detection P/R/F1 and value and qualifier accuracy over matched pairs. */
export function evalNewsQuant(file: string, detect: (input: DetectInput) => Detection[]): EvalSection {
  return scoreNewsQuant(file, detect).section;
}
