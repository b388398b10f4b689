import { splitOnBlankLines } from "./blocks";
import { detectFigures } from "./figures";
import { detectSpans } from "./spans";
import type { DetectInput, Detection, FigureDetection, SpanDetection } from "./types";

/** Whether a detection's offsets are in range and match its text: the contract every caller relies on. */
function isSound(text: string, detection: Detection): boolean {
  return (
    Number.isSafeInteger(detection.start) &&
    Number.isSafeInteger(detection.end) &&
    detection.start >= 0 &&
    detection.end <= text.length &&
    detection.start < detection.end &&
    text.slice(detection.start, detection.end) === detection.exact
  );
}

/** Runs one detector, turning a bug on a strange input into an empty result instead of an exception. */
function safely<T extends Detection>(run: () => T[], text: string): T[] {
  try {
    return run().filter((detection) => isSound(text, detection));
  } catch {
    return [];
  }
}

/** The quote or claim a figure sits in: the innermost span that contains it. */
function attribute(figure: FigureDetection, claims: SpanDetection[]): FigureDetection {
  let holder: SpanDetection | null = null;
  for (const span of claims) {
    if (span.start <= figure.start && figure.end <= span.end) {
      if (!holder || span.end - span.start < holder.end - holder.start) holder = span;
    }
  }
  return holder?.speaker ? { ...figure, speaker: holder.speaker } : figure;
}

/** A detector input with its defaults filled in and junk replaced: the detectors never see a bad value. */
export function normalizeInput(input: DetectInput): DetectInput {
  const text = typeof input?.text === "string" ? input.text : "";
  return {
    text,
    blocks: Array.isArray(input?.blocks) ? input.blocks : splitOnBlankLines(text),
    lang: typeof input?.lang === "string" ? input.lang : null,
  };
}

/** The first stage of `detect`: quotes, reported claims and terms of a normalised input. */
export function detectQuotesAndClaims(input: DetectInput): SpanDetection[] {
  return safely(() => detectSpans(input), input.text);
}

/** The second stage of `detect`: figures, each given the speaker of the quote or claim it sits in. */
export function detectFiguresIn(input: DetectInput, spans: SpanDetection[]): Detection[] {
  const claims = spans.filter((span) => span.kind !== "term");
  const figures = safely(() => detectFigures(input), input.text).map((figure) => attribute(figure, claims));
  return [...spans, ...figures].sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Finds the quotes, reported claims, terms and figures of an article text. Never throws;
 * every detection satisfies `text.slice(start, end) === exact`. Sorted by position.
 */
export function detect(input: DetectInput): Detection[] {
  const normalised = normalizeInput(input);
  return detectFiguresIn(normalised, detectQuotesAndClaims(normalised));
}
