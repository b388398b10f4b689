import type { Block } from "../detect/types";
import { cleanText } from "../text/clean";
import { type BlockContext, blockRole, contextOf, LINK_TAG } from "./block-role";

/** The article as plain text: paragraph blocks joined by a blank line, with their offsets and roles. */
export interface ArticleText {
  text: string;
  /** End-exclusive offsets of each block in `text`, with what the block was on the page. */
  blocks: Block[];
}

/** Blank line between blocks: detections never run across a paragraph boundary by accident. */
export const BLOCK_SEPARATOR = "\n\n";

// Elements whose boundaries end a paragraph of text. Anything else flows inline.
const BLOCK_TAGS = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "BR",
  "CAPTION",
  "DD",
  "DETAILS",
  "DIV",
  "DL",
  "DT",
  "FIGCAPTION",
  "FIGURE",
  "FOOTER",
  "FORM",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "NAV",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "SUMMARY",
  "TABLE",
  "TD",
  "TH",
  "TR",
  "UL",
]);

const SKIPPED_TAGS = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "svg", "SVG", "IFRAME", "OBJECT"]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Collapses the whitespace of one block the way a browser renders it. */
function collapse(raw: string): string {
  return raw.replace(/[\t\n\f\r ]+/g, " ").trim();
}

/**
 * Turns an extracted article element into paragraph blocks of rendered-looking text.
 * Works on any DOM implementation (browser, linkedom, jsdom): it only walks nodes.
 */
export function articleText(root: Node): ArticleText {
  const blocks: { text: string; role: Block["role"] }[] = [];
  let current = "";
  let linked = 0; // characters of `current` that were link text
  let context: BlockContext | null = null; // where the current block's first text was
  const flush = (): void => {
    const block = collapse(current);
    if (block) blocks.push({ text: block, role: blockRole(context, linked / Math.max(1, current.trim().length)) });
    current = "";
    linked = 0;
    context = null;
  };
  // Iterative walk: deeply nested hostile pages must not overflow the stack.
  const stack: { node: Node; leaving: boolean }[] = [{ node: root, leaving: false }];
  const open: Element[] = []; // the elements entered and not yet left, outermost first
  let inLinks = 0;
  while (stack.length > 0) {
    const { node, leaving } = stack.pop() as { node: Node; leaving: boolean };
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? "";
      if (context === null && value.trim()) context = contextOf(open);
      if (inLinks > 0) linked += value.trim().length;
      current += value;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node !== root) continue;
    const tag = (node as Element).tagName ?? "";
    const upper = tag.toUpperCase();
    const isBlock = BLOCK_TAGS.has(upper);
    if (leaving) {
      if (isBlock) flush();
      open.pop();
      if (upper === LINK_TAG) inLinks--;
      continue;
    }
    if (SKIPPED_TAGS.has(tag)) continue;
    if (isBlock) flush();
    if (node.nodeType === ELEMENT_NODE) {
      open.push(node as Element);
      if (upper === LINK_TAG) inLinks++;
    } else {
      open.push(null as unknown as Element); // the root document fragment: popped on leaving, names no role
    }
    stack.push({ node, leaving: true });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ node: children[i] as Node, leaving: false });
    }
  }
  flush();

  const offsets: Block[] = [];
  let cursor = 0;
  for (const block of blocks) {
    const range: Block = { start: cursor, end: cursor + block.text.length };
    if (block.role) range.role = block.role;
    offsets.push(range);
    cursor += block.text.length + BLOCK_SEPARATOR.length;
  }
  // NUL and lone surrogates replaced (same length): the text that is hashed, detected and stored.
  return { text: cleanText(blocks.map((block) => block.text).join(BLOCK_SEPARATOR)), blocks: offsets };
}
