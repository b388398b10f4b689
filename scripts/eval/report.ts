/** Scores of one detection kind on one data set. */
export interface ScoreRow {
  /** "quotes", "claims", "figures"… */
  kind: string;
  tp: number;
  fp: number;
  fn: number;
  /** Extra accuracies over matched pairs, by name: "speaker", "value", "qualifier". */
  accuracies: Record<string, { correct: number; total: number }>;
}

/** The scores on one data set, with the protocol notes a reader needs to trust them. */
export interface EvalSection {
  dataset: string;
  rows: ScoreRow[];
  notes: string[];
}

/**
 * One error of one view, for the runner that prints samples (`--samples`): `view` is the row it
 * was scored in ("quotes-all", "attribs", "overlap", "figures-all"...), `what` the kind of error
 * ("fp", "fn", "speaker", "value"...), `group` what a tally of the errors is by (a gold cue, say).
 */
export interface Sample {
  view: string;
  what: string;
  /** Article or sentence id. */
  where: string;
  exact: string;
  /** Predicted speaker and cue, gold key, attribution type: whatever helps read the error. */
  detail: string;
  group?: string;
}

const ratio = (a: number, b: number): number => (b === 0 ? Number.NaN : a / b);

/** Precision, recall and F1 of a row. */
export function prf(row: Pick<ScoreRow, "tp" | "fp" | "fn">): { precision: number; recall: number; f1: number } {
  const precision = ratio(row.tp, row.tp + row.fp);
  const recall = ratio(row.tp, row.tp + row.fn);
  const f1 = ratio(2 * precision * recall, precision + recall);
  return { precision, recall, f1 };
}

/** Token-overlap F1 between two strings (lower-cased word tokens), as LABELING.md scores spans. */
export function tokenF1(a: string, b: string): number {
  const tokens = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.length === 0 || tb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of tb) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of ta) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      common++;
      counts.set(t, n - 1);
    }
  }
  if (common === 0) return 0;
  const p = common / ta.length;
  const r = common / tb.length;
  return (2 * p * r) / (p + r);
}

/** Whether a predicted speaker names the gold source: its key, case-insensitive, apostrophes made straight. */
export function speakerMatches(predicted: string | null, key: string): boolean {
  const normalise = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'");
  return normalise(predicted ?? "").includes(normalise(key));
}

/** Strips quotation marks and surrounding punctuation before spans are compared. */
export function stripSpan(text: string): string {
  return text
    .replace(/["'“”‘’«»„‚‹›「」『』]/g, " ")
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, "")
    .trim();
}
