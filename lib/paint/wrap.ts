import { FLASH_MS } from "./flash";
import { lastPerId } from "./items";
import type { ColourScheme } from "./names";
import { isPaintedKind, type PaintTheme } from "./names";
import type { Paintable, Painter } from "./painter";
import { pageTheme } from "./theme";

/**
 * The fallback painter for browsers without the CSS Custom Highlight API: each range's text is
 * wrapped, one text node piece at a time, in `<claimmark-mark>`. Text nodes are split only at
 * range boundaries, every split is remembered, and unwrapping joins exactly those pieces back,
 * so `clear()` leaves the page's DOM as it found it (the same text node objects included).
 */

/** The wrapper element's tag name. */
export const MARK_TAG = "claimmark-mark";

/** Text in these elements is not rendered as text, or belongs to a form control: never wrapped. */
const SKIPPED_PARENTS = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEXTAREA", "TITLE", "TEMPLATE", "OPTION", "SELECT"]);
/** Elements whose whitespace between children is not content; an inline wrapper there breaks layout. */
const STRUCTURAL = new Set([
  "HTML",
  "HEAD",
  "TABLE",
  "THEAD",
  "TBODY",
  "TFOOT",
  "TR",
  "COLGROUP",
  "UL",
  "OL",
  "DL",
  "DATALIST",
  "OPTGROUP",
  "FRAMESET",
]);
const XHTML = "http://www.w3.org/1999/xhtml";

interface Piece {
  node: Text;
  start: number;
  end: number;
}

interface Entry {
  marks: HTMLElement[];
  length: number;
}

const isText = (node: Node | null | undefined): node is Text => node?.nodeType === 3;

const EDITABLE = '[contenteditable]:not([contenteditable="false"])';

/**
 * Whether a text node can take an inline wrapper without changing what the page means or looks
 * like. Editable text is left alone: an editor would take our wrappers for its own content.
 */
function wrappable(node: Text, pageHasEditable: boolean): boolean {
  const parent = node.parentElement;
  if (!parent || parent.namespaceURI !== XHTML) return false;
  if (SKIPPED_PARENTS.has(parent.tagName)) return false;
  if (STRUCTURAL.has(parent.tagName) && node.data.trim() === "") return false;
  return !(pageHasEditable && parent.closest(EDITABLE));
}

/** The text node pieces a range covers, in document order. */
function textPieces(doc: Document, range: Range, pageHasEditable: boolean): Piece[] {
  const { startContainer, startOffset, endContainer, endOffset } = range;
  if (startContainer === endContainer && isText(startContainer)) {
    return startOffset < endOffset && wrappable(startContainer, pageHasEditable)
      ? [{ node: startContainer, start: startOffset, end: endOffset }]
      : [];
  }
  const walker = doc.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  let node: Node | null;
  if (isText(startContainer)) {
    node = startContainer;
    walker.currentNode = startContainer;
  } else {
    const child = startContainer.childNodes[startOffset];
    walker.currentNode = child ?? startContainer;
    node = child && isText(child) ? child : walker.nextNode();
  }
  const pieces: Piece[] = [];
  for (; node; node = walker.nextNode()) {
    if (!isText(node)) continue;
    if (node !== startContainer && range.comparePoint(node, 0) > 0) break;
    const start = node === startContainer ? startOffset : 0;
    const end = node === endContainer ? endOffset : node.length;
    // Only reachable when the start boundary sits after the last child of an element.
    if (node !== startContainer && node !== endContainer && range.comparePoint(node, node.length) < 0) continue;
    if (start < end && wrappable(node, pageHasEditable)) pieces.push({ node, start, end });
    if (node === endContainer) break;
  }
  return pieces;
}

/** A painter that wraps text in `<claimmark-mark>` elements. */
export function createWrapPainter(doc: Document): Painter {
  let scheme: ColourScheme = "default";
  const entries = new Map<string, Entry>();
  const owners = new WeakMap<Element, string>();
  // The split pieces of one original text node form a chain; only chain neighbours are ever joined.
  const previous = new Map<Text, Text>();
  const next = new Map<Text, Text>();
  let theme: PaintTheme | null = null;

  const split = (node: Text, offset: number): Text => {
    const tail = node.splitText(offset);
    const after = next.get(node);
    previous.set(tail, node);
    next.set(node, tail);
    if (after) {
      next.set(tail, after);
      previous.set(after, tail);
    }
    return tail;
  };

  /** Joins a split-off piece back onto the piece it came from, when they are neighbours again. */
  const join = (tail: Text) => {
    const head = previous.get(tail);
    if (!head || tail.previousSibling !== head) return;
    head.appendData(tail.data);
    tail.remove();
    const after = next.get(tail);
    previous.delete(tail);
    next.delete(tail);
    if (after) {
      next.set(head, after);
      previous.set(after, head);
    } else {
      next.delete(head);
    }
  };

  /** Takes a wrapper out, keeping its children; the text nodes that may rejoin go to `loose`. */
  const unwrap = (mark: HTMLElement, loose: Text[]) => {
    const parent = mark.parentNode;
    if (!parent) return;
    const after = mark.nextSibling;
    while (mark.firstChild) {
      const child = mark.firstChild;
      parent.insertBefore(child, mark);
      if (isText(child)) loose.push(child);
    }
    mark.remove();
    if (isText(after)) loose.push(after);
  };

  const detach = (id: string, loose: Text[]) => {
    const entry = entries.get(id);
    if (!entry) return;
    entries.delete(id);
    for (const mark of entry.marks) unwrap(mark, loose);
  };

  const wrap = (node: Text, item: Paintable, dark: boolean): HTMLElement => {
    const mark = doc.createElement(MARK_TAG);
    mark.setAttribute("data-kind", item.kind);
    mark.setAttribute("data-status", item.status);
    if (dark) mark.setAttribute("data-theme", "dark");
    if (scheme !== "default") mark.setAttribute("data-scheme", scheme);
    owners.set(mark, item.id);
    node.parentNode?.insertBefore(mark, node);
    mark.appendChild(node);
    return mark;
  };

  /**
   * Paints a batch, first taking away what it replaces (everything, or the batch's own ids).
   * The callers' ranges may have been made on the painted page, inside our wrappers, so every
   * range is read before anything moves: moving or joining a text node collapses any live range
   * boundary inside it. Pieces are joined back only once the batch is wrapped.
   */
  const apply = (items: Paintable[], replaceAll: boolean) => {
    const fresh = lastPerId(items).filter((item) => isPaintedKind(item.kind) && !item.range.collapsed);
    // Most pages have no editable region; then no text node needs the (slow) ancestor lookup.
    const pageHasEditable = doc.querySelector(EDITABLE) !== null;
    const planned = fresh.map((item) => {
      const pieces = textPieces(doc, item.range, pageHasEditable);
      return { item, pieces, length: pieces.reduce((sum, p) => sum + p.end - p.start, 0) };
    });

    const loose: Text[] = [];
    if (replaceAll) {
      for (const id of [...entries.keys()]) detach(id, loose);
      theme = null;
    } else {
      for (const item of lastPerId(items)) detach(item.id, loose);
    }
    theme ??= pageTheme(doc);

    const cuts = new Map<Text, Set<number>>();
    for (const { pieces } of planned) {
      for (const { node, start, end } of pieces) {
        let offsets = cuts.get(node);
        if (!offsets) {
          offsets = new Set();
          cuts.set(node, offsets);
        }
        if (start > 0) offsets.add(start);
        if (end < node.length) offsets.add(end);
      }
    }
    // Each text node is split once per batch, from the end, so earlier offsets stay valid.
    const segments = new Map<Text, { start: number; node: Text }[]>();
    for (const [node, offsets] of cuts) {
      const list = [{ start: 0, node }];
      for (const offset of [...offsets].sort((a, b) => b - a))
        list.splice(1, 0, { start: offset, node: split(node, offset) });
      segments.set(node, list);
    }

    // Longer items first, so a shorter one overlapping it is wrapped inside (innermost).
    planned.sort((a, b) => b.length - a.length);
    const dark = theme === "dark";
    for (const { item, pieces, length } of planned) {
      const marks: HTMLElement[] = [];
      for (const { node, start, end } of pieces) {
        for (const segment of segments.get(node) ?? []) {
          if (segment.start >= start && segment.start < end) marks.push(wrap(segment.node, item, dark));
        }
      }
      if (marks.length > 0) entries.set(item.id, { marks, length });
    }

    // Pieces left side by side with the piece they were split from become one text node again.
    for (const node of replaceAll ? [...previous.keys()] : loose) join(node);
  };

  const clear = () => {
    const loose: Text[] = [];
    for (const id of [...entries.keys()]) detach(id, loose);
    // Whatever is still apart was separated by the page itself in the meantime; join the rest.
    for (const tail of [...previous.keys()]) join(tail);
    previous.clear();
    next.clear();
    theme = null;
  };

  return {
    mode: "wrap",
    paint: (items) => apply(items, true),
    add: (items) => apply(items, false),
    remove(id) {
      const loose: Text[] = [];
      detach(id, loose);
      for (const node of loose) join(node);
    },
    setScheme(next) {
      scheme = next;
    },
    flash(id) {
      const marks = entries.get(id)?.marks ?? [];
      for (const mark of marks) mark.setAttribute("data-flash", "");
      setTimeout(() => {
        for (const mark of marks) mark.removeAttribute("data-flash");
      }, FLASH_MS);
    },
    rangesOf(id) {
      const marks = entries.get(id)?.marks.filter((mark) => mark.isConnected) ?? [];
      const first = marks[0];
      const last = marks[marks.length - 1];
      if (!first || !last) return [];
      // Built on demand from the wrappers: ranges inside moved text nodes do not survive wrapping.
      const range = doc.createRange();
      range.setStart(first, 0);
      range.setEnd(last, last.childNodes.length);
      return [range];
    },
    hitTest(x, y) {
      const hit = typeof doc.elementFromPoint === "function" ? doc.elementFromPoint(x, y) : null;
      let best: string | null = null;
      let bestLength = Number.POSITIVE_INFINITY;
      for (let mark = hit?.closest(MARK_TAG); mark; mark = mark.parentElement?.closest(MARK_TAG)) {
        const id = owners.get(mark);
        const entry = id === undefined ? undefined : entries.get(id);
        if (id !== undefined && entry && entry.length < bestLength) {
          best = id;
          bestLength = entry.length;
        }
      }
      return best;
    },
    get size() {
      return entries.size;
    },
    clear,
  };
}
