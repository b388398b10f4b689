import type { TextPositionSelector, TextQuoteSelector } from "../model";

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
