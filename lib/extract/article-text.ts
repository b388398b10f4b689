import { cleanText } from "../text/clean";
/** The article as plain text: paragraph blocks joined by a blank line, with their offsets. */
export interface ArticleText {
  text: string;
  /** End-exclusive offsets of each block in `text`. */
  blocks: { start: number; end: number }[];
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
  const blocks: string[] = [];
  let current = "";
  const flush = (): void => {
    const block = collapse(current);
    if (block) blocks.push(block);
    current = "";
  };
  // Iterative walk: deeply nested hostile pages must not overflow the stack.
  const stack: { node: Node; leaving: boolean }[] = [{ node: root, leaving: false }];
  while (stack.length > 0) {
    const { node, leaving } = stack.pop() as { node: Node; leaving: boolean };
    if (node.nodeType === TEXT_NODE) {
      current += node.nodeValue ?? "";
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node !== root) continue;
    const tag = (node as Element).tagName ?? "";
    const isBlock = BLOCK_TAGS.has(tag.toUpperCase());
    if (leaving) {
      if (isBlock) flush();
      continue;
    }
    if (SKIPPED_TAGS.has(tag)) continue;
    if (isBlock) flush();
    stack.push({ node, leaving: true });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ node: children[i] as Node, leaving: false });
    }
  }
  flush();

  const offsets: { start: number; end: number }[] = [];
  let cursor = 0;
  for (const block of blocks) {
    offsets.push({ start: cursor, end: cursor + block.length });
    cursor += block.length + BLOCK_SEPARATOR.length;
  }
  // NUL and lone surrogates replaced (same length): the text that is hashed, detected and stored.
  return { text: cleanText(blocks.join(BLOCK_SEPARATOR)), blocks: offsets };
}
