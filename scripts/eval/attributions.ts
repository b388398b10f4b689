/**
 * Views over ALL gold attributions of a data set, of every cue type (beliefs and findings as well as
 * speech, quoted or not): which ones a predicted quote or claim finds, whether its speaker is right,
 * and the character overlap of contents with the source accuracy as Citron reports them.
 */
import type { SpanDetection } from "../../lib/detect/types";
import { bestOverlapping, overlapCounts } from "./overlap";
import { type Sample, type ScoreRow, speakerMatches, stripSpan, tokenF1 } from "./report";

/** One gold attribution, prepared by the data set's reader. */
export interface GoldAttribution {
  start: number;
  end: number;
  exact: string;
  /** What a prediction may match: the content as a claim and each quoted segment inside it. */
  texts: string[];
  /** The key the predicted speaker must contain; null when the source is unresolved (not scored). */
  key: string | null;
  /** "direct", "indirect-saying" (a verb of saying) or "indirect-other" (believes, shows, wants…). */
  type: string;
  cue: string | null;
}

/** Pairs of gold and predicted indices, and the predictions left over (`extra`: matched a taken one). */
export interface AttributionPairs {
  pairs: [number, number][];
  extra: number[];
  free: number[];
}

/** Gold and prediction this far apart are never compared (keeps the pairing near linear). */
const WINDOW = 2000;

/**
 * Pairs gold attributions with predictions one-to-one, best token F1 first (>= 0.8 against any of
 * the attribution's texts). A prediction that matches only attributions already paired (the second
 * half of a quote interrupted by its cue) is `extra`; one that matches none is `free`.
 */
export function pairAttributions(
  gold: readonly GoldAttribution[],
  predicted: readonly SpanDetection[],
): AttributionPairs {
  const candidates: [number, number, number][] = [];
  const keys = gold.map((g) => g.texts.map(stripSpan));
  predicted.forEach((p, pi) => {
    const key = stripSpan(p.exact);
    gold.forEach((g, gi) => {
      if (p.end <= g.start - WINDOW || p.start >= g.end + WINDOW) return;
      const f = Math.max(0, ...(keys[gi] ?? []).map((t) => tokenF1(key, t)));
      if (f >= 0.8) candidates.push([f, gi, pi]);
    });
  });
  candidates.sort((a, b) => b[0] - a[0]);
  const usedGold = new Set<number>();
  const usedPred = new Set<number>();
  const matchedAny = new Set<number>();
  const pairs: [number, number][] = [];
  for (const [, gi, pi] of candidates) {
    matchedAny.add(pi);
    if (usedGold.has(gi) || usedPred.has(pi)) continue;
    usedGold.add(gi);
    usedPred.add(pi);
    pairs.push([gi, pi]);
  }
  const left = predicted.map((_, pi) => pi).filter((pi) => !usedPred.has(pi));
  return { pairs, extra: left.filter((pi) => matchedAny.has(pi)), free: left.filter((pi) => !matchedAny.has(pi)) };
}

/**
 * The overlap view counted in attributions instead of letters: gold attributions some prediction
 * overlaps, and predictions that overlap some gold attribution (for the protocol note).
 */
export interface OverlapTally {
  goldOverlapped: number;
  gold: number;
  predictedOverlapping: number;
  predicted: number;
}

/** The rows of these views: "attribs" (token match, speaker), "overlap" (letters, source), and its tally. */
export function attributionRows(): { attribs: ScoreRow; overlap: ScoreRow; tally: OverlapTally } {
  return {
    tally: { goldOverlapped: 0, gold: 0, predictedOverlapping: 0, predicted: 0 },
    attribs: { kind: "attribs", tp: 0, fp: 0, fn: 0, accuracies: { speaker: { correct: 0, total: 0 } } },
    overlap: { kind: "overlap", tp: 0, fp: 0, fn: 0, accuracies: { source: { correct: 0, total: 0 } } },
  };
}

const said = (p: SpanDetection): string => `predicted ${p.kind} by ${p.speaker ?? "nobody"} (${p.cue ?? "no cue"})`;
const goldSays = (g: GoldAttribution): string => `gold ${g.type}, cue "${g.cue ?? ""}", key ${g.key ?? "unresolved"}`;
/** Auxiliaries and adverbs that open a cue phrase ("has long argued", "would also say") but do not name it. */
const CUE_FILLERS = new Set(
  "has have had is was were are be been being will would could can can't cannot may might must should shall also not never long later previously repeatedly once still then has't hasn't didn't did does do".split(
    " ",
  ),
);

/** The word a cue is tallied by: its first word that is not an auxiliary or adverb ("has long argued" → "argued"). */
export function cueHead(cue: string | null): string {
  const words = (cue ?? "").toLowerCase().match(/[\p{L}'’]+|[^\s\p{L}]/gu) ?? [];
  return words.find((w) => !CUE_FILLERS.has(w.replace(/’/g, "'"))) ?? words[0] ?? "(none)";
}

const cueGroup = (g: GoldAttribution): string => cueHead(g.cue);

/**
 * Counts one text into the two rows and records its errors. "attribs": tp = attributions paired,
 * fn = attributions unpaired, fp = predictions matching none; speaker over paired attributions with
 * a key. "overlap": tp/fp/fn are letters (overlapping, predicted only, gold only); source accuracy
 * over the gold attributions with a key that some prediction overlaps, judged by the prediction
 * sharing the most letters with it.
 */
export function scoreAttributions(
  where: string,
  text: string,
  gold: readonly GoldAttribution[],
  predicted: readonly SpanDetection[],
  rows: { attribs: ScoreRow; overlap: ScoreRow; tally: OverlapTally },
  samples: Sample[],
): void {
  const { attribs, overlap, tally } = rows;
  tally.gold += gold.length;
  tally.predicted += predicted.length;
  const { pairs, free } = pairAttributions(gold, predicted);
  attribs.tp += pairs.length;
  attribs.fn += gold.length - pairs.length;
  attribs.fp += free.length;
  const speaker = attribs.accuracies.speaker as { correct: number; total: number };
  const paired = new Set<number>();
  for (const [gi, pi] of pairs) {
    paired.add(gi);
    const g = gold[gi] as GoldAttribution;
    const p = predicted[pi] as SpanDetection;
    if (g.key === null) continue;
    speaker.total++;
    if (speakerMatches(p.speaker, g.key)) speaker.correct++;
    else
      samples.push({
        view: "attribs",
        what: "speaker",
        where,
        exact: p.exact,
        detail: `${said(p)}; ${goldSays(g)}`,
        group: g.type,
      });
  }
  gold.forEach((g, gi) => {
    if (!paired.has(gi))
      samples.push({ view: "attribs", what: "fn", where, exact: g.exact, detail: goldSays(g), group: cueGroup(g) });
  });
  for (const pi of free) {
    const p = predicted[pi] as SpanDetection;
    samples.push({ view: "attribs", what: "fp", where, exact: p.exact, detail: said(p), group: p.kind });
  }

  const counts = overlapCounts(text, predicted, gold);
  overlap.tp += counts.overlap;
  overlap.fp += counts.predicted - counts.overlap;
  overlap.fn += counts.gold - counts.overlap;
  const source = overlap.accuracies.source as { correct: number; total: number };
  const best = bestOverlapping(text, gold, predicted);
  best.forEach((pi, gi) => {
    const g = gold[gi] as GoldAttribution;
    if (pi >= 0) tally.goldOverlapped++;
    if (pi < 0) {
      samples.push({ view: "overlap", what: "fn", where, exact: g.exact, detail: goldSays(g), group: cueGroup(g) });
      return;
    }
    if (g.key === null) return;
    const p = predicted[pi] as SpanDetection;
    source.total++;
    if (speakerMatches(p.speaker, g.key)) source.correct++;
    else
      samples.push({
        view: "overlap",
        what: "speaker",
        where,
        exact: g.exact,
        detail: `${said(p)}; ${goldSays(g)}`,
        group: g.type,
      });
  });
  const touched = bestOverlapping(text, predicted, gold);
  touched.forEach((gi, pi) => {
    const p = predicted[pi] as SpanDetection;
    if (gi >= 0) tally.predictedOverlapping++;
    else samples.push({ view: "overlap", what: "fp", where, exact: p.exact, detail: said(p), group: p.kind });
  });
}
