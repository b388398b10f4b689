import { type FigureLike, type ReadableFigure, readableFigure, readableValue } from "../lib/format/figure-value";

/**
 * A figure's value for display, as a reader writes it (see lib/format/figure-value.ts): numbers
 * grouped, dates and decades in words ("28 November", "the 1930s"), an amount with its currency
 * when `figure` gives the unit; in `locale`, the reader's own when omitted.
 */
export function formatFigureValue(
  value: number | string,
  locale?: string,
  figure: Omit<FigureLike, "value"> = {},
): string {
  return readableValue({ ...figure, value }, locale);
}

/** A figure as one phrase ("6,500 militants", "$3,200,000,000", "the late 1930s") and whether it says the qualifier. */
export function formatFigure(figure: FigureLike, locale?: string): ReadableFigure {
  return readableFigure(figure, locale);
}
