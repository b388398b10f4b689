/**
 * Where the card's frame goes in the viewport: never over the highlight it belongs to nor over the
 * lines the reader is reading. The highlight's line box is the band from the top of its first line
 * to the bottom of its last, across its column: the frame goes below that band or above it, or
 * beside the column when neither has room; it always stays inside the viewport. Plain geometry in
 * viewport (client) coordinates, so the content script and the tests share it.
 */

/** A rectangle in viewport coordinates. */
export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** What is placed: a frame of `width`, as tall as `maxHeight` when there is room, never shorter than `minHeight`. */
export interface FrameSize {
  width: number;
  minHeight: number;
  maxHeight: number;
}

/** Where the frame went, and which side of the highlight it is on. */
export interface Placement {
  top: number;
  left: number;
  width: number;
  height: number;
  side: "below" | "above" | "right" | "left";
}

/** Distance between the highlight's line box and the frame, and between the frame and the viewport's edge. */
export const GAP = 8;
export const MARGIN = 8;

/** The band a highlight's lines take: the union of its client rects; null when it has none (not rendered). */
export function lineBand(rects: readonly Box[]): Box | null {
  let band: Box | null = null;
  for (const rect of rects) {
    // A collapsed rect (an empty text node at a line's end) is no part of the lines.
    if (rect.bottom - rect.top <= 0 && rect.right - rect.left <= 0) continue;
    band = band
      ? {
          top: Math.min(band.top, rect.top),
          bottom: Math.max(band.bottom, rect.bottom),
          left: Math.min(band.left, rect.left),
          right: Math.max(band.right, rect.right),
        }
      : { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right };
  }
  return band;
}

/** `value` within [min, max]; `min` wins when the range is empty (a frame larger than the viewport). */
function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}

/**
 * Places a frame of `size` by the highlight whose lines take `band` (see {@link lineBand}), in the
 * column (the block holding it, whose lines the reader reads) that spans `column`, in a viewport of
 * `viewport`. In order of preference: below or above at full height; beside the
 * column at full height; below or above, shorter (down to `minHeight`), on the roomier side. A
 * `previous` placement is kept (its side and height, moved with the text) while it still fits,
 * so that scrolling moves the card without resizing it. Only when the viewport is too small for
 * any of these does the frame cover part of the lines: then it takes the roomier side, inside the
 * viewport.
 */
export function placeFrame(
  band: Box,
  column: Pick<Box, "left" | "right"> | null,
  size: FrameSize,
  viewport: { width: number; height: number },
  previous?: Pick<Placement, "side" | "height"> | null,
): Placement {
  const width = Math.max(0, Math.min(size.width, viewport.width - 2 * MARGIN));
  const fullHeight = Math.max(0, Math.min(size.maxHeight, viewport.height - 2 * MARGIN));
  // Beside means beside the whole line, not just the highlighted words.
  const lineLeft = Math.min(band.left, column?.left ?? band.left);
  const lineRight = Math.max(band.right, column?.right ?? band.right);
  const room = {
    below: viewport.height - MARGIN - (band.bottom + GAP),
    above: band.top - GAP - MARGIN,
    right: viewport.width - MARGIN - (lineRight + GAP),
    left: lineLeft - GAP - MARGIN,
  };
  const vertical = (side: "below" | "above", height: number): Placement => ({
    side,
    width,
    height,
    top: clamp(
      side === "below" ? band.bottom + GAP : band.top - GAP - height,
      MARGIN,
      viewport.height - MARGIN - height,
    ),
    left: clamp(band.left, MARGIN, viewport.width - MARGIN - width),
  });
  const beside = (side: "right" | "left", height: number): Placement => ({
    side,
    width,
    height,
    top: clamp(band.top, MARGIN, viewport.height - MARGIN - height),
    left: clamp(side === "right" ? lineRight + GAP : lineLeft - GAP - width, MARGIN, viewport.width - MARGIN - width),
  });
  const fits = (side: Placement["side"], height: number) =>
    side === "below" || side === "above" ? room[side] >= height : room[side] >= width && fullHeight >= height;
  const at = (side: Placement["side"], height: number) =>
    side === "below" || side === "above" ? vertical(side, height) : beside(side, height);

  if (previous && previous.height >= Math.min(size.minHeight, fullHeight) && fits(previous.side, previous.height))
    return at(previous.side, previous.height);
  for (const side of ["below", "above"] as const) if (fits(side, fullHeight)) return vertical(side, fullHeight);
  for (const side of ["right", "left"] as const) if (fits(side, fullHeight)) return beside(side, fullHeight);
  const roomier = room.below >= room.above ? "below" : "above";
  const minHeight = Math.min(size.minHeight, fullHeight);
  return vertical(roomier, Math.max(minHeight, Math.min(fullHeight, room[roomier])));
}

/** Whether two boxes overlap (touching edges do not). */
export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
