/**
 * Character-overlap scoring of attribution contents, the way Citron (Newell et al., BBC R&D) reports
 * its "content spans overlap" metric: precision = overlapping predicted characters / all predicted
 * characters, recall = overlapping gold characters / all gold characters. Citron counts tokens; we
 * count letters and digits, so quotation marks, punctuation and spaces (which our quotes leave out
 * and PolNeAR's contents keep) weigh nothing either way.
 */

/** An end-exclusive offset range into a text. */
export interface Span {
  start: number;
  end: number;
}

/** The union of spans as sorted, disjoint ranges (overlapping or touching spans merged). */
export function unionOf(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** The intersection of two unions (sorted, disjoint ranges), by one merge-like walk. */
export function intersectionOf(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Span;
    const y = b[j] as Span;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) out.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
}

/** Counts letters and digits in ranges of a text in O(1) per range, after one linear pass. */
export function letterCounter(text: string): (spans: readonly Span[]) => number {
  const prefix = new Uint32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    prefix[i + 1] = (prefix[i] as number) + (/[\p{L}\p{N}]/u.test(text[i] as string) ? 1 : 0);
  }
  const at = (offset: number) => prefix[Math.max(0, Math.min(text.length, offset))] as number;
  return (spans) => spans.reduce((sum, s) => sum + at(s.end) - at(s.start), 0);
}

/** Overlapping, predicted and gold letters of one text; nested or repeated spans count once. */
export interface OverlapCounts {
  overlap: number;
  predicted: number;
  gold: number;
}

/** Character overlap between predicted and gold contents of one text (each side as a union). */
export function overlapCounts(text: string, predicted: readonly Span[], gold: readonly Span[]): OverlapCounts {
  const count = letterCounter(text);
  const p = unionOf(predicted);
  const g = unionOf(gold);
  return { overlap: count(intersectionOf(p, g)), predicted: count(p), gold: count(g) };
}

/**
 * For each gold span, the index of the predicted span sharing the most letters with it, or -1 when
 * none shares any: the prediction whose speaker is compared with the gold source.
 */
export function bestOverlapping(text: string, gold: readonly Span[], predicted: readonly Span[]): number[] {
  const count = letterCounter(text);
  const byStart = predicted.map((p, index) => ({ p, index })).sort((a, b) => a.p.start - b.p.start);
  return gold.map((g) => {
    let best = -1;
    let bestLetters = 0;
    for (const { p, index } of byStart) {
      if (p.start >= g.end) break;
      if (p.end <= g.start) continue;
      const letters = count([{ start: Math.max(p.start, g.start), end: Math.min(p.end, g.end) }]);
      if (letters > bestLetters) {
        best = index;
        bestLetters = letters;
      }
    }
    return best;
  });
}
