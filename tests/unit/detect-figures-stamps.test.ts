// Figures and page furniture (issue 12): a page's own time stamps and datelines, blocks that are nothing
// but a number, months named alone, and round numbers that mean "about". Every sentence here is made up.
import { describe, expect, it } from "vitest";
import { detectFigures } from "../../lib/detect/figures";
import type { BlockRole, FigureKind, Qualifier } from "../../lib/detect/types";

type Row = [exact: string, kind: FigureKind, value: number | string | null, qualifier: Qualifier | null];

/** The figures of a text split into paragraph blocks on blank lines, as [exact, kind, value, qualifier]. */
const rows = (text: string, lang: string | null = "en"): Row[] =>
  detectFigures({ text, lang }).map((f) => [f.exact, f.figureKind, f.value, f.qualifier]);

/** The figures of one block of the given role. */
const inRole = (text: string, role: BlockRole): Row[] =>
  detectFigures({ text, blocks: [{ start: 0, end: text.length, role }], lang: "en" }).map((f) => [
    f.exact,
    f.figureKind,
    f.value,
    f.qualifier,
  ]);

describe("a page's own time stamp is not a figure", () => {
  const cases: [text: string, expected: Row[]][] = [
    ["Orlen Daily (Tarsk) First published March 4, 2019: 6:42 AM ET", []],
    ["Updated 3:10 p.m. ET: Added the mayor's reply.", []],
    ["Last updated 12 June 2021", []],
    ["Posted on 2/14/2018 9:05 PM PST by Dana Welk", []],
    ["Mar. 4, 2019 -- Ferry fares in Velloran rose 12% this spring.", [["12%", "percent", 12, null]]],
    ["9:45 AM PT -- Firefighters reached the ridge with 40 trucks.", [["40 trucks", "count", 40, null]]],
    ["3/4/2019 6:42 AM PST BY STAFF WRITERS", []],
    ["OSSA, March 4 (Newswire) - The port handled 2,000 ships.", [["2,000 ships", "count", 2000, null]]],
    ["9:15 a.m.\n\nThe council votes on the 4% levy today.", [["4%", "percent", 4, null]]],
    ["Dana Welk 2021-06-12T09:05:11.120Z The ferry carried 300 cars.", [["300 cars", "count", 300, null]]],
    // the same dates and times inside the article's sentences stay
    [
      "The study, published March 4, 2019, counted 3,100 wells.",
      [
        ["March 4, 2019", "date", "2019-03-04", null],
        ["3,100 wells", "count", 3100, null],
      ],
    ],
    ["The ferry leaves at 6:42 a.m. on weekdays.", [["6:42 a.m.", "time", "06:42", null]]],
    ["March 4, 2019, was the wettest day on record.", [["March 4, 2019", "date", "2019-03-04", null]]],
    ["Circa 1970", [["Circa 1970", "date", "1970", "approximately"]]],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(rows(text)).toEqual(expected);
  });

  it("keeps a table cell's date: the cell's content, not a stamp", () => {
    expect(inRole("4 May 1911", "table-cell")).toEqual([["4 May 1911", "date", "1911-05-04", null]]);
  });
});

describe("a block that is nothing but a number is a label", () => {
  const cases: [text: string, expected: Row[]][] = [
    ["1 / 8", []],
    ["3 of 9", []],
    ["$9/month", []],
    ["$80/seat/year", []],
    ["4,210", []],
    ["2, 4, 4, 9", []],
    // a measure or a share keeps its meaning; a word makes it a sentence
    ["12 km", [["12 km", "measure", 12, null]]],
    ["38%", [["38%", "percent", 38, null]]],
    ["3 killed", [["3", "count", 3, null]]],
    ["Tolls cost $9 a month", [["$9 a month", "money", 9, null]]],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe("a month named alone after a word of time is a date", () => {
  const cases: [text: string, lang: string, expected: Row[]][] = [
    ["The ferry reopened in October.", "en", [["October", "date", "--10", null]]],
    ["Works resume in mid-December.", "en", [["mid-December", "date", "--12", "mid"]]],
    ["Fares have risen since February.", "en", [["February", "date", "--02", null]]],
    ["Tolls end by September, officials hope.", "en", [["September", "date", "--09", null]]],
    ["Talks began in early March.", "en", [["early March", "date", "--03", "early"]]],
    ["Le chantier reprendra en octobre.", "fr", [["octobre", "date", "--10", null]]],
    ["Las obras siguen desde marzo.", "es", [["marzo", "date", "--03", null]]],
    // a month with a relative year is a relative date, like "last week"
    ["It began in February of last year.", "en", []],
    // names and verbs are not months
    ["The letter was written by May and Dorvan.", "en", []],
    ["Crowds gathered for the Fourth of July parade.", "en", []],
    ["Troops may march on Sunday.", "en", []],
    ["In May's view the levy was fair.", "en", []],
  ];
  it.each(cases)("%s", (text, lang, expected) => {
    expect(rows(text, lang)).toEqual(expected);
  });
});

describe("round numbers that mean about", () => {
  const cases: [text: string, lang: string, expected: Row[]][] = [
    ["Une quinzaine de pêcheurs ont protesté.", "fr", [["Une quinzaine de pêcheurs", "count", 15, "approximately"]]],
    ["Il a vu un millier de manifestants.", "fr", [["un millier de manifestants", "count", 1000, "approximately"]]],
    ["Llegaron una decena de camiones.", "es", [["una decena de camiones", "count", 10, "approximately"]]],
    ["Hay un centenar de vecinos.", "es", [["un centenar de vecinos", "count", 100, "approximately"]]],
    ["Elle a acheté une douzaine de pommes.", "fr", [["une douzaine de pommes", "count", 12, null]]],
    // a plural stays vague
    ["Des dizaines de pêcheurs ont protesté.", "fr", [["dizaines de pêcheurs", "count", null, "vague"]]],
  ];
  it.each(cases)("%s", (text, lang, expected) => {
    expect(rows(text, lang)).toEqual(expected);
  });
});

describe("a date with a stray comma after its month", () => {
  const cases: [text: string, expected: Row[]][] = [
    ["The photo was taken on Tuesday, Nov, 29, 2016 in Ossa.", [["Nov, 29, 2016", "date", "2016-11-29", null]]],
    ["By Nov, 29 ferries had sailed.", [["29 ferries", "count", 29, null]]],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe("a descending pair of bare counts is one tally", () => {
  const cases: [text: string, expected: Row[]][] = [
    ["The board passed the levy 52 to 48.", [["52 to 48", "other", null, null]]],
    ["Members split 4 to 1 in favour.", [["4 to 1", "other", null, null]]],
    // a range, a change and years stay as they were
    ["Each crate holds 5 to 8 melons.", [["5 to 8 melons", "count", 5, "at least"]]],
    [
      "Staff fell from 52 to 48.",
      [
        ["52", "count", 52, null],
        ["48", "count", 48, null],
      ],
    ],
    ["The file grew to 1.2 gigs.", [["1.2 gigs", "measure", 1.2, null]]],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});
