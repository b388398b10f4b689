import { splitOnBlankLines } from "./blocks";
import { detectFigures } from "./figures";
import { guessLang } from "./figures/guess-lang";
import { innermostContaining } from "./innermost";
import { detectSpansAndRegions, type SpeakerRegion } from "./spans";
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

/**
 * Each figure with the speaker of the quote, claim or block quote it sits in: the innermost one
 * that contains it.
 */
function attribute(figures: FigureDetection[], holders: readonly (SpanDetection | SpeakerRegion)[]): FigureDetection[] {
  const innermost = innermostContaining(holders, figures);
  return figures.map((figure, i) => {
    const holder = holders[innermost[i] as number];
    return holder?.speaker ? { ...figure, speaker: holder.speaker } : figure;
  });
}

/**
 * Finds the quotes, reported claims, terms and figures of an article text. Never throws;
 * every detection satisfies `text.slice(start, end) === exact`. Sorted by position.
 */
export function detect(input: DetectInput): Detection[] {
  const text = typeof input?.text === "string" ? input.text : "";
  const normalised: DetectInput = {
    text,
    blocks: Array.isArray(input?.blocks) ? input.blocks : splitOnBlankLines(text),
    lang: typeof input?.lang === "string" ? input.lang : null,
  };
  // An untagged page's language, guessed once for both detectors.
  const guessed = normalised.lang === null ? guessLang(text) : null;
  let regions: SpeakerRegion[] = [];
  const spans = safely(() => {
    const found = detectSpansAndRegions(normalised, guessed);
    regions = found.regions;
    return found.spans;
  }, text);
  const claims: (SpanDetection | SpeakerRegion)[] = spans.filter((span) => span.kind !== "term");
  const figures = safely(() => detectFigures(normalised, guessed), text);
  return [...spans, ...attribute(figures, [...claims, ...regions])].sort((a, b) => a.start - b.start || b.end - a.end);
}
