import type { BlockRole } from "../detect/types";

/**
 * What a paragraph block was on the page, read from the elements around its first text: the
 * detector treats headings, captions, bylines, related links and table cells by their own rules
 * (LABELING.md: page furniture is not an article's quotes or figures). Readability keeps these
 * elements (and, with `keepClasses`, their class names), so the role survives extraction.
 */

/** The role the ancestors give a block's first text, or null for an ordinary paragraph. */
export type BlockContext = BlockRole | null;

/** The tag of a link, upper-cased as `articleText` compares tags. */
export const LINK_TAG = "A";

/** Share of a block's characters in links above which it is a list of links (related stories, "read more"). */
const LINK_SHARE = 0.8;

// Most specific first: a caption inside a table is a caption, a paragraph in an aside is an aside.
const PRIORITY: readonly BlockRole[] = [
  "byline",
  "caption",
  "heading",
  "table-cell",
  "aside",
  "blockquote",
  "list-item",
  "paragraph",
];

const TAG_ROLES: Record<string, BlockRole> = {
  H1: "heading",
  H2: "heading",
  H3: "heading",
  H4: "heading",
  H5: "heading",
  H6: "heading",
  FIGCAPTION: "caption",
  FIGURE: "caption",
  CAPTION: "caption",
  TD: "table-cell",
  TH: "table-cell",
  ASIDE: "aside",
  NAV: "aside",
  BLOCKQUOTE: "blockquote",
  LI: "list-item",
  DT: "list-item",
  DD: "list-item",
  ADDRESS: "byline",
};

// Class and id words sites use for furniture, as one segment of a class name ("post-author",
// "wp-caption-text", "related-links"), so "authority" or "captioned" do not count.
const CLASS_WORDS: ReadonlyMap<string, BlockRole> = new Map<string, BlockRole>([
  ...["byline", "author", "authors", "writer", "contributor", "bio", "dateline"].map(
    (word) => [word, "byline"] as [string, BlockRole],
  ),
  ...["caption", "credit", "credits"].map((word) => [word, "caption"] as [string, BlockRole]),
  ...["related", "recirc", "readmore", "newsletter", "promo"].map((word) => [word, "aside"] as [string, BlockRole]),
]);

// A class that says an element lacks or toggles the thing ("no_caption", "has-author") names no role.
const NEGATING = new Set(["no", "has", "with", "without", "hide", "show", "is"]);

/** The role a class or id attribute names, or null. */
function roleOfNames(names: string, allowed: (role: BlockRole) => boolean): BlockRole | null {
  for (const token of names.toLowerCase().split(/\s+/)) {
    const segments = token.split(/[_-]+/).filter(Boolean);
    if (segments.length === 0 || NEGATING.has(segments[0] as string)) continue;
    for (const segment of segments) {
      const role = CLASS_WORDS.get(segment);
      if (role && allowed(role)) return role;
    }
  }
  return null;
}

/**
 * Furniture is short: a byline, a caption or a box of related links. A long element whose class
 * merely names one (WordPress gives the whole article `author-<name>`) is the article.
 */
const FURNITURE_MAX_CHARS = 1500;

/** Whether an element is short enough to be furniture (its text measured once: the walk asks per block). */
const small = new WeakMap<Element, boolean>();
function isSmall(element: Element): boolean {
  let known = small.get(element);
  if (known === undefined) {
    known = (element.textContent ?? "").length <= FURNITURE_MAX_CHARS;
    small.set(element, known);
  }
  return known;
}

/** The role one element gives the text inside it, or null when it gives none. */
function roleOfElement(element: Element): BlockRole | null {
  const byTag = TAG_ROLES[(element.tagName ?? "").toUpperCase()];
  if (byTag) return byTag;
  if (element.getAttribute?.("rel") === "author") return "byline";
  const classes = element.getAttribute?.("class") ?? "";
  const id = element.getAttribute?.("id") ?? "";
  if (classes === "" && id === "") return null;
  // Not by id for related links: sites name the article body itself "read-more" (the part after a teaser).
  const role = roleOfNames(classes, () => true) ?? roleOfNames(id, (named) => named !== "aside");
  return role && isSmall(element) ? role : null;
}

/** The most specific role any of the open elements (outermost first; null entries skipped) gives. */
export function contextOf(open: readonly (Element | null)[]): BlockContext {
  let best: BlockRole | null = null;
  for (const element of open) {
    if (!element) continue;
    const role = roleOfElement(element);
    if (role && (best === null || PRIORITY.indexOf(role) < PRIORITY.indexOf(best))) best = role;
  }
  return best;
}

/** A block's role from its context and the share of its text that is link text; undefined for a plain paragraph. */
export function blockRole(context: BlockContext, linkShare: number): BlockRole | undefined {
  // A caption or byline made of links is still a caption or byline; anything else mostly links is a list of links.
  if (linkShare >= LINK_SHARE && context !== "caption" && context !== "byline") return "links";
  return context ?? undefined;
}
