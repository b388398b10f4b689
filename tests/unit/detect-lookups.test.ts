import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { innermostContaining } from "../../lib/detect/innermost";
import { NamedBefore, type SentenceItem } from "../../lib/detect/named-before";
import { WordCharacters } from "../../lib/detect/word-characters";
import { WordSets } from "../../lib/detect/word-sets";

// The look-ups that keep detection linear, each against the plain loop it replaces.

interface Span {
  start: number;
  end: number;
}

/** The rule the sweep replaces: every span tested in order, the shortest kept, the first among equals. */
function naiveInnermost(spans: Span[], item: Span): number {
  let holder = -1;
  spans.forEach((span, i) => {
    if (span.start <= item.start && item.end <= span.end) {
      const held = spans[holder];
      if (!held || span.end - span.start < held.end - held.start) holder = i;
    }
  });
  return holder;
}

/** Spans in a short text, so that many contain, cross, nest and repeat each other. */
const span = fc
  .tuple(fc.nat({ max: 60 }), fc.integer({ min: 1, max: 30 }))
  .map(([start, length]): Span => ({ start, end: start + length }));

describe("innermostContaining", () => {
  it("finds, for every item, the span the naive rule finds", () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 40 }), fc.array(span, { maxLength: 40 }), (spans, items) => {
        expect(innermostContaining(spans, items)).toEqual(items.map((item) => naiveInnermost(spans, item)));
      }),
      { numRuns: 500 },
    );
  });

  it("prefers the first of two spans with the same offsets, and answers -1 when nothing contains an item", () => {
    const spans = [
      { start: 0, end: 50 },
      { start: 10, end: 20 },
      { start: 10, end: 20 },
      { start: 15, end: 40 },
    ];
    const items = [
      { start: 12, end: 18 },
      { start: 16, end: 30 },
      { start: 45, end: 60 },
    ];
    expect(innermostContaining(spans, items)).toEqual([1, 3, -1]);
  });
});

interface Item extends SentenceItem {
  sentence: { n: number };
}

describe("NamedBefore", () => {
  // Candidates in three sentences, named one by one in a random order, asked about in between.
  const sentences = [{ n: 0 }, { n: 1 }, { n: 2 }];
  const scenario = fc.record({
    items: fc.array(fc.tuple(fc.nat({ max: 2 }), fc.nat({ max: 30 })), { minLength: 1, maxLength: 30 }),
    steps: fc.array(fc.tuple(fc.boolean(), fc.nat(), fc.option(fc.constantFrom("Ann", ""), { nil: null })), {
      maxLength: 60,
    }),
  });

  it("gives the last named candidate before each one, as reading the sentence from its start does", () => {
    fc.assert(
      fc.property(scenario, ({ items: made, steps }) => {
        const items: Item[] = made.map(([s, start]) => ({
          sentence: sentences[s] as Item["sentence"],
          start,
          speaker: null,
        }));
        const named = new NamedBefore(items);
        const byStart = [...items].sort((a, b) => a.start - b.start);
        for (const [ask, pick, name] of steps) {
          const item = items[pick % items.length] as Item;
          if (ask) {
            let expected: Item | undefined;
            for (const other of byStart) {
              if (other.start >= item.start) break;
              if (other.sentence === item.sentence && other.speaker?.name) expected = other;
            }
            expect(named.lastNamedBefore(item)).toBe(expected);
          } else if (item.speaker === null) {
            item.speaker = { name };
            if (name) named.noteNamed(item);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("WordSets", () => {
  const word = fc.constantFrom<string>("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k");
  const words = fc.array(word, { maxLength: 24 });

  it("answers as every and includes do, asked once or twice of the same lists", () => {
    fc.assert(
      fc.property(words, words, word, (needed, among, one) => {
        const sets = new WordSets();
        for (let round = 0; round < 2; round++) {
          expect(sets.allAmong(needed, among)).toBe(needed.every((w) => among.includes(w)));
          expect(sets.has(among, one)).toBe(among.includes(one));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("WordCharacters", () => {
  const text = fc.string({
    unit: fc.constantFrom("“", "‘", " ", "’", "”", ".", "x", "7", "é", "\ud83d"),
    maxLength: 300,
  });

  it("finds a letter or digit in a stretch exactly when a scan of it does", () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (value, a, b) => {
        const words = new WordCharacters(value);
        const start = a % (value.length + 1);
        const end = start + (b % (value.length - start + 1));
        expect(words.within(start, end)).toBe(/[\p{L}\p{N}]/u.test(value.slice(start, end).replace(/\ud83d/g, "")));
      }),
      { numRuns: 500 },
    );
  });
});
