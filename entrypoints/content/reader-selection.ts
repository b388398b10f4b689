import type { Lifetime } from "./lifetime";

/**
 * Which selection is the reader's own. A page script can select any passage (`Selection.addRange`)
 * and then wait for the reader to press a shortcut or click our bar; Claimmark must annotate only
 * what the reader chose. A selection counts as the reader's when it changed right after the
 * reader's own (trusted) input: a pointer that was at the selection (a drag ends where the
 * selection does, a double click lies on its word), or a selecting key (Shift with an arrow, Home,
 * End or a page key, Ctrl/Cmd+A). Any other change (made by a script) makes it not the reader's
 * until the reader selects again.
 */
export interface ReaderSelection {
  /** Whether `selection` is exactly the one the reader made (not collapsed). */
  isReaders(selection: Selection | null): boolean;
  /** Claimmark itself is about to select (a highlight, when Escape gives it the keyboard back): not the reader's selection. */
  selectingOurselves(): void;
}

/** How soon after the reader's input a selection change still counts as theirs. */
const INPUT_WINDOW_MS = 400;
/** How far from the pointer a pointer-made selection may lie (its bounding box). */
const NEAR_PX = 48;

const SELECTING_KEYS = new Set([
  "ArrowLeft",
  "ArrowRight",
  "ArrowUp",
  "ArrowDown",
  "Home",
  "End",
  "PageUp",
  "PageDown",
]);

/** Whether a key press selects text: Shift with a movement key, or select-all. */
function selects(event: KeyboardEvent): boolean {
  if (event.shiftKey && SELECTING_KEYS.has(event.key)) return true;
  return (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "a";
}

/** Whether the point lies within `NEAR_PX` of the rectangle. */
function near(rect: DOMRect, x: number, y: number): boolean {
  const dx = Math.max(rect.left - x, 0, x - rect.right);
  const dy = Math.max(rect.top - y, 0, y - rect.bottom);
  return dx <= NEAR_PX && dy <= NEAR_PX;
}

/** Watches the document's selection and the reader's input for as long as `life` lasts. */
export function watchReaderSelection(life: Lifetime, doc: Document = document): ReaderSelection {
  let input: { at: number; pointer: { x: number; y: number } | null } = { at: Number.NEGATIVE_INFINITY, pointer: null };
  let readers: Range | null = null;

  const onPointer = (event: PointerEvent | MouseEvent) => {
    if (!event.isTrusted) return;
    if (event.type === "pointermove" && event.buttons === 0) return;
    input = { at: performance.now(), pointer: { x: event.clientX, y: event.clientY } };
  };
  for (const type of ["pointerdown", "pointermove", "pointerup", "mousedown", "mouseup"])
    life.listen(window, type, onPointer, { capture: true, passive: true });
  life.listen(
    window,
    "keydown",
    (event: KeyboardEvent) => {
      if (event.isTrusted && selects(event)) input = { at: performance.now(), pointer: null };
    },
    { capture: true },
  );

  life.listen(doc, "selectionchange", () => {
    const selection = doc.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
      readers = null;
      return;
    }
    const range = selection.getRangeAt(0);
    const recent = performance.now() - input.at <= INPUT_WINDOW_MS;
    const { pointer } = input;
    const fromReader = recent && (!pointer || near(range.getBoundingClientRect(), pointer.x, pointer.y));
    readers = fromReader ? range.cloneRange() : null;
  });

  return {
    selectingOurselves() {
      input = { at: Number.NEGATIVE_INFINITY, pointer: null };
    },
    isReaders(selection) {
      if (!readers || !selection || selection.isCollapsed || selection.rangeCount === 0) return false;
      const range = selection.getRangeAt(0);
      return (
        range.compareBoundaryPoints(Range.START_TO_START, readers) === 0 &&
        range.compareBoundaryPoints(Range.END_TO_END, readers) === 0
      );
    },
  };
}
