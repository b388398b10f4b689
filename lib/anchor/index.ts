export { type DomTextIndex, indexDomText } from "./dom-text";
export { errorBudget, locateFuzzy, MIN_QUOTE_SIMILARITY } from "./fuzzy";
export { locateAll, locateQuote, type QuoteTarget, type TextMatch } from "./locate";
export { isWhitespaceCode, normalizeWhitespace } from "./normalize";
export { CONTEXT_LENGTH, selectorsFor } from "./selectors";
export { locateAtPosition, locateExact } from "./text-quote";
