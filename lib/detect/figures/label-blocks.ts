/**
 * Blocks that are nothing but a figure: a slide counter ("1 / 5"), a price tag ("$7/month"), a tally
 * or a score board cell. With no words around it the number makes no claim a reader could check; what
 * it counts or costs is in the page's layout, not its text (LABELING.md: page furniture).
 */

import type { FigureDetection } from "../types";
import type { Ctx } from "./tokens";

/** Longer blocks hold a sentence, however short. */
export const LABEL_BLOCK_MAX = 40;

// Words that join the numbers of a counter or a rate without saying anything: "2 of 12", "$60/person/year".
const JOINERS: ReadonlySet<string> = new Set(["of", "de", "sur", "von", "z"]);

/** True when every word and number of the block lies inside one of `figs` (its figures) or joins them. */
function onlyFigures(c: Ctx, figs: readonly FigureDetection[]): boolean {
  let f = 0;
  for (let k = 0; k < c.toks.length; k++) {
    const t = c.toks[k];
    if (t === undefined || t.k === "p") continue;
    while (f < figs.length && (figs[f] as FigureDetection).end <= t.s) f++;
    const fig = figs[f];
    if (fig !== undefined && fig.start <= t.s) continue;
    // a rate's further "/year" and a counter's "of" join figures; any other word is a sentence
    if (JOINERS.has(t.l) || c.toks[k - 1]?.l === "/") continue;
    return false;
  }
  return true;
}

/**
 * Removes, from `out` at `from` onwards (the figures of the block `c`), the counts without a noun and the
 * amounts of money when the block holds nothing but figures. Measures, percentages and dates keep their
 * own meaning; dates are read as stamps elsewhere.
 */
export function dropLabelFigures(c: Ctx, out: FigureDetection[], from: number): void {
  if (c.blockLength > LABEL_BLOCK_MAX || out.length <= from) return;
  if (!onlyFigures(c, out.slice(from))) return;
  let w = from;
  for (let r = from; r < out.length; r++) {
    const d = out[r] as FigureDetection;
    const label = d.figureKind === "money" || (d.figureKind === "count" && d.unit === null);
    if (!label) out[w++] = d;
  }
  out.length = w;
}
