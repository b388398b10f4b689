import { describe, expect, it } from "vitest";
import { detectSpans } from "../../lib/detect/spans";

/** The reported claims of a text, as [exact, speaker, cue] triples. */
function claims(text: string, lang: string | null = "en"): [string, string | null, string | null][] {
  return detectSpans({ text, lang })
    .filter((d) => d.kind === "claim")
    .map((d) => [d.exact, d.speaker, d.cue]);
}

/** [shape, text, exact, speaker, cue]: one claim expected. */
type Case = [string, string, string, string | null, string];

describe("claim first, source last", () => {
  const cases: Case[] = [
    [
      "…, officials said on Monday",
      "The bridge over the Vell will reopen in March, officials said on Monday.",
      "The bridge over the Vell will reopen in March",
      "officials",
      "said",
    ],
    [
      "…, analysts say",
      "Grain prices will keep rising next year, analysts say.",
      "Grain prices will keep rising next year",
      "analysts",
      "say",
    ],
    [
      "…, the ministry said in a statement",
      "The new tariffs take effect in April, the ministry said in a statement.",
      "The new tariffs take effect in April",
      "the ministry",
      "said",
    ],
    [
      "…, according to X",
      "The ferry plan costs more than expected, according to two officials.",
      "The ferry plan costs more than expected",
      "two officials",
      "according to",
    ],
    [
      "…, X said in a statement, and … (the claim goes on)",
      "The river is clean again, the agency said in a statement, and the trout have returned.",
      "The river is clean again, the agency said in a statement, and the trout have returned",
      "the agency",
      "said",
    ],
    [
      "…, according to X, and …",
      "Turnout rose sharply, according to the election board, and most polling stations stayed open late.",
      "Turnout rose sharply, according to the election board, and most polling stations stayed open late",
      "the election board",
      "according to",
    ],
  ];
  it.each(cases)("reads %s", (_shape, text, exact, speaker, cue) => {
    expect(claims(text)).toEqual([[exact, speaker, cue]]);
  });

  it("does not go on into a second verb of the attribution's subject", () => {
    expect(claims("Turnout rose sharply, the board said on Monday, and called for calm.")).toEqual([
      ["Turnout rose sharply", "the board", "said"],
    ]);
  });

  it("takes no claim before a verb that has an object of its own", () => {
    expect(claims("Deeply divided about the budget, the ministers found little common ground.")).toEqual([]);
    expect(claims("Worried about the storm, the mayor told the crews to stay home.")).toEqual([]);
  });
});

describe("auxiliaries and adverbs between the subject and the cue", () => {
  const cases: Case[] = [
    [
      "has said",
      "Mayor Lena Hartwell has said the budget is balanced.",
      "the budget is balanced",
      "Lena Hartwell",
      "has said",
    ],
    [
      "has long argued that",
      "Senator Paul Okafor has long argued that the levy is unfair.",
      "the levy is unfair",
      "Paul Okafor",
      "has long argued that",
    ],
    [
      "also warned that",
      "The river council also warned that the dam could fail.",
      "the dam could fail",
      "The river council",
      "also warned that",
    ],
    [
      "had previously denied that",
      "Ms. Varga had previously denied that she met the envoy.",
      "she met the envoy",
      "Varga",
      "had previously denied that",
    ],
    [
      "would later tell X that",
      "Mr. Dunmore would later tell investigators that he never saw the memo.",
      "he never saw the memo",
      "Dunmore",
      "would later tell",
    ],
    [
      "have repeatedly claimed",
      "Local residents have repeatedly claimed the water is unsafe.",
      "the water is unsafe",
      "Local residents",
      "have repeatedly claimed",
    ],
  ];
  it.each(cases)("reads %s", (_shape, text, exact, speaker, cue) => {
    expect(claims(text)).toEqual([[exact, speaker, cue]]);
  });
});

describe("reports without that", () => {
  const cases: Case[] = [
    ["X says …", "Tomas Rieder says the plan will fail.", "the plan will fail", "Tomas Rieder", "says"],
    [
      "told a plural hearer he …",
      "Mr. Dunmore told investigators he never saw the memo.",
      "he never saw the memo",
      "Dunmore",
      "told",
    ],
    [
      "told a plural hearer a clause with its auxiliary",
      "Ana Brel told colleagues the plant would close in June.",
      "the plant would close in June",
      "Ana Brel",
      "told",
    ],
    [
      "said that + a verb: that is the clause's subject",
      "Ms. Orrin said that was a mistake.",
      "that was a mistake",
      "Orrin",
      "said",
    ],
  ];
  it.each(cases)("reads %s", (_shape, text, exact, speaker, cue) => {
    expect(claims(text)).toEqual([[exact, speaker, cue]]);
  });

  it("takes no story told to a hearer for a claim", () => {
    expect(claims("Ana Brel told students the story of the flood.")).toEqual([]);
  });

  it("takes no noun phrase after added for a claim", () => {
    expect(claims("The town had added the extra week, known as Harvest Week, in 2004.")).toEqual([]);
  });

  it("does not read a relative that after a noun as a complementiser", () => {
    expect(claims("The TV shows that aired last year were popular.")).toEqual([]);
  });
});

describe("evidence sources", () => {
  const cases: Case[] = [
    [
      "a poll found that",
      "A Harlow poll found that most voters oppose the toll.",
      "most voters oppose the toll",
      "A Harlow poll",
      "found that",
    ],
    [
      "a survey shows that",
      "A recent survey shows that two-thirds of farmers expect lower yields.",
      "two-thirds of farmers expect lower yields",
      "A recent survey",
      "shows that",
    ],
    ["polls show a clause", "Polls show the race is tied.", "the race is tied", "Polls", "show"],
    [
      "data indicate that",
      "Data from the bureau indicate that unemployment fell in May.",
      "unemployment fell in May",
      "Data from the bureau",
      "indicate that",
    ],
    [
      "a report by X concluded that",
      "A 2019 report by the agency concluded that the reactor was unsafe.",
      "the reactor was unsafe",
      "A 2019 report by the agency",
      "concluded that",
    ],
    [
      "…, the study found",
      "Coffee drinkers in the sample lived longer, the study found.",
      "Coffee drinkers in the sample lived longer",
      "the study",
      "found",
    ],
    [
      "…, according to a survey",
      "Most teachers support the change, according to a survey by the union.",
      "Most teachers support the change",
      "a survey by the union",
      "according to",
    ],
    [
      "the report said: …",
      "The report said: the river is polluted, the fish are dying and nobody is responsible.",
      "the river is polluted, the fish are dying and nobody is responsible",
      "The report",
      "said",
    ],
  ];
  it.each(cases)("reads %s", (_shape, text, exact, speaker, cue) => {
    expect(claims(text)).toEqual([[exact, speaker, cue]]);
  });

  it("takes no object of find or show for a claim", () => {
    expect(claims("Rescuers found the missing hikers near the ridge.")).toEqual([]);
    expect(claims("The photos show Mr. Dunmore leaving the hall.")).toEqual([]);
  });

  it("takes no participle after a noun for a closing attribution", () => {
    expect(claims("The lake holds rare fish, small creatures found in cold water.")).toEqual([]);
  });
});

describe("reported questions", () => {
  // LABELING.md: a claim is a clause reporting what a source said; a question asked is said too,
  // so "asked whether …" and "wondered if …" are claims whose source is the one who asked.
  const cases: Case[] = [
    [
      "asked whether",
      "Reporters asked whether the mayor would resign.",
      "whether the mayor would resign",
      "Reporters",
      "asked",
    ],
    [
      "wondered if",
      "Ms. Lindqvist wondered if the deal would survive the winter.",
      "if the deal would survive the winter",
      "Lindqvist",
      "wondered",
    ],
    [
      "asked how",
      "Ms. Fenwick asked how the council could justify the cost.",
      "how the council could justify the cost",
      "Fenwick",
      "asked",
    ],
  ];
  it.each(cases)("reads %s", (_shape, text, exact, speaker, cue) => {
    expect(claims(text)).toEqual([[exact, speaker, cue]]);
  });

  it("takes no question without whether, if, how or why", () => {
    expect(claims("Ms. Lindqvist wondered about the deal.")).toEqual([]);
    expect(claims("Ms. Fenwick asked the council to wait.")).toEqual([]);
  });
});

describe("French reporting", () => {
  const cases: Case[] = [
    [
      "a déclaré que",
      "Le ministre a déclaré que le projet serait abandonné.",
      "le projet serait abandonné",
      "Le ministre",
      "a déclaré que",
    ],
    [
      "a estimé que",
      "Marie Delorme a estimé que la réforme était injuste.",
      "la réforme était injuste",
      "Marie Delorme",
      "a estimé que",
    ],
    [
      "a annoncé lundi qu'elle (a time word, an elided complementiser)",
      "La société a annoncé lundi qu'elle fermerait deux usines.",
      "elle fermerait deux usines",
      "La société",
      "a annoncé",
    ],
    [
      "a déclaré à X que (a hearer)",
      "Le ministre a déclaré à la presse que le projet serait abandonné.",
      "le projet serait abandonné",
      "Le ministre",
      "a déclaré",
    ],
    [
      "ont affirmé que",
      "Les syndicats ont affirmé que la grève continuerait.",
      "la grève continuerait",
      "Les syndicats",
      "ont affirmé que",
    ],
    [
      "a également précisé que",
      "Le porte-parole a également précisé que le sommet était reporté.",
      "le sommet était reporté",
      "Le porte-parole",
      "a également précisé que",
    ],
    [
      "selon X, …",
      "Selon le ministère, le chômage a baissé en mars.",
      "le chômage a baissé en mars",
      "le ministère",
      "Selon",
    ],
    [
      "…, selon X",
      "Le chômage a baissé en mars, selon le ministère.",
      "Le chômage a baissé en mars",
      "le ministère",
      "selon",
    ],
    [
      "d'après X, …",
      "D'après Jean Morvan, la ville manque de logements.",
      "la ville manque de logements",
      "Jean Morvan",
      "D'après",
    ],
    [
      "…, a déclaré X (inverted, with its auxiliary)",
      "Le projet coûtera plus cher, a déclaré le ministre.",
      "Le projet coûtera plus cher",
      "le ministre",
      "a déclaré",
    ],
    [
      "…, a estimé X lundi (a time word after the source)",
      "Le projet coûtera plus cher, a estimé Paul Girardin lundi.",
      "Le projet coûtera plus cher",
      "Paul Girardin",
      "a estimé",
    ],
    [
      "…, arguant que (a participle sharing the subject)",
      "Le gouvernement a refusé la hausse, arguant que les caisses étaient vides.",
      "les caisses étaient vides",
      "Le gouvernement",
      "arguant que",
    ],
    [
      "un sondage montre que",
      "Un sondage récent montre que les électeurs sont partagés.",
      "les électeurs sont partagés",
      "Un sondage récent",
      "montre que",
    ],
  ];
  it.each(cases)("reads %s", (_shape, text, exact, speaker, cue) => {
    expect(claims(text, "fr")).toEqual([[exact, speaker, cue]]);
  });

  it("reads a sentence opened by il as a claim with a source", () => {
    const found = claims("Il a ajouté que la décision était définitive.", "fr");
    expect(found.map(([exact, , cue]) => [exact, cue])).toEqual([["la décision était définitive", "a ajouté que"]]);
  });

  it("takes no passive for a claim", () => {
    expect(claims("Il a été annoncé que le projet serait abandonné.", "fr")).toEqual([]);
  });
});

describe("a speaker followed by a colon", () => {
  it("takes the paragraph a closing attribution introduces for the speaker's claim", () => {
    const text = "The governor added:\n\nThe toll plan is reckless and the budget cannot pay for it.";
    expect(claims(text)).toEqual([
      ["The toll plan is reckless and the budget cannot pay for it", "The governor", "added"],
    ]);
  });

  it("takes each item of an introduced list for a claim", () => {
    const text =
      "The inspectors reported:\n\nthe pumps are worn out\n\nthe valves leak at night\n\nThe town met on Friday.";
    const at = (part: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });
    const blocks = [
      at("The inspectors reported:"),
      { ...at("the pumps are worn out"), role: "list-item" as const },
      { ...at("the valves leak at night"), role: "list-item" as const },
      at("The town met on Friday."),
    ];
    const found = detectSpans({ text, blocks, lang: "en" }).filter((d) => d.kind === "claim");
    expect(found.map((d) => [d.exact, d.speaker])).toEqual([
      ["the pumps are worn out", "The inspectors"],
      ["the valves leak at night", "The inspectors"],
    ]);
  });

  it("leaves a quotation after the colon to the quotation detector", () => {
    expect(claims("The report said:\n\n“The river is polluted and the fish are dying.”")).toEqual([]);
  });

  it("takes no paragraph after a colon that closes a clause of its own", () => {
    expect(claims("Ms. Hale said that the plan has three parts:\n\nA new bridge, a ferry and a road.")).toEqual([
      ["the plan has three parts", "Hale", "said that"],
    ]);
  });

  it("reads the blocks of a transcript as their speakers' words", () => {
    const text =
      "MORLAND: Will the mayor attend the hearing tomorrow?\n\nVASQUEZ: Well, the mayor will be there in the morning.\n\nMORLAND: Is that a firm promise?";
    expect(claims(text).map(([exact, speaker]) => [exact, speaker])).toEqual([
      ["Will the mayor attend the hearing tomorrow", "MORLAND"],
      ["Well, the mayor will be there in the morning", "VASQUEZ"],
      ["Is that a firm promise", "MORLAND"],
    ]);
  });

  it("takes no dateline or furniture label for a speaker", () => {
    expect(claims("OSLOBURG: The council approved new taxes on Monday.\n\nUPDATE: The road is open again.")).toEqual(
      [],
    );
  });
});

/**
 * Expects a claim with this text and cue whose speaker holds `key` (the speaker's fullest name is
 * the resolver's business, tested in detect-speakers; here the source phrase must be the right one).
 */
function expectClaim(found: [string, string | null, string | null][], exact: string, key: string | null, cue: string) {
  const claim = found.find(([text]) => text === exact);
  expect(claim, `claims: ${JSON.stringify(found)}`).toBeDefined();
  expect(claim?.[2]).toBe(cue);
  if (key === null) expect(claim?.[1]).toBeNull();
  else expect(claim?.[1] ?? "").toContain(key);
}

/** `expectClaim`, and no other claim. */
function expectOnly(found: [string, string | null, string | null][], exact: string, key: string | null, cue: string) {
  expect(found).toHaveLength(1);
  expectClaim(found, exact, key, cue);
}

describe("claims in relative clauses", () => {
  const cases: Case[] = [
    [
      "…, which X said were …",
      "Marta Kovel returned the donations, which Kovel said were tied to favours from the builders.",
      "which Kovel said were tied to favours from the builders",
      "Kovel",
      "said",
    ],
    [
      "a noun, then a zero relative: code X said exploits …",
      "Ines Barlow has published sample code she said exploits the flaw to crash any server.",
      "exploits the flaw to crash any server",
      "Barlow",
      "said",
    ],
  ];
  it.each(cases)("reads %s", (_shape, text, exact, speaker, cue) => {
    expectOnly(claims(text), exact, speaker, cue);
  });
  it("takes no zero relative whose verb has an object of its own", () => {
    expect(claims("The council sold the land it says it owns to a developer.")).toEqual([]);
  });
});

describe("gerunds, infinitives and phrases between the verb and that", () => {
  const cases: Case[] = [
    [
      "began by saying …",
      "Dr. Tomas Reyes began the hearing by saying he would never diagnose a patient on television.",
      "he would never diagnose a patient on television",
      "Reyes",
      "saying",
    ],
    [
      "forced X to admit that …",
      "The committee forced Harlan Voss to admit that no manager had been disciplined.",
      "no manager had been disciplined",
      "committee",
      "admit that",
    ],
    [
      "continues to insist, (phrase), that …",
      "Senator Ada Quill continues to insist, most recently in a radio interview, that the budget is balanced.",
      "the budget is balanced",
      "Quill",
      "insist",
    ],
    [
      "said, however, that …",
      "Mayor Pia Lund said, however, that the tram would run on weekends.",
      "the tram would run on weekends",
      "Lund",
      "said",
    ],
  ];
  it.each(cases)("reads %s", (_shape, text, exact, speaker, cue) => {
    expectOnly(claims(text), exact, speaker, cue);
  });
  it("takes no infinitive after refused, dared or asked for a claim", () => {
    expect(claims("The inspector refused to say that the dam was safe.")).toEqual([]);
    expect(claims("Lena Ostrova dared the mayor to say that the dam was safe.")).toEqual([]);
  });
});

describe("source phrases the subject search used to reject", () => {
  const cases: Case[] = [
    [
      "Those close to him",
      "Those close to him say that he will run for the council again.",
      "he will run for the council again",
      "Those close to him",
      "say that",
    ],
    [
      "officials at X, a division of Y,",
      "Officials at the Harbor Safety Office, a division of the Port Authority, said the locks would close in May.",
      "the locks would close in May",
      "Officials",
      "said",
    ],
    [
      "the experts I interviewed",
      "All the experts I interviewed said the new levy was fairer than the old one.",
      "the new levy was fairer than the old one",
      "experts",
      "said",
    ],
    [
      "according to a described source who …",
      "A flaw in the ticket app lets anyone book free seats, according to a student programmer who has published the details.",
      "A flaw in the ticket app lets anyone book free seats",
      "a student programmer",
      "according to",
    ],
    [
      "told a programme named in quotation marks that …",
      "Councillor Rafe Dunmore told Radio North's “Morning Desk” on Friday that the bypass would be finished by June.",
      "the bypass would be finished by June",
      "Dunmore",
      "told",
    ],
  ];
  it.each(cases)("reads %s", (_shape, text, exact, speaker, cue) => {
    expectOnly(claims(text), exact, speaker, cue);
  });
});

describe("beliefs stated with a stance adjective", () => {
  const cases: Case[] = [
    [
      "X is concerned (no that)",
      "The Harbor Guild is concerned the new fees would drive fishermen away.",
      "the new fees would drive fishermen away",
      "Harbor Guild",
      "is concerned",
    ],
    [
      "X is adamant (no that)",
      "The drivers’ union is adamant overtime must be paid in full.",
      "overtime must be paid in full",
      "union",
      "is adamant",
    ],
    [
      "X are convinced that",
      "Engineers at the Orlin Works are convinced that the bridge can be saved.",
      "the bridge can be saved",
      "Engineers",
      "are convinced that",
    ],
  ];
  it.each(cases)("reads %s", (_shape, text, exact, speaker, cue) => {
    expectOnly(claims(text), exact, speaker, cue);
  });
  it.each([
    "The Harbor Guild was concerned about the fees.",
    "Vera Stoll is sure to win the race.",
    "It is certain that the fees will rise.",
  ])("takes no stance without a clause of its own: %s", (text) => {
    expect(claims(text)).toEqual([]);
  });
});

describe("where a claim starts and ends", () => {
  const cases: Case[] = [
    [
      "a dateline before a claim with a closing source",
      "KESTREL BAY (Wire) — The ferry to the islands ran aground on Thursday, the coast guard said.",
      "The ferry to the islands ran aground on Thursday",
      "coast guard",
      "said",
    ],
    [
      "said late Thursday",
      "The mill will close in the spring, company officials said late Thursday.",
      "The mill will close in the spring",
      "officials",
      "said",
    ],
    [
      "a second that-clause after , but that",
      "Port officials said that they had warned the shippers, but that they did not know whether the ships would wait.",
      "they had warned the shippers, but that they did not know whether the ships would wait",
      "officials",
      "said that",
    ],
    [
      "a condition opening the sentence belongs to the claim",
      "When she hires new staff, Director Olga Brandt said she always interviews three candidates.",
      "When she hires new staff, Director Olga Brandt said she always interviews three candidates",
      "Brandt",
      "said",
    ],
    [
      "a closing source over a claim reported inside the sentence",
      "The two ministers are under guard at the palace and are insisting the king finish his term, a senior aide said.",
      "The two ministers are under guard at the palace and are insisting the king finish his term",
      "aide",
      "said",
    ],
    [
      "a partial quotation inside a short claim",
      'Even Ruritania, its only ally, said it was "firmly opposed" to the test.',
      'it was "firmly opposed" to the test',
      "Ruritania",
      "said",
    ],
    [
      "a lower-case source headed by a plural of people",
      "Although Voss lacks a signature law, elected officials from both parties say he is a hard worker.",
      "he is a hard worker",
      "elected officials from both parties",
      "say",
    ],
    [
      ", and when pressed … ends the claim",
      "Ada Quill said fathers would not be eligible, and when pressed on why, the mayor replied that the fund was small.",
      "fathers would not be eligible",
      "Quill",
      "said",
    ],
    [
      "federal and state law is no second verb",
      "The Orlin Works filed its report. It says the contractor broke federal and state law by dumping waste.",
      "the contractor broke federal and state law by dumping waste",
      "It",
      "says",
    ],
  ];
  it.each(cases)("reads %s", (_shape, text, exact, speaker, cue) => {
    expectClaim(claims(text), exact, speaker, cue);
  });
  it("takes no time for a condition: a past clause dates the saying", () => {
    expectOnly(
      claims("When the strike ended, Director Olga Brandt said the plant would reopen."),
      "the plant would reopen",
      "Brandt",
      "said",
    );
  });
});

describe("French sources after time words and present-tense main verbs", () => {
  const cases: Case[] = [
    [
      "…, a déclaré jeudi le ministre",
      "Le pont de Varenne restera fermé tout l'été, a déclaré jeudi le ministre des Transports.",
      "Le pont de Varenne restera fermé tout l'été",
      "Transports",
      "a déclaré",
    ],
    [
      "X refuse …, arguant que",
      "Le syndicat refuse la réforme des horaires, arguant que les équipes sont épuisées.",
      "les équipes sont épuisées",
      "syndicat",
      "arguant que",
    ],
  ];
  it.each(cases)("reads %s", (_shape, text, exact, speaker, cue) => {
    expectOnly(claims(text, "fr"), exact, speaker, cue);
  });
});

describe("sources in relative clauses and asides in brackets", () => {
  const cases: Case[] = [
    [
      ", many of whom say … , ends at the comma closing the relative clause",
      "Farmers in the valley, many of whom say the new dam has dried their wells, marched on Tuesday.",
      "the new dam has dried their wells",
      "Farmers in the valley",
      "say",
    ],
    [
      ", some of whom warn that … at the sentence's end",
      "The plan worries the fishermen, some of whom warn that the harbour wall is failing.",
      "the harbour wall is failing",
      "fishermen",
      "warn that",
    ],
    [
      "a noun phrase before who, with no comma",
      "Few things unite the valley like the tax, though there are some farmers who argue that the levy should be doubled.",
      "the levy should be doubled",
      "some farmers",
      "argue that",
    ],
    [
      "a claim inside brackets ends at the closing bracket",
      "The ferry runs twice a day. (Local pilots say the channel is too shallow for larger boats.) Tickets are cheap.",
      "the channel is too shallow for larger boats",
      "pilots",
      "say",
    ],
  ];
  it.each(cases)("reads %s", (_shape, text, exact, speaker, cue) => {
    expectClaim(claims(text), exact, speaker, cue);
  });
  it.each([
    [
      "a relative clause opening the sentence has its verb after the claim",
      "People who said the bridge was safe were wrong.",
    ],
    [
      "an indefinite pronoun before who is no one",
      "The mayor said little, but anybody who says the budget is balanced has not read it.",
    ],
  ])("takes no source from %s", (_shape, text) => {
    expect(claims(text).filter(([, speaker]) => speaker !== null && /^(?:People|anybody)/u.test(speaker))).toEqual([]);
  });
});
