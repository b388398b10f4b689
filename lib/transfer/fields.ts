import { z } from "zod/v4";
import { isRecord } from "../check";
import { isWebUrl } from "../edit/validate";
import { DETECTION_LIMITS, EDIT_LIMITS } from "../model";
import { cleanText } from "../text/clean";
import { msOf } from "./dates";

/** Longest prefix or suffix kept in an imported TextQuoteSelector: more context than anyone writes. */
export const CONTEXT_MAX = 1000;

/** Longest id (ours or another tool's) an imported record may carry. */
export const ID_MAX = 300;

/**
 * Text of at most `max` UTF-16 code units, said plainly when longer, stored clean (`cleanText`: no
 * NUL, no lone surrogate) like any text from outside; later checks (`min`, `refine`) see it clean.
 */
export const text = (max: number) => z.string().max(max, `longer than ${max} characters`).overwrite(cleanText);

/** Text or null. */
export const nullableText = (max: number) => text(max).nullable();

/** An http(s) address within the model's bound. */
export const webUrl = text(EDIT_LIMITS.url).refine(isWebUrl, "not an http or https address");

/** An ISO 8601 date-time with its zone, read as milliseconds. */
export const isoTime = z
  .string()
  .max(40, "longer than 40 characters")
  .transform((value, ctx) => {
    const ms = msOf(value);
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: "custom", message: "not an ISO 8601 date-time (e.g. 2025-03-01T12:00:00Z)" });
      return z.NEVER;
    }
    return ms;
  });

export const quoteSelector = z.object({
  type: z.literal("TextQuoteSelector"),
  exact: text(DETECTION_LIMITS.exact).min(1, "empty quote"),
  prefix: text(CONTEXT_MAX).default(""),
  suffix: text(CONTEXT_MAX).default(""),
});

export const positionSelector = z.object({
  type: z.literal("TextPositionSelector"),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

const KNOWN_SELECTORS = new Set(["TextQuoteSelector", "TextPositionSelector"]);

/**
 * A target's selectors: the TextQuoteSelector and TextPositionSelector among them (others, like a
 * RangeSelector into some DOM, are of no use to Claimmark), one quote at least.
 */
export const selectors = z.preprocess(
  (value) =>
    Array.isArray(value) ? value.filter((s) => !isRecord(s) || KNOWN_SELECTORS.has(s.type as string)) : value,
  z
    .array(z.discriminatedUnion("type", [quoteSelector, positionSelector]))
    .max(10, "more than 10 selectors")
    .refine((list) => list.some((s) => s.type === "TextQuoteSelector"), "no TextQuoteSelector")
    .refine((list) => list.every((s) => s.type !== "TextPositionSelector" || s.end >= s.start), "end before start"),
);
