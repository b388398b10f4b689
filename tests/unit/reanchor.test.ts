import { describe, expect, it } from "vitest";
import { reanchor } from "../../lib/anchor/reanchor";
import { selectorsFor } from "../../lib/anchor/selectors";
import { detectionId, type StoredAnnotationView } from "../../lib/db/annotations";
import type { DetectedSpan } from "../../lib/model";

const PAGE = "https://example.com/border";

const ORIGINAL = [
  "The council met on Monday in Astana to discuss the border.",
  "“There are still many terrorist organizations operating in Afghanistan. This is undoubtedly a very serious problem,” the secretary general stated.",
  "He further mentioned that the main threat to stability stems from numerous extremist groups.",
  "The branch first appeared in eastern Afghanistan in January 2015.",
].join("\n\n");

/** A detection of `exact` in `text`, as the content script reports it. */
function detection(text: string, kind: DetectedSpan["kind"], exact: string): DetectedSpan {
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`not in the text: ${exact}`);
  const [quote] = selectorsFor(text, start, start + exact.length);
  return {
    kind,
    exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    start,
    end: start + exact.length,
    speaker: kind === "figure" ? null : "the secretary general",
    cue: null,
    figureKind: kind === "figure" ? "date" : null,
    value: null,
    unit: null,
    qualifier: null,
    confidence: 0.9,
  };
}

/** What the background gives back for a stored detection. */
function stored(d: DetectedSpan, fields: Partial<StoredAnnotationView> = {}): StoredAnnotationView {
  return {
    id: detectionId(PAGE, d),
    kind: d.kind,
    origin: "auto",
    exact: d.exact,
    prefix: d.prefix,
    suffix: d.suffix,
    start: d.start,
    status: "unverified",
    dismissed: false,
    speaker: d.speaker,
    cue: d.cue,
    figureKind: d.figureKind,
    value: d.value,
    unit: d.unit,
    qualifier: d.qualifier,
    sources: [],
    ...fields,
  };
}

const QUOTE =
  "There are still many terrorist organizations operating in Afghanistan. This is undoubtedly a very serious problem,";
const CLAIM = "the main threat to stability stems from numerous extremist groups";
const DATE = "January 2015";

const first = [
  detection(ORIGINAL, "quote", QUOTE),
  detection(ORIGINAL, "claim", CLAIM),
  detection(ORIGINAL, "figure", DATE),
];

describe("reanchor", () => {
  it("stores every detection on a first visit and locates it where it was found", () => {
    const result = reanchor(ORIGINAL, PAGE, [], first);
    expect(result.toStore).toEqual(first);
    expect(result.anchors).toEqual([]);
    expect(result.located.map((item) => [item.kind, ORIGINAL.slice(item.start, item.end), item.anchor])).toEqual([
      ["quote", QUOTE, "exact"],
      ["claim", CLAIM, "exact"],
      ["figure", DATE, "exact"],
    ]);
  });

  it("finds stored annotations again unchanged, and does not add them twice", () => {
    const result = reanchor(
      ORIGINAL,
      PAGE,
      first.map((d) => stored(d)),
      first,
    );
    expect(result.anchors.map((a) => a.state)).toEqual(["exact", "exact", "exact"]);
    expect(result.located).toHaveLength(3);
    expect(new Set(result.located.map((item) => item.id)).size).toBe(3);
  });

  it("flags a reworded quote as changed, with the new text, and does not store its re-detection", () => {
    const edited = ORIGINAL.replace("a very serious problem", "a very grave problem");
    const newQuote = QUOTE.replace("serious", "grave");
    const again = [
      detection(edited, "quote", newQuote),
      detection(edited, "claim", CLAIM),
      detection(edited, "figure", DATE),
    ];
    const result = reanchor(
      edited,
      PAGE,
      first.map((d) => stored(d)),
      again,
    );

    const quote = result.anchors.find((a) => a.id === detectionId(PAGE, first[0] as DetectedSpan));
    expect(quote).toEqual({ id: expect.any(String), state: "fuzzy", current: newQuote });
    expect(result.toStore.map((d) => d.exact)).not.toContain(newQuote);
    const shown = result.located.find((item) => item.kind === "quote");
    expect(shown).toMatchObject({ exact: newQuote, storedExact: QUOTE, anchor: "fuzzy" });
    expect(result.located.filter((item) => item.kind === "quote")).toHaveLength(1);
  });

  it("keeps the annotations of a removed paragraph as orphans", () => {
    const shortened = ORIGINAL.replace(/\n\nHe further mentioned[^\n]*/u, "");
    const result = reanchor(
      shortened,
      PAGE,
      first.map((d) => stored(d)),
      [detection(shortened, "quote", QUOTE), detection(shortened, "figure", DATE)],
    );
    expect(result.orphans.map((o) => o.exact)).toEqual([CLAIM]);
    expect(result.anchors.find((a) => a.state === "orphan")?.id).toBe(detectionId(PAGE, first[1] as DetectedSpan));
    expect(result.located.map((item) => item.kind)).toEqual(["quote", "figure"]);
  });

  it("keeps a dismissed detection dismissed, even when its surroundings change its id", () => {
    const dismissed = first.map((d) => stored(d, { dismissed: d.kind === "figure" }));
    const edited = ORIGINAL.replace("first appeared in eastern", "first appeared in north-eastern");
    const redetected = detection(edited, "figure", DATE);
    expect(detectionId(PAGE, redetected)).not.toBe(detectionId(PAGE, first[2] as DetectedSpan));
    const result = reanchor(edited, PAGE, dismissed, [redetected]);
    expect(result.located.some((item) => item.kind === "figure")).toBe(false);
    expect(result.toStore).toEqual([]);
    expect(result.orphans).toEqual([]);
  });

  it("keeps the reader's status and sources on what it shows", () => {
    const withWork = first.map((d) =>
      stored(
        d,
        d.kind === "figure" ? { status: "disputed", sources: [{ url: "https://a.example/", title: "A" }] } : {},
      ),
    );
    const figure = reanchor(ORIGINAL, PAGE, withWork, first).located.find((item) => item.kind === "figure");
    expect(figure).toMatchObject({ status: "disputed", sources: [{ url: "https://a.example/", title: "A" }] });
  });
});

describe("a passage repeated with the same context", () => {
  it("is one annotation, stored and painted once", () => {
    const twice = `${ORIGINAL}\n\n${ORIGINAL}`;
    const date = detection(twice, "figure", DATE);
    const result = reanchor(twice, PAGE, [], [date, { ...date }]);
    expect(result.toStore).toHaveLength(1);
    expect(result.located).toHaveLength(1);
  });
});
