// Figures on pages nobody tuned for (issue 12): year ranges, arithmetic, data sizes, the marks of untagged
// pages, page furniture and the roles of page blocks. Every sentence here is made up.
import { describe, expect, it } from "vitest";
import { detectFigures } from "../../lib/detect/figures";
import type { BlockRole, FigureKind, Qualifier } from "../../lib/detect/types";

type Row = [exact: string, kind: FigureKind, value: number | string | null, unit: string | null, q: Qualifier | null];

const rows = (text: string, lang: string | null = "en"): Row[] =>
  detectFigures({ text, lang }).map((f) => [f.exact, f.figureKind, f.value, f.unit, f.qualifier]);

type Case = [text: string, expected: Row[]];

/** Each sentence gives exactly these figures, in order (numbers within 1e-9). */
function table(cases: Case[], lang: string | null = "en"): void {
  it.each(cases)("%s", (text, expected) => {
    const got = rows(text, lang);
    expect(got.map((r) => r[0])).toEqual(expected.map((r) => r[0]));
    got.forEach((r, i) => {
      const want = expected[i] as Row;
      expect([r[1], r[3], r[4]]).toEqual([want[1], want[3], want[4]]);
      if (typeof want[2] === "number") expect(r[2]).toBeCloseTo(want[2], 9);
      else expect(r[2]).toBe(want[2]);
    });
  });
}

describe("year ranges stay one date figure", () => {
  table([
    ["Velloran scored most in the 1998-9 season.", [["1998-9", "date", "1998/1999", null, null]]],
    ["The agency's budget for 2015-16 was cut.", [["2015-16", "date", "2015/2016", null, null]]],
    ["In 1998–99 the club signed Tarsk.", [["1998–99", "date", "1998/1999", null, null]]],
    ["The 2008-09 campaign ended early.", [["2008-09", "date", "2008/2009", null, null]]],
    ["Revenue peaked in 1999-00.", [["1999-00", "date", "1999/2000", null, null]]],
    ["The archive lists 2019-05 as the start.", [["2019-05", "date", "2019-05", null, null]]],
    [
      "Sometime between 1250 and 1300, herders reached the valley.",
      [["between 1250 and 1300", "date", "1250/1300", null, null]],
    ],
    ["The map dates from around 1490.", [["around 1490", "date", "1490", null, "approximately"]]],
    // other ranges keep working
    ["Prices rose 5-10 percent.", [["5-10 percent", "percent", 5, "percent", "at least"]]],
    [
      "It hired between 3 and 4 million people.",
      [["between 3 and 4 million people", "count", 3e6, "people", "at least"]],
    ],
    ["Between 1250 and 1300 troops waited.", [["Between 1250 and 1300 troops", "count", 1250, "troops", "at least"]]],
  ]);
});

describe("arithmetic is one figure or none", () => {
  table([
    ["The frame holds at most 2^15 − 1 bytes.", [["at most 2^15 − 1 bytes", "measure", 32767, "bytes", "at most"]]],
    ["The tree has 10^5 leaves.", [["10^5 leaves", "count", 100000, "leaves", null]]],
    ["A counter wraps after 2**32 ticks.", [["2**32 ticks", "count", 4294967296, "ticks", null]]],
    ["The grid has 10⁵ cells.", [["10⁵ cells", "count", 100000, "cells", null]]],
    ["A mole holds 6.02 × 10^23 atoms.", [["6.02 × 10^23 atoms", "count", 6.02e23, "atoms", null]]],
    ["Solve x² = 9 before lunch.", []],
    ["The spare pool is N + 0 at worst.", []],
    [
      "That is 10^5 * 300 = 30,000,000 rows.",
      [
        ["10^5", "count", 100000, null, null],
        ["30,000,000 rows", "count", 3e7, "rows", null],
      ],
    ],
    // a tight "+" after a number is a bound, not an operator
    ["It runs 100+ jobs a night.", [["100+", "count", 100, null, "at least"]]],
  ]);
});

describe("data sizes read as measures with a normalised unit", () => {
  table([
    ["The patch weighs 27 megs.", [["27 megs", "measure", 27, "MB", null]]],
    ["The patch weighs 26.6 megabytes.", [["26.6 megabytes", "measure", 26.6, "MB", null]]],
    ["Her laptop has 4 gigs of RAM.", [["4 gigs", "measure", 4, "GB", null]]],
    ["He bought a 64 gig card.", [["64 gig", "measure", 64, "GB", null]]],
    ["The band played 4 gigs in Orlen.", [["4 gigs", "count", 4, "gigs", null]]],
    [
      "A 500 KB logo sits on a 3 TB disk.",
      [
        ["500 KB", "measure", 500, "KB", null],
        ["3 TB", "measure", 3, "TB", null],
      ],
    ],
    [
      "The header is 512 bytes and the page 2 MiB.",
      [
        ["512 bytes", "measure", 512, "bytes", null],
        ["2 MiB", "measure", 2, "MiB", null],
      ],
    ],
    ["Replies took 100 ms on average.", [["100 ms", "duration", 100, "milliseconds", null]]],
  ]);
});

describe("untagged pages: the numbers' own shapes decide the marks", () => {
  table(
    [
      ["La ville compte 1.234.567 habitants.", [["1.234.567 habitants", "count", 1234567, "habitants", null]]],
      ["Les loyers ont augmenté de 12,5 % cette année.", [["12,5 %", "percent", 12.5, "percent", null]]],
      ["En total hay 1 234 567 votantes.", [["1 234 567 votantes", "count", 1234567, "votantes", null]]],
      [
        "En total hay 1\u00a0234\u00a0567 votantes.",
        [["1\u00a0234\u00a0567 votantes", "count", 1234567, "votantes", null]],
      ],
      ["En total hay 1\u202f234 votantes.", [["1\u202f234 votantes", "count", 1234, "votantes", null]]],
      // a page whose other numbers have decimal commas reads "2.500" as thousands
      [
        "El paro bajó al 14,5% y se vendieron 2.500 coches.",
        [
          ["14,5%", "percent", 14.5, "percent", null],
          ["2.500 coches", "count", 2500, "coches", null],
        ],
      ],
      // English shapes are untouched
      [
        "Dorvan paid 1,234 dollars for 3.5 acres.",
        [
          ["1,234 dollars", "money", 1234, "USD", null],
          ["3.5 acres", "measure", 3.5, "acres", null],
        ],
      ],
      [
        "The firm sold 2.500 tonnes and 1,250,000 cans.",
        [
          ["2.500 tonnes", "measure", 2.5, "t", null],
          ["1,250,000 cans", "count", 1250000, "cans", null],
        ],
      ],
    ],
    null,
  );
});

describe("page furniture and labels are not figures", () => {
  table([
    ["Alerts come as tickets, emails,22 and pages.", []],
    ["Avoid burnout:24 it spreads.", []],
    ["See Fig. 1 and Eq. 3 above.", []],
    ["The loop does this: 1. read the queue 2. push the tasks 3. update them.", []],
    ["The bill covers (1) the fee and (2) the deposit.", []],
    ["(1) Pick a name", []],
    ["Summary.........7", []],
    ["Spoken by most[n 3] and many[note 4] others.", []],
    ["Cited as doi:10.1234/abcd.2004.01.006 and ISBN 978-0-000-00000-5.", []],
    ["Clocks there run on UTC+12 in summer.", []],
    ["Wendo Ralk: 7 Played deep all night.", []],
    ["Cloud hosting ranked number two and phase three began.", []],
    ["I will see you in a day or two, or a week or two.", []],
    ["It came out in a classic series,1998 edition.", [["1998", "date", "1998", null, null]]],
    // real figures next to those shapes stay
    ["Talia Brenn, 21, was taken to hospital.", [["21", "count", 21, null, null]]],
    ["It was 3. Then it fell.", [["3", "count", 3, null, null]]],
    ["They ordered one or two days of rest.", [["two days", "duration", 2, "days", null]]],
  ]);
});

describe("spelled numbers and times", () => {
  table([
    [
      "The oak is around two-hundred years old.",
      [["around two-hundred years old", "duration", 200, "years old", "approximately"]],
    ],
    ["Try a third-party app.", []],
    ["A third of the vote went to Ossa.", [["A third of the vote", "ratio", 1 / 3, "vote", null]]],
    [
      "Lunch is at twelve o'clock and tea at 4 o'clock.",
      [
        ["twelve o'clock", "time", "12:00", null, null],
        ["4 o'clock", "time", "04:00", null, null],
      ],
    ],
    ["The vote went 52-48 for the motion.", [["52-48", "other", null, null, null]]],
  ]);
});

describe("block roles", () => {
  /** The figures of one block of the given role, as [exact, kind]. */
  const inRole = (text: string, role: BlockRole | undefined): [string, FigureKind][] =>
    detectFigures({ text, blocks: [{ start: 0, end: text.length, ...(role ? { role } : {}) }], lang: "en" }).map(
      (f) => [f.exact, f.figureKind],
    );

  const cases: [role: BlockRole | undefined, text: string, expected: [string, FigureKind][]][] = [
    [
      undefined,
      "Three firefighters fought 40 km of fire on 3 May 2021.",
      [
        ["Three firefighters", "count"],
        ["40 km", "measure"],
        ["3 May 2021", "date"],
      ],
    ],
    [
      "paragraph",
      "Three firefighters fought 40 km of fire.",
      [
        ["Three firefighters", "count"],
        ["40 km", "measure"],
      ],
    ],
    ["caption", "Three firefighters fought 40 km of fire on 3 May 2021.", [["40 km", "measure"]]],
    ["caption", "Photo 2 of 12: prices rose 12% in Welt.", [["12%", "percent"]]],
    ["table-cell", "4,933,210", []],
    ["table-cell", "23/16", []],
    ["table-cell", "268,021 km2", [["268,021 km2", "measure"]]],
    ["table-cell", "14 wards", [["14 wards", "count"]]],
    ["table-cell", "7 May 1856", [["7 May 1856", "date"]]],
    ["byline", "By Oma Treff, 12 May 2021, 3 min read, 4 photos", [["12 May 2021", "date"]]],
    ["links", "Seven dead as 40 km of river floods on 3 May", []],
    [
      "heading",
      "3 killed as storm cuts power to 40,000 homes",
      [
        ["3", "count"],
        ["40,000 homes", "count"],
      ],
    ],
    ["heading", "2. Methods", []],
  ];
  it.each(cases)("%s: %s", (role, text, expected) => {
    expect(inRole(text, role)).toEqual(expected);
  });

  it("keeps the bare numbers of a table cell that holds running text (a layout table)", () => {
    const text = `${"The council met again. ".repeat(8)}Two founders left and 2.8 is the long-term release.`;
    expect(inRole(text, "table-cell").map((f) => f[0])).toEqual(["Two founders", "2.8"]);
  });
});

describe("untagged pages in a language we know are read in it", () => {
  const es =
    "El consejo de Varuna aprobó el plan con los votos de las regiones del norte. Según el informe, " +
    "fue una decisión difícil para los vecinos, que pidieron más tiempo por las obras y con razón. " +
    "La obra costará 10 millones de dólares y durará dos años, como dijo el alcalde en noviembre de 2019.";
  const en =
    "The council of Varuna approved the plan with the votes of the northern regions. According to the " +
    "report, it was a hard decision for the residents, who asked for more time. It will cost 10 million " +
    "dollars and take two years, the mayor of El Paso said in November 2019.";
  const cases: [name: string, text: string, expected: [string, FigureKind, number | string | null][]][] = [
    [
      "Spanish",
      es,
      [
        ["10 millones de dólares", "money", 10e6],
        ["dos años", "duration", 2],
        ["noviembre de 2019", "date", "2019-11"],
      ],
    ],
    [
      "English with a Spanish name",
      en,
      [
        ["10 million dollars", "money", 10e6],
        ["two years", "duration", 2],
        ["November 2019", "date", "2019-11"],
      ],
    ],
  ];
  it.each(cases)("%s", (_name, text, expected) => {
    expect(detectFigures({ text, lang: null }).map((f) => [f.exact, f.figureKind, f.value])).toEqual(expected);
  });
});
