import { t } from "../../components/i18n";
import { indexDomText } from "../../lib/anchor/dom-text";
import { selectionInArticle } from "../../lib/anchor/selection";
import type { AnnotationCreateMessage, AnnotationCreateResponse } from "../../lib/messages";
import type { SessionOutcome, ShownAnnotation } from "../../lib/page-session";

/** The outcome of annotating the reader's selection: the new annotation where it is, or why not. */
export type Annotated = { ok: true; item: ShownAnnotation } | { ok: false; error: string };

/**
 * Annotates what the reader selected: finds the selection in the page's text and then in the
 * article's, and asks the background to store it. Selections outside the article are refused
 * with a reason: annotations are anchored in the article so they can be found on every visit.
 */
export async function annotateSelection(
  doc: Document,
  outcome: SessionOutcome | null,
  kind: "claim" | "figure" | "highlight",
  send: (message: AnnotationCreateMessage) => Promise<AnnotationCreateResponse | undefined>,
  skip: (element: Element) => boolean,
): Promise<Annotated> {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0)
    return { ok: false, error: t("content_select_first") };
  if (!outcome?.article || !doc.body)
    return {
      ok: false,
      error: t("content_no_article"),
    };
  const range = selection.getRangeAt(0);
  const index = indexDomText(doc.body, { skip });
  const from = index.offsetAt(range.startContainer, range.startOffset);
  const to = index.offsetAt(range.endContainer, range.endOffset);
  if (from === null || to === null || to <= from) return { ok: false, error: t("content_select_first") };
  const passage = selectionInArticle(outcome.article.text, index.text, from, to);
  if (!passage) {
    return {
      ok: false,
      error: t("content_outside_article"),
    };
  }
  // The article text goes along: the background checks it against the hash it stored for the page.
  const response = await send({
    type: "annotation/create",
    page: outcome.page,
    kind,
    passage,
    text: outcome.article.text,
  });
  if (!response?.ok) return { ok: false, error: response?.error ?? t("content_no_answer") };
  // The trimmed selection, as the page shows it.
  let s = from;
  let e = to;
  while (s < e && index.text[s] === " ") s++;
  while (e > s && index.text[e - 1] === " ") e--;
  const item: ShownAnnotation = { ...response.item, range: index.rangeAt(s, e) };
  selection.removeAllRanges();
  return { ok: true, item };
}
