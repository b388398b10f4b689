import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { occurrences } from "../../lib/anchor/occurrences";
import { type KeyedRange, OverlapIndex } from "../../lib/anchor/overlap-index";

// The look-ups that keep re-anchoring linear, each against the plain loop it replaces.

const range = fc
  .tuple(fc.constantFrom("quote", "claim", "figure"), fc.nat({ max: 80 }), fc.nat({ max: 20 }))
  .map(([key, start, length]): KeyedRange => ({ key, start, end: start + length }));

describe("OverlapIndex", () => {
  it("says a range of the key overlaps exactly when testing every range does", () => {
    fc.assert(
      fc.property(fc.array(range, { maxLength: 40 }), fc.array(range, { maxLength: 20 }), (ranges, asked) => {
        const index = new OverlapIndex(ranges);
        for (const { key, start, end } of asked) {
          const naive = ranges.some((r) => r.key === key && r.start < end && start < r.end);
          expect(index.overlaps(key, start, end)).toBe(naive);
        }
      }),
      { numRuns: 500 },
    );
  });
});

/** Every occurrence by `indexOf`, overlapping ones included. */
function naiveOccurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) found.push(i);
  return found;
}

describe("occurrences", () => {
  // Texts that repeat themselves, where long needles occur many times and overlap.
  const unit = fc.string({ unit: fc.constantFrom("a", "b", " ", "“"), minLength: 1, maxLength: 6 });
  const periodic = fc
    .tuple(unit, fc.integer({ min: 1, max: 300 }), fc.string({ maxLength: 4 }))
    .map(([piece, times, tail]) => `${piece.repeat(times)}${tail}`);

  it("finds every occurrence of short and long needles, as indexOf does", () => {
    fc.assert(
      fc.property(periodic, fc.nat(), fc.nat(), (text, a, b) => {
        const start = a % text.length;
        const needle = text.slice(start, start + 1 + (b % 400));
        expect(occurrences(text, needle)).toEqual(naiveOccurrences(text, needle));
        expect(occurrences(`x${text}`, `${needle}y`)).toEqual(naiveOccurrences(`x${text}`, `${needle}y`));
      }),
      { numRuns: 500 },
    );
  });
});
