// What `npm start -- --headless` prints of the example article's annotations.
import { describe, expect, it } from "vitest";
import type { Annotation } from "../../lib/model";
import { annotationLines } from "../../scripts/browser/annotation-lines";
import { annotationRecord, machineFields } from "./samples";

const at = (start: number, overrides: Partial<Annotation>): Annotation =>
  annotationRecord({
    id: `a${start}`,
    selectors: [{ type: "TextPositionSelector", start, end: start + 5 }],
    ...overrides,
  });

describe("annotationLines", () => {
  it("lists the annotations in reading order: kind, passage, then the speaker or the value as a reader writes it", () => {
    const lines = annotationLines(
      [
        at(300, { kind: "figure", exact: "about 6,500 militants", ...machineFields() }),
        at(10, {
          kind: "quote",
          exact: "Although the situation seems\n  to have stabilized",
          speaker: "Imangali Tasmagambetov",
        }),
        at(200, { kind: "figure", exact: "late 2019", figureKind: "date", value: "2019", qualifier: "late" }),
        at(100, { kind: "claim", exact: "the group had been nearly eradicated", speaker: null }),
      ],
      "en",
    );
    expect(lines).toEqual([
      "quote   “Although the situation seems to have stabilized”  — Imangali Tasmagambetov",
      "claim   “the group had been nearly eradicated”",
      "date    “late 2019”  = late 2019",
      "figure  “about 6,500 militants”  = 6,500 militants (approximately)",
    ]);
  });

  it("leaves out what the reader dismissed or deleted, and cuts a long passage to one line", () => {
    const lines = annotationLines(
      [
        at(1, { exact: "dismissed", dismissed: true }),
        at(2, { exact: "deleted", deleted: true }),
        at(3, { kind: "highlight", exact: "word ".repeat(40) }),
      ],
      "en",
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^highlight {2}“(word ){13}word…”$/);
  });
});
