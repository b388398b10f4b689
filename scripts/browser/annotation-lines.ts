import { readableFigure } from "../../lib/format/figure-value";
import type { Annotation } from "../../lib/model";
import { shownKind } from "../../lib/shown-kind";

const QUOTE_WIDTH = 70;

/** Where an annotation starts in the article text, for reading order (its position selector). */
function startOf(annotation: Annotation): number {
  const position = annotation.selectors.find((selector) => selector.type === "TextPositionSelector");
  return position?.type === "TextPositionSelector" ? position.start : Number.MAX_SAFE_INTEGER;
}

/** A passage on one line, cut short with "…" when it is longer than the line allows. */
function shortened(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > QUOTE_WIDTH ? `${line.slice(0, QUOTE_WIDTH - 1)}…` : line;
}

/**
 * A page's annotations as a reader would scan them, in reading order, one a line: the kind as the
 * popup shows it, the passage, and the speaker of a quote or claim or the value of a figure or date
 * (written in the page's language, with its qualifier). Dismissed and deleted ones are left out.
 */
export function annotationLines(annotations: Annotation[], lang: string | null): string[] {
  const shown = annotations.filter((a) => !a.dismissed && !a.deleted).sort((a, b) => startOf(a) - startOf(b));
  const kindWidth = Math.max(0, ...shown.map((a) => shownKind(a).length));
  return shown.map((annotation) => {
    const kind = shownKind(annotation).padEnd(kindWidth);
    let detail = "";
    if (annotation.kind === "figure") {
      const figure = readableFigure(annotation, lang);
      const qualifier = annotation.qualifier && !figure.qualifierIncluded ? ` (${annotation.qualifier})` : "";
      detail = figure.text ? `  = ${figure.text}${qualifier}` : "";
    } else if (annotation.speaker) detail = `  — ${annotation.speaker}`;
    return `${kind}  “${shortened(annotation.exact)}”${detail}`;
  });
}
