import { describe, expect, it } from "vitest";
import { detect } from "../../lib/detect/index";
import type { SpanDetection } from "../../lib/detect/types";

/** The article text of paragraphs joined by blank lines. */
const text = (paragraphs: string[]): string => paragraphs.join("\n\n");

/** The first quote, claim or term whose text contains `needle`, as [kind, speaker, cue]. */
function spanOf(paragraphs: string[], needle: string, lang = "en"): [string, string | null, string | null] | undefined {
  const found = detect({ text: text(paragraphs), lang }).find(
    (d): d is SpanDetection => d.kind !== "figure" && d.exact.includes(needle),
  );
  return found ? [found.kind, found.speaker, found.cue] : undefined;
}

describe("the subject of the cue, not a nearer or stray name", () => {
  const cases: [string, string[], string, string | null][] = [
    [
      "a subordinator opening the sentence before a pronoun subject",
      ["Mayor Ana Ruiz spoke first. Though she called the plan “reckless” at the meeting, she stayed."],
      "reckless",
      "Ana Ruiz",
    ],
    [
      "a role before a name after an introductory phrase makes the name the subject",
      [
        "Kim Vale and Sam Reed agreed on Monday.",
        "In a statement on Tuesday, party leader Lena Ortiz was more careful than her colleagues. Though she called the deal “premature”, she backed it.",
      ],
      "premature",
      "Lena Ortiz",
    ],
    [
      "a name that ends a sentence does not run into the next one",
      [
        "Ken Hart entered the race early. He needled rivals such as Jeb Marsh and Rand Paul. Hart never missed a debate. He said the race was “his to lose and nobody else’s.”",
      ],
      "his to lose",
      "Ken Hart",
    ],
    [
      "a capitalised run joined by 'for' is a group, not a fuller name of the person",
      ["Volunteers from Ready for Hart knocked on doors. “We will win this county,” Hart said."],
      "We will win",
      "Hart",
    ],
    [
      "an adverb in -ly after the subject is not part of it",
      ["Ed Marsh generally backed the plan, and said he would vote for it."],
      "vote for it",
      "Ed Marsh",
    ],
    [
      "a title-case headline names no one",
      [
        "Retired General Reveals Painful Truth About Service.",
        "Retired Air Force Gen. Ken Hart is speaking out.",
        "“It was hard to serve,” he told the host.",
      ],
      "hard to serve",
      "Ken Hart",
    ],
    [
      "an abbreviated title is no sentence end, so the name after it is no subject",
      ["Ed Marsh spoke after the vote and said he did not back Mr. Hart, the favourite. “The race is open,” he said."],
      "race is open",
      "Ed Marsh",
    ],
    [
      "a quoted title and a date inside an introductory phrase",
      [
        "In his 2002 book, “Save Early,” Mr. Ken Lowe suggested saving more. “I don’t judge anyone for spending,” he said.",
      ],
      "judge anyone",
      "Ken Lowe",
    ],
    [
      "a pronoun ending an adverbial stretch is the subject on its own",
      [
        "Ken Hart spoke on Monday. A few days ago in an interview with Radio Norte he blasted the press for being “deeply unfair.”",
      ],
      "deeply unfair",
      "Ken Hart",
    ],
    [
      "a possessive description before a name set off by commas",
      ["The tax, which Acme’s chief executive, Lena Ortiz, called “pure theft”, was cut."],
      "pure theft",
      "Lena Ortiz",
    ],
    [
      "a verb that is also a noun, right after its subject and before an object pronoun",
      ["After the raids, Ken Hart and Ana Ruiz call them “lone wolves” and move on."],
      "lone wolves",
      "Ken Hart and Ana Ruiz",
    ],
  ];

  it.each(cases)("%s", (_name, paragraphs, needle, speaker) => {
    expect(spanOf(paragraphs, needle)?.[1]).toBe(speaker);
  });
});

describe("organisations and documents as sources", () => {
  const cases: [string, string[], string, string][] = [
    [
      "'the ministry' is the Ministry of … named before",
      ["The Ministry of Health in Norvia issued new rules.", "“We will not tolerate delays,” the ministry said."],
      "delays",
      "Ministry of Health",
    ],
    [
      "a study named with its author",
      ["A study by the Lund Institute was published in May.", "“Most patients recover,” the study says."],
      "recover",
      "Lund Institute study",
    ],
    [
      "a statement issued by the subject of its sentence",
      ["The Norvia Council issued a statement on Friday. “We will act at once,” the statement said."],
      "act at once",
      "Norvia Council statement",
    ],
    [
      "a person's book",
      ["Ana Ruiz's new book came out. “I was wrong,” the book says."],
      "was wrong",
      "Ana Ruiz’s book",
    ],
    [
      "'it' right before the verb is the organisation in focus",
      ["The Harbour Agency did not name the firm, but it referenced “serious lapses” in its report."],
      "serious lapses",
      "Harbour Agency",
    ],
  ];

  it.each(cases)("%s", (_name, paragraphs, needle, speaker) => {
    expect(spanOf(paragraphs, needle)?.[1]).toBe(speaker);
  });
});

describe("short quotations: a subject's words or a term", () => {
  const cases: [string, string, string, string, string | null][] = [
    [
      "accused of",
      "South Norvia accused the ministry of “gross negligence.”",
      "gross negligence",
      "quote",
      "South Norvia",
    ],
    ["likened to", "Ken Hart likened the plan to “a house of cards”.", "house of cards", "quote", "Ken Hart"],
    [
      "as a, after an object",
      "Karl Stein openly admires the mayor as a “strong leader”.",
      "strong leader",
      "quote",
      "Karl Stein",
    ],
    [
      "as a, followed by a dash rather than the noun it would modify",
      "Ken Hart has been pounding Ed Marsh as a “con artist” ― just as he did before.",
      "con artist",
      "quote",
      "Ken Hart",
    ],
    [
      "a passive judging verb leaves a scare quote a term",
      "The clinic has been called a scam by rivals for selling “miracle” pills.",
      "miracle",
      "term",
      null,
    ],
    ["a modifier of the noun after it", "The “sex tape” reference was odd.", "sex tape", "term", null],
    ["a naming word", "The so-called “experts” met again.", "experts", "term", null],
  ];

  it.each(cases)("%s", (_name, sentence, needle, kind, speaker) => {
    const found = spanOf([sentence], needle);
    expect(found?.[0]).toBe(kind);
    expect(found?.[1]).toBe(speaker);
  });
});

describe("French attributions", () => {
  it.each([
    [
      "a time word between an inverted verb and its source, and a title named next as the one who added",
      [
        "« Nous sommes prêts », a déclaré jeudi le ministre des Affaires étrangères. « Il faut agir vite », a ajouté Laurent Morel.",
      ],
      "prêts",
      "Laurent Morel",
    ],
    [
      "an auxiliary is never a source",
      ["« La réforme est prête », a déclaré mardi la porte-parole."],
      "réforme",
      "la porte-parole",
    ],
  ])("%s", (_name, paragraphs, needle, speaker) => {
    expect(spanOf(paragraphs, needle, "fr")?.[1]).toBe(speaker);
  });
});
