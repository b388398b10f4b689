import {
  addSource,
  allTags,
  createUserAnnotation,
  deleteSource,
  patched,
  relatedAnnotations,
  restoreSource,
  updateSource,
} from "../db/edit";
import type { ClaimmarkDb } from "../db/schema";
import { changeAnnotation, getAnnotation, getSource, groupSources, sourcesOf } from "../db/store";
import { detectFigures } from "../detect/figures";
import type { FigureDetection } from "../detect/types";
import type { Annotation, Source } from "../model";
import { pageKey } from "../url/normalize";
import type { AnnotationDetails, EditMessage, EditResponse } from "./messages";

/**
 * An annotation as it now stands, with its sources; with `withContext`, also every tag in use and
 * the related annotations of other pages. Those read the whole table, so only opening a card (or
 * making an annotation) asks for them, never each change saved as the reader types.
 */
async function detailsOf(db: ClaimmarkDb, annotation: Annotation, withContext = false): Promise<AnnotationDetails> {
  const sources = (await sourcesOf(db, [annotation.id])).get(annotation.id) ?? [];
  if (!withContext) return { annotation, sources };
  const [tags, related] = await Promise.all([allTags(db), relatedAnnotations(db, annotation.id)]);
  return { annotation, sources, context: { tags, related } };
}

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
 * Carries out an edit from a page's card, on the page at `url` only: an annotation or source of
 * another page is refused as if it did not exist, so a page can never touch another page's work.
 */
export async function handleEdit(db: ClaimmarkDb, message: EditMessage, url: string): Promise<EditResponse> {
  const key = pageKey(url, message.page.canonicalUrl);
  if (!key) return { ok: false, error: "refused: not an http(s) page" };
  const owned = async (id: string): Promise<Annotation | null> => {
    const annotation = await getAnnotation(db, id);
    return annotation && annotation.pageKey === key ? annotation : null;
  };
  const answer = async (id: string, withContext = false): Promise<EditResponse> => {
    const annotation = await getAnnotation(db, id);
    return annotation
      ? { ok: true, details: await detailsOf(db, annotation, withContext) }
      : { ok: false, error: "the annotation no longer exists" };
  };
  const missing: EditResponse = { ok: false, error: "no such annotation on this page" };

  switch (message.type) {
    case "annotation/create": {
      const page = await db.pages.get(key);
      if (!page?.hasArticle) return { ok: false, error: "this page has no article to annotate" };
      const { passage, kind } = message;
      if (passage.end > page.textLength) return { ok: false, error: "the passage lies outside the article" };
      const figure = kind === "figure" ? parseFigure(passage.exact, page.lang) : null;
      const annotation = await createUserAnnotation(db, key, {
        kind,
        ...passage,
        speaker: null,
        figureKind: figure?.figureKind ?? null,
        value: figure?.value ?? null,
        unit: figure?.unit ?? null,
        qualifier: figure?.qualifier ?? null,
      });
      return { ok: true, details: await detailsOf(db, annotation, true) };
    }
    case "annotation/update": {
      // Saved as the reader types: one read and one write of the page's set, and the answer
      // taken from that same set.
      let sources: Source[] = [];
      const { id, patch } = message;
      const annotation = await changeAnnotation(db, id, (stored, draft) => {
        if (draft.pageKey !== key) return undefined;
        sources = groupSources(draft.sources.filter((source) => source.annotationId === id)).get(id) ?? [];
        return patched(stored, patch, Date.now());
      });
      return annotation ? { ok: true, details: { annotation, sources } } : missing;
    }
    case "annotation/details":
      if (!(await owned(message.id))) return missing;
      return answer(message.id, message.withContext);
    case "source/add":
      if (!(await owned(message.annotationId))) return missing;
      await addSource(db, message.annotationId, message.source);
      return answer(message.annotationId);
    case "source/update":
    case "source/remove": {
      const source = await getSource(db, message.id);
      if (!source || !(await owned(source.annotationId))) return { ok: false, error: "no such source on this page" };
      if (message.type === "source/update") await updateSource(db, message.id, message.patch);
      else await deleteSource(db, message.id);
      const response = await answer(source.annotationId);
      return response.ok && message.type === "source/remove" ? { ...response, removed: source } : response;
    }
    case "source/restore":
      if (!(await owned(message.source.annotationId))) return missing;
      await restoreSource(db, message.source);
      return answer(message.source.annotationId);
  }
}
