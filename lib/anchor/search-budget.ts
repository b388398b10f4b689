/**
 * How much searching of the whole text one `locateAll` may do. Each stored annotation not found
 * near its expected place falls back to a search of the whole text, which costs the text's length
 * (exact) or many times it (fuzzy); with no limit, thousands of edited or vanished annotations on a
 * long page cost thousands of whole-text passes, and a page can arrange that on purpose. With a
 * budget in whole-text passes, re-finding all of a page's annotations stays linear in its length.
 */

/**
 * Whole-text exact searches one `locateAll` may make: about 1 ms each per megabyte of text here,
 * so at most about a quarter of a second per megabyte. Far more than a page's moved passages need:
 * every annotation found near its expected place, as nearly all are, costs none.
 */
export const WHOLE_TEXT_PASSES = 256;

/**
 * The least budget, whatever the text's length: on a short text, a long quote's fuzzy search near
 * its place (charged, as its cost grows with the square of its length) must still be affordable.
 * About a quarter of a second of searching.
 */
const MIN_BUDGET = 2 ** 28;

/**
 * What a fuzzy search costs for each character searched, in the units of an exact search's (about a
 * nanosecond here): a fixed part, and a part for each 32 characters of the quote, which the
 * bit-parallel search takes at a time. Measured on a megabyte of text: 49, 77 and 359 for quotes of
 * 10, 100 and 1,000 characters.
 */
const FUZZY_BASE_COST = 32;
const FUZZY_COST_PER_BLOCK = 10;

/** A running allowance of search, in the units of `exactSearchCost` and `fuzzySearchCost`. */
export class SearchBudget {
  private left: number;

  constructor(textLength: number, passes = WHOLE_TEXT_PASSES) {
    this.left = Math.max(textLength * passes, MIN_BUDGET);
  }

  /** Takes `cost` from the budget; false, taking nothing, when that much is not left. */
  spend(cost: number): boolean {
    if (cost > this.left) return false;
    this.left -= cost;
    return true;
  }
}

/** The cost of an exact search of a whole text of `textLength` characters. */
export const exactSearchCost = (textLength: number): number => textLength;

/** The cost of a fuzzy search for a quote of `quoteLength` characters in `textLength` characters of text. */
export const fuzzySearchCost = (textLength: number, quoteLength: number): number =>
  textLength * (FUZZY_BASE_COST + FUZZY_COST_PER_BLOCK * Math.ceil(quoteLength / 32));
