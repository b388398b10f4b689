/** Caret and geometry helpers shared by both painters' hit-testing. */

export interface Caret {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The caret position at a viewport point (standard API first, WebKit's older one second), or null. */
export function caretAt(doc: Document, x: number, y: number): Caret | null {
  const d = doc as CaretDocument;
  if (typeof d.caretPositionFromPoint === "function") {
    const position = d.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === "function") {
    const range = d.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/** Whether a caret lies inside a range, boundaries included; false for a caret in another tree. */
export function rangeHasCaret(range: Range, caret: Caret): boolean {
  try {
    return range.isPointInRange(caret.node, caret.offset);
  } catch {
    return false;
  }
}

/**
 * Whether a point falls on one of a range's line boxes. The caret alone over-reports: it snaps
 * to the nearest character, so a click in the margin or just past a range's last letter would
 * still land "in" it. Without layout (no `getClientRects`) the caret is all there is.
 */
export function rangeCoversPoint(range: Range, x: number, y: number): boolean {
  if (typeof range.getClientRects !== "function") return true;
  for (const rect of Array.from(range.getClientRects())) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}
