import { describe, expect, it } from "vitest";
import { detect } from "../../lib/detect/index";
import type { Block, BlockRole, DetectInput, FigureDetection, SpanDetection } from "../../lib/detect/types";

/** The article text of paragraphs joined by blank lines, each block with its role when given. */
function input(paragraphs: (string | [BlockRole, string])[], lang = "en"): DetectInput {
  let text = "";
  const blocks: Block[] = [];
  for (const paragraph of paragraphs) {
    const [role, body] = typeof paragraph === "string" ? [undefined, paragraph] : paragraph;
    if (text) text += "\n\n";
    const start = text.length;
    text += body;
    blocks.push(role ? { start, end: text.length, role } : { start, end: text.length });
  }
  return { text, blocks, lang };
}

/** Quotes and claims of a text, as [kind, exact, speaker]. */
function spans(paragraphs: (string | [BlockRole, string])[], lang = "en"): [string, string, string | null][] {
  return detect(input(paragraphs, lang))
    .filter((d): d is SpanDetection => d.kind === "quote" || d.kind === "claim")
    .map((d) => [d.kind, d.exact, d.speaker]);
}

/** The speaker of the first quote or claim whose text contains `needle`. */
function speakerOf(
  paragraphs: (string | [BlockRole, string])[],
  needle: string,
  lang = "en",
): string | null | undefined {
  return detect(input(paragraphs, lang)).find(
    (d): d is SpanDetection => (d.kind === "quote" || d.kind === "claim") && d.exact.includes(needle),
  )?.speaker;
}

describe("speakers must be people, organisations or documents", () => {
  const cases: [string, (string | [BlockRole, string])[], string, string | null][] = [
    ["a picture credit is no one", ["Photo: Lumen Pictures", "“We will rebuild,” he said."], "rebuild", null],
    ["a headline is no one", ["Officials Warn of Rising River", "“The water is rising,” he said."], "rising", null],
    [
      "a headline between a person and the pronoun is passed over",
      ["Marco Reis spoke on Monday.", "Officials Warn of Rising River", "“The water is rising,” he said."],
      "rising",
      "Marco Reis",
    ],
    [
      "a sentence adverb is no subject",
      ["Clearly the clerk had had enough. “Time is up,” came a voice.", "The clerk left clearly annoyed."],
      "Time is up",
      null,
    ],
    [
      "a common noun opening the sentence is a description, not a name",
      ["Officials met on Friday. Officials said the bridge was safe, and the officials left."],
      "bridge",
      "Officials",
    ],
    [
      "a plural of people keeps its cue-less quotation",
      ["Protesters chanted “No more rent!” as the protesters marched."],
      "rent",
      "Protesters",
    ],
  ];

  it.each(cases)("%s", (_name, paragraphs, needle, speaker) => {
    expect(speakerOf(paragraphs, needle)).toBe(speaker);
  });
});

describe("organisations, newspapers and documents as sources", () => {
  const cases: [string, string[], string, string][] = [
    [
      "a ministry in a statement",
      ["The ministry said in a statement that the border was closed."],
      "border",
      "The ministry",
    ],
    [
      "a ministry named before",
      ["The Harbour Ministry opened an inquiry.", "“No ship will leave,” the ministry said in a statement."],
      "No ship",
      "Harbour Ministry",
    ],
    ["a study", ["The study says that tea lowers stress."], "tea", "The study"],
    ["a daily, before its verb", ["The daily wrote that the mayor had resigned."], "mayor", "The daily"],
    ["a daily, after a quotation", ["“The mayor resigned,” the daily wrote."], "mayor", "the daily"],
    [
      "'it' right after a quotation is the organisation in focus",
      ["The Food Safety Agency warned buyers.", "“Do not take these pills,” it said in a statement."],
      "pills",
      "Food Safety Agency",
    ],
    [
      "a lower-case title before an inverted source",
      ["“The rules are clear,” says president Lena Ortiz."],
      "rules",
      "Lena Ortiz",
    ],
    [
      "a report, whose noun is also a verb",
      ["The report said that 30 percent of bridges were unsafe."],
      "bridges",
      "The report",
    ],
  ];

  it.each(cases)("%s", (_name, paragraphs, needle, speaker) => {
    expect(speakerOf(paragraphs, needle)).toBe(speaker);
  });
});

describe("pronouns, titles and the subject of the cue", () => {
  const cases: [string, string[], string, string | null, string][] = [
    [
      "a relative clause's name does not take the subject's quote",
      ["Lena Ortiz, who met Paul Hart on Monday, said the deal was “dead”."],
      "dead",
      "Lena Ortiz",
      "en",
    ],
    [
      "a title alone points back to the full name",
      ["Harbour Minister Ana Duarte toured the docks.", "“It is a tragedy,” the minister said."],
      "tragedy",
      "Ana Duarte",
      "en",
    ],
    [
      "'she' after a man and a woman is the woman, though she is not the subject",
      ["Paul Hart met Anne Rivers on Monday. She said the talks were productive."],
      "talks",
      "Anne Rivers",
      "en",
    ],
    [
      "'he' after two people prefers the subject of the last sentence",
      ["Paul Hart told reporters he would run. Karl Stein, his rival, disagreed. “He is wrong,” he said."],
      "He is wrong",
      "Karl Stein",
      "en",
    ],
    [
      "a given name alone tells the gender",
      ["Melanie cheered as Tom Vale spoke. “I love you all,” he said.", "“So do we,” Melanie said."],
      "love you",
      "Tom Vale",
      "en",
    ],
    [
      "French 'il' after a reporting verb is a person",
      ["Claire Morel a reçu Paul Durand lundi. Il a déclaré que la réforme était nécessaire."],
      "réforme",
      "Paul Durand",
      "fr",
    ],
    [
      "French inverted 'a-t-elle'",
      ["Le maire Paul Durand a reçu la ministre Claire Morel. « Nous sommes prêts », a-t-elle déclaré."],
      "prêts",
      "Claire Morel",
      "fr",
    ],
    [
      "French inverted 'dit-il' and 'selon lui'",
      ["Paul Durand est arrivé lundi. « Nous sommes prêts », dit-il. Selon lui, la réforme est urgente."],
      "urgente",
      "Paul Durand",
      "fr",
    ],
    [
      "French titles tell the gender",
      ["Mme Morel a reçu M. Durand lundi. « Nous sommes prêts », a-t-il dit."],
      "prêts",
      "M. Durand",
      "fr",
    ],
  ];

  it.each(cases)("%s", (_name, paragraphs, needle, speaker, lang) => {
    expect(speakerOf(paragraphs, needle, lang)).toBe(speaker);
  });
});

describe("block roles", () => {
  it("finds no quotes or claims in a heading, a byline, a list of links or an aside", () => {
    for (const role of ["heading", "byline", "links", "aside"] as const) {
      const found = spans([[role, "Mayor Ana Duarte says “we will rebuild” after the floods, officials said."]]);
      expect(found, role).toEqual([]);
    }
  });

  it("keeps the terms of a heading", () => {
    const found = detect(input([["heading", "The “Blue Line” reopens"]])).filter((d) => d.kind === "term");
    expect(found.map((d) => d.exact)).toEqual(["Blue Line"]);
  });

  it("takes no speaker for the story from a caption, and gives a caption's quote only a speaker it names", () => {
    expect(
      spans([
        ["caption", "Rui Mota, a fisherman, said “the water came fast.” He was rescued."],
        "“We will rebuild,” he said.",
        ["caption", "“It was terrible,” she said."],
      ]),
    ).toEqual([
      ["quote", "the water came fast.", "Rui Mota"],
      ["quote", "We will rebuild,", null],
      ["quote", "It was terrible,", null],
    ]);
  });

  it("takes the names of a heading written as a full sentence", () => {
    expect(speakerOf([["heading", "Marta Reis made a plea to voters."], "“Please vote,” she said."], "vote")).toBe(
      "Marta Reis",
    );
  });

  it("behaves as before for blocks without a role", () => {
    expect(spans(["Ana Duarte, the mayor, spoke.", "“We will rebuild,” she said."])).toEqual([
      ["quote", "We will rebuild,", "Ana Duarte"],
    ]);
  });
});

describe("figures in block quotes", () => {
  const figures = (paragraphs: (string | [BlockRole, string])[]): [string, string | null][] =>
    detect(input(paragraphs))
      .filter((d): d is FigureDetection => d.kind === "figure" && /\d/u.test(d.exact))
      .map((d) => [d.exact, d.speaker]);

  it("gives a block quote's figures the speaker named before its colon", () => {
    expect(
      figures([
        "Mayor Ana Duarte spoke on Monday.",
        "In a letter to residents, Duarte wrote:",
        ["blockquote", "The city will spend 40 million euros on new dikes."],
        ["blockquote", "Some 300 homes will be moved."],
        "The council meets again soon.",
      ]),
    ).toEqual([
      ["40 million euros", "Ana Duarte"],
      ["Some 300 homes", "Ana Duarte"],
    ]);
  });

  it("gives a block quote's figures the speaker of the dash line after it", () => {
    expect(figures([["blockquote", "We lost 12 boats in one night."], "— Rui Mota, fisherman"])).toEqual([
      ["12 boats", "Rui Mota"],
    ]);
  });

  it("leaves a block quote with no attribution without a speaker", () => {
    expect(figures(["The river rose.", ["blockquote", "We lost 12 boats in one night."]])).toEqual([
      ["12 boats", null],
    ]);
  });
});

describe("round 2: the subject of a cue after a clause opener", () => {
  const cases: [string, (string | [BlockRole, string])[], string, string | null, string][] = [
    [
      "a subject after 'and' that joins two clauses",
      [
        "That was when Norvex shipped its first headset and Mara Quill said that, once you try it, “there is no way back.”",
      ],
      "no way back",
      "Mara Quill",
      "en",
    ],
    [
      "a document after 'as'",
      ["As the audit states: “The ledgers were never balanced.”"],
      "ledgers",
      "the audit",
      "en",
    ],
    ["a person after 'as'", ["As Tom Berle noted, “The bridge was late by a year.”"], "bridge", "Tom Berle", "en"],
    [
      "two coordinated names stay one source",
      ["Mara Quill and Tom Berle said: “The bridge was late.”"],
      "bridge",
      "Mara Quill and Tom Berle",
      "en",
    ],
    [
      "an aside between dashes is not the subject",
      [
        "Ana Roth, head of Pell Media -- the firm that owns the Lumo channel and Pell's site -- told me, “We sell shows.”",
      ],
      "We sell shows",
      "Ana Roth",
      "en",
    ],
  ];
  it.each(cases)("%s", (_name, paragraphs, needle, speaker, lang) => {
    expect(speakerOf(paragraphs, needle, lang)).toBe(speaker);
  });
});

describe("round 2: a colon after an introductory phrase", () => {
  const cases: [string, string, string, string | null, string][] = [
    [
      "Spanish participle, then the source and an object pronoun",
      "Consultada sobre el tema, una fuente de la policía nos lo resumió así: “Es una estrategia de sabotaje”.",
      "estrategia",
      "una fuente de la policía",
      "es",
    ],
    [
      "French participle, then the source and an object pronoun",
      "Interrogée sur ce point, une source du ministère nous l’a résumé ainsi : « La stratégie est simple ».",
      "stratégie",
      "une source du ministère",
      "fr",
    ],
    [
      "a name set off by commas stays the subject",
      "Mara Quill, the new chief, laid out her plan: “We will build.”",
      "We will build",
      "Mara Quill",
      "en",
    ],
  ];
  it.each(cases)("%s", (_name, paragraph, needle, speaker, lang) => {
    expect(speakerOf([paragraph], needle, lang)).toBe(speaker);
  });
});

describe("round 2: who 'added' the next words said the quotation before them", () => {
  const cases: [string, string, string, string | null, string][] = [
    [
      "French partial quotation before « …, a ajouté X »",
      "Les autorités restent sans nouvelles «d’encore plus de 40» randonneurs. «Nous cherchons encore», a ajouté Paul Verdier.",
      "plus de 40",
      "Paul Verdier",
      "fr",
    ],
    [
      "English partial quotation before “…,” X added",
      "The search was “far from over, and we all know it” for the crews. “We are still looking,” added Lena Ostrova.",
      "far from over",
      "Lena Ostrova",
      "en",
    ],
    [
      "a plain 'said' does not reach back",
      "The search was “far from over, and we all know it” for the crews. “We are still looking,” said Lena Ostrova.",
      "far from over",
      null,
      "en",
    ],
  ];
  it.each(cases)("%s", (_name, paragraph, needle, speaker, lang) => {
    expect(speakerOf([paragraph], needle, lang)).toBe(speaker);
  });
});

describe("round 2: an untagged page is read in its own language", () => {
  it("finds a Spanish cue on a page with no lang", () => {
    const paragraphs = [
      "La ciudad de Valdomar tiene un nuevo puerto. Los pescadores de la zona están contentos con las obras y con el plan del gobierno para el año que viene.",
      "Según la alcaldesa, el puerto costó más de lo previsto, y la obra de los muelles fue la más cara de todas las del plan.",
      "“Es un puerto para todos”, dijo Marta Ibarra, que es la alcaldesa de la ciudad desde hace seis años.",
    ];
    const found = detect({ ...input(paragraphs), lang: null }).find(
      (d): d is SpanDetection => d.kind === "quote" && d.exact.includes("puerto para todos"),
    );
    expect(found?.speaker).toBe("Marta Ibarra");
  });
});
