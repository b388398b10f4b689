import { selectorsFor } from "../anchor/selectors";
import { createUserAnnotation } from "../db/edit";
import type { ClaimmarkDb } from "../db/schema";
import { detectFigures } from "../detect/figures";
import type { FigureDetection } from "../detect/types";
import { sha256Hex } from "../extract/hash";
import type { AnnotationCreateMessage, PaintItem } from "../messages";
import { cleanText } from "../text/clean";

/** A hand-made figure read like a detected one: the figure that covers most of the selection. */
function parseFigure(exact: string, lang: string | null): FigureDetection | null {
  let best: FigureDetection | null = null;
  try {
    for (const figure of detectFigures({ text: exact, lang })) {
      if (!best || figure.end - figure.start > best.end - best.start) best = figure;
    }
  } catch {
    return null;
  }
  return best;
}

/**
 * Stores the reader's selection on the page `key` as a hand-made annotation, once it is proven to
 * be the article's own text: the article sent along must be the one whose hash the page's visit
 * stored, and the passage must be that article's text at its offsets. Its context is taken from
 * the article, never from the message. Answers with the annotation as the page paints it.
 */
export async function createFromPage(
  db: ClaimmarkDb,
  key: string,
  message: AnnotationCreateMessage,
): Promise<{ ok: true; item: PaintItem } | { ok: false; error: string }> {
  const page = await db.pages.get(key);
  if (!page?.hasArticle) return { ok: false, error: "this page has no article to annotate" };
  const { passage, kind, text } = message;
  if (text.length !== page.textLength || sha256Hex(text) !== page.textHash)
    return { ok: false, error: "the article changed since Claimmark read it; select the words again" };
  if (passage.end > text.length || text.slice(passage.start, passage.end) !== passage.exact)
    return { ok: false, error: "the passage is not the article's text at those offsets" };
  const [quote] = selectorsFor(text, passage.start, passage.end);
  const figure = kind === "figure" ? parseFigure(quote.exact, page.lang) : null;
  const annotation = await createUserAnnotation(db, key, {
    kind,
    exact: cleanText(quote.exact),
    prefix: cleanText(quote.prefix),
    suffix: cleanText(quote.suffix),
    start: passage.start,
    end: passage.end,
    speaker: null,
    figureKind: figure?.figureKind ?? null,
    value: figure?.value ?? null,
    unit: figure ? cleanText(figure.unit ?? "") || null : null,
    qualifier: figure?.qualifier ?? null,
  });
  return {
    ok: true,
    item: {
      id: annotation.id,
      kind,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      start: passage.start,
      end: passage.end,
      anchor: "exact",
      status: "unverified",
    },
  };
}
