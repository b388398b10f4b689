import { isProbablyReaderable, Readability } from "@mozilla/readability";
import {
  ARTICLE_TEXT_LIMIT,
  type NoArticleReason,
  PAGE_FIELD_LIMITS,
  PAGE_TEXT_LIMIT,
  type PageReport,
} from "../model";
import { type ArticleText, articleText } from "./article-text";
import { cleanByline } from "./byline";
import { sha256Hex } from "./hash";

/** The outcome of extraction: what is reported to the background, and the text later stages read. */
export interface Extraction {
  report: PageReport;
  article: ArticleText | null;
  /** Time Readability's parse took, in ms (0 when it did not run): the baseline our costs are measured against. */
  readabilityMs?: number;
}

const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);

/**
 * Readability's time grows steeply with nesting depth (a 1,000-deep page takes seconds), so
 * hostile or broken pages beyond these bounds are not parsed. Real articles stay far below:
 * the deepest of the 118 Readability test pages is 38 levels, the largest 9,888 elements.
 */
export const EXTRACTION_LIMITS = { maxDepth: 200, maxElements: 150_000 } as const;

/** Whether a document is within the size Claimmark will hand to Readability. */
function withinLimits(doc: Document): boolean {
  const root = doc.documentElement;
  if (!root) return false;
  let elements = 0;
  const stack: [Element, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop() as [Element, number];
    if (++elements > EXTRACTION_LIMITS.maxElements || depth > EXTRACTION_LIMITS.maxDepth) return false;
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
      stack.push([child, depth + 1]);
    }
  }
  return true;
}

/**
 * Removes `on…` attributes from a clone. Readability re-creates elements and copies their
 * attributes with `setAttribute`; on a page whose Content Security Policy forbids inline handlers,
 * every copied handler is checked against the policy, which logs an error and fires a violation
 * event the page can see (and report). Removing an attribute triggers no check.
 */
function withoutInlineHandlers(clone: Document): void {
  for (const element of clone.getElementsByTagName("*")) {
    if (element.attributes.length === 0) continue;
    for (const name of element.getAttributeNames()) {
      if (name.length > 2 && (name.charCodeAt(0) | 32) === 111 && (name.charCodeAt(1) | 32) === 110) {
        element.removeAttribute(name);
      }
    }
  }
}

/** Trims, collapses whitespace and caps a metadata string; empty becomes null. */
function clean(value: string | null | undefined, max: number): string | null {
  if (typeof value !== "string") return null;
  const collapsed = value.replace(/\s+/g, " ").trim();
  if (!collapsed) return null;
  return collapsed.length > max ? `${collapsed.slice(0, max - 1)}…` : collapsed;
}

/** The page's canonical link resolved against its URL, or null when absent or unusable. */
function canonicalLink(doc: Document, documentUrl: string): string | null {
  try {
    const href = doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute("href");
    if (!href) return null;
    const url = new URL(href.trim(), documentUrl);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.href.length <= PAGE_FIELD_LIMITS.url ? url.href : null;
  } catch {
    return null;
  }
}

function withoutArticle(doc: Document, documentUrl: string, reason: NoArticleReason, readerable: boolean): Extraction {
  return {
    report: {
      canonicalUrl: canonicalLink(doc, documentUrl),
      readerable,
      hasArticle: false,
      noArticleReason: reason,
      title: clean(doc.documentElement ? doc.title : null, PAGE_FIELD_LIMITS.title) ?? "",
      byline: null,
      siteName: null,
      publishedTime: null,
      lang: clean(doc.documentElement?.getAttribute("lang"), PAGE_FIELD_LIMITS.lang),
      excerpt: null,
      textLength: 0,
      textHash: null,
    },
    article: null,
  };
}

/**
 * Extracts the article of a document with Readability. The document itself is never
 * modified: Readability rewrites the DOM it is given, so it only ever sees a clone.
 */
export function extractArticle(doc: Document, documentUrl: string): Extraction {
  const steps = extractionSteps(doc, documentUrl);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The name of the step that is Readability's own `parse()`: one call, which cannot be divided. */
export const READABILITY_STEP = "Readability";

/**
 * `extractArticle` one step at a time: the generator pauses after each costly step (checking the
 * page's size, judging it readerable, cloning it, Readability's parse, reading the text) and names
 * the step done, so the content script can let the page run in between.
 */
export function* extractionSteps(doc: Document, documentUrl: string): Generator<string, Extraction, void> {
  const contentType = (doc.contentType || "text/html").toLowerCase();
  if (!HTML_TYPES.has(contentType)) return withoutArticle(doc, documentUrl, "not-html", false);

  if (!doc.documentElement) return withoutArticle(doc, documentUrl, "empty", false);
  const small = withinLimits(doc);
  yield "check the page's size";
  if (!small) return withoutArticle(doc, documentUrl, "too-complex", false);
  if ((doc.body?.textContent?.length ?? 0) > PAGE_TEXT_LIMIT)
    return withoutArticle(doc, documentUrl, "too-large", false);

  let readerable: boolean;
  try {
    readerable = isProbablyReaderable(doc);
  } catch {
    return withoutArticle(doc, documentUrl, "failed", false);
  }
  yield "judge the page";
  if (!readerable) return withoutArticle(doc, documentUrl, "not-readerable", false);

  const clone = doc.cloneNode(true) as Document;
  withoutInlineHandlers(clone);
  yield "clone the page";

  let parsed: ReturnType<Readability<Node>["parse"]>;
  const started = performance.now();
  try {
    // Class names kept: they tell a caption, byline or related-links box from the article's paragraphs.
    parsed = new Readability<Node>(clone, { serializer: (node) => node, keepClasses: true }).parse();
  } catch {
    return withoutArticle(doc, documentUrl, "failed", true);
  }
  const readabilityMs = performance.now() - started;
  yield READABILITY_STEP;
  if (!parsed?.content) return { ...withoutArticle(doc, documentUrl, "empty", true), readabilityMs };

  const article = articleText(parsed.content);
  yield "read the article's text";
  if (!article.text) return { ...withoutArticle(doc, documentUrl, "empty", true), readabilityMs };
  // Checked before hashing and sending: the background would refuse it anyway.
  if (article.text.length > ARTICLE_TEXT_LIMIT)
    return { ...withoutArticle(doc, documentUrl, "too-large", true), readabilityMs };

  const siteName = clean(parsed.siteName, PAGE_FIELD_LIMITS.siteName);
  return {
    report: {
      canonicalUrl: canonicalLink(doc, documentUrl),
      readerable: true,
      hasArticle: true,
      noArticleReason: null,
      title: clean(parsed.title, PAGE_FIELD_LIMITS.title) ?? clean(doc.title, PAGE_FIELD_LIMITS.title) ?? "",
      byline: cleanByline(clean(parsed.byline, PAGE_FIELD_LIMITS.byline), siteName),
      siteName,
      publishedTime: clean(parsed.publishedTime, PAGE_FIELD_LIMITS.publishedTime),
      lang: clean(parsed.lang, PAGE_FIELD_LIMITS.lang),
      excerpt: clean(parsed.excerpt, PAGE_FIELD_LIMITS.excerpt),
      textLength: article.text.length,
      textHash: sha256Hex(article.text),
    },
    article,
    readabilityMs,
  };
}
