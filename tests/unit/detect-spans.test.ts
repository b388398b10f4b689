import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectSpans } from "../../lib/detect/spans";
import type { SpanDetection } from "../../lib/detect/types";
import { extractArticle } from "../../lib/extract/article";
import { fixture, parseDocument } from "./dom";

/** Detections of one kind, as [exact, speaker] pairs. */
function spans(text: string, kind: SpanDetection["kind"], lang: string | null = "en"): [string, string | null][] {
  return detectSpans({ text, lang })
    .filter((d) => d.kind === kind)
    .map((d) => [d.exact, d.speaker]);
}

describe("quotation marks of every system", () => {
  const cases: [string, string | null, string, string, string | null][] = [
    ["English curly", "en", "“We will win,” said Maria Lopez.", "We will win,", "Maria Lopez"],
    ["typewriter double", "en", '"The plan failed," John Carter said.', "The plan failed,", "John Carter"],
    ["British single", "en", "‘The plan failed,’ John Carter said.", "The plan failed,", "John Carter"],
    ["typewriter single", "en", "'The plan failed,' John Carter said.", "The plan failed,", "John Carter"],
    ["typewriter '' pairs", "en", "''It is over,'' Ruth Adler said.", "It is over,", "Ruth Adler"],
    [
      "French, non-breaking spaces",
      "fr",
      "« Nous allons gagner », a déclaré Marie Dubois.",
      "Nous allons gagner",
      "Marie Dubois",
    ],
    ["French, no spaces", "fr", "«Nous allons gagner», a dit Marie Dubois.", "Nous allons gagner", "Marie Dubois"],
    ["German low-high", "de", "„Wir schaffen das“, sagte Angela Weber.", "Wir schaffen das", "Angela Weber"],
    ["German single", "de", "‚Wir schaffen das‘, sagte Angela Weber.", "Wir schaffen das", "Angela Weber"],
    ["Spanish", "es", "«Vamos a ganar», dijo Carlos Ruiz.", "Vamos a ganar", "Carlos Ruiz"],
    ["Portuguese", "pt", "“Vamos vencer”, disse João Silva.", "Vamos vencer", "João Silva"],
    ["Czech", "cs", "„Zvítězíme,“ řekl Jan Novák.", "Zvítězíme,", "Jan Novák"],
    ["corner brackets", "ja", "「東京は晴れです」と田中さんは言った。", "東京は晴れです", null],
  ];

  it.each(cases)("%s", (_name, lang, text, exact, speaker) => {
    expect(spans(text, "quote", lang)).toEqual([[exact, speaker]]);
  });

  it("treats an unknown language as English", () => {
    expect(spans("“We will win,” said Maria Lopez.", "quote", null)).toEqual([["We will win,", "Maria Lopez"]]);
  });
});

describe("quotation structure", () => {
  it("splits a quotation interrupted by its attribution into two quotes with one speaker", () => {
    const text = "Anna Berg spoke on Monday. “We are ready,” she said, “and we will not wait.”";
    expect(spans(text, "quote")).toEqual([
      ["We are ready,", "Anna Berg"],
      ["and we will not wait.", "Anna Berg"],
    ]);
  });

  it("keeps a quotation within a quotation inside the outer one", () => {
    const text = "“He told me ‘never again,’ and I believed him,” said Tom Reyes.";
    expect(spans(text, "quote")).toEqual([["He told me ‘never again,’ and I believed him,", "Tom Reyes"]]);
  });

  it("runs a quotation over paragraphs when the opening mark is repeated", () => {
    const text =
      "Lena Park described the night.\n\n“It was dark and we could not see the road.\n\n“Then the lights came back on,” she said.";
    expect(spans(text, "quote")).toEqual([
      ["It was dark and we could not see the road.\n\n“Then the lights came back on,", "Lena Park"],
    ]);
  });

  it("does not take apostrophes for quotation marks", () => {
    const text = "Rock 'n' roll fans in the '90s didn't buy the Smiths' album, and ‘80s fans loved ’em too.";
    expect(detectSpans({ text, lang: "en" })).toEqual([]);
  });

  it("bounds an unbalanced mark by its paragraph", () => {
    const text = "He wrote “this is fine.\n\nThe next paragraph has no marks at all. “Another quote,” said Ann Lee.";
    const found = detectSpans({ text, lang: "en" });
    expect(found.map((d) => [d.kind, d.exact, d.speaker])).toEqual([["quote", "Another quote,", "Ann Lee"]]);
  });

  it("ends an unclosed quotation that opens a paragraph at the paragraph's end", () => {
    const text = "“This one never closes, the writer forgot\n\nA plain paragraph follows, with no marks.";
    const found = detectSpans({ text, lang: "en" });
    expect(found.map((d) => d.exact)).toEqual(["This one never closes, the writer forgot"]);
    expect(found[0]?.confidence).toBeLessThan(0.5);
  });
});

describe("terms", () => {
  it.each([
    ["a title", 'The film "Heat" opened in 1995.', "Heat"],
    ["a scare quote", 'So-called "experts" disagreed with the figures.', "experts"],
    ["a name used as a modifier", "The ‘Wilayah Khorasan’ branch grew quickly.", "Wilayah Khorasan"],
    ["a nickname", "Residents know the bridge as “Old Iron” these days.", "Old Iron"],
    [
      "a long title in title case",
      "See “Alternatives to Amalgamation in Coastal Towns: Lessons from the Island Experience” for more.",
      "Alternatives to Amalgamation in Coastal Towns: Lessons from the Island Experience",
    ],
    [
      "a cited title after a bracketed year",
      'Moss, Ira (2006). "Ancient reptile reveals a hidden lineage on remote islands". Journal of Field Studies.',
      "Ancient reptile reveals a hidden lineage on remote islands",
    ],
    [
      "a cited title before Retrieved",
      '"First fossil of a land mammal found on the island". Harbour Press. Retrieved 3 May 2017.',
      "First fossil of a land mammal found on the island",
    ],
  ])("reports %s as a term, never a quote", (_name, text, exact) => {
    const found = detectSpans({ text, lang: "en" });
    expect(found).toEqual([expect.objectContaining({ kind: "term", exact, speaker: null, cue: null })]);
  });

  it("keeps an attributed sentence in title case a quote", () => {
    const text = "“We Will Rebuild Every Street,” said Mayor Ada Brun.";
    expect(spans(text, "quote")).toEqual([["We Will Rebuild Every Street,", "Ada Brun"]]);
  });

  it("reports a name quoted within a quotation as a term", () => {
    const text = "“Fighters of the ‘Northern Front’ moved south,” said Omar Haddad.";
    expect(spans(text, "term")).toEqual([["Northern Front", null]]);
    expect(spans(text, "quote")).toEqual([["Fighters of the ‘Northern Front’ moved south,", "Omar Haddad"]]);
  });
});

describe("speakers", () => {
  const cases: [string, string, string, string][] = [
    ["X said:", "Maria Lopez said: “We will win.”", "We will win.", "Maria Lopez"],
    ["…, X said", "“We will win,” Maria Lopez said.", "We will win,", "Maria Lopez"],
    ["said X", "“We will win,” said Maria Lopez.", "We will win,", "Maria Lopez"],
    [
      "according to X",
      "According to Maria Lopez, “the vote was fair and nobody doubts it.”",
      "the vote was fair and nobody doubts it.",
      "Maria Lopez",
    ],
    [
      "X told a newspaper that",
      "Maria Lopez told a newspaper that “the vote was fair and nobody doubts it.”",
      "the vote was fair and nobody doubts it.",
      "Maria Lopez",
    ],
    [
      "a title before the name",
      "Finance Minister Elena Varga said: “Taxes will fall.”",
      "Taxes will fall.",
      "Elena Varga",
    ],
    [
      "an appositive before the name",
      "The head of the central bank, Governor Paul Okafor, stated that “rates will rise this year.”",
      "rates will rise this year.",
      "Paul Okafor",
    ],
    [
      "an appositive after the name",
      "“Rates will rise,” said Paul Okafor, the governor of the central bank.",
      "Rates will rise,",
      "Paul Okafor",
    ],
    ["he", "Paul Okafor spoke to reporters on Monday. “Rates will rise,” he said.", "Rates will rise,", "Paul Okafor"],
    [
      "she, after another person was mentioned in passing",
      "Judge Nora Quist heard the case brought by Mr. Tan. She ruled quickly. “The law is clear,” she said.",
      "The law is clear,",
      "Nora Quist",
    ],
    [
      "a surname alone",
      "Governor Paul Okafor opened the meeting. “Rates will rise,” Okafor said.",
      "Rates will rise,",
      "Paul Okafor",
    ],
    [
      "the title alone",
      "Finance Minister Elena Varga spoke first. “Taxes will fall,” the minister said.",
      "Taxes will fall,",
      "Elena Varga",
    ],
    [
      "a relative clause after the name",
      "“We tried everything,” said Rosa Lind, who has run the shelter since 2010.",
      "We tried everything,",
      "Rosa Lind",
    ],
    [
      "a dash after a pull quote",
      "“The river is rising faster than ever.” — Ingrid Holm",
      "The river is rising faster than ever.",
      "Ingrid Holm",
    ],
  ];

  it.each(cases)("finds the speaker with %s", (_name, text, exact, speaker) => {
    expect(spans(text, "quote")).toEqual([[exact, speaker]]);
  });

  /** Rules for sources found by gender, sentence subjects, titles and descriptions: [rule, text, exact, speaker]. */
  const resolved: [string, string, string, string][] = [
    [
      "she skips a man named by his given name",
      "Senator Laura Vance met voters. Campaign aide Brian Holt joined her on stage. “We will fix the roads,” she said.",
      "We will fix the roads,",
      "Laura Vance",
    ],
    [
      "he skips a woman named by her given name",
      "Governor Peter Sand arrived late. Karen Lowe, his deputy, followed him in. “The budget is done,” he said.",
      "The budget is done,",
      "Peter Sand",
    ],
    [
      "a shared surname resolves to the one of the pronoun's gender",
      "Tom Reyes spoke first, then Anna Reyes. Later, Reyes answered questions. “We are ready,” she said.",
      "We are ready,",
      "Anna Reyes",
    ],
    [
      "Mrs. before a surname is no he",
      "Mr. Kobel and Mrs. Arden met. Mrs. Arden left early. Mr. Kobel stayed. “It went well,” he said.",
      "It went well,",
      "Kobel",
    ],
    [
      "a partial quotation takes its sentence's subject",
      "Norvia branded its neighbour “an outlaw nation that threatens the whole region.”",
      "an outlaw nation that threatens the whole region.",
      "Norvia",
    ],
    [
      "the subject after an introductory phrase",
      "In a long speech, Mayor Ada Brun praised nurses for “the quiet courage they show on every night shift.”",
      "the quiet courage they show on every night shift.",
      "Ada Brun",
    ],
    [
      "a title before the subject",
      "Secretary General Omar Lind condemned the test. “We must stop this spiral,” he told reporters.",
      "We must stop this spiral,",
      "Omar Lind",
    ],
    [
      "a role noun before the subject",
      "Liberal nominee Clara Boyd, at a later rally, said, “The vote is ours.”",
      "The vote is ours.",
      "Clara Boyd",
    ],
    [
      "a quotation after a sentence about a named person",
      "Judge Nora Quist listed the reasons for her ruling. “The law is clear and it binds us all.”",
      "The law is clear and it binds us all.",
      "Nora Quist",
    ],
    [
      "a name right before a participle",
      "The clip shows footage of Mayor Ada Brun asking, “Who will pay for this?”",
      "Who will pay for this?",
      "Ada Brun",
    ],
    [
      "the commission, for the Commission on …",
      "The Commission on Coastal Safety met on Monday.\n\nThe commission says in a report that “the dunes are failing.”",
      "the dunes are failing.",
      "Commission on Coastal Safety",
    ],
    [
      "as X put it",
      "As Ruth Adler, a tax lawyer, recently put it, “Did the firm break the law?”",
      "Did the firm break the law?",
      "Ruth Adler",
    ],
    [
      "“…,” as a memo put it",
      "The rule requires a “lawful source of income,” as a Treasury memo put it.",
      "lawful source of income,",
      "Treasury memo",
    ],
    [
      "a possessive description",
      "“If he thinks that is smart,” the ad’s narrator says.",
      "If he thinks that is smart,",
      "the ad’s narrator",
    ],
    [
      "a name that modifies a noun after an article",
      "A Budget Office report found that the funds came from “the drug trade, human trafficking or other crimes.”",
      "the drug trade, human trafficking or other crimes.",
      "Budget Office report",
    ],
  ];

  it.each(resolved)("finds the speaker when %s", (_name, text, exact, speaker) => {
    expect(spans(text, "quote")).toEqual([[exact, speaker]]);
  });

  it("does not take a dateline, a date or a heading for a subject", () => {
    for (const text of [
      "BERLIN -- The mayor spoke of “new beginnings for every family in the old town.”",
      "On Monday, the board faced “more anger from residents than in any year before.”",
      "Peace Efforts Stall: Ending “the scourge of war for the generations to come” remains a goal.",
    ])
      expect(spans(text, "quote").map(([, speaker]) => speaker)).toEqual([null]);
  });

  it("does not take a sentence-opening word for part of a name", () => {
    for (const text of [
      "Whether Ada Brun will stay is unclear. “I have not decided,” she said.",
      "Unfortunately Ada Brun was late. “The traffic was terrible,” she said.",
    ])
      expect(spans(text, "quote")).toEqual([[expect.any(String), "Ada Brun"]]);
  });

  it("gives no speaker that is a sentence-opening adverb or function word", () => {
    for (const text of [
      "“The vote was fair and final,” Possible said.",
      "“The vote was fair and final,” Unfortunately said.",
    ])
      expect(spans(text, "quote").map(([, speaker]) => speaker)).toEqual([null]);
  });

  it("gives no speaker that is a path or a query", () => {
    const text = "GET /.well-known/webfinger?resource=acct said: “The request failed and nobody knows why.”";
    expect(spans(text, "quote").map(([, speaker]) => speaker)).toEqual([null]);
  });

  it("does not take a vice president for the president", () => {
    const text =
      "President Ana Ruiz opened the museum. Vice President Carl Moss spoke next. It was, the president said, “a stone of sorrow.”";
    expect(spans(text, "quote")).toEqual([["a stone of sorrow.", "Ana Ruiz"]]);
  });

  it("gives every quote a cue and a confidence", () => {
    const [quote] = detectSpans({ text: "“We will win,” Maria Lopez said.", lang: "en" });
    expect(quote).toMatchObject({ kind: "quote", cue: "said", speaker: "Maria Lopez" });
    expect(quote?.confidence).toBeGreaterThan(0.5);
  });

  it("continues the speaker into a paragraph that is only a quotation", () => {
    const text = "“We will rebuild,” said Mayor Ada Brun.\n\n“Every house on this street will stand again.”";
    expect(spans(text, "quote")).toEqual([
      ["We will rebuild,", "Ada Brun"],
      ["Every house on this street will stand again.", "Ada Brun"],
    ]);
  });

  it("leaves the speaker null when the article names no source", () => {
    expect(spans("“Nobody saw it coming.”", "quote")).toEqual([["Nobody saw it coming.", null]]);
  });
});

describe("reported speech", () => {
  const cases: [string, string | null, string, string, string, string][] = [
    [
      "X said that",
      "en",
      "Elena Varga said that taxes would fall next year.",
      "taxes would fall next year",
      "Elena Varga",
      "said that",
    ],
    [
      "X said",
      "en",
      "Elena Varga said taxes would fall next year.",
      "taxes would fall next year",
      "Elena Varga",
      "said",
    ],
    [
      "…, X said",
      "en",
      "Taxes will fall next year, Elena Varga said.",
      "Taxes will fall next year",
      "Elena Varga",
      "said",
    ],
    [
      "…, X noted, that … (an attribution interrupting the claim)",
      "en",
      "The smog had become so bad, Mr. Lopez noted, that the busiest website in the city was the air monitor.",
      "The smog had become so bad, Mr. Lopez noted, that the busiest website in the city was the air monitor",
      "Lopez",
      "noted, that",
    ],
    [
      "…, as Mr. X noted (a title between as and the name)",
      "en",
      "Taxes will fall next year, as Mr. Varga noted.",
      "Taxes will fall next year",
      "Varga",
      "noted",
    ],
    [
      "…, as X noted, … (an aside inside the claim)",
      "en",
      "The country, as Mr. Varga noted, rarely sees two storms in a row.",
      "The country, as Mr. Varga noted, rarely sees two storms in a row",
      "Varga",
      "noted",
    ],
    [
      "…, said X",
      "en",
      "Taxes will fall next year, said Elena Varga.",
      "Taxes will fall next year",
      "Elena Varga",
      "said",
    ],
    [
      "X warned that",
      "en",
      "The ministry warned that prices would rise sharply.",
      "prices would rise sharply",
      "The ministry",
      "warned that",
    ],
    [
      "X denied that",
      "en",
      "Elena Varga denied that the budget had been cut.",
      "the budget had been cut",
      "Elena Varga",
      "denied that",
    ],
    [
      "X announced that",
      "en",
      "Elena Varga announced that the budget would grow by a third.",
      "the budget would grow by a third",
      "Elena Varga",
      "announced that",
    ],
    [
      "X noted that",
      "en",
      "Elena Varga noted that the budget had grown again.",
      "the budget had grown again",
      "Elena Varga",
      "noted that",
    ],
    [
      "X emphasized that",
      "en",
      "Elena Varga emphasized that the budget must be balanced.",
      "the budget must be balanced",
      "Elena Varga",
      "emphasized that",
    ],
    [
      "X told Y that",
      "en",
      "Elena Varga told reporters that the budget was safe.",
      "the budget was safe",
      "Elena Varga",
      "told",
    ],
    [
      "according to X, …",
      "en",
      "According to the ministry, prices will rise sharply.",
      "prices will rise sharply",
      "the ministry",
      "According to",
    ],
    [
      "…, according to X",
      "en",
      "Prices will rise sharply, according to the ministry.",
      "Prices will rise sharply",
      "the ministry",
      "according to",
    ],
    [
      "a pronoun",
      "en",
      "Elena Varga spoke. She stated that the budget must be balanced.",
      "the budget must be balanced",
      "Elena Varga",
      "stated that",
    ],
    [
      "a tail attribution",
      "en",
      "The plan will fail, the minister said in an interview.",
      "The plan will fail",
      "the minister",
      "said",
    ],
    [
      "French dit que",
      "fr",
      "Marie Dubois a dit que les prix allaient baisser.",
      "les prix allaient baisser",
      "Marie Dubois",
      "a dit que",
    ],
    [
      "French selon",
      "fr",
      "Selon Marie Dubois, les prix vont baisser.",
      "les prix vont baisser",
      "Marie Dubois",
      "Selon",
    ],
    [
      "Spanish dijo que",
      "es",
      "Carlos Ruiz dijo que los precios bajarían.",
      "los precios bajarían",
      "Carlos Ruiz",
      "dijo que",
    ],
    [
      "Spanish afirmó que",
      "es",
      "Carlos Ruiz afirmó que los precios bajarían.",
      "los precios bajarían",
      "Carlos Ruiz",
      "afirmó que",
    ],
    ["Spanish según", "es", "Según Carlos Ruiz, los precios bajarán.", "los precios bajarán", "Carlos Ruiz", "Según"],
    [
      "German sagte, dass",
      "de",
      "Angela Weber sagte, dass die Preise steigen.",
      "die Preise steigen",
      "Angela Weber",
      "sagte, dass",
    ],
    [
      "German erklärte",
      "de",
      "Angela Weber erklärte, die Preise würden steigen.",
      "die Preise würden steigen",
      "Angela Weber",
      "erklärte",
    ],
    [
      "German laut",
      "de",
      "Laut Angela Weber steigen die Preise deutlich.",
      "steigen die Preise deutlich",
      "Angela Weber",
      "Laut",
    ],
    [
      "Portuguese disse que",
      "pt",
      "João Silva disse que os preços vão cair.",
      "os preços vão cair",
      "João Silva",
      "disse que",
    ],
    [
      "Portuguese afirmou que",
      "pt",
      "João Silva afirmou que os preços vão cair.",
      "os preços vão cair",
      "João Silva",
      "afirmou que",
    ],
    [
      "Portuguese segundo",
      "pt",
      "Segundo João Silva, os preços vão cair.",
      "os preços vão cair",
      "João Silva",
      "Segundo",
    ],
    ["Czech řekl, že", "cs", "Jan Novák řekl, že ceny brzy porostou.", "ceny brzy porostou", "Jan Novák", "řekl, že"],
    [
      "Czech uvedl, že",
      "cs",
      "Jan Novák uvedl, že ceny brzy porostou.",
      "ceny brzy porostou",
      "Jan Novák",
      "uvedl, že",
    ],
    ["Czech podle", "cs", "Podle Jana Nováka ceny brzy porostou.", "ceny brzy porostou", "Jana Nováka", "Podle"],
  ];

  it.each(cases)("reads %s", (_name, lang, text, exact, speaker, cue) => {
    const found = detectSpans({ text, lang }).filter((d) => d.kind === "claim");
    expect(found.map((d) => [d.exact, d.speaker, d.cue])).toEqual([[exact, speaker, cue]]);
  });

  it("does not report a quotation as a claim", () => {
    const text = "Elena Varga stated that “the budget must be balanced by next spring.”";
    expect(spans(text, "claim")).toEqual([]);
    expect(spans(text, "quote")).toEqual([["the budget must be balanced by next spring.", "Elena Varga"]]);
  });

  it("does not report the words before an attribution that opens a quotation as a claim", () => {
    const text = "Asked about the device, Mr. Costa said, “Not going to go into that.”";
    expect(spans(text, "claim")).toEqual([]);
    expect(spans(text, "quote")).toEqual([["Not going to go into that.", "Costa"]]);
  });

  /** New rules for sources and clause ends: [rule, text, exact, speaker]. */
  const more: [string, string, string, string][] = [
    [
      "according to a bare plural source",
      "The mayor often shouted at staff, according to former aides.",
      "The mayor often shouted at staff",
      "former aides",
    ],
    [
      "according to a lower-case source first",
      "According to exit polls, the mayor had a ten-point lead among older voters.",
      "the mayor had a ten-point lead among older voters",
      "exit polls",
    ],
    [
      "a semicolon ending the clause",
      "Ada Brun said the timing was not intentional; the council only learned of it on Friday.",
      "the timing was not intentional",
      "Ada Brun",
    ],
    [
      "a dash and a conjunction ending the clause",
      "Ada Brun said the debate would be more intense — and the council agreed to meet again.",
      "the debate would be more intense",
      "Ada Brun",
    ],
    [
      "a promise's infinitive",
      "Ada Brun pledged to push for a new bridge over the river.",
      "to push for a new bridge over the river",
      "Ada Brun",
    ],
    [
      "a reported question",
      "Omar Lind asked whether the budget would cover the new schools.",
      "whether the budget would cover the new schools",
      "Omar Lind",
    ],
    [
      "a headline's capitalised verb after the clause",
      "New Bridge Could Open by Spring, Mayor Ada Brun Says.",
      "New Bridge Could Open by Spring",
      "Ada Brun",
    ],
    [
      "a headline's capitalised verb before the clause",
      "Brun Says Bridge Will Open by Spring.",
      "Bridge Will Open by Spring",
      "Brun",
    ],
    [
      "a described hearer before a subject pronoun",
      "Ada Brun told the forum she was against the new toll road.",
      "she was against the new toll road",
      "Ada Brun",
    ],
    [
      "an explanation",
      "Omar Lind explained why he backs the new toll road.",
      "why he backs the new toll road",
      "Omar Lind",
    ],
    [
      "a participle after a quotation's closing comma",
      "Ada Brun said: “The plan worked,” adding that the costs fell by half in a year.",
      "the costs fell by half in a year",
      "Ada Brun",
    ],
    [
      "a negative subject opening the clause",
      "Ada Brun said no decision had been made about the appeal.",
      "no decision had been made about the appeal",
      "Ada Brun",
    ],
    [
      "a negated promise",
      "Omar Lind vowed not to repeat the mistakes of the last council.",
      "not to repeat the mistakes of the last council",
      "Omar Lind",
    ],
    [
      "a clause opening with a participle and a finite verb before a tail",
      "Rising seas could flood the old harbour within a decade, Ada Brun said.",
      "Rising seas could flood the old harbour within a decade",
      "Ada Brun",
    ],
    [
      "a newspaper's capitalised name inside the setting before a complementiser",
      "Ada Brun said in a meeting with the editors of the Springfield Post that the bridge would open in May.",
      "the bridge would open in May",
      "Ada Brun",
    ],
    [
      "a second attribution with its own named subject",
      "Ada Brun has vowed to rebuild the harbour and reopen the old ferry line, and Omar Lind is promising to help.",
      "to rebuild the harbour and reopen the old ferry line",
      "Ada Brun",
    ],
    [
      "a relative clause set off by commas",
      "The architect, who said he was never paid for the clubhouse, sued the company.",
      "he was never paid for the clubhouse",
      "The architect",
    ],
    [
      "a described name after according to",
      "According to longtime radio host Omar Lind, the council wasted the money.",
      "the council wasted the money",
      "Omar Lind",
    ],
    [
      "a noun-phrase clause after a verb that needs its auxiliary",
      "The council announced the bridge would close for repairs in May.",
      "the bridge would close for repairs in May",
      "The council",
    ],
    [
      "an introductory participle phrase before the subject of a participle claim",
      "Chastened by the audit, as well as by the protests, Ada Brun revised the plan, promising to cut the fares.",
      "to cut the fares",
      "Ada Brun",
    ],
  ];

  it.each(more)("reads %s", (_name, text, exact, speaker) => {
    expect(spans(text, "claim")).toEqual([[exact, speaker]]);
  });

  it("reads a clause whose subject follows a subordinator", () => {
    const [claim] = spans("When Ada Brun noted that the roads were failing, the council met.", "claim");
    expect(claim?.[0]).toMatch(/^the roads were failing/u);
    expect(claim?.[1]).toBe("Ada Brun");
  });

  it("does not end a clause at a comma before a source that takes its own clause", () => {
    const text = "According to her memoir, after the examination, she insisted that the patient go to hospital.";
    expect(spans(text, "claim")).toContainEqual([
      "after the examination, she insisted that the patient go to hospital",
      "her memoir",
    ]);
  });

  it.each([
    ["a negative object", "Ada Brun said no to the new toll road."],
    ["nothing as an object", "Omar Lind said nothing about the budget at the meeting."],
    [
      "a verb with no subject after the cue",
      "We don't care. Everything the mayor says is a lie unless proven otherwise.",
    ],
    ["a free relative", "The gap between what the mayor says the plan would do and what it does is wide."],
    ["an object noun phrase after a verb that needs a clause", "Ada Brun noted the rule in the interview last week."],
    ["a verb form that is also a noun", "Battleground state Florida is nearly 3% Polish American."],
  ])("reports no claim for %s", (_name, text) => {
    expect(spans(text, "claim")).toEqual([]);
  });

  it("keeps a pair of names joined by and inside the claim", () => {
    expect(spans("Ada Brun said Apple and Google announced a deal.", "claim")).toEqual([
      ["Apple and Google announced a deal", "Ada Brun"],
    ]);
  });

  it("needs a source", () => {
    expect(spans("It is worth noting that the plan was discussed in 2023.", "claim")).toEqual([]);
    expect(spans("The plan was said to be ready.", "claim")).toEqual([]);
  });

  it("ends the clause before the narrator's own clause", () => {
    const text =
      "Officials declared that the fire had been contained, as hundreds of firefighters worked through the night.";
    expect(spans(text, "claim")).toEqual([["the fire had been contained", "Officials"]]);
  });

  it("reports only the inner attribution when another one wraps it", () => {
    const text = "The bridge will close in May, Mayor Ada Brun said in an interview, the city's newsletter reported.";
    expect(spans(text, "claim")).toEqual([["The bridge will close in May", "Ada Brun"]]);
  });
});

describe("the example article", () => {
  const doc = parseDocument(fixture("csto-tajik-afghan-border.html"));
  const { article } = extractArticle(doc, "http://127.0.0.1:8000/csto-tajik-afghan-border.html");
  const found = detectSpans({ text: article?.text ?? "", blocks: article?.blocks, lang: "en" });
  const of = (kind: SpanDetection["kind"]) =>
    found.filter((d) => d.kind === kind).map((d) => [d.exact, d.speaker, d.cue]);

  it("finds both quotes with their speakers", () => {
    expect(of("quote")).toEqual([
      [
        "Although the situation seems to have stabilized and is slowly moving toward peaceful resolution, there are still many terrorist organizations operating in Afghanistan. This is undoubtedly a very serious problem,",
        "Imangali Tasmagambetov",
        "stated",
      ],
      [
        "the number of fighters in the Afghan branch of the Islamic State - ‘Wilayah Khorasan’ - has significantly increased, now reaching about 6,500 militants, with up to 4,000 concentrated in Afghanistan's Badakhshan, Kunduz, and Takhar provinces, near the border with Tajikistan.",
        "Anatoly Sidorov",
        "stated that",
      ],
    ]);
  });

  it("finds the five reported claims", () => {
    expect(of("claim")).toEqual([
      [
        "The Collective Security Council of the Collective Security Treaty Organization (CSTO) will adopt a program to secure the Tajik-Afghan border",
        "Imangali Tasmagambetov",
        "said",
      ],
      [
        "the Afghan issue remains one of the CSTO's most important areas of focus",
        "Imangali Tasmagambetov",
        "noted that",
      ],
      [
        "signing this program would enable CSTO member states to jointly improve the security of this strategically important area, providing greater safety for Central Asian countries",
        "Imangali Tasmagambetov",
        "emphasized that",
      ],
      [
        "in the Central Asian region, the main threat to stability stems from numerous extremist groups entrenched in Afghanistan, with the most dangerous being the Islamic State and Al-Qaeda",
        "Anatoly Sidorov",
        "further mentioned that",
      ],
      ["the group had been nearly eradicated", "the U.S. and the former Afghan government", "declared that"],
    ]);
  });

  it("reports the name in quotation marks as a term, twice, and never as a quote", () => {
    expect(of("term")).toEqual([
      ["Wilayah Khorasan", null, null],
      ["Wilayah Khorasan", null, null],
    ]);
  });
});

describe("robustness", () => {
  const marks = ["“", "”", "‘", "’", '"', "'", "«", "»", "„", "‚", "「", "」", "''", "\u00a0", "\n\n", "\n"];
  const words = [
    "said",
    "that",
    "he",
    "she",
    "Smith",
    "Mr.",
    "according to",
    "the",
    ",",
    ".",
    ":",
    "?",
    "told",
    "dit",
    "que",
  ];
  const pieces = fc.oneof(
    fc.constantFrom(...marks),
    fc.constantFrom(...words),
    fc.constantFrom(" ", " ", "  "),
    fc.string({ maxLength: 6 }),
  );
  const texts = fc.array(pieces, { maxLength: 80 }).map((parts) => parts.join(""));

  it("never throws, and every detection is in range and matches its text", () => {
    fc.assert(
      fc.property(texts, fc.constantFrom("en", "fr", "de", "es", "pt", "cs", null), (text, lang) => {
        const found = detectSpans({ text, lang });
        for (const d of found) {
          expect(d.start).toBeGreaterThanOrEqual(0);
          expect(d.end).toBeLessThanOrEqual(text.length);
          expect(d.start).toBeLessThan(d.end);
          expect(text.slice(d.start, d.end)).toBe(d.exact);
          expect(d.confidence).toBeGreaterThan(0);
          expect(d.confidence).toBeLessThanOrEqual(1);
          if (d.kind === "term") expect(d.speaker).toBeNull();
        }
      }),
      { numRuns: 500 },
    );
  });

  it("survives any string and malformed input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
        for (const d of detectSpans({ text, lang: "en" })) expect(text.slice(d.start, d.end)).toBe(d.exact);
      }),
      { numRuns: 300 },
    );
    const bad = [
      { text: "", lang: null },
      { text: "“a”", lang: "xx-YY" },
      { text: "“a b c,” he said.", blocks: [{ start: 5, end: 2 }], lang: "en" },
      { text: "“a b c,” he said.", blocks: [{ start: 0, end: 999 }], lang: "en" },
      { text: null, lang: null },
    ] as unknown as Parameters<typeof detectSpans>[0][];
    for (const input of bad) expect(() => detectSpans(input)).not.toThrow();
  });

  // Speed and linearity are measured by `npm run bench`, never by timers in unit tests.
  it("reads a 1 MB article and keeps quotes inside their paragraphs", () => {
    const paragraph =
      "Maria Lopez, the head of the party, said: “We will win.” She said that the vote was fair, according to officials. " +
      "The so-called \"experts\" disagreed, and rock 'n' roll fans in the '90s didn't. He wrote “this never closes";
    const parts: string[] = [];
    for (let length = 0; length < 1 << 20; length += paragraph.length + 2) parts.push(paragraph);
    const found = detectSpans({ text: parts.join("\n\n"), lang: "en" });
    expect(found.length).toBeGreaterThan(1000);
    for (const d of found) expect(d.exact.includes("\n\n")).toBe(false);
    // A megabyte of text: time is the bench's business, so a busy machine gets room here.
  }, 30_000);
});
