import { CONTEXT_LENGTH, quoteSelectorOf } from "../../lib/anchor/selectors";
import type { Annotation, TextQuoteSelector } from "../../lib/model";
import { parseHttpUrl } from "../../lib/url/http";

/**
 * Links that open a page scrolled to an annotation, with the Text Fragments syntax
 * (`#:~:text=[prefix-,]start[,end][,-suffix]`, https://wicg.github.io/scroll-to-text-fragment/).
 * The browser matches whole words only, case-insensitively, and a single `start` never spans two
 * blocks, so the quote is cut to whole words and long or multi-paragraph quotes become `start,end`.
 */

/** Quotes longer than this many words are linked by their first and last words. */
const LONG_QUOTE_WORDS = 10;
/** How many words each end of a long quote keeps: enough to be unique on a page, short enough to survive edits. */
const EDGE_WORDS = 4;
/** How many words of context are kept on each side. */
const CONTEXT_WORDS = 3;

/** Encodes one directive term: percent-encoding as for a URI component, plus `-`, which the syntax reserves. */
export function encodeFragmentTerm(text: string): string {
  // A lone surrogate would make encodeURIComponent throw; the browser could not match it anyway.
  const wellFormed = text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  return encodeURIComponent(wellFormed).replace(/-/g, "%2D");
}

function words(text: string): string[] {
  return text.split(/\s+/u).filter(Boolean);
}

/** Whether a character is part of a word, so a cut between two of them splits a word. */
function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/** The whole words of the context before the quote, from its own block: a word cut off by the stored context is dropped. */
function prefixWords(prefix: string, exact: string): string[] {
  const block = prefix.split(/[\n\r\u2028\u2029]/u).at(-1) ?? "";
  const list = words(block);
  // Stored context is cut by characters: a full-length context may begin mid-word.
  if (block === prefix && prefix.length >= CONTEXT_LENGTH && !/^\s/u.test(prefix)) list.shift();
  // A prefix glued to the quote ("re" + "port") is not a separate word and cannot be matched as one.
  if (isWordChar(prefix.at(-1)) && isWordChar(exact[0])) return [];
  return list.slice(-CONTEXT_WORDS);
}

/** The whole words of the context after the quote, from its own block: a word cut off by the stored context is dropped. */
function suffixWords(suffix: string, exact: string): string[] {
  const block = suffix.split(/[\n\r\u2028\u2029]/u)[0] ?? "";
  const list = words(block);
  if (block === suffix && suffix.length >= CONTEXT_LENGTH && !/\s$/u.test(suffix)) list.pop();
  if (isWordChar(suffix[0]) && isWordChar(exact.at(-1))) return [];
  return list.slice(0, CONTEXT_WORDS);
}

/** The text directive (without `#:~:text=`) for a quote and its context. */
export function textDirective(quote: Pick<TextQuoteSelector, "exact" | "prefix" | "suffix">): string | null {
  const exactWords = words(quote.exact);
  if (exactWords.length === 0) return null;
  const multiBlock = /[\n\r\u2028\u2029]/u.test(quote.exact.trim());
  const parts: string[] = [];
  const before = prefixWords(quote.prefix, quote.exact);
  if (before.length > 0) parts.push(`${encodeFragmentTerm(before.join(" "))}-`);
  if ((exactWords.length > LONG_QUOTE_WORDS || multiBlock) && exactWords.length > 1) {
    const edge = Math.min(EDGE_WORDS, Math.floor(exactWords.length / 2));
    parts.push(encodeFragmentTerm(exactWords.slice(0, edge).join(" ")));
    parts.push(encodeFragmentTerm(exactWords.slice(-edge).join(" ")));
  } else {
    parts.push(encodeFragmentTerm(exactWords.join(" ")));
  }
  const after = suffixWords(quote.suffix, quote.exact);
  if (after.length > 0) parts.push(`-${encodeFragmentTerm(after.join(" "))}`);
  return parts.join(",");
}

/** The annotation's quote selector, or its bare text when it has none. */
function quoteOf(
  annotation: Pick<Annotation, "exact" | "selectors">,
): Pick<TextQuoteSelector, "exact" | "prefix" | "suffix"> {
  return quoteSelectorOf(annotation.selectors) ?? { exact: annotation.exact, prefix: "", suffix: "" };
}

/** The page URL that opens at the annotation, or null when the page is not an http(s) URL. */
export function annotationUrl(pageUrl: string, annotation: Pick<Annotation, "exact" | "selectors">): string | null {
  const url = parseHttpUrl(pageUrl);
  if (!url) return null;
  url.hash = "";
  const directive = textDirective(quoteOf(annotation));
  return directive ? `${url.href}#:~:text=${directive}` : url.href;
}
