import { describe, expect, it } from "vitest";
import { numbersIn } from "../../lib/search/numbers";
import { haystackOf, matchesSearch, parseSearch } from "../../lib/search/search";
import { annotationRecord, sourceRecord } from "./samples";

/** Whether a query finds an annotation (and its sources). */
function finds(search: string, annotation = MILITANTS, sources = SOURCES): boolean {
  const query = parseSearch(search);
  if (!query) throw new Error(`the query ${JSON.stringify(search)} asks for nothing`);
  return matchesSearch(query, haystackOf(annotation, sources));
}

const MILITANTS = annotationRecord({
  kind: "figure",
  exact: "about 6,500 militants",
  speaker: "Anatoly Sidorov",
  cue: "said",
  note: "Other outlets give 6,000; check the CSTO release.",
  tags: ["border", "Afghanistan"],
  value: 6500,
  unit: "militants",
});

const SOURCES = [
  sourceRecord({
    url: "https://www.csto.org/en/news/border-programme",
    title: "CSTO: border programme",
    publisher: "Collective Security Treaty Organization",
    note: "Gives the estimate",
    quote: "up to seven thousand fighters",
  }),
];

describe("numbers however they are written", () => {
  it.each([
    ["6500", [6500]],
    ["6,500", [6500]],
    ["6 500", [6500]],
    ["6\u202f500", [6500]],
    ["6'500", [6500]],
    ["6.5k", [6500]],
    ["6.5 thousand", [6500]],
    ["6,5 millions", [6_500_000]],
    ["$2bn", [2e9]],
    ["1,234,567", [1_234_567]],
    ["1,234.5", [1234.5]],
    ["1.234,5", [1234.5]],
    ["1.23456", [1.23456]],
    ["6.500", [6500, 6.5]],
    ["12.5%", [12.5]],
    ["the 1930s", [1930]],
    ["in 2023 500 people crossed", [2023, 500]],
    ["COVID19 and A4", []],
  ])("reads %j as %j", (text, values) => {
    expect([...numbersIn(text)].sort((a, b) => a - b)).toEqual([...values].sort((a, b) => a - b));
  });
});

describe("one search, the same in the popup and the library", () => {
  it.each([
    // What is written, however it is written.
    ["the text", "militants", true],
    ["the text, case and accents aside", "MILITANTS", true],
    ["a number as written", "6,500", true],
    ["a number without separators", "6500", true],
    ["a number with a space", "6 500", true],
    ["a number with a scale letter", "6.5k", true],
    ["a number with a scale word", "6.5 thousand", true],
    ["another number", "6400", false],
    ["a phrase in quotes", '"about 6,500"', true],
    ["a phrase in quotes, not as written", '"6,500 about"', false],
    // Every field the card has.
    ["the speaker", "sidorov", true],
    ["the cue", "said", true],
    ["the note", "csto release", true],
    ["a tag", "afghanistan", true],
    ["the source's title", "border programme", true],
    ["the source's address", "csto.org/en", true],
    ["the source's publisher", "treaty organization", true],
    ["the source's note", "the estimate", true],
    ["the quoted passage", "seven thousand fighters", true],
    ["a number in the quoted passage", "7000", false],
    // Every word is needed.
    ["several words, all present", "sidorov border 6500", true],
    ["several words, one missing", "sidorov zebra", false],
  ])("finds by %s (%j): %s", (_what, search, expected) => {
    expect(finds(search)).toBe(expected);
  });

  it("finds a figure by its value even when its text writes it in words", () => {
    const figure = annotationRecord({ kind: "figure", exact: "six and a half thousand", value: 6500 });
    expect(finds("6,500", figure, [])).toBe(true);
    expect(finds("6.5k", figure, [])).toBe(true);
    expect(finds("6,600", figure, [])).toBe(false);
  });

  it("finds a passage whose wording changed by its new wording", () => {
    const changed = annotationRecord({
      exact: "old words",
      anchor: { state: "fuzzy", current: "new words", checkedAt: 1 },
    });
    expect(finds("new words", changed, [])).toBe(true);
  });

  it("asks for nothing when the query is blank", () => {
    for (const blank of ["", "   ", '""']) expect(parseSearch(blank)).toBeNull();
  });
});
