/**
 * What may follow or precede a numeral and say what it counts: scale words (million, bn, Mrd.),
 * currencies (before: $, US$, €, RM; after: dollars, euros, Kč), percent words, measure units and
 * time units. Every matcher starts at a token index and returns the index just past what it read.
 */

import type { Lang, LangProfile } from "./lang";
import { lookup } from "./lookup";
import { scaleWord } from "./numbers";
import { type Ctx, isNum, isWord, low, near, PhraseSet, raw, tight } from "./tokens";

export interface UnitMatch {
  end: number;
  unit: string;
}

// ---------------------------------------------------------------------------------------------------
// Scale

// Abbreviated scales read the same in every language that uses them.
const SCALE_ABBR = new PhraseSet<number>(
  [
    ["bn", 1e9],
    ["bln", 1e9],
    ["mn", 1e6],
    ["mln", 1e6],
    ["tn", 1e12],
    ["trn", 1e12],
    ["Mio", 1e6],
    ["Mio .", 1e6],
    ["Mrd", 1e9],
    ["Mrd .", 1e9],
    ["Md", 1e9],
    ["Mds", 1e9],
    ["mld .", 1e9],
    ["mil .", 1e6],
    ["tis .", 1e3],
    ["lakh", 1e5],
    ["lakhs", 1e5],
    ["crore", 1e7],
    ["crores", 1e7],
  ],
  true,
);

// Long-scale languages call 10^12 a "billion"; their 10^9 is "milliard".
const LONG_SCALE: Readonly<Partial<Record<Lang, ReadonlyMap<string, number>>>> = {
  fr: lookup({ billion: 1e12, billions: 1e12 }),
  es: lookup({ billón: 1e12, billones: 1e12, millardo: 1e9, millardos: 1e9 }),
  de: lookup({ billion: 1e12, billionen: 1e12 }),
  pt: lookup({ trilhão: 1e12, trilhões: 1e12 }),
};

/** A scale word or abbreviation at token j ("million", "bn", tight "m" after money); `money` when a currency is known. */
export function matchScale(c: Ctx, j: number, p: LangProfile, money: boolean): { end: number; mult: number } | null {
  if (!near(c, j)) return null;
  const t = c.toks[j];
  if (t === undefined || t.k !== "w") return null;
  const longScale = LONG_SCALE[p.lang]?.get(t.l);
  if (longScale !== undefined) return { end: j + 1, mult: longScale };
  const w = scaleWord(t.l, p.lang);
  if (w !== undefined && (p.lang !== "en" || t.l !== "mil")) return { end: j + 1, mult: w };
  if (t.l === "dozen") return { end: j + 1, mult: 12 };
  const abbr = SCALE_ABBR.matchAt(c, j);
  if (abbr !== null) return { end: abbr.end, mult: abbr.value };
  if (!tight(c, j)) {
    // "£40 m", "$3 bn" written with a space
    if (money && (t.t === "m" || t.t === "M")) return { end: j + 1, mult: 1e6 };
    return null;
  }
  if (t.t === "M") return { end: j + 1, mult: 1e6 };
  if (t.t === "m") return money || millionsFollow(c, j + 1, p) ? { end: j + 1, mult: 1e6 } : null;
  if (t.t === "b" || t.t === "B") return money ? { end: j + 1, mult: 1e9 } : null;
  // "50k people", "$50K"; but "4K" and "8K" after a single digit name screen resolutions
  if (t.t === "k" || t.t === "K") {
    const digits = c.toks[j - 1]?.t ?? "";
    if (t.t === "K" && !money && digits.length === 1 && c.toks[j - 2]?.l !== ".") return null;
    return money || countFollows(c, j + 1) ? { end: j + 1, mult: 1e3 } : null;
  }
  if (t.t === "tr" && money) return { end: j + 1, mult: 1e12 };
  return null;
}

const plainPlural = (w: string): boolean => w.length > 3 && /s$/.test(w) && !/(ss|us|is)$/.test(w);

// "35m people", "12.3m tonnes", "35m of its devices": millions; "a 35m yacht", "100m freestyle": metres.
function millionsFollow(c: Ctx, j: number, p: LangProfile): boolean {
  if (!isWord(c, j) || !near(c, j)) return false;
  const w = low(c, j);
  if (w === "of" || plainPlural(w) || w === "people") return true;
  return matchMeasure(c, j, p) !== null || matchCurrencyAfter(c, j, p, true) !== null;
}

function countFollows(c: Ctx, j: number): boolean {
  return isWord(c, j) && near(c, j) && (plainPlural(low(c, j)) || low(c, j) === "people");
}

// ---------------------------------------------------------------------------------------------------
// Currencies

const ISO_CODES =
  "USD EUR GBP JPY CNY RMB INR CAD AUD NZD HKD SGD CHF SEK NOK DKK PLN CZK HUF RUB TRY ZAR BRL MXN KRW ILS AED SAR NGN EGP KES PKR BDT IDR THB PHP VND MYR UAH TWD ARS CLP COP BTC".split(
    " ",
  );

const CURRENCY_BEFORE = new PhraseSet<string>(
  [
    ["$", "USD"],
    ["US$", "USD"],
    ["US $", "USD"],
    ["U.S. $", "USD"],
    ["U.S.$", "USD"],
    ["$US", "USD"],
    ["A$", "AUD"],
    ["AU$", "AUD"],
    ["AU $", "AUD"],
    ["$A", "AUD"],
    ["C$", "CAD"],
    ["CA$", "CAD"],
    ["CAD$", "CAD"],
    ["HK$", "HKD"],
    ["HK $", "HKD"],
    ["NZ$", "NZD"],
    ["NZ $", "NZD"],
    ["S$", "SGD"],
    ["R$", "BRL"],
    ["MX$", "MXN"],
    ["NT$", "TWD"],
    ["€", "EUR"],
    ["£", "GBP"],
    ["¥", "JPY"],
    ["CN¥", "CNY"],
    ["₹", "INR"],
    ["Rs", "INR"],
    ["Rs.", "INR"],
    ["₽", "RUB"],
    ["₩", "KRW"],
    ["₪", "ILS"],
    ["₺", "TRY"],
    ["₴", "UAH"],
    ["₱", "PHP"],
    ["฿", "THB"],
    ["₦", "NGN"],
    ["₫", "VND"],
    ["RM", "MYR"],
    ["Kč", "CZK"],
    // "PHP 8" is more often the language than the peso.
    ...ISO_CODES.filter((code) => code !== "PHP").map((code): [string, string] => [
      code,
      code === "RMB" ? "CNY" : code,
    ]),
  ],
  true,
);

/** A currency written before the numeral whose first token is i ("$", "US $", "RM"): its code and first token. */
export function matchCurrencyBefore(c: Ctx, i: number): { start: number; code: string } | null {
  if (!near(c, i)) return null;
  const m = CURRENCY_BEFORE.matchBefore(c, i);
  if (m === null) return null;
  // "ISO 9001" is no amount: a code must not be glued to a preceding word.
  const first = c.toks[m.start];
  if (first !== undefined && first.k === "w" && tight(c, m.start) && isWord(c, m.start - 1)) return null;
  return { start: m.start, code: m.value };
}

const CURRENCY_AFTER_SYMBOLS = new PhraseSet<string>(
  [
    ["€", "EUR"],
    ["$", "USD"],
    ["£", "GBP"],
    ["¥", "JPY"],
    ["₹", "INR"],
    ["₽", "RUB"],
    ["₺", "TRY"],
    ["₴", "UAH"],
    ["₪", "ILS"],
    ["Kč", "CZK"],
    ["zł", "PLN"],
    ["kr", "SEK"],
    ["Fr.", "CHF"],
    ["US$", "USD"],
    ["USD", "USD"],
    ...ISO_CODES.map((code): [string, string] => [code, code === "RMB" ? "CNY" : code]),
  ],
  true,
);

const CURRENCY_WORDS_EN: [string, string][] = [
  ["dollars", "USD"],
  ["dollar", "USD"],
  ["US dollars", "USD"],
  ["U.S. dollars", "USD"],
  ["American dollars", "USD"],
  ["Australian dollars", "AUD"],
  ["Canadian dollars", "CAD"],
  ["New Zealand dollars", "NZD"],
  ["Hong Kong dollars", "HKD"],
  ["Singapore dollars", "SGD"],
  ["Taiwan dollars", "TWD"],
  ["euros", "EUR"],
  ["euro", "EUR"],
  ["pounds sterling", "GBP"],
  ["sterling", "GBP"],
  ["British pounds", "GBP"],
  ["yen", "JPY"],
  ["yuan", "CNY"],
  ["renminbi", "CNY"],
  ["rupees", "INR"],
  ["rupee", "INR"],
  ["Indian rupees", "INR"],
  ["Pakistani rupees", "PKR"],
  ["roubles", "RUB"],
  ["rubles", "RUB"],
  ["rouble", "RUB"],
  ["ruble", "RUB"],
  ["shekels", "ILS"],
  ["shekel", "ILS"],
  ["new shekels", "ILS"],
  ["Mexican pesos", "MXN"],
  ["Argentine pesos", "ARS"],
  ["Philippine pesos", "PHP"],
  ["pesos", "pesos"],
  ["Swiss francs", "CHF"],
  ["francs", "francs"],
  ["kronor", "SEK"],
  ["Swedish kronor", "SEK"],
  ["Norwegian kroner", "NOK"],
  ["Danish kroner", "DKK"],
  ["Danish crowns", "DKK"],
  ["Czech crowns", "CZK"],
  ["Czech korunas", "CZK"],
  ["koruna", "CZK"],
  ["korunas", "CZK"],
  ["reais", "BRL"],
  ["Brazilian reais", "BRL"],
  ["Brazilian reals", "BRL"],
  ["rand", "ZAR"],
  ["lira", "TRY"],
  ["Turkish lira", "TRY"],
  ["ringgit", "MYR"],
  ["baht", "THB"],
  ["dirhams", "AED"],
  ["riyals", "SAR"],
  ["naira", "NGN"],
  ["hryvnias", "UAH"],
  ["hryvnia", "UAH"],
  ["zlotys", "PLN"],
  ["zloty", "PLN"],
  ["forints", "HUF"],
  ["South Korean won", "KRW"],
  ["bitcoin", "BTC"],
  ["bitcoins", "BTC"],
  ["cents", "cents"],
  ["cent", "cents"],
  ["pence", "GBX"],
];

const CURRENCY_WORDS: Readonly<Record<Lang, [string, string][]>> = {
  en: CURRENCY_WORDS_EN,
  fr: [
    ["euros", "EUR"],
    ["euro", "EUR"],
    ["dollars", "USD"],
    ["dollars américains", "USD"],
    ["livres sterling", "GBP"],
    ["livres", "GBP"],
    ["francs suisses", "CHF"],
    ["francs", "CHF"],
    ["yens", "JPY"],
    ["roubles", "RUB"],
    ["centimes", "cents"],
  ],
  es: [
    ["euros", "EUR"],
    ["dólares", "USD"],
    ["dolares", "USD"],
    ["pesos", "pesos"],
    ["libras", "GBP"],
    ["rublos", "RUB"],
    ["céntimos", "cents"],
    ["centavos", "cents"],
  ],
  de: [
    ["Euro", "EUR"],
    ["Dollar", "USD"],
    ["US-Dollar", "USD"],
    ["Pfund", "GBP"],
    ["Franken", "CHF"],
    ["Rubel", "RUB"],
    ["Cent", "cents"],
  ],
  pt: [
    ["euros", "EUR"],
    ["reais", "BRL"],
    ["dólares", "USD"],
    ["dolares", "USD"],
    ["libras", "GBP"],
    ["rublos", "RUB"],
    ["centavos", "cents"],
  ],
  cs: [
    ["korun", "CZK"],
    ["koruny", "CZK"],
    ["korun českých", "CZK"],
    ["eur", "EUR"],
    ["euro", "EUR"],
    ["dolarů", "USD"],
    ["dolary", "USD"],
    ["liber", "GBP"],
    ["rublů", "RUB"],
  ],
};

const currencyWordSets = new Map<Lang, PhraseSet<string>>();
function currencyWords(lang: Lang): PhraseSet<string> {
  let set = currencyWordSets.get(lang);
  if (set === undefined) {
    set = new PhraseSet<string>(lang === "en" ? CURRENCY_WORDS_EN : [...CURRENCY_WORDS[lang], ...CURRENCY_WORDS_EN]);
    currencyWordSets.set(lang, set);
  }
  return set;
}

// "40 millions d'euros", "3 millones de dólares": the currency follows a preposition after a scale.
const OF_BEFORE_CURRENCY: ReadonlySet<string> = new Set(["de", "d", "of"]);

/** A currency written after the numeral at token j ("dollars", "€", "USD", "millions d'euros"): its code. */
export function matchCurrencyAfter(c: Ctx, j: number, p: LangProfile, scaled: boolean): UnitMatch | null {
  if (!near(c, j)) return null;
  let at = j;
  if (scaled && OF_BEFORE_CURRENCY.has(low(c, j)) && (p.lang !== "en" || low(c, j) === "of")) {
    at = low(c, j + 1) === "'" ? j + 2 : j + 1;
    if (!near(c, at)) return null;
  }
  const sym = CURRENCY_AFTER_SYMBOLS.matchAt(c, at);
  if (sym !== null && at === j) return { end: sym.end, unit: sym.value };
  const word = currencyWords(p.lang).matchAt(c, at);
  if (word !== null) {
    // "won" and "rand" are also ordinary words; read them as money only after a scale word.
    return { end: word.end, unit: word.value };
  }
  // "pounds" is money after a scale ("40 million pounds"); otherwise a weight.
  if (scaled && (low(c, at) === "pounds" || low(c, at) === "won")) {
    return { end: at + 1, unit: low(c, at) === "won" ? "KRW" : "GBP" };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Percent

const PERCENT = new PhraseSet<string>([
  ["%", "percent"],
  ["％", "percent"],
  ["٪", "percent"],
  ["percent", "percent"],
  ["per cent", "percent"],
  ["pct", "percent"],
  ["percentage points", "percentage points"],
  ["percentage point", "percentage points"],
  ["% points", "percentage points"],
  ["basis points", "basis points"],
  ["basis point", "basis points"],
  ["bps", "basis points"],
  ["pour cent", "percent"],
  ["points de pourcentage", "percentage points"],
  ["por ciento", "percent"],
  ["puntos porcentuales", "percentage points"],
  ["prozent", "percent"],
  ["prozentpunkte", "percentage points"],
  ["prozentpunkt", "percentage points"],
  ["por cento", "percent"],
  ["pontos percentuais", "percentage points"],
  ["procent", "percent"],
  ["procenta", "percent"],
  ["procentní body", "percentage points"],
  ["procentních bodů", "percentage points"],
]);

/** A percent sign or word at token j ("%", "per cent", "Prozent", "percentage points"). */
export function matchPercent(c: Ctx, j: number): UnitMatch | null {
  if (!near(c, j)) return null;
  const m = PERCENT.matchAt(c, j);
  if (m !== null) return { end: m.end, unit: m.value };
  // "12pc" is British newspaper style; spaced "pc" is too often a computer.
  if (raw(c, j) === "pc" && tight(c, j)) return { end: j + 1, unit: "percent" };
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Measures and time

export type MeasureKind = "measure" | "duration";

const SYMBOLS: [string, string][] = [
  ["km", "km"],
  ["m", "m"],
  ["cm", "cm"],
  ["mm", "mm"],
  ["µm", "µm"],
  ["μm", "µm"],
  ["nm", "nm"],
  ["mi", "mi"],
  ["ft", "ft"],
  ["yd", "yd"],
  ["″", "in"],
  ["km²", "km²"],
  ["km2", "km²"],
  ["m²", "m²"],
  ["m2", "m²"],
  ["cm²", "cm²"],
  ["sq km", "km²"],
  ["sq m", "m²"],
  ["sq mi", "mi²"],
  ["sq ft", "ft²"],
  ["sq. ft.", "ft²"],
  ["sq. ft", "ft²"],
  ["sq. m", "m²"],
  ["sqm", "m²"],
  ["ha", "ha"],
  ["kg", "kg"],
  ["g", "g"],
  ["mg", "mg"],
  ["µg", "µg"],
  ["μg", "µg"],
  ["t", "t"],
  ["lb", "lb"],
  ["lbs", "lb"],
  ["oz", "oz"],
  ["l", "l"],
  ["L", "l"],
  ["ml", "ml"],
  ["mL", "ml"],
  ["cl", "cl"],
  ["dl", "dl"],
  ["hl", "hl"],
  ["gal", "gal"],
  ["bbl", "bbl"],
  ["cc", "cc"],
  ["m³", "m³"],
  ["m3", "m³"],
  ["cu ft", "ft³"],
  ["°C", "°C"],
  ["° C", "°C"],
  ["ºC", "°C"],
  ["°F", "°F"],
  ["° F", "°F"],
  ["ºF", "°F"],
  ["°", "°"],
  ["º", "°"],
  ["C", "°C"],
  ["F", "°F"],
  ["degC", "°C"],
  ["degF", "°F"],
  ["deg C", "°C"],
  ["deg F", "°F"],
  ["deg", "°"],
  ["mph", "mph"],
  ["MPH", "mph"],
  ["m.p.h.", "mph"],
  ["m.p.h", "mph"],
  ["km/h", "km/h"],
  ["kmh", "km/h"],
  ["kph", "km/h"],
  ["km/hr", "km/h"],
  ["m/s", "m/s"],
  ["kn", "kn"],
  ["W", "W"],
  ["kW", "kW"],
  ["MW", "MW"],
  ["GW", "GW"],
  ["TW", "TW"],
  ["mW", "mW"],
  ["Wh", "Wh"],
  ["kWh", "kWh"],
  ["MWh", "MWh"],
  ["GWh", "GWh"],
  ["TWh", "TWh"],
  ["hp", "hp"],
  ["bhp", "hp"],
  ["HP", "hp"],
  ["V", "V"],
  ["kV", "kV"],
  ["mV", "mV"],
  ["A", "A"],
  ["mA", "mA"],
  ["kA", "kA"],
  ["Ω", "Ω"],
  ["kΩ", "kΩ"],
  ["Hz", "Hz"],
  ["kHz", "kHz"],
  ["MHz", "MHz"],
  ["GHz", "GHz"],
  ["THz", "THz"],
  ["Ghz", "GHz"],
  ["Mhz", "MHz"],
  ["Khz", "kHz"],
  ["ghz", "GHz"],
  ["mhz", "MHz"],
  ["khz", "kHz"],
  ["KB", "KB"],
  ["kB", "KB"],
  ["KiB", "KiB"],
  ["MiB", "MiB"],
  ["GiB", "GiB"],
  ["TiB", "TiB"],
  ["ms", "milliseconds"],
  ["µs", "microseconds"],
  ["μs", "microseconds"],
  ["ns", "nanoseconds"],
  ["MB", "MB"],
  ["GB", "GB"],
  ["TB", "TB"],
  ["PB", "PB"],
  ["Kb", "Kb"],
  ["Mb", "Mb"],
  ["Gb", "Gb"],
  ["Tb", "Tb"],
  ["kbps", "kbps"],
  ["Kbps", "kbps"],
  ["Mbps", "Mbps"],
  ["Gbps", "Gbps"],
  ["Tbps", "Tbps"],
  ["Mbit/s", "Mbps"],
  ["Gbit/s", "Gbps"],
  ["MP", "MP"],
  ["ppm", "ppm"],
  ["ppb", "ppb"],
  ["dB", "dB"],
  ["dBA", "dB"],
  ["psi", "psi"],
  ["bar", "bar"],
  ["mbar", "mbar"],
  ["hPa", "hPa"],
  ["kPa", "kPa"],
  ["MPa", "MPa"],
  ["Pa", "Pa"],
  ["atm", "atm"],
  ["mmHg", "mmHg"],
  ["mpg", "mpg"],
  ["MPG", "mpg"],
  ["kcal", "kcal"],
  ["cal", "cal"],
  ["kJ", "kJ"],
  ["MJ", "MJ"],
  ["GJ", "GJ"],
  ["J", "J"],
  ["Sv", "Sv"],
  ["mSv", "mSv"],
  ["µSv", "µSv"],
  ["μSv", "µSv"],
  ["Gy", "Gy"],
  ["Bq", "Bq"],
  ["Gt", "Gt"],
];

// Single-letter symbols are also initials and words; written apart from the number they count as a unit
// only when no lower-case word follows ("5 W USB-C charger", not "5 A students").
const WEAK_SYMBOLS: ReadonlySet<string> = new Set(["A", "V", "W", "L", "J", "t", "l", "g", "kn", "bar", "cal"]);

const TIGHT_ONLY: ReadonlySet<string> = new Set(["C", "F"]);

const WORDS_EN: [string, string][] = [
  ["kilometres", "km"],
  ["kilometre", "km"],
  ["kilometers", "km"],
  ["kilometer", "km"],
  ["metres", "m"],
  ["metre", "m"],
  ["meters", "m"],
  ["meter", "m"],
  ["centimetres", "cm"],
  ["centimetre", "cm"],
  ["centimeters", "cm"],
  ["centimeter", "cm"],
  ["millimetres", "mm"],
  ["millimetre", "mm"],
  ["millimeters", "mm"],
  ["millimeter", "mm"],
  ["micrometres", "µm"],
  ["micrometers", "µm"],
  ["microns", "µm"],
  ["micron", "µm"],
  ["nanometres", "nm"],
  ["nanometers", "nm"],
  ["miles", "mi"],
  ["mile", "mi"],
  ["nautical miles", "nmi"],
  ["nautical mile", "nmi"],
  ["feet", "ft"],
  ["foot", "ft"],
  ["inches", "in"],
  ["inch", "in"],
  ["yards", "yd"],
  ["yard", "yd"],
  ["light-years", "ly"],
  ["light-year", "ly"],
  ["light years", "ly"],
  ["square kilometres", "km²"],
  ["square kilometre", "km²"],
  ["square kilometers", "km²"],
  ["square kilometer", "km²"],
  ["square metres", "m²"],
  ["square metre", "m²"],
  ["square meters", "m²"],
  ["square meter", "m²"],
  ["square miles", "mi²"],
  ["square mile", "mi²"],
  ["square feet", "ft²"],
  ["square foot", "ft²"],
  ["square yards", "yd²"],
  ["square inches", "in²"],
  ["acres", "acres"],
  ["acre", "acres"],
  ["hectares", "ha"],
  ["hectare", "ha"],
  ["cubic metres", "m³"],
  ["cubic meters", "m³"],
  ["cubic feet", "ft³"],
  ["kilograms", "kg"],
  ["kilogram", "kg"],
  ["kilogrammes", "kg"],
  ["kilos", "kg"],
  ["kilo", "kg"],
  ["grams", "g"],
  ["gram", "g"],
  ["grammes", "g"],
  ["milligrams", "mg"],
  ["milligram", "mg"],
  ["micrograms", "µg"],
  ["tonnes", "t"],
  ["tonne", "t"],
  ["metric tons", "t"],
  ["metric tonnes", "t"],
  ["tons", "tons"],
  ["ton", "tons"],
  ["megatonnes", "Mt"],
  ["megatons", "Mt"],
  ["gigatonnes", "Gt"],
  ["gigatons", "Gt"],
  ["pounds", "lb"],
  ["pound", "lb"],
  ["ounces", "oz"],
  ["ounce", "oz"],
  ["fluid ounces", "fl oz"],
  ["fluid ounce", "fl oz"],
  ["carats", "ct"],
  ["litres", "l"],
  ["litre", "l"],
  ["liters", "l"],
  ["liter", "l"],
  ["millilitres", "ml"],
  ["milliliters", "ml"],
  ["gallons", "gal"],
  ["gallon", "gal"],
  ["barrels", "bbl"],
  ["barrel", "bbl"],
  ["pints", "pt"],
  ["pint", "pt"],
  ["quarts", "qt"],
  ["degrees Celsius", "°C"],
  ["degree Celsius", "°C"],
  ["degrees centigrade", "°C"],
  ["degrees Fahrenheit", "°F"],
  ["degree Fahrenheit", "°F"],
  ["Celsius", "°C"],
  ["Fahrenheit", "°F"],
  ["degrees", "°"],
  ["degree", "°"],
  ["knots", "kn"],
  ["miles per hour", "mph"],
  ["miles an hour", "mph"],
  ["kilometres per hour", "km/h"],
  ["kilometers per hour", "km/h"],
  ["kilometres an hour", "km/h"],
  ["kilometers an hour", "km/h"],
  ["metres per second", "m/s"],
  ["meters per second", "m/s"],
  ["watts", "W"],
  ["watt", "W"],
  ["kilowatts", "kW"],
  ["kilowatt", "kW"],
  ["megawatts", "MW"],
  ["megawatt", "MW"],
  ["gigawatts", "GW"],
  ["gigawatt", "GW"],
  ["kilowatt-hours", "kWh"],
  ["kilowatt hours", "kWh"],
  ["megawatt-hours", "MWh"],
  ["megawatt hours", "MWh"],
  ["gigawatt-hours", "GWh"],
  ["terawatt-hours", "TWh"],
  ["horsepower", "hp"],
  ["volts", "V"],
  ["volt", "V"],
  ["kilovolts", "kV"],
  ["amps", "A"],
  ["amperes", "A"],
  ["ohms", "Ω"],
  ["hertz", "Hz"],
  ["kilohertz", "kHz"],
  ["megahertz", "MHz"],
  ["gigahertz", "GHz"],
  ["bytes", "bytes"],
  ["byte", "bytes"],
  ["kilobytes", "KB"],
  ["kilobyte", "KB"],
  ["kbytes", "KB"],
  ["mbytes", "MB"],
  ["gbytes", "GB"],
  // "27 megs", "a 64 gig card": the spoken names of data sizes ("4 gigs" alone may be concerts: see dataGigs)
  ["megs", "MB"],
  ["meg", "MB"],
  ["terabits", "Tb"],
  ["gigabits", "Gb"],
  ["megabits", "Mb"],
  ["kilobits", "Kb"],
  ["megabytes", "MB"],
  ["megabyte", "MB"],
  ["gigabytes", "GB"],
  ["gigabyte", "GB"],
  ["terabytes", "TB"],
  ["terabyte", "TB"],
  ["petabytes", "PB"],
  ["megapixels", "MP"],
  ["megapixel", "MP"],
  ["decibels", "dB"],
  ["calories", "cal"],
  ["kilocalories", "kcal"],
  ["joules", "J"],
  ["parts per million", "ppm"],
  ["parts per billion", "ppb"],
  ["miles per gallon", "mpg"],
  ["sieverts", "Sv"],
];

const WORDS: Readonly<Record<Lang, [string, string][]>> = {
  en: [],
  fr: [
    ["kilomètres", "km"],
    ["kilomètre", "km"],
    ["mètres", "m"],
    ["mètre", "m"],
    ["centimètres", "cm"],
    ["grammes", "g"],
    ["litres", "l"],
    ["degrés", "°"],
    ["degrés Celsius", "°C"],
    ["mètres carrés", "m²"],
    ["kilomètres carrés", "km²"],
    ["tonnes", "t"],
  ],
  es: [
    ["kilómetros", "km"],
    ["kilómetro", "km"],
    ["metros", "m"],
    ["metro", "m"],
    ["centímetros", "cm"],
    ["kilogramos", "kg"],
    ["gramos", "g"],
    ["toneladas", "t"],
    ["litros", "l"],
    ["hectáreas", "ha"],
    ["grados", "°"],
    ["grados centígrados", "°C"],
    ["metros cuadrados", "m²"],
    ["kilómetros cuadrados", "km²"],
  ],
  de: [
    ["Kilometer", "km"],
    ["Meter", "m"],
    ["Zentimeter", "cm"],
    ["Kilogramm", "kg"],
    ["Gramm", "g"],
    ["Tonnen", "t"],
    ["Tonne", "t"],
    ["Liter", "l"],
    ["Hektar", "ha"],
    ["Grad", "°"],
    ["Grad Celsius", "°C"],
    ["Quadratmeter", "m²"],
    ["Quadratkilometer", "km²"],
    ["Stundenkilometer", "km/h"],
  ],
  pt: [
    ["quilômetros", "km"],
    ["quilómetros", "km"],
    ["metros", "m"],
    ["metro", "m"],
    ["quilos", "kg"],
    ["quilogramas", "kg"],
    ["gramas", "g"],
    ["toneladas", "t"],
    ["litros", "l"],
    ["hectares", "ha"],
    ["graus", "°"],
    ["metros quadrados", "m²"],
  ],
  cs: [
    ["kilometrů", "km"],
    ["kilometry", "km"],
    ["kilometr", "km"],
    ["metrů", "m"],
    ["metry", "m"],
    ["metr", "m"],
    ["kilogramů", "kg"],
    ["kilogramy", "kg"],
    ["tun", "t"],
    ["tuny", "t"],
    ["litrů", "l"],
    ["litry", "l"],
    ["hektarů", "ha"],
    ["stupňů", "°"],
    ["stupně", "°"],
    ["metrů čtverečních", "m²"],
  ],
};

const TIME_EN: [string, string][] = [
  ["milliseconds", "milliseconds"],
  ["millisecond", "milliseconds"],
  ["msec", "milliseconds"],
  ["microseconds", "microseconds"],
  ["nanoseconds", "nanoseconds"],
  ["seconds", "seconds"],
  ["second", "seconds"],
  ["secs", "seconds"],
  ["sec", "seconds"],
  ["minutes", "minutes"],
  ["minute", "minutes"],
  ["mins", "minutes"],
  ["min", "minutes"],
  ["hours", "hours"],
  ["hour", "hours"],
  ["hrs", "hours"],
  ["hr", "hours"],
  ["days", "days"],
  ["day", "days"],
  ["weeks", "weeks"],
  ["week", "weeks"],
  ["wks", "weeks"],
  ["fortnights", "fortnights"],
  ["months", "months"],
  ["month", "months"],
  ["years", "years"],
  ["year", "years"],
  ["yrs", "years"],
  ["yr", "years"],
  ["decades", "decades"],
  ["decade", "decades"],
  ["centuries", "centuries"],
  ["century", "centuries"],
  ["millennia", "millennia"],
];

const TIME: Readonly<Record<Lang, [string, string][]>> = {
  en: [],
  fr: [
    ["secondes", "seconds"],
    ["heures", "hours"],
    ["heure", "hours"],
    ["jours", "days"],
    ["jour", "days"],
    ["semaines", "weeks"],
    ["semaine", "weeks"],
    ["mois", "months"],
    ["ans", "years"],
    ["an", "years"],
    ["années", "years"],
    ["décennies", "decades"],
    ["siècles", "centuries"],
  ],
  es: [
    ["segundos", "seconds"],
    ["minutos", "minutes"],
    ["horas", "hours"],
    ["hora", "hours"],
    ["días", "days"],
    ["día", "days"],
    ["semanas", "weeks"],
    ["semana", "weeks"],
    ["meses", "months"],
    ["mes", "months"],
    ["años", "years"],
    ["año", "years"],
    ["décadas", "decades"],
    ["siglos", "centuries"],
  ],
  de: [
    ["Sekunden", "seconds"],
    ["Minuten", "minutes"],
    ["Stunden", "hours"],
    ["Stunde", "hours"],
    ["Tage", "days"],
    ["Tagen", "days"],
    ["Tag", "days"],
    ["Wochen", "weeks"],
    ["Woche", "weeks"],
    ["Monate", "months"],
    ["Monaten", "months"],
    ["Monat", "months"],
    ["Jahre", "years"],
    ["Jahren", "years"],
    ["Jahr", "years"],
    ["Jahrzehnte", "decades"],
    ["Jahrhunderte", "centuries"],
  ],
  pt: [
    ["segundos", "seconds"],
    ["minutos", "minutes"],
    ["horas", "hours"],
    ["hora", "hours"],
    ["dias", "days"],
    ["dia", "days"],
    ["semanas", "weeks"],
    ["semana", "weeks"],
    ["meses", "months"],
    ["mês", "months"],
    ["anos", "years"],
    ["ano", "years"],
    ["décadas", "decades"],
    ["séculos", "centuries"],
  ],
  cs: [
    ["sekund", "seconds"],
    ["minut", "minutes"],
    ["minuty", "minutes"],
    ["hodin", "hours"],
    ["hodiny", "hours"],
    ["dní", "days"],
    ["dnů", "days"],
    ["dny", "days"],
    ["den", "days"],
    ["týdnů", "weeks"],
    ["týdny", "weeks"],
    ["týden", "weeks"],
    ["měsíců", "months"],
    ["měsíce", "months"],
    ["měsíc", "months"],
    ["let", "years"],
    ["roky", "years"],
    ["roků", "years"],
    ["rok", "years"],
    ["roku", "years"],
    ["století", "centuries"],
  ],
};

const AGE: [string, string][] = [
  ["years old", "years old"],
  ["year old", "years old"],
  ["year-old", "years old"],
  ["years-old", "years old"],
  ["year-olds", "years old"],
  ["month-old", "months old"],
  ["months old", "months old"],
  ["week-old", "weeks old"],
  ["day-old", "days old"],
];

const symbolSet = new PhraseSet<string>(SYMBOLS, true);
const measureWordSets = new Map<Lang, PhraseSet<string>>();
const timeSets = new Map<Lang, PhraseSet<string>>();
const ageSet = new PhraseSet<string>(AGE);

function cached(map: Map<Lang, PhraseSet<string>>, lang: Lang, make: () => [string, string][]): PhraseSet<string> {
  let set = map.get(lang);
  if (set === undefined) {
    set = new PhraseSet<string>(make());
    map.set(lang, set);
  }
  return set;
}

// Spanish "miles" is "thousands", not a length.
const measureWords = (lang: Lang) =>
  cached(measureWordSets, lang, () => [
    ...WORDS[lang],
    ...WORDS_EN.filter(([f]) => !(lang === "es" && (f === "miles" || f === "mile"))),
  ]);
const timeWords = (lang: Lang) => cached(timeSets, lang, () => [...TIME[lang], ...TIME_EN]);

export interface MeasureMatch extends UnitMatch {
  kind: MeasureKind;
}

/** A measure unit, an age ("year-old") or a time unit at token j, with its canonical unit name. */
export function matchMeasure(c: Ctx, j: number, p: LangProfile): MeasureMatch | null {
  if (!near(c, j)) return null;
  const age = ageSet.matchAt(c, j);
  if (age !== null) return { end: age.end, unit: age.value, kind: "duration" };
  const time = timeWords(p.lang).matchAt(c, j);
  const sym = symbolSet.matchAt(c, j);
  const word = measureWords(p.lang).matchAt(c, j);
  let best: MeasureMatch | null = null;
  if (time !== null) best = { end: time.end, unit: time.value, kind: "duration" };
  if (word !== null && (best === null || word.end > best.end))
    best = { end: word.end, unit: word.value, kind: "measure" };
  // "40C", "104F" are temperatures only when glued to the number
  const glueOnly = sym !== null && sym.end === j + 1 && TIGHT_ONLY.has(raw(c, j)) && !tight(c, j);
  if (sym !== null && !glueOnly && (best === null || sym.end > best.end)) {
    const written = raw(c, j);
    const weak = sym.end === j + 1 && WEAK_SYMBOLS.has(written);
    const next = c.toks[sym.end];
    const wordAfter = next !== undefined && next.k === "w" && next.l === next.t && near(c, sym.end);
    const kind: MeasureKind = sym.value.endsWith("seconds") ? "duration" : "measure";
    if (!(weak && !tight(c, j) && wordAfter)) best = { end: sym.end, unit: sym.value, kind };
  }
  if (best === null) best = dataGigs(c, j);
  if (best === null) return null;
  // A symbol glued to a following word is part of that word: "5 mins" is read, "3 kmart" is not.
  if (isWord(c, best.end) && tight(c, best.end)) return null;
  // "A/cm2", "kV/cm", "g/km": a unit per unit
  if (best.kind === "measure" && low(c, best.end) === "/" && tight(c, best.end) && tight(c, best.end + 1)) {
    const per = c.toks[best.end + 1];
    if (per !== undefined && per.k === "w" && per.t.length <= 4) {
      let end = best.end + 2;
      let unit = `${best.unit}/${per.t}`;
      const exp = c.toks[end];
      if (exp !== undefined && tight(c, end) && (exp.t === "2" || exp.t === "3" || exp.t === "²" || exp.t === "³")) {
        unit += exp.t === "2" || exp.t === "²" ? "²" : "³";
        end++;
      }
      best = { ...best, end, unit };
    }
  }
  return best;
}

// What "gigs of" measures when it is data: "4 gigs of RAM", "20 gigs of storage".
const DATA_NOUNS: ReadonlySet<string> = new Set(
  "ram memory storage data space disk video music files file bandwidth download downloads traffic".split(" "),
);

/** "a 64 gig card", "4 gigs of RAM", "1.2 gigs": gigabytes; "4 gigs" alone are more likely concerts. */
function dataGigs(c: Ctx, j: number): MeasureMatch | null {
  const w = low(c, j);
  if (w === "gig" && isNum(c, j - 1) && !(isWord(c, j + 1) && tight(c, j + 1)))
    return { end: j + 1, unit: "GB", kind: "measure" };
  if (w === "gigs" && low(c, j + 1) === "of" && DATA_NOUNS.has(low(c, j + 2)) && near(c, j + 2))
    return { end: j + 1, unit: "GB", kind: "measure" };
  // "1.2 gigs": nobody plays a fraction of a concert
  if (w === "gigs" && isNum(c, j - 1) && low(c, j - 2) === "." && tight(c, j - 1) && tight(c, j - 2) && isNum(c, j - 3))
    return { end: j + 1, unit: "GB", kind: "measure" };
  return null;
}

/** The canonical time unit ("years") of the word at token j, when it is one. */
export function matchTimeUnit(c: Ctx, j: number, p: LangProfile): UnitMatch | null {
  const m = timeWords(p.lang).matchAt(c, j);
  return m === null ? null : { end: m.end, unit: m.value };
}

// What a rate is "per": time units (singular) and the usual denominators of prices and output.
const RATE_NOUNS: ReadonlySet<string> = new Set([
  "second",
  "minute",
  "hour",
  "day",
  "night",
  "week",
  "month",
  "year",
  "decade",
  "century",
  "annum",
  "capita",
  "person",
  "head",
  "share",
  "barrel",
  "gallon",
  "litre",
  "liter",
  "ounce",
  "pound",
  "kilo",
  "kilogram",
  "kg",
  "tonne",
  "ton",
  "gram",
  "game",
  "match",
  "household",
  "passenger",
  "unit",
  "mile",
  "kilometre",
  "kilometer",
  "km",
  "hectare",
  "acre",
  "megawatt-hour",
  "kwh",
  "mwh",
  "seat",
  "ticket",
  "vote",
  "patient",
  "student",
  "child",
  "adult",
]);

/** A rate after a figure ("per gallon", "a year", "/month", "-a-day"): the denominator as "/noun". */
export function matchRate(c: Ctx, j: number): UnitMatch | null {
  if (!near(c, j)) return null;
  const w = low(c, j);
  let at = -1;
  if (w === "per" || w === "a" || w === "an" || w === "each" || w === "every") at = j + 1;
  else if (w === "/" && tight(c, j) && tight(c, j + 1)) at = j + 1;
  else if (w === "-" && tight(c, j) && (low(c, j + 1) === "a" || low(c, j + 1) === "per") && tight(c, j + 2)) {
    if (low(c, j + 2) === "-" && tight(c, j + 3)) at = j + 3;
  }
  if (at < 0 || !near(c, at)) return null;
  const noun = low(c, at);
  if (!RATE_NOUNS.has(noun)) return null;
  if (isWord(c, at + 1) && tight(c, at + 1)) return null;
  return { end: at + 1, unit: `/${noun}` };
}
