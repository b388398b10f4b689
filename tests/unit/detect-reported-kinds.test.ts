import { describe, expect, it } from "vitest";
import { detectSpans } from "../../lib/detect/spans";

/** The reported claims of a text, as [exact, speaker, cue] triples. */
function claims(text: string): [string, string | null, string | null][] {
  return detectSpans({ text, lang: "en" })
    .filter((d) => d.kind === "claim")
    .map((d) => [d.exact, d.speaker, d.cue]);
}

/** [shape, text, exact, speaker, cue]: one claim expected. */
type Case = [string, string, string, string | null, string];

describe("asides with as", () => {
  const cases: Case[] = [
    [
      "As X noted, …",
      "As Senator Ana Duarte noted, the harbour budget will not balance this year.",
      "the harbour budget will not balance this year",
      "Ana Duarte",
      "noted",
    ],
    [
      "But as the X said on Monday, …",
      "But as the mayor said on Monday, the tram line will close for a month.",
      "the tram line will close for a month",
      "the mayor",
      "said",
    ],
    [
      "As many X, including Y, have pointed out, …",
      "As many engineers, including Ms. Okafor, have pointed out, the bridge needs new cables.",
      "the bridge needs new cables",
      "many engineers",
      "have pointed out",
    ],
    [
      "A, as X pointed out, B",
      "Lisbury, as one of the council's planners pointed out, rarely floods in spring.",
      "Lisbury, as one of the council's planners pointed out, rarely floods in spring",
      "one of the council's planners",
      "pointed out",
    ],
    [
      "…, as police have said",
      "The footage does not show whether the driver was armed, as police have said.",
      "The footage does not show whether the driver was armed",
      "police",
      "have said",
    ],
  ];
  it.each(cases)("reads %s", (_shape, text, exact, speaker, cue) => {
    expect(claims(text)).toEqual([[exact, speaker, cue]]);
  });
  it.each(["Fares such as the night rate will rise.", "The union wants as much as the board offered."])(
    "takes no aside from %s",
    (text) => {
      expect(claims(text)).toEqual([]);
    },
  );
});

describe("nouns of saying with their source", () => {
  const cases: Case[] = [
    [
      "X's claim that …",
      "Reporters checked Tomas Varga’s claim that the mill had never closed on a weekday.",
      "the mill had never closed on a weekday",
      "Tomas Varga",
      "claim that",
    ],
    [
      "the X's statement that …",
      "Traders ignored the ministry's statement that grain exports would resume in May.",
      "grain exports would resume in May",
      "the ministry",
      "statement that",
    ],
    [
      "X's earlier claim that …",
      "The video contradicts Halden police’s earlier claim that the driver had refused to stop.",
      "the driver had refused to stop",
      "Halden police",
      "claim that",
    ],
    [
      "a Name report that …",
      "The mayor is seizing on a Daily Courier report that the port lost money for a decade.",
      "the port lost money for a decade",
      "Daily Courier",
      "report that",
    ],
    [
      "warnings from X that …",
      "The vote went ahead despite warnings from the harbour master that the pier was unsafe.",
      "the pier was unsafe",
      "the harbour master",
      "warnings from the harbour master that",
    ],
  ];
  it.each(cases)("reads %s", (_shape, text, exact, speaker, cue) => {
    expect(claims(text)).toEqual([[exact, speaker, cue]]);
  });
  it.each([
    ["no source", "The claim that the lake is poisoned spread quickly."],
    ["a relative that", "The ministry's statement that was released on Monday ran long."],
    ["a subject with its verb", "A 2019 report by the council found the lake was clean."],
  ])("reports nothing for %s", (_shape, text) => {
    expect(claims(text).filter(([, , cue]) => cue?.includes("report") || cue?.includes("statement"))).toEqual([]);
  });
});

describe("bare clauses need a verb of their own", () => {
  it.each([
    ["wrote + a noun phrase and a comma", "Back when he wrote his memoir, Mr. Ibsen said that he regretted nothing."],
    ["could add + a noun phrase", "Officials fear that new curfews could add fuel to the unrest."],
    ["has said + a noun phrase", "Once he has said his piece, he is ready to leave the room."],
    ["have written + plural noun", "I have written letters for several of them, trying to help."],
  ])("takes no object for a clause: %s", (_shape, text) => {
    for (const [exact] of claims(text)) {
      expect(exact).not.toMatch(/^(?:his memoir|fuel|his piece|letters)/u);
    }
  });
  it.each([
    [
      "an appositive before the verb",
      "Backers said the canal, dug by the old company, has carried freight for a century.",
      "the canal, dug by the old company, has carried freight for a century",
    ],
    ["a contracted verb", "Her team says she’ll return to the race this week.", "she’ll return to the race this week"],
    [
      "an irregular past",
      "Analysts said the company lost money in every quarter.",
      "the company lost money in every quarter",
    ],
  ])("still reads a clause with %s", (_shape, text, exact) => {
    expect(claims(text).map(([e]) => e)).toEqual([exact]);
  });
});

describe("where a claim ends", () => {
  it.each([
    [
      "a relative clause with its own attribution",
      "Ms. Brandt also said the photos do not show his hands, which she said were empty.",
      ["the photos do not show his hands", "which she said were empty"],
    ],
    [
      "a relative clause that holds the source",
      "The fee set by the Harbour Board, which argued that the docks were losing money, is now void.",
      ["the docks were losing money"],
    ],
    [
      "an opening subordinate clause",
      "While his aides have suggested the tour is over, Mr. Ruiz is still planning stops in May.",
      ["the tour is over"],
    ],
    [
      "a second attribution with a described subject",
      "Mr. Keller said the dam was safe and the agency said it would inspect it again.",
      ["the dam was safe", "it would inspect it again"],
    ],
    [
      "an attribution closed by time words, the claim going on",
      "The real problem, the mayor said then, was that the budget had run out.",
      ["The real problem, the mayor said then, was that the budget had run out"],
    ],
    [
      "a past subordinate clause before the attribution",
      "When he bought the quarry, Mr. Lund said he expected to sell its stone abroad.",
      ["he expected to sell its stone abroad"],
    ],
  ])("cuts at %s", (_shape, text, expected) => {
    expect(claims(text).map(([e]) => e)).toEqual(expected);
  });
});

describe("claims reported inside claims", () => {
  it.each([
    [
      "X noted that Y had said …",
      "The statement noted that the council had said it would act if the river rose again.",
      "the council had said it would act if the river rose again",
    ],
    [
      "a who-relative closes no claim",
      "Ask whether you would vote for a mayor, man or woman, who said and did the same things.",
      null,
    ],
  ])("keeps the outer claim only: %s", (_shape, text, outer) => {
    const found = claims(text).map(([e]) => e);
    if (outer) expect(found).toEqual([outer]);
    else expect(found.some((e) => e.startsWith("Ask whether you would vote"))).toBe(false);
  });
});
