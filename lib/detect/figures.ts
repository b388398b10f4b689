/**
 * The figures detector: every number in the article text that quantifies something, with its qualifier,
 * unit or counted noun and a normalised value (see shared/corpus/LABELING.md). DOM-free, so the same
 * code runs in the content script, the CLI and the tests. It never throws and reads each paragraph
 * block once, left to right, looking only a few tokens around each number.
 *
 * Conventions:
 * - A range ("between 3 and 5", "3-5%", "from 252 to 287 miles") is one figure; value is the low end,
 *   qualifier "at least". A change ("rose from 6.29% to 6.7%") is two figures.
 * - Values are in the unit as written (5 km → 5, unit "km"); money is scaled and coded ($3.2 billion →
 *   3200000000, "USD"); percent keeps 12 for "12%", unit "percent".
 * - Dates are ISO-like strings ("2024-11-25", "--11-28", "2015-01", "2019", a month alone "--10", decades
 *   "199X", spans "2014/2015"); times are "HH:MM".
 * - Page furniture is no figure: the page's own time stamps and datelines (stamps.ts), a block that is
 *   nothing but a count or a price (label-blocks.ts), and what a block's role leaves out (roles.ts).
 */

import { splitOnBlankLines } from "./blocks";
import { guessLang } from "./figures/guess-lang";
import { dropLabelFigures } from "./figures/label-blocks";
import { type Lang, type LangProfile, langProfile } from "./figures/lang";
import { inferMarks } from "./figures/marks";
import { type Found, type ReadState, readAt } from "./figures/read";
import { keptInRole } from "./figures/roles";
import { stampEnd } from "./figures/stamps";
import { startWords } from "./figures/starts";
import { type Ctx, tokenize } from "./figures/tokens";
import type { Block, BlockRole, DetectInput, FigureDetection } from "./types";

/** Paragraph blocks of the input: the given ones, clamped and ordered, or the text split on blank lines. */
function blocksOf(input: DetectInput): Block[] {
  const n = input.text.length;
  if (Array.isArray(input.blocks) && input.blocks.length > 0) {
    const out: Block[] = [];
    let last = 0;
    const sorted = [...input.blocks]
      .filter((b) => b !== null && typeof b === "object" && Number.isFinite(b.start) && Number.isFinite(b.end))
      .sort((a, b) => a.start - b.start);
    for (const b of sorted) {
      const start = Math.max(last, Math.min(n, Math.floor(b.start)));
      const end = Math.max(start, Math.min(n, Math.floor(b.end)));
      if (end > start) out.push(typeof b.role === "string" ? { start, end, role: b.role } : { start, end });
      last = end;
    }
    return out;
  }
  return splitOnBlankLines(input.text);
}

function toDetection(c: Ctx, f: Found): FigureDetection | null {
  const a = c.toks[f.start];
  const b = c.toks[f.end - 1];
  if (a === undefined || b === undefined || b.e <= a.s) return null;
  const value = typeof f.value === "number" && !Number.isFinite(f.value) ? null : f.value;
  return {
    kind: "figure",
    exact: c.text.slice(a.s, b.e),
    start: a.s,
    end: b.e,
    figureKind: f.figureKind,
    value,
    unit: f.unit,
    qualifier: f.qualifier,
    confidence: f.confidence,
    speaker: null,
  };
}

const BOUNDS: ReadonlySet<string> = new Set(["approximately", "at most", "at least", "more than", "less than"]);

/** A conversion in brackets keeps the bound of the figure it converts: "more than €7m ($8m)". */
function carryQualifier(text: string, prev: FigureDetection | undefined, cur: FigureDetection): void {
  if (prev === undefined || cur.qualifier !== null || prev.qualifier === null || !BOUNDS.has(prev.qualifier)) return;
  if (cur.figureKind !== prev.figureKind && !(cur.figureKind === "money" && prev.figureKind === "count")) return;
  if (cur.start - prev.end > 4 || text.slice(prev.end, cur.start).trim() !== "(") return;
  cur.qualifier = prev.qualifier;
}

function scanBlock(text: string, block: Block, st: ReadState, out: FigureDetection[]): void {
  const { start, end } = block;
  const role: BlockRole | undefined = block.role;
  const toks = tokenize(text, start, end);
  const c: Ctx = { text, toks, blockLength: end - start };
  st.min = 0;
  // (clearing an empty Map still allocates a new table, once per block)
  if (st.inherit.size > 0) st.inherit.clear();
  const first = out.length;
  // the page's own time stamp (a dateline, "Updated 2:55 p.m."): its dates and times end before this token
  let stampedTo = -1;
  let i = 0;
  while (i < toks.length) {
    const r = readAt(c, i, st);
    if (r === null) {
      i++;
      continue;
    }
    for (const f of r.found) {
      if (f.figureKind === "date" || f.figureKind === "time") {
        // a table cell's lone date is the cell's content, not the page's stamp; a stamp is never "circa"
        if (f.start >= stampedTo && role !== "table-cell" && f.qualifier === null) {
          stampedTo = stampEnd(c, f.start, f.end, st.p.lang);
        }
        if (f.start < stampedTo) continue;
      }
      const d = toDetection(c, f);
      if (d === null || !keptInRole(role, d, end - start)) continue;
      carryQualifier(text, out[out.length - 1], d);
      out.push(d);
    }
    const next = Math.max(i + 1, r.next);
    st.min = next;
    i = next;
  }
  if (role !== "table-cell") dropLabelFigures(c, out, first);
}

/** The page's language profile; an untagged page in a language we know the words of is read in it. */
function profileOf(input: DetectInput, guessed: Lang | null | undefined): LangProfile {
  const p = langProfile(input.lang);
  if (!p.untagged) return p;
  const guess = guessed === undefined ? guessLang(input.text) : guessed;
  return guess === null ? p : { ...langProfile(guess), untagged: true };
}

/** Finds the figures in the article text; `speaker` is left null for `detect()` to fill in. */
export function detectFigures(input: DetectInput, guessed?: Lang | null): FigureDetection[] {
  const out: FigureDetection[] = [];
  try {
    if (input === null || typeof input !== "object" || typeof input.text !== "string") return out;
    const p = inferMarks(input.text, profileOf(input, guessed));
    const st: ReadState = { p, starts: startWords(p.lang), min: 0, inherit: new Map() };
    for (const b of blocksOf(input)) {
      try {
        scanBlock(input.text, b, st, out);
      } catch {
        // A rule that fails on one block must not cost the others their figures.
      }
    }
  } catch {
    return out;
  }
  return out;
}
