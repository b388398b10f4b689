import { cleanText } from "../text/clean";
import { isWhitespaceCode } from "./normalize";

/** A live DOM subtree's visible-ish text, normalised, with the way back from text offsets to DOM points. */
export interface DomTextIndex {
  /** normalised text: whitespace collapsed to single spaces, one space at every block boundary */
  text: string;
  /**
   * DOM Range for [start, end) of `text`, or null if out of bounds. Being contiguous, a range that spans
   * a skipped element (a script, a hidden span) contains it.
   */
  rangeAt(start: number, end: number): Range | null;
  /** The offset in `text` of a DOM point (a selection's end, say), or null when it is not in the document. */
  offsetAt(node: Node, offset: number): number | null;
}

/**
 * Elements whose start and end separate words. Chosen by tag name: asking the computed style of every
 * element would cost more than the whole walk. `br` and `hr`, being empty, separate once.
 */
const BLOCKS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "br",
  "caption",
  "center",
  "dd",
  "details",
  "dialog",
  "dir",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "html",
  "legend",
  "li",
  "main",
  "menu",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
]);

/**
 * Elements whose text is never shown as page text: code, form controls' contents, templates, media
 * fallbacks, the document title, SVG's title and description (tooltips), and MathML's source
 * annotations (the TeX behind a formula, which Readability's text never has).
 */
const SKIPPED = new Set([
  "annotation",
  "annotation-xml",
  "audio",
  "canvas",
  "desc",
  "head",
  "iframe",
  "noscript",
  "object",
  "script",
  "select",
  "style",
  "template",
  "textarea",
  "title",
  "video",
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** What stands between the text emitted so far and the next character. */
const NO_SPACE = 0;
/** A whitespace character of a text node, collapsed into the one space to come. */
const REAL_SPACE = 1;
/** A block boundary with no whitespace character: the space to come has no character of its own. */
const BOUNDARY_SPACE = 2;

/**
 * Builds the normalised text of `root` and a mapping back to text nodes. The mapping is a list of
 * segments, each a run of index offsets that maps one-to-one onto consecutive characters of one text
 * node; a run of whitespace collapsed inside a node or a node change starts a new segment. A segment
 * with no node is a block boundary's space. Time and memory are linear in the subtree.
 */
export function indexDomText(root: Element, options?: { skip?: (element: Element) => boolean }): DomTextIndex {
  const steps = indexDomTextSteps(root, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Nodes walked between two pauses of `indexDomTextSteps`: a few milliseconds of work on a large page. */
const NODES_PER_STEP = 4000;

/**
 * `indexDomText` that pauses every few thousand nodes, so a caller on the page's main thread can let
 * the page run between steps (a 1 MB page takes tens of milliseconds to index). A page that changes
 * while paused can leave stale ranges; `rangeAt` then answers null rather than a wrong place.
 */
export function* indexDomTextSteps(
  root: Element,
  options?: { skip?: (element: Element) => boolean },
): Generator<void, DomTextIndex, void> {
  const skip = options?.skip;
  const parts: string[] = [];
  const segStart: number[] = [];
  const segNode: (Text | null)[] = [];
  const segOffset: number[] = [];
  let length = 0;
  // The node and offset that would continue the current segment.
  let currentNode: Text | null = null;
  let expected = 0;
  let pending = NO_SPACE;
  let pendingNode: Text | null = null;
  let pendingOffset = 0;

  const pushSegment = (node: Text | null, offset: number): void => {
    segStart.push(length);
    segNode.push(node);
    segOffset.push(offset);
  };

  // The space is written only when text follows, so the index never starts or ends with one.
  const flushSpace = (): void => {
    if (pending === REAL_SPACE && pendingNode !== null) {
      if (pendingNode !== currentNode || pendingOffset !== expected) pushSegment(pendingNode, pendingOffset);
      currentNode = pendingNode;
      expected = pendingOffset + 1;
    } else {
      pushSegment(null, 0);
      currentNode = null;
    }
    parts.push(" ");
    length++;
    pending = NO_SPACE;
    pendingNode = null;
  };

  const emit = (node: Text, data: string, from: number, to: number): void => {
    if (to <= from) return;
    if (pending !== NO_SPACE) flushSpace();
    if (node !== currentNode || from !== expected) pushSegment(node, from);
    parts.push(from === 0 && to === data.length ? data : data.slice(from, to));
    length += to - from;
    currentNode = node;
    expected = to;
  };

  const markSpace = (node: Text, offset: number): void => {
    if (length > 0 && pending !== REAL_SPACE) {
      pending = REAL_SPACE;
      pendingNode = node;
      pendingOffset = offset;
    }
  };

  const boundary = (): void => {
    if (length > 0 && pending === NO_SPACE) pending = BOUNDARY_SPACE;
  };

  const addText = (node: Text): void => {
    const data = node.data;
    const n = data.length;
    let chunk = 0;
    let i = 0;
    while (i < n) {
      const code = data.charCodeAt(i);
      // Most characters are neither whitespace nor above Latin-1: decide those without a call.
      if ((code > 32 && code < 160) || !isWhitespaceCode(code)) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && isWhitespaceCode(data.charCodeAt(j))) j++;
      // A single space between two words maps one-to-one and stays inside the chunk.
      if (code === 32 && j === i + 1 && i > 0 && j < n) {
        i = j;
        continue;
      }
      emit(node, data, chunk, i);
      markSpace(node, i);
      chunk = j;
      i = j;
    }
    emit(node, data, chunk, n);
  };

  const isBlock = (element: Element): boolean => BLOCKS.has(element.localName);
  const isSkipped = (element: Element): boolean =>
    SKIPPED.has(element.localName) || element.hasAttribute("hidden") || skip?.(element) === true;

  // A manual walk sees each block's end and skips subtrees without a filter callback; in Chromium it
  // walked a 1.5 MB page in 11 ms where a TreeWalker with a filter took 70.
  let node: Node | null = root.firstChild;
  let walked = 0;
  while (node !== null) {
    if (++walked % NODES_PER_STEP === 0) yield;
    let descend = false;
    if (node.nodeType === TEXT_NODE) addText(node as Text);
    else if (node.nodeType === ELEMENT_NODE && !isSkipped(node as Element)) {
      if (isBlock(node as Element)) boundary();
      descend = node.firstChild !== null;
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node !== null) {
      if (node.nextSibling !== null) {
        node = node.nextSibling;
        break;
      }
      const parent: Node | null = node.parentNode;
      node = parent === root ? null : parent;
      if (node !== null && isBlock(node as Element)) boundary();
    }
  }

  // Cleaned as the article text is (same length): a page's NUL or lone surrogate reads the same in both.
  const text = cleanText(parts.join(""));

  /** The segment holding index offset `at` (0 <= at < length). */
  const segmentAt = (at: number): number => {
    let lo = 0;
    let hi = segStart.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((segStart[mid] as number) <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  /** The DOM point where character `at` begins, or right after it (`after`). */
  const pointAt = (at: number, after: boolean): [Text, number] => {
    const s = segmentAt(at);
    const node = segNode[s];
    // A boundary's space has no character: both its sides are where the next segment's text begins.
    if (node === null || node === undefined) return [segNode[s + 1] as Text, segOffset[s + 1] as number];
    return [node, (segOffset[s] as number) + at - (segStart[s] as number) + (after ? 1 : 0)];
  };

  const rangeAt = (start: number, end: number): Range | null => {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > length || start > end) return null;
    if (length === 0) return null;
    const [startNode, startOffset] = start < length ? pointAt(start, false) : pointAt(length - 1, true);
    const [endNode, endOffset] = end > start ? pointAt(end - 1, true) : [startNode, startOffset];
    try {
      const range = (root.ownerDocument ?? document).createRange();
      range.setStart(startNode, startOffset);
      range.setEnd(endNode, endOffset);
      return range;
    } catch {
      // The page changed the text nodes since they were indexed.
      return null;
    }
  };

  // Segments that have a node, in document order: what a DOM point is compared against.
  let withNode: number[] | null = null;

  const offsetAt = (target: Node, offset: number): number | null => {
    if (length === 0) return 0;
    withNode ??= segNode.flatMap((node, s) => (node === null ? [] : [s]));
    const probe = (root.ownerDocument ?? document).createRange();
    // The last segment starting at or before the point.
    let lo = 0;
    let hi = withNode.length - 1;
    let found = -1;
    try {
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const s = withNode[mid] as number;
        probe.setStart(segNode[s] as Text, segOffset[s] as number);
        probe.collapse(true);
        if (probe.comparePoint(target, offset) >= 0) {
          found = s;
          lo = mid + 1;
        } else hi = mid - 1;
      }
    } catch {
      return null; // a point outside the document, or a node the page removed
    }
    if (found < 0) return 0;
    const end = found + 1 < segStart.length ? (segStart[found + 1] as number) : length;
    // In the segment's own node the offsets map one to one; anywhere after it (skipped text, collapsed
    // whitespace) the point sits where the segment's text ends.
    if (segNode[found] !== target) return end;
    return Math.min((segStart[found] as number) + offset - (segOffset[found] as number), end);
  };

  return { text, rangeAt, offsetAt };
}
