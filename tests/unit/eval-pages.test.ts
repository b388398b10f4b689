import { describe, expect, it } from "vitest";
import type { Detection, FigureDetection, SpanDetection } from "../../lib/detect/types";
import { sha256Hex } from "../../lib/extract/hash";
import { labelMismatch, newTally, type PageLabels, scoreLabelledPage } from "../../scripts/eval/pages";

// An invented page: a credit line, a dateline, a quote, a reported claim, a term, figures.
const TEXT = [
  "Photo: Vela Ostrander",
  "PORTMERE — “We will open the bridge in 2031,” said Mayor Ilsa Quent.",
  "The council said repairs would cost $4.2 million, according to the so-called “green plan”.",
  "Posted 12 May 2030",
].join("\n\n");

const at = (exact: string, from = 0): { start: number; end: number } => {
  const start = TEXT.indexOf(exact, from);
  if (start < 0) throw new Error(`not in text: ${exact}`);
  return { start, end: start + exact.length };
};
const range = (exact: string) => ({ ...at(exact), exact: exact.slice(0, 40) });

const LABELS: PageLabels = {
  page: "invented",
  url: "http://fakehost/test/page.html",
  lang: "en",
  textLength: TEXT.length,
  textSha256: sha256Hex(TEXT),
  furniture: [
    { ...range("Photo: Vela Ostrander"), kind: "credit" },
    { ...range("Posted 12 May 2030"), kind: "dateline" },
  ],
  quotes: [{ ...range("We will open the bridge in 2031,"), speakerKey: "Quent", speaker: "Ilsa Quent" }],
  reported: [{ ...range("repairs would cost $4.2 million"), speakerKey: "council", speaker: "The council" }],
  terms: [range("green plan")],
  figures: [
    { ...range("2031"), number: "2031", value: "2031", unit: null, figureKind: "date", qualifier: null },
    {
      ...range("$4.2 million"),
      number: "4.2",
      value: 4_200_000,
      unit: "USD",
      figureKind: "money",
      qualifier: null,
    },
  ],
  optional: [{ ...range("PORTMERE"), kind: "any", why: "dateline place" }],
};

const span = (kind: SpanDetection["kind"], exact: string, speaker: string | null): SpanDetection => ({
  kind,
  exact,
  ...at(exact),
  speaker,
  cue: "said",
  confidence: 1,
});
const figure = (exact: string, value: FigureDetection["value"], from = 0): FigureDetection => ({
  kind: "figure",
  exact,
  ...at(exact, from),
  figureKind: "other",
  value,
  unit: null,
  qualifier: null,
  confidence: 1,
  speaker: null,
});

const score = (detections: Detection[]) => {
  const tally = newTally();
  scoreLabelledPage(tally, LABELS, TEXT, detections);
  return tally;
};

describe("real-pages scorer", () => {
  it.each<[string, Detection[], string, { tp: number; fp: number; fn: number }, [number, number] | null]>([
    [
      "a quote with its speaker",
      [span("quote", "We will open the bridge in 2031,", "Ilsa Quent")],
      "quotes",
      { tp: 1, fp: 0, fn: 0 },
      [1, 1],
    ],
    [
      "a quote with the wrong speaker",
      [span("quote", "We will open the bridge in 2031,", "Portmere")],
      "quotes",
      { tp: 1, fp: 0, fn: 0 },
      [0, 1],
    ],
    ["a term reported as a quote", [span("quote", "green plan", null)], "quotes", { tp: 0, fp: 1, fn: 1 }, [0, 0]],
    [
      "a claim that takes the cue along",
      [span("claim", "The council said repairs would cost $4.2 million, according to the so-called", "The council")],
      "claims",
      { tp: 0, fp: 1, fn: 1 },
      [0, 0],
    ],
    [
      "a claim within token F1 0.8",
      [span("claim", "repairs would cost $4.2 million", "The council")],
      "claims",
      { tp: 1, fp: 0, fn: 0 },
      [1, 1],
    ],
    ["a figure with its value", [figure("$4.2 million", 4_200_000)], "figures", { tp: 1, fp: 0, fn: 1 }, [1, 1]],
    ["a figure with a wrong value", [figure("2031", 2031)], "figures", { tp: 1, fp: 0, fn: 1 }, [0, 1]],
    ["a dateline read as a figure", [figure("12 May 2030", "2030-05-12")], "figures", { tp: 0, fp: 1, fn: 2 }, [0, 0]],
    [
      "an optional item excuses a prediction",
      [span("quote", "PORTMERE", null)],
      "quotes",
      { tp: 0, fp: 0, fn: 1 },
      [0, 0],
    ],
  ])("%s", (_name, detections, kind, counts, accuracy) => {
    const row = score(detections).rows[kind as "quotes" | "claims" | "figures"];
    expect({ tp: row.tp, fp: row.fp, fn: row.fn }).toEqual(counts);
    const a = Object.values(row.accuracies)[0];
    if (accuracy) expect([a?.correct, a?.total]).toEqual(accuracy);
  });

  it("counts false positives inside furniture, by kind", () => {
    const tally = score([figure("12 May 2030", "2030-05-12"), span("quote", "Vela Ostrander", null)]);
    expect(Object.fromEntries(tally.furniture.mistakes)).toEqual({ figure: 1, quote: 1 });
    expect(tally.furniture.ranges).toBe(2);
  });

  it.each([
    ["the same text", TEXT, null],
    ["a changed text", `${TEXT}.`, "extracted text changed"],
    ["a label out of place", TEXT, "no longer reads"],
  ])("checks the labels against %s", (name, text, problem) => {
    const labels =
      name === "a label out of place" ? { ...LABELS, terms: [{ ...LABELS.terms[0], start: 0 } as never] } : LABELS;
    const found = labelMismatch(labels, text);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});
