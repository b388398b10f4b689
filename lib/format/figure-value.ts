/**
 * A figure's normalised value as a reader writes it, in a given language, with `Intl`: "--11-28" is
 * "28 November" (en-GB) or "28 novembre" (fr), "2015-01" "January 2015", "193X" "the 1930s" or "les
 * années 1930", 6500 "6,500", 12 percent "12%", 3.2e9 USD "$3,200,000,000". The normalised value is
 * what is stored and what machine formats (JSON-LD, ClaimReview, CSV's value column) carry; this is
 * only what people read. A value of no known shape (a reader's own correction) is shown as it is.
 */

/** The fields of a figure the readable form depends on. */
export interface FigureLike {
  figureKind?: string | null;
  value: number | string | null;
  unit?: string | null;
  qualifier?: string | null;
}

/** A date's period qualifier, as the detector writes it ("late 2019", "the mid-1990s"). */
type Period = "early" | "mid" | "late";

/** How one language writes a decade and a period of a decade, a year or a month. */
interface PeriodWords {
  /** "the 1930s" from "1930". */
  decade(start: string): string;
  /** "the late 1930s" from "1930". */
  decadePeriod(start: string, period: Period): string;
  /** "late 2019", "late January 2015" from the formatted year or month. */
  period(formatted: string, period: Period): string;
}

const WORDS: Readonly<Record<string, PeriodWords>> = {
  en: {
    decade: (y) => `the ${y}s`,
    decadePeriod: (y, p) => `the ${p === "mid" ? "mid-" : `${p} `}${y}s`,
    period: (f, p) => (p === "mid" ? `mid-${f}` : `${p} ${f}`),
  },
  fr: {
    decade: (y) => `les années ${y}`,
    decadePeriod: (y, p) => `${{ early: "le début", mid: "le milieu", late: "la fin" }[p]} des années ${y}`,
    period: (f, p) => (p === "mid" ? `mi-${f}` : `${p === "early" ? "début" : "fin"} ${f}`),
  },
  de: {
    decade: (y) => `die ${y}er-Jahre`,
    decadePeriod: (y, p) => `${{ early: "Anfang", mid: "Mitte", late: "Ende" }[p]} der ${y}er-Jahre`,
    period: (f, p) => `${{ early: "Anfang", mid: "Mitte", late: "Ende" }[p]} ${f}`,
  },
  es: {
    decade: (y) => `los años ${y}`,
    decadePeriod: (y, p) => `${{ early: "principios", mid: "mediados", late: "finales" }[p]} de los años ${y}`,
    period: (f, p) => `${{ early: "principios", mid: "mediados", late: "finales" }[p]} de ${f}`,
  },
  pt: {
    decade: (y) => `os anos ${y}`,
    decadePeriod: (y, p) => `${{ early: "o início", mid: "meados", late: "o final" }[p]} dos anos ${y}`,
    period: (f, p) => `${{ early: "início", mid: "meados", late: "final" }[p]} de ${f}`,
  },
};

const PERIODS: ReadonlySet<string> = new Set(["early", "mid", "late"]);

/** The values a period qualifier can say something of: a year, a month (of a year or alone), a decade. */
const PERIOD_SHAPE = /^(?:\d{4}|\d{4}-\d{2}|--\d{2}|\d{3}X)$/u;

/** Most fraction digits a number is shown with: a figure in an article never has more. */
const FRACTION_DIGITS = 6;

/**
 * A locale `Intl` accepts, from a page's `lang` ("en_US", "fr-FR", garbage): the canonical tag, or
 * undefined (the runtime's own) when there is none.
 */
export function usableLocale(lang: string | null | undefined): string | undefined {
  if (!lang) return undefined;
  try {
    return Intl.getCanonicalLocales(lang.trim().replace(/_/gu, "-"))[0];
  } catch {
    return undefined;
  }
}

/** The language part of the locale Intl resolves to ("en" for "en-GB" or for the runtime's default). */
function languageOf(locale: string | undefined): string {
  return dateFormat(locale, {}).resolvedOptions().locale.split("-")[0] ?? "en";
}

/**
 * Formatters by locale and options: making one costs far more than using it, and a list of a
 * thousand figures asks for the same few again and again.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

/** Pages name many languages; the cache starts again rather than grow without bound. */
const FORMATTERS_KEPT = 500;

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  const known = formatters.get(key);
  if (known) return known as T;
  if (formatters.size >= FORMATTERS_KEPT) formatters.clear();
  const made = make();
  formatters.set(key, made);
  return made;
}

const dateFormat = (locale: string | undefined, options: Intl.DateTimeFormatOptions) =>
  cached(
    `d|${locale ?? ""}|${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }),
  );

const numberFormat = (locale: string | undefined, options: Intl.NumberFormatOptions) =>
  cached(`n|${locale ?? ""}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));

const utc = (year: number, month = 1, day = 1) => {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date;
};

/** The date a Y-M-D names, or null when it names none (a 31 February). */
function realDate(year: number, month: number, day: number): Date | null {
  const date = utc(year, month, day);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

const dateText = (locale: string | undefined, options: Intl.DateTimeFormatOptions, date: Date) =>
  dateFormat(locale, options).format(date);

/** A date or time value in the detector's ISO-like shapes, readable; null when it has none of them. */
function readableDate(value: string, locale: string | undefined, period: Period | null): string | null {
  const words = period === null ? undefined : WORDS[languageOf(locale)];
  const withPeriod = (formatted: string) => (period !== null && words ? words.period(formatted, period) : formatted);
  let m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  if (m) {
    const date = realDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return date && dateText(locale, { year: "numeric", month: "long", day: "numeric" }, date);
  }
  m = /^--(\d{2})-(\d{2})$/u.exec(value);
  if (m) {
    // A leap year, so that 29 February is a day.
    const date = realDate(2000, Number(m[1]), Number(m[2]));
    return date && dateText(locale, { month: "long", day: "numeric" }, date);
  }
  m = /^--(\d{2})$/u.exec(value);
  if (m) {
    // a month named without its year ("in October")
    const month = Number(m[1]);
    if (month < 1 || month > 12) return null;
    return withPeriod(dateText(locale, { month: "long" }, utc(2000, month)));
  }
  m = /^(\d{4})-(\d{2})$/u.exec(value);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    return withPeriod(dateText(locale, { year: "numeric", month: "long" }, utc(Number(m[1]), month)));
  }
  if (/^\d{4}$/u.test(value)) return withPeriod(dateText(locale, { year: "numeric" }, utc(Number(value))));
  m = /^(\d{3})X$/u.exec(value);
  if (m) {
    const start = `${m[1]}0`;
    const own = WORDS[languageOf(locale)];
    if (own) return period === null ? own.decade(start) : own.decadePeriod(start, period);
    // A language without words for a decade: its years as a span ("1930–1939").
    return dateFormat(locale, { year: "numeric" }).formatRange(utc(Number(start)), utc(Number(start) + 9));
  }
  m = /^(\d{4})\/(\d{4})$/u.exec(value);
  if (m && Number(m[1]) < Number(m[2])) {
    return dateFormat(locale, { year: "numeric" }).formatRange(utc(Number(m[1])), utc(Number(m[2])));
  }
  m = /^(\d{2}):(\d{2})$/u.exec(value);
  if (m) {
    const [hour, minute] = [Number(m[1]), Number(m[2])];
    if (hour > 23 || minute > 59) return null;
    return dateText(locale, { hour: "numeric", minute: "2-digit" }, new Date(Date.UTC(2000, 0, 1, hour, minute)));
  }
  return null;
}

/** Whether `unit` is an ISO 4217 code Intl can write an amount in. */
function isCurrency(unit: string | null | undefined): unit is string {
  if (!unit || !/^[A-Z]{3}$/u.test(unit)) return false;
  try {
    numberFormat("en", { style: "currency", currency: unit });
    return true;
  } catch {
    return false;
  }
}

const isPercent = (figure: FigureLike) =>
  figure.unit === "percent" || (figure.figureKind === "percent" && (figure.unit ?? null) === null);

/** A number as the value part of a figure: with its currency or percent sign when the figure has one. */
function readableNumber(value: number, figure: FigureLike, locale: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  // A year corrected to a number is still a year: no grouping ("2019", not "2,019").
  if (figure.figureKind === "date" && Number.isInteger(value) && value >= 1000 && value <= 9999) return String(value);
  if (isCurrency(figure.unit)) {
    return numberFormat(locale, {
      style: "currency",
      currency: figure.unit,
      minimumFractionDigits: Number.isInteger(value) ? 0 : 2,
      maximumFractionDigits: FRACTION_DIGITS,
    }).format(value);
  }
  if (isPercent(figure)) {
    return numberFormat(locale, { style: "percent", maximumFractionDigits: FRACTION_DIGITS }).format(value / 100);
  }
  return numberFormat(locale, { maximumFractionDigits: FRACTION_DIGITS }).format(value);
}

/** The qualifier when it is a date's period ("early", "mid", "late") and the figure is a date. */
function periodOf(figure: FigureLike): Period | null {
  const q = figure.qualifier ?? null;
  const shaped = typeof figure.value === "string" && PERIOD_SHAPE.test(figure.value);
  return q !== null && PERIODS.has(q) && shaped ? (q as Period) : null;
}

/**
 * A figure's value for display in the language of `lang` (a BCP 47 tag; the runtime's language when
 * absent or unusable): dates and times by `Intl`, numbers grouped, an amount with its currency, a
 * percentage with its sign. The qualifier is not included (see `readableFigure`). "" for no value.
 */
export function readableValue(figure: FigureLike, lang?: string | null): string {
  const { value } = figure;
  if (value === null) return "";
  const locale = usableLocale(lang);
  if (typeof value === "number") return readableNumber(value, figure, locale);
  return readableDate(value, locale, null) ?? value;
}

/** Whether the readable value already says the unit (a currency or a percent sign): then it is not repeated. */
export function valueIncludesUnit(figure: FigureLike): boolean {
  return typeof figure.value === "number" && (isCurrency(figure.unit) || isPercent(figure));
}

/** A figure as one phrase, and whether its qualifier is in it (a date's "early", "mid", "late" in a language Claimmark knows). */
export interface ReadableFigure {
  text: string;
  qualifierIncluded: boolean;
}

/**
 * A figure as a reader writes it: "6,500 militants", "$3,200,000,000", "12%", "the late 1930s",
 * "mid-2020". A qualifier other than a date's period is left to the caller, which says it in the
 * reader's language; `qualifierIncluded` tells whether this one was said.
 */
export function readableFigure(figure: FigureLike, lang?: string | null): ReadableFigure {
  if (figure.value === null) return { text: figure.unit ?? "", qualifierIncluded: false };
  const locale = usableLocale(lang);
  const period = periodOf(figure);
  if (typeof figure.value === "string") {
    const withPeriod = period !== null && WORDS[languageOf(locale)] ? readableDate(figure.value, locale, period) : null;
    if (withPeriod !== null) return { text: withPeriod, qualifierIncluded: true };
  }
  const value = readableValue(figure, lang);
  const text = figure.unit && !valueIncludesUnit(figure) ? `${value} ${figure.unit}` : value;
  return { text, qualifierIncluded: false };
}

/** Whether a readable value shows all of a stored number: grouping aside, it has no more than six decimals. */
export function showsWholeNumber(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) < 1e15 && Number(value.toFixed(FRACTION_DIGITS)) === value;
}
