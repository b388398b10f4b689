import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Box, GAP, lineBand, MARGIN, overlaps, placeFrame } from "../../lib/card/placement";

const VIEWPORT = { width: 1200, height: 900 };
const CARD = { width: 360, minHeight: 220, maxHeight: 480 };
const PREVIEW = { width: 300, minHeight: 78, maxHeight: 78 };
/** A one-line highlight from `left` to `right` at `top`, 20 px tall. */
const line = (top: number, left = 100, right = 300): Box => ({ top, bottom: top + 20, left, right });
const COLUMN = { left: 80, right: 900 };
const boxOf = (p: { top: number; left: number; width: number; height: number }): Box => ({
  top: p.top,
  left: p.left,
  bottom: p.top + p.height,
  right: p.left + p.width,
});

describe("lineBand", () => {
  it("is the union of a highlight's line boxes, ignoring empty ones", () => {
    expect(lineBand([line(100, 400, 800), line(120, 80, 500), { top: 0, bottom: 0, left: 0, right: 0 }])).toEqual({
      top: 100,
      bottom: 140,
      left: 80,
      right: 800,
    });
    expect(lineBand([])).toBeNull();
  });
});

describe("placeFrame", () => {
  it("goes below the highlight's lines at full height when there is room", () => {
    const placed = placeFrame(line(100), COLUMN, CARD, VIEWPORT);
    expect(placed).toEqual({ side: "below", top: 120 + GAP, left: 100, width: 360, height: 480 });
  });

  it("flips above near the bottom of the viewport", () => {
    const placed = placeFrame(line(800), COLUMN, CARD, VIEWPORT);
    expect(placed).toMatchObject({ side: "above", top: 800 - GAP - 480, height: 480 });
  });

  it("goes beside the column when neither above nor below has the full height, and shortens only when the side has no room", () => {
    const wide = { width: 1600, height: 900 };
    expect(placeFrame(line(460), COLUMN, CARD, wide)).toMatchObject({ side: "right", left: 900 + GAP, height: 480 });
    const shorter = placeFrame(line(460), COLUMN, CARD, VIEWPORT);
    expect(shorter.side).toBe("above");
    expect(shorter.height).toBe(460 - GAP - MARGIN);
  });

  it("stays inside the viewport, clamped at the right edge", () => {
    const placed = placeFrame(line(100, 1100, 1190), { left: 600, right: 1195 }, CARD, VIEWPORT);
    expect(placed.left).toBe(1200 - MARGIN - 360);
    expect(placed.side).toBe("below");
  });

  it("keeps its side and height while it still fits, so a scroll moves it without resizing it", () => {
    const first = placeFrame(line(450), COLUMN, CARD, VIEWPORT);
    expect(first).toMatchObject({ side: "above", height: 450 - GAP - MARGIN });
    const scrolled = placeFrame(line(500), COLUMN, CARD, VIEWPORT, first);
    expect(scrolled).toMatchObject({ side: "above", height: first.height, top: 500 - GAP - first.height });
    // Scrolled so far that it no longer fits there: placed afresh.
    expect(placeFrame(line(200), COLUMN, CARD, VIEWPORT, first)).toMatchObject({ side: "below", height: 480 });
  });

  it("never covers the highlight's lines nor leaves the viewport, wherever the highlight is", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -200, max: 1100 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 1150 }),
        fc.constantFrom(CARD, PREVIEW),
        (top, lines, left, size) => {
          const band: Box = { top, bottom: top + 22 * lines, left, right: Math.min(1195, left + 200) };
          const placed = boxOf(placeFrame(band, COLUMN, size, VIEWPORT));
          expect(placed.top).toBeGreaterThanOrEqual(MARGIN);
          expect(placed.bottom).toBeLessThanOrEqual(VIEWPORT.height - MARGIN);
          expect(placed.left).toBeGreaterThanOrEqual(MARGIN);
          expect(placed.right).toBeLessThanOrEqual(VIEWPORT.width - MARGIN);
          const lineBox = {
            ...band,
            left: Math.min(band.left, COLUMN.left),
            right: Math.max(band.right, COLUMN.right),
          };
          expect(overlaps(placed, lineBox)).toBe(false);
        },
      ),
    );
  });
});
