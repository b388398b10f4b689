/**
 * Numbers as people write them, read into values a search can compare: "6500", "6,500",
 * "6 500", "6.5k", "6.5 thousand", "6,5 millions", "1.234,5".
 */

/** Multipliers written after a number; "m" and "b" alone may also be units (metres, bytes). */
const SCALES: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  thousands: 1e3,
  mille: 1e3,
  millier: 1e3,
  milliers: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  millions: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  billions: 1e9,
  milliard: 1e9,
  milliards: 1e9,
  tn: 1e12,
  trillion: 1e12,
  trillions: 1e12,
};

/** Scale words that can mean something else: the bare number is kept as a reading too. */
const AMBIGUOUS_SCALES = new Set(["m", "b"]);

/**
 * An integer part grouped in thousands (one separator, used throughout: "6,500", "6 500",
 * "1.234.567", "6'500") or plain digits; then a decimal part with the other mark; then a scale.
 * Not inside a word or a longer number.
 */
const NUMBER =
  /(?<![\p{L}\p{N}.,])(?:(\d{1,3}(?:([,. '\u00a0\u2009\u202f\u2019])\d{3})(?:\2\d{3})*)(?!\d)|(\d+))(?:([.,])(\d+))?(?:[ \u00a0\u202f]?(k|thousands?|mille|milliers?|mn|m|millions?|bn|b|billions?|milliards?|tn|trillions?)(?![\p{L}\p{N}]))?/giu;

/** One number found in a text: where it is written and the values it may stand for. */
export interface NumberMention {
  /** The number as written. */
  text: string;
  index: number;
  /** Every value the writing allows: "6.500" is 6500 in German and 6.5 in English. */
  values: number[];
}

/** A value rounded to twelve significant digits, so 6.5 × 1000 and 6500 compare equal. */
export function numberKey(value: number): number {
  return Number(value.toPrecision(12));
}

/** The values one match of NUMBER may stand for. */
function readingsOf(match: RegExpExecArray): number[] {
  const [, grouped, separator, plain, decimalMark, decimals, scaleWord] = match;
  const bases: number[] = [];
  if (grouped !== undefined) {
    const whole = Number(grouped.replace(/\D/gu, ""));
    // A decimal mark must differ from the grouping one ("1,234.5"); the same one twice is no decimal.
    const fraction = decimals !== undefined && decimalMark !== separator ? Number(`0.${decimals}`) : 0;
    bases.push(whole + fraction);
    // "6.500" or "6,500" with one group may be a decimal written the other way ("6,500" in French).
    if (separator === "." && grouped.length === 5 && decimals === undefined) bases.push(Number(grouped));
  } else if (plain !== undefined) {
    bases.push(decimals !== undefined ? Number(`${plain}.${decimals}`) : Number(plain));
  }
  const scale = scaleWord ? SCALES[scaleWord.toLowerCase()] : undefined;
  if (scale === undefined) return bases;
  const scaled = bases.map((base) => base * scale);
  return AMBIGUOUS_SCALES.has((scaleWord ?? "").toLowerCase()) ? [...scaled, ...bases] : scaled;
}

/** Every number written in a text, with the values it may stand for. */
export function numberMentions(text: string): NumberMention[] {
  const mentions: NumberMention[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const values = readingsOf(match).filter(Number.isFinite).map(numberKey);
    if (values.length > 0) mentions.push({ text: match[0], index: match.index, values });
  }
  return mentions;
}

/** Every value the numbers of a text may stand for. */
export function numbersIn(text: string): Set<number> {
  const values = new Set<number>();
  for (const mention of numberMentions(text)) for (const value of mention.values) values.add(value);
  return values;
}
