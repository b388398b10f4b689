import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Detection, FigureDetection, SpanDetection } from "../../lib/detect/types";
import {
  attributionRows,
  type GoldAttribution,
  pairAttributions,
  scoreAttributions,
} from "../../scripts/eval/attributions";
import { scoreNewsQuant } from "../../scripts/eval/newsquant";
import { bestOverlapping, intersectionOf, overlapCounts, unionOf } from "../../scripts/eval/overlap";
import { scorePolnear } from "../../scripts/eval/polnear";
import { prf, type Sample, speakerMatches } from "../../scripts/eval/report";
import { parseSelectors, select, spread, tally } from "../../scripts/eval/samples";

/** A span detection over `text` at the first occurrence of `exact`. */
function span(text: string, kind: "quote" | "claim", exact: string, speaker: string | null): SpanDetection {
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`not in text: ${exact}`);
  return { kind, exact, start, end: start + exact.length, speaker, cue: "said", confidence: 1 };
}

/** A gold attribution over `text` at the first occurrence of `exact`. */
function gold(text: string, exact: string, key: string | null, type = "indirect-saying"): GoldAttribution {
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`not in text: ${exact}`);
  return { start, end: start + exact.length, exact, texts: [exact], key, type, cue: "said" };
}

const tmp = mkdtempSync(join(tmpdir(), "eval-scoring-"));
const jsonl = (name: string, rows: unknown[]): string => {
  const file = join(tmp, name);
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join("\n"));
  return file;
};

describe("character overlap (Citron's content-span view)", () => {
  it.each([
    { spans: [], union: [] },
    { spans: [{ start: 5, end: 9 }], union: [{ start: 5, end: 9 }] },
    {
      spans: [
        { start: 8, end: 12 },
        { start: 0, end: 4 },
        { start: 3, end: 6 },
      ],
      union: [
        { start: 0, end: 6 },
        { start: 8, end: 12 },
      ],
    },
    {
      spans: [
        { start: 0, end: 10 },
        { start: 2, end: 4 },
        { start: 4, end: 4 },
      ],
      union: [{ start: 0, end: 10 }],
    },
  ])("unions $spans", ({ spans, union }) => {
    expect(unionOf(spans)).toEqual(union);
  });

  it("intersects two unions", () => {
    const a = [
      { start: 0, end: 5 },
      { start: 10, end: 20 },
    ];
    const b = [
      { start: 3, end: 12 },
      { start: 18, end: 25 },
    ];
    expect(intersectionOf(a, b)).toEqual([
      { start: 3, end: 5 },
      { start: 10, end: 12 },
      { start: 18, end: 20 },
    ]);
  });

  //            0         1         2         3
  //            0123456789012345678901234567890123456
  const text = "Nora Vell said the bridge was unsafe.";
  it.each([
    { name: "exact", predicted: [[19, 36]], gold: [[19, 36]], counts: { overlap: 15, predicted: 15, gold: 15 } },
    { name: "half", predicted: [[19, 29]], gold: [[19, 36]], counts: { overlap: 9, predicted: 9, gold: 15 } },
    { name: "too long", predicted: [[10, 36]], gold: [[19, 36]], counts: { overlap: 15, predicted: 22, gold: 15 } },
    {
      name: "nested gold once",
      predicted: [[19, 36]],
      gold: [
        [19, 36],
        [30, 36],
      ],
      counts: { overlap: 15, predicted: 15, gold: 15 },
    },
    { name: "disjoint", predicted: [[0, 9]], gold: [[19, 36]], counts: { overlap: 0, predicted: 8, gold: 15 } },
  ])("counts letters only: $name", ({ predicted, gold: g, counts }) => {
    const spans = (pairs: number[][]) => pairs.map(([start = 0, end = 0]) => ({ start, end }));
    expect(overlapCounts(text, spans(predicted), spans(g))).toEqual(counts);
  });

  it("picks, for each gold span, the prediction sharing most letters, or none", () => {
    const predicted = [
      { start: 0, end: 12 },
      { start: 10, end: 30 },
    ];
    expect(bestOverlapping(text, [{ start: 19, end: 36 }], predicted)).toEqual([1]);
    expect(bestOverlapping(text, [{ start: 32, end: 36 }], predicted)).toEqual([-1]);
  });
});

describe("all-attribution views", () => {
  const text =
    "Mayor Ilse Brandt said the harbour would reopen in spring. Critics believe the dredging costs too much. " +
    "“We are ready,” Brandt said, “and the boats are waiting.”";
  const golds = [
    gold(text, "the harbour would reopen in spring", "Brandt"),
    gold(text, "the dredging costs too much", "critic", "indirect-other"),
    gold(text, "“We are ready,” Brandt said, “and the boats are waiting.”", "Brandt", "direct"),
  ];
  (golds[2] as GoldAttribution).texts.push("We are ready,", "and the boats are waiting.");

  it("pairs one-to-one; the second half of an interrupted quote is extra, an unrelated span free", () => {
    const predicted = [
      span(text, "claim", "the harbour would reopen in spring", "Ilse Brandt"),
      span(text, "quote", "We are ready,", "Brandt"),
      span(text, "quote", "and the boats are waiting.", "Brandt"),
      span(text, "claim", "Mayor Ilse Brandt", null),
    ];
    const { pairs, extra, free } = pairAttributions(golds, predicted);
    expect(pairs.sort()).toEqual([
      [0, 0],
      [2, 1],
    ]);
    expect(extra).toEqual([2]);
    expect(free).toEqual([3]);
  });

  it.each([
    { speaker: "Ilse Brandt", correct: 1 },
    { speaker: "Critics", correct: 0 },
    { speaker: null, correct: 0 },
  ])("scores the speaker of a found attribution against its key ($speaker)", ({ speaker, correct }) => {
    const rows = attributionRows();
    const samples: Sample[] = [];
    const predicted = [span(text, "claim", "the harbour would reopen in spring", speaker)];
    scoreAttributions("a1", text, golds, predicted, rows, samples);
    expect(rows.attribs).toMatchObject({ tp: 1, fp: 0, fn: 2 });
    expect(rows.attribs.accuracies.speaker).toEqual({ correct, total: 1 });
    expect(rows.overlap.accuracies.source).toEqual({ correct, total: 1 });
    expect(rows.tally).toEqual({ goldOverlapped: 1, gold: 3, predictedOverlapping: 1, predicted: 1 });
    expect(samples.filter((s) => s.view === "attribs" && s.what === "fn").map((s) => s.group)).toEqual([
      "said",
      "said",
    ]);
  });

  it("counts the overlap row in letters", () => {
    const rows = attributionRows();
    scoreAttributions("a1", text, golds, [span(text, "claim", "Critics believe the dredging", "Critics")], rows, []);
    // "the dredging" (11 letters) overlaps; "Critics believe" (14) is predicted only.
    expect(rows.overlap.tp).toBe(11);
    expect(rows.overlap.fp).toBe(14);
    expect(prf(rows.overlap).precision).toBeCloseTo(11 / 25);
  });

  it.each([
    { predicted: "Vell", key: "Vell", right: true },
    { predicted: "Dana O’Hare", key: "O'Hare", right: true },
    { predicted: "the council", key: "Vell", right: false },
    { predicted: null, key: "Vell", right: false },
  ])("speaker $predicted names key $key: $right", ({ predicted, key, right }) => {
    expect(speakerMatches(predicted, key)).toBe(right);
  });
});

describe("PolNeAR quotes with every prediction counted", () => {
  const text =
    "Councillor Piet Amsel said the plan was “a gamble” and would fail.\n\n" +
    "“The money is gone,” Amsel said.\n\nThe so-called “green corridor” opens in May.";
  const at = (exact: string) => text.indexOf(exact);
  const file = jsonl("polnear.jsonl", [
    {
      id: "a1",
      text,
      attributions: [
        {
          start: at("the plan was"),
          end: at(" and would fail") + " and would fail".length,
          exact: "the plan was “a gamble” and would fail",
          direct: false,
          speaker: "Councillor Piet Amsel",
          cue: "said",
        },
        {
          start: at("“The money"),
          end: at("“The money") + "“The money is gone,”".length,
          exact: "“The money is gone,”",
          direct: true,
          speaker: "Amsel",
          cue: "said",
        },
      ],
    },
  ]);
  const detect = (): Detection[] => [
    span(text, "quote", "a gamble", "Piet Amsel"),
    span(text, "quote", "The money is gone,", "Piet Amsel"),
    span(text, "quote", "green corridor", null),
  ];

  it("keeps the lenient row and adds quotes-all with the unscored quotes as false positives", () => {
    const { section, samples } = scorePolnear(file, detect);
    const row = (kind: string) => section.rows.find((r) => r.kind === kind);
    expect(row("quotes")).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(row("quotes-all")).toMatchObject({ tp: 1, fp: 2, fn: 0 });
    const fps = samples.filter((s) => s.view === "quotes-all" && s.what === "fp").map((s) => [s.exact, s.group]);
    expect(fps).toEqual([
      ["a gamble", "inside-indirect"],
      ["green corridor", "outside"],
    ]);
  });

  it("finds attributions by a quoted segment inside them and scores their speakers", () => {
    const { section } = scorePolnear(file, detect);
    const attribs = section.rows.find((r) => r.kind === "attribs");
    // "a gamble" finds the indirect attribution it sits in, "The money is gone," the direct one.
    expect(attribs).toMatchObject({ tp: 2, fn: 0, fp: 1 });
    expect(attribs?.accuracies.speaker).toEqual({ correct: 2, total: 2 });
  });
});

describe("NewsQuant figures both ways", () => {
  const text = "The clinic hired 40 nurses on 3 May 2021.";
  const file = jsonl("newsquant.jsonl", [{ id: "s1", text, figures: [{ value: 40, unit: "nurses", qualifier: "=" }] }]);
  const figure = (
    exact: string,
    figureKind: FigureDetection["figureKind"],
    value: number | string,
  ): FigureDetection => {
    const start = text.indexOf(exact);
    return {
      kind: "figure",
      exact,
      start,
      end: start + exact.length,
      figureKind,
      value,
      unit: null,
      qualifier: null,
      confidence: 1,
      speaker: null,
    };
  };
  const detect = (): Detection[] => [figure("40 nurses", "count", 40), figure("3 May 2021", "date", "2021-05-03")];

  it("leaves dates out of 'figures' and counts them in 'figures-all'", () => {
    const { section, samples } = scoreNewsQuant(file, detect);
    expect(section.rows.map((r) => [r.kind, r.tp, r.fp, r.fn])).toEqual([
      ["figures", 1, 0, 0],
      ["figures-all", 1, 1, 0],
    ]);
    expect(samples.map((s) => [s.view, s.what, s.exact, s.group])).toEqual([
      ["figures-all", "fp", "3 May 2021", "date"],
    ]);
  });
});

describe("error samples", () => {
  const samples: Sample[] = [
    { view: "attribs", what: "fn", where: "a", exact: "x", detail: "gold indirect-other", group: "believes" },
    { view: "attribs", what: "fn", where: "b", exact: "y", detail: "gold indirect-saying", group: "said" },
    { view: "attribs", what: "fn", where: "c", exact: "z", detail: "gold indirect-saying", group: "said" },
    { view: "attribs", what: "speaker", where: "c", exact: "w", detail: "gold direct" },
  ];

  it.each([
    { spec: "attribs", count: 4 },
    { spec: "attribs:fn", count: 3 },
    { spec: "attribs:fn@said", count: 2 },
    { spec: "attribs:fn@INDIRECT-OTHER", count: 1 },
    { spec: "quotes", count: 0 },
  ])("selector $spec picks $count", ({ spec, count }) => {
    const [selector] = parseSelectors(spec);
    expect(selector && select(samples, selector).length).toBe(count);
  });

  it("parses a comma-separated list", () => {
    expect(parseSelectors("quotes-all:fp, attribs:speaker@indirect")).toEqual([
      { view: "quotes-all", what: "fp", filter: null },
      { view: "attribs", what: "speaker", filter: "indirect" },
    ]);
  });

  it("tallies groups commonest first and spreads a sample evenly", () => {
    expect(tally(samples)).toEqual([
      ["said", 2],
      ["believes", 1],
    ]);
    expect(spread([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 3)).toEqual([0, 3, 6]);
    expect(spread([0, 1], 3)).toEqual([0, 1]);
  });
});
