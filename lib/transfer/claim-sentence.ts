import { CONTEXT_LENGTH, quoteSelectorOf } from "../anchor/selectors";
import { splitSentences } from "../detect/sentences";
import type { Selector } from "../model";

/** Where a sentence was cut short because the stored context ends before it does. */
const ELLIPSIS = "…";

/** A stop that ends a sentence, with any closing quotes or brackets after it, at the end of a text. */
const ENDS_SENTENCE = /[.!?…]["'”’»)\]]*$/u;

/**
 * The sentence a passage comes from, as well as the stored context tells it: the TextQuoteSelector's
 * prefix, the passage and its suffix, cut at the sentence boundaries around the passage (and at a
 * paragraph's edge). The context holds only a few dozen characters on each side, so where the
 * sentence runs on past it an ellipsis says so. The passage alone when there is no context.
 */
export function claimSentence(annotation: { exact: string; selectors: readonly Selector[] }): string {
  const exact = annotation.exact;
  const quote = quoteSelectorOf(annotation.selectors);
  if (!quote) return tidy(exact);
  // A line break is a paragraph's edge: no sentence crosses it.
  const breakBefore = Math.max(quote.prefix.lastIndexOf("\n"), quote.prefix.lastIndexOf("\r"));
  const prefix = quote.prefix.slice(breakBefore + 1);
  const breakAfter = quote.suffix.search(/[\r\n]/u);
  const suffix = breakAfter < 0 ? quote.suffix : quote.suffix.slice(0, breakAfter);
  const text = prefix + exact + suffix;
  const from = prefix.length;
  const to = from + exact.length;
  // The passage is one piece, even when it holds several sentences (a long quote).
  const sentences = splitSentences(text, { start: 0, end: text.length }, [{ start: from, end: to }]);
  const start = sentences.find((s) => s.end > from)?.start ?? from;
  const end = sentences.findLast((s) => s.start < to)?.end ?? to;
  let before = text.slice(Math.min(start, from), from);
  let after = text.slice(to, Math.max(end, to));
  // Cut short: the sentence reaches the context's edge, and the context was cut there, not the text.
  const openStart = start === 0 && breakBefore < 0 && quote.prefix.length >= CONTEXT_LENGTH;
  const openEnd =
    end >= text.length && breakAfter < 0 && quote.suffix.length >= CONTEXT_LENGTH && !ENDS_SENTENCE.test(after);
  // The word the cut went through is dropped: "…in the region", not "…tion in the region".
  if (openStart) before = before.replace(/^\S+(?=\s)/u, "");
  if (openEnd) after = after.replace(/(?<=\s)\S+$/u, "");
  const sentence = tidy(before + exact + after);
  return `${openStart ? ELLIPSIS : ""}${sentence}${openEnd ? ELLIPSIS : ""}`;
}

/** Whitespace runs as one space, none at the ends. */
const tidy = (text: string): string => text.replace(/\s+/gu, " ").trim();
