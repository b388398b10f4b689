/**
 * The "real pages" section of `npm run eval`: pages of `shared/corpus/readability-pages` labelled by
 * hand (tests/fixtures/page-labels, one JSON file a page), extracted exactly as the extension does
 * (Readability, then the article's text and its blocks with their roles), detected, and scored with
 * the rules of LABELING.md, every prediction counted. Labels are offsets into the extracted text
 * with a short prefix of the text (never the whole passage: the text belongs to its publisher); the
 * text's length and SHA-256 are recorded so that a change in extraction is reported, not mis-scored.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import type { Block, DetectInput, Detection, FigureDetection, SpanDetection } from "../../lib/detect/types";
import { extractArticle } from "../../lib/extract/article";
import { sha256Hex } from "../../lib/extract/hash";
import { sameValue } from "./gold";
import { type EvalSection, type Sample, type ScoreRow, speakerMatches, stripSpan, tokenF1 } from "./report";

/** A labelled range of the extracted text: end-exclusive offsets and the first ≤ 40 characters. */
export interface LabelRange {
  start: number;
  end: number;
  exact: string;
}

/** A quote or reported claim: its source's key word (surname, organisation), null when none is named. */
export interface LabelSpan extends LabelRange {
  speakerKey: string | null;
  speaker: string | null;
}

/** A figure: the number as written, its normalised value, unit and kind (LABELING.md). */
export interface LabelFigure extends LabelRange {
  number: string;
  value: number | string | null;
  unit: string | null;
  figureKind: string;
  qualifier: string | null;
}

/** What an optional item excuses: predictions of that kind that match it ("any": every kind). */
export type OptionalKind = "quote" | "claim" | "term" | "figure" | "any";

/** The labels of one page. */
export interface PageLabels {
  page: string;
  url: string;
  lang: string | null;
  textLength: number;
  textSha256: string;
  /** Captions, credits, bylines, datelines, related links, promos: not the article's own text. */
  furniture: (LabelRange & { kind: string })[];
  quotes: LabelSpan[];
  reported: LabelSpan[];
  terms: LabelRange[];
  figures: LabelFigure[];
  optional: (LabelRange & { kind: OptionalKind; why: string })[];
}

/** The section, the error samples (views "pages-quotes", "pages-claims", "pages-terms", "pages-figures"), and problems. */
export interface PagesScore {
  section: EvalSection;
  samples: Sample[];
  /** Pages that could not be scored (extraction changed, label out of place). */
  problems: string[];
}

const PAGE_URL_DIR = "corpus/readability-pages";

/** Where the label files live in the project. */
export const PAGE_LABELS_DIR = join(import.meta.dirname, "../../tests/fixtures/page-labels");
const SPAN_MATCH = 0.8;

const newRow = (kind: string, ...accuracies: string[]): ScoreRow => ({
  kind,
  tp: 0,
  fp: 0,
  fn: 0,
  accuracies: Object.fromEntries(accuracies.map((name) => [name, { correct: 0, total: 0 }])),
});

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

const spanScore = (predicted: string, gold: string): number => tokenF1(stripSpan(predicted), stripSpan(gold));

/** Why a label file cannot be scored against this text, or null when it can. */
export function labelMismatch(labels: PageLabels, text: string): string | null {
  if (text.length !== labels.textLength || sha256Hex(text) !== labels.textSha256) {
    return `extracted text changed (length ${text.length}, labelled ${labels.textLength}): relabel before scoring`;
  }
  const ranges: LabelRange[] = [
    ...labels.furniture,
    ...labels.quotes,
    ...labels.reported,
    ...labels.terms,
    ...labels.figures,
    ...labels.optional,
  ];
  for (const range of ranges) {
    if (text.slice(range.start, range.start + range.exact.length) !== range.exact) {
      return `label at ${range.start} no longer reads "${range.exact}"`;
    }
  }
  return null;
}

/** Whether the gold speaker key names the predicted speaker; a null key wants no speaker. */
const rightSpeaker = (predicted: string | null, key: string | null): boolean =>
  key === null ? predicted === null : speakerMatches(predicted, key);

interface PageContext {
  page: string;
  text: string;
  labels: PageLabels;
  samples: Sample[];
}

/** Whether an optional item of the page excuses an unmatched prediction. */
function excused(ctx: PageContext, d: Detection): boolean {
  const kind = d.kind === "figure" ? "figure" : d.kind;
  return ctx.labels.optional.some((item) => {
    if (item.kind !== "any" && item.kind !== kind) return false;
    if (!overlaps(d, item)) return false;
    if (d.kind === "figure") return true;
    return spanScore(d.exact, ctx.text.slice(item.start, item.end)) >= SPAN_MATCH;
  });
}

/**
 * Scores quotes or claims: each gold span takes the overlapping unused prediction of its kind with
 * the best token F1 (≥ 0.8); the rest are false positives unless an optional item excuses them.
 * Returns the predictions that were errors.
 */
function scoreSpans(
  ctx: PageContext,
  view: string,
  gold: LabelSpan[],
  predicted: SpanDetection[],
  row: ScoreRow,
): Detection[] {
  const used = new Set<Detection>();
  const speaker = row.accuracies.speaker as { correct: number; total: number };
  for (const item of gold) {
    const exact = ctx.text.slice(item.start, item.end);
    let best: SpanDetection | null = null;
    let bestScore = SPAN_MATCH;
    for (const d of predicted) {
      if (used.has(d) || !overlaps(d, item)) continue;
      const score = spanScore(d.exact, exact);
      if (score >= bestScore) [best, bestScore] = [d, score];
    }
    if (!best) {
      row.fn++;
      ctx.samples.push({ view, what: "fn", where: ctx.page, exact, detail: `gold speaker ${item.speakerKey}` });
      continue;
    }
    used.add(best);
    row.tp++;
    speaker.total++;
    if (rightSpeaker(best.speaker, item.speakerKey)) speaker.correct++;
    else {
      ctx.samples.push({
        view,
        what: "speaker",
        where: ctx.page,
        exact,
        detail: `predicted ${best.speaker}, gold ${item.speakerKey}`,
      });
    }
  }
  const errors: Detection[] = [];
  for (const d of predicted) {
    if (used.has(d) || excused(ctx, d)) continue;
    row.fp++;
    errors.push(d);
    const term = ctx.labels.terms.some((t) => overlaps(d, t));
    ctx.samples.push({
      view,
      what: "fp",
      where: ctx.page,
      exact: d.exact,
      detail: `speaker ${d.speaker}${term ? ", a labelled term" : ""}`,
    });
  }
  return errors;
}

/** Scores terms: a labelled term is found when a predicted term overlaps it. */
function scoreTerms(ctx: PageContext, predicted: SpanDetection[], row: ScoreRow): Detection[] {
  const used = new Set<Detection>();
  for (const item of ctx.labels.terms) {
    const match = predicted.find((d) => !used.has(d) && overlaps(d, item));
    if (!match) {
      row.fn++;
      ctx.samples.push({
        view: "pages-terms",
        what: "fn",
        where: ctx.page,
        exact: ctx.text.slice(item.start, item.end),
        detail: "",
      });
      continue;
    }
    used.add(match);
    row.tp++;
  }
  const errors = predicted.filter((d) => !used.has(d) && !excused(ctx, d));
  row.fp += errors.length;
  for (const d of errors)
    ctx.samples.push({ view: "pages-terms", what: "fp", where: ctx.page, exact: d.exact, detail: "" });
  return errors;
}

/** Scores figures: a prediction matches when its text holds the gold number and overlaps the gold span. */
function scoreFigures(ctx: PageContext, predicted: FigureDetection[], row: ScoreRow): Detection[] {
  const used = new Set<Detection>();
  const value = row.accuracies.value as { correct: number; total: number };
  for (const item of ctx.labels.figures) {
    const exact = ctx.text.slice(item.start, item.end);
    const match = predicted.find((d) => !used.has(d) && overlaps(d, item) && d.exact.includes(item.number));
    if (!match) {
      row.fn++;
      ctx.samples.push({
        view: "pages-figures",
        what: "fn",
        where: ctx.page,
        exact,
        detail: item.figureKind,
        group: item.figureKind,
      });
      continue;
    }
    used.add(match);
    row.tp++;
    value.total++;
    if (sameValue(match.value, item.value)) value.correct++;
    else {
      ctx.samples.push({
        view: "pages-figures",
        what: "value",
        where: ctx.page,
        exact,
        detail: `predicted ${JSON.stringify(match.value)}, gold ${JSON.stringify(item.value)}`,
        group: item.figureKind,
      });
    }
  }
  const errors = predicted.filter((d) => !used.has(d) && !excused(ctx, d));
  row.fp += errors.length;
  for (const d of errors) {
    ctx.samples.push({
      view: "pages-figures",
      what: "fp",
      where: ctx.page,
      exact: d.exact,
      detail: `${d.figureKind} ${JSON.stringify(d.value)}`,
      group: d.figureKind,
    });
  }
  return errors;
}

/** The label files of a folder, by page id. */
export function readPageLabels(labelsDir: string): PageLabels[] {
  return readdirSync(labelsDir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(labelsDir, name), "utf8")) as PageLabels);
}

/** The article text and blocks of a readability page, as the extension extracts them. */
export function extractPage(
  sharedDir: string,
  labels: Pick<PageLabels, "page" | "url">,
): { text: string; blocks: Block[]; lang: string | null } | null {
  const html = readFileSync(join(sharedDir, PAGE_URL_DIR, labels.page, "source.html"), "utf8");
  const { article, report } = extractArticle(parseHTML(html).document as unknown as Document, labels.url);
  return article ? { text: article.text, blocks: article.blocks, lang: report.lang } : null;
}

/** Running totals over the pages scored so far. */
export interface PagesTally {
  rows: { quotes: ScoreRow; claims: ScoreRow; terms: ScoreRow; figures: ScoreRow };
  samples: Sample[];
  furniture: { ranges: number; predictions: number; mistakes: Map<string, number> };
}

/** Empty totals. */
export function newTally(): PagesTally {
  return {
    rows: {
      quotes: newRow("quotes", "speaker"),
      claims: newRow("claims", "speaker"),
      terms: newRow("terms"),
      figures: newRow("figures", "value"),
    },
    samples: [],
    furniture: { ranges: 0, predictions: 0, mistakes: new Map() },
  };
}

/** Adds one page's detections, scored against its labels, to the totals (the text must match the labels). */
export function scoreLabelledPage(tally: PagesTally, labels: PageLabels, text: string, detections: Detection[]): void {
  const { rows, samples, furniture } = tally;
  const ctx: PageContext = { page: labels.page, text, labels, samples };
  const spans = (kind: SpanDetection["kind"]) => detections.filter((d): d is SpanDetection => d.kind === kind);
  const errors = [
    ...scoreSpans(ctx, "pages-quotes", labels.quotes, spans("quote"), rows.quotes),
    ...scoreSpans(ctx, "pages-claims", labels.reported, spans("claim"), rows.claims),
    ...scoreTerms(ctx, spans("term"), rows.terms),
    ...scoreFigures(
      ctx,
      detections.filter((d): d is FigureDetection => d.kind === "figure"),
      rows.figures,
    ),
  ];
  // Furniture: how much the detector reads there, and how much of it is wrong (no label or optional covers it).
  furniture.ranges += labels.furniture.length;
  const inFurniture = (d: Detection) => labels.furniture.some((range) => overlaps(d, range));
  furniture.predictions += detections.filter(inFurniture).length;
  for (const d of errors.filter(inFurniture)) {
    furniture.mistakes.set(d.kind, (furniture.mistakes.get(d.kind) ?? 0) + 1);
    samples.push({
      view: "pages-furniture",
      what: "fp",
      where: labels.page,
      exact: d.exact,
      detail: d.kind,
      group: d.kind,
    });
  }
}

/** Scores the detector on the labelled real pages (LABELING.md rules, every prediction counted). */
export function scorePages(
  sharedDir: string,
  detect: (input: DetectInput) => Detection[],
  labelsDir = PAGE_LABELS_DIR,
): PagesScore {
  const tally = newTally();
  const problems: string[] = [];
  const all = readPageLabels(labelsDir);
  let scored = 0;
  for (const labels of all) {
    const page = extractPage(sharedDir, labels);
    const mismatch = page ? labelMismatch(labels, page.text) : "no article extracted";
    if (!page || mismatch) {
      problems.push(`${labels.page}: ${mismatch}`);
      continue;
    }
    scored++;
    scoreLabelledPage(tally, labels, page.text, detect({ text: page.text, blocks: page.blocks, lang: page.lang }));
  }
  const { furniture } = tally;
  const mistakes = [...furniture.mistakes.values()].reduce((a, b) => a + b, 0);
  const byKind = [...furniture.mistakes].map(([kind, n]) => `${kind} ${n}`).join(", ");
  const notes = [
    `${scored} of ${all.length} pages of shared/${PAGE_URL_DIR} labelled by hand (tests/fixtures/page-labels), extracted as the extension does (Readability, article text, blocks with their roles) and detected with the page's own lang; every prediction counted.`,
    "A prediction is right when it matches a label (spans: overlap and token F1 >= 0.8 after stripping marks; figures: overlap and the labelled number in its text), excused when it matches an optional item of its kind, and a false positive otherwise (a quote that is a labelled term too). speaker: the labelled key in the predicted speaker; value: equal, numbers within 0.5%.",
    `furniture mistakes: ${mistakes} false positives inside ${furniture.ranges} furniture ranges (captions, credits, bylines, datelines, related links, promos, tables)${byKind ? ` (${byKind})` : ""}; ${furniture.predictions} predictions fell there in all.`,
    ...problems.map((problem) => `✗ not scored: ${problem}`),
  ];
  return {
    section: { dataset: `real pages (${scored} labelled readability pages)`, rows: Object.values(tally.rows), notes },
    samples: tally.samples,
    problems,
  };
}
