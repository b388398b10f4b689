import type { Selector, TextPositionSelector, TextQuoteSelector } from "../model";

/** Characters of context kept on each side of a quote: enough to tell repeated phrases apart. */
export const CONTEXT_LENGTH = 32;

/** The W3C selectors of the span [start, end) of an article text: quote with context, and position. */
export function selectorsFor(text: string, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  return [
    {
      type: "TextQuoteSelector",
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    { type: "TextPositionSelector", start, end },
  ];
}

/** An annotation's TextQuoteSelector, if it has one. */
export function quoteSelectorOf(selectors: readonly Selector[]): TextQuoteSelector | undefined {
  return selectors.find((s): s is TextQuoteSelector => s.type === "TextQuoteSelector");
}

/** An annotation's TextPositionSelector, if it has one. */
export function positionSelectorOf(selectors: readonly Selector[]): TextPositionSelector | undefined {
  return selectors.find((s): s is TextPositionSelector => s.type === "TextPositionSelector");
}

/**
 * Where an annotation starts in its article, for reading order; one without a position sorts last
 * (a finite number, so that subtracting two of them stays a number).
 */
export function readingOrderOf(annotation: { selectors: readonly Selector[] }): number {
  return positionSelectorOf(annotation.selectors)?.start ?? Number.MAX_SAFE_INTEGER;
}
