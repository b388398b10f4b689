/**
 * Numbers written as arithmetic: powers ("10^5", "2**32", "10⁵", "2^15 − 1"), scientific notation
 * ("6.02 × 10^23") and the operands of an equation ("x² = 4", "N + 0"). A power is one figure with its
 * value worked out; a bare operand of an equation is no figure at all (it counts nothing on its own).
 */

import { type Ctx, isNum, low, near, raw, tight } from "./tokens";

const SUPERSCRIPTS: ReadonlyMap<string, number> = new Map([..."⁰¹²³⁴⁵⁶⁷⁸⁹"].map((ch, d): [string, number] => [ch, d]));

export interface Power {
  /** Token index past the expression. */
  end: number;
  /** Its value, or null when too large to hold. */
  value: number | null;
}

/** The exponent written at token k after a base: "^5", "^-3", "**32", "⁵", "⁻³"; its value and end. */
function exponentAt(c: Ctx, k: number): { exp: number; end: number } | null {
  if (!tight(c, k)) return null;
  let at = -1;
  if (low(c, k) === "^") at = k + 1;
  else if (low(c, k) === "*" && low(c, k + 1) === "*" && tight(c, k + 1)) at = k + 2;
  if (at > 0) {
    const neg = low(c, at) === "-" && tight(c, at) && tight(c, at + 1);
    const e = neg ? at + 1 : at;
    const t = c.toks[e];
    if (t === undefined || t.k !== "n" || !tight(c, e) || t.t.length > 3) return null;
    return { exp: neg ? -Number(t.t) : Number(t.t), end: e + 1 };
  }
  // superscript digits glued to the base ("10⁵"); a minus sign "⁻" may lead
  let e = k;
  const neg = raw(c, e) === "⁻";
  if (neg) e++;
  let digits = "";
  while (e < c.toks.length && digits.length < 3 && tight(c, e) && SUPERSCRIPTS.has(raw(c, e))) {
    digits += String(SUPERSCRIPTS.get(raw(c, e)));
    e++;
  }
  if (digits === "") return null;
  return { exp: neg ? -Number(digits) : Number(digits), end: e };
}

const PLUS_MINUS: ReadonlySet<string> = new Set(["-", "+"]);

/** A power whose base is the numeral at token i ("10^5", "2^15 − 1", "2**32"), or null. */
export function powerAt(c: Ctx, i: number): Power | null {
  const base = c.toks[i];
  if (base === undefined || base.k !== "n" || base.t.length > 4) return null;
  const ex = exponentAt(c, i + 1);
  if (ex === null) return null;
  let value: number = Number(base.t) ** ex.exp;
  let end = ex.end;
  // "2^15 − 1", "2^32+1": one constant added or taken away belongs to the expression
  const op = low(c, end);
  const k = c.toks[end + 1];
  if (PLUS_MINUS.has(op) && near(c, end) && near(c, end + 1) && k !== undefined && k.k === "n" && k.t.length <= 3) {
    if (exponentAt(c, end + 2) === null && !(low(c, end + 2) === "." && isNum(c, end + 3))) {
      value += op === "-" ? -Number(k.t) : Number(k.t);
      end += 2;
    }
  }
  return { end, value: Number.isFinite(value) ? value : null };
}

/** "× 10^n" after a mantissa ending before token j ("6.02 × 10^23"): the power of ten, or null. */
export function timesTenAt(c: Ctx, j: number): Power | null {
  const op = raw(c, j);
  if (!(op === "×" || op === "x" || op === "*" || op === "·") || !near(c, j) || !near(c, j + 1)) return null;
  if (raw(c, j + 1) !== "10") return null;
  const ex = exponentAt(c, j + 2);
  return ex === null ? null : { end: ex.end, value: 10 ** ex.exp };
}

// Relations that make a bare number an operand on either side: "= 4", "≤ 10".
const RELATIONS: ReadonlySet<string> = new Set(["=", "≠", "≤", "≥", "≈"]);

/** True when token k is an arithmetic operator between two operands ("x * 300", "N + 0", "2+2"). */
function operatorAt(c: Ctx, k: number): boolean {
  const op = low(c, k);
  if (RELATIONS.has(op)) return near(c, k) && near(c, k + 1);
  if (op !== "*" && op !== "+" && op !== "×") return false;
  const a = c.toks[k - 1];
  const b = c.toks[k + 1];
  if (a === undefined || b === undefined || a.k === "p" || b.k === "p") return false;
  // "100+ cases" and "12*" (a footnote) are tight on one side only; "3 × 4" is a size, read as one
  if (!tight(c, k) && !tight(c, k + 1)) return near(c, k) && near(c, k + 1) && op !== "×";
  return tight(c, k) && tight(c, k + 1) && a.k === "n" && b.k === "n";
}

/** True when the bare numeral at tokens [i, j) is an operand of written arithmetic ("x² = 4", "N + 0"). */
export function operand(c: Ctx, i: number, j: number): boolean {
  return operatorAt(c, i - 1) || operatorAt(c, j);
}
