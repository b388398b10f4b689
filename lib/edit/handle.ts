import {
  addSourceIn,
  allTags,
  changeSourceIn,
  createUserAnnotation,
  patched,
  relatedAnnotations,
  restoreSourceIn,
} from "../db/edit";
import type { ClaimmarkDb } from "../db/schema";
import { changeSetOfAnnotation, changeSetOfSource, type SetDraft, setOfAnnotation, sourcesIn } from "../db/store";
import { detectFigures } from "../detect/figures";
import type { FigureDetection } from "../detect/types";
import type { Annotation, Source } from "../model";
import { pageKey } from "../url/normalize";
import type { AnnotationDetails, EditMessage, EditResponse } from "./messages";

/** An annotation and its sources, from its page's set; undefined when the set lacks it. */
function detailsIn(set: SetDraft, id: string): AnnotationDetails | undefined {
  const annotation = set.annotations.find((a) => a.id === id);
  return annotation && { annotation, sources: sourcesIn(set, id) };
}

/**
 * Details with every tag in use and the related annotations of other pages. Those read the whole
 * database, so only opening a card (or making an annotation) asks for them, never each change
 * saved as the reader types.
 */
async function withContext(db: ClaimmarkDb, details: AnnotationDetails): Promise<AnnotationDetails> {
  const [tags, related] = await Promise.all([allTags(db), relatedAnnotations(db, details.annotation)]);
  return { ...details, context: { tags, related } };
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
  const missing: EditResponse = { ok: false, error: "no such annotation on this page" };
  const noSource: EditResponse = { ok: false, error: "no such source on this page" };
  const now = Date.now();
  // Each change is one read and one write of the page's set, refused unless the set is this
  // page's, and answered with the details read from that same set.
  const answer = (details: AnnotationDetails | undefined, refusal = missing): EditResponse =>
    details ? { ok: true, details } : refusal;

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
      return { ok: true, details: await withContext(db, { annotation, sources: [] }) };
    }
    case "annotation/update": {
      const { id, patch } = message;
      return answer(
        await changeSetOfAnnotation(db, id, (draft) => {
          const at = draft.annotations.findIndex((a) => a.id === id);
          if (draft.pageKey !== key || at === -1) return undefined;
          draft.annotations[at] = patched(draft.annotations[at] as Annotation, patch, now);
          return detailsIn(draft, id);
        }),
      );
    }
    case "annotation/details": {
      const set = await setOfAnnotation(db, message.id);
      const details = set && set.pageKey === key ? detailsIn(set, message.id) : undefined;
      return details && message.withContext ? { ok: true, details: await withContext(db, details) } : answer(details);
    }
    case "source/add": {
      const { annotationId } = message;
      return answer(
        await changeSetOfAnnotation(db, annotationId, (draft) =>
          draft.pageKey === key && addSourceIn(draft, annotationId, message.source, now)
            ? detailsIn(draft, annotationId)
            : undefined,
        ),
      );
    }
    case "source/update":
    case "source/remove": {
      const { id } = message;
      let removed: Source | undefined;
      const details = await changeSetOfSource(db, id, (draft) => {
        if (draft.pageKey !== key) return undefined;
        const change = (source: Source): Source | null =>
          message.type === "source/update" ? { ...source, ...message.patch, updatedAt: now } : null;
        const source = changeSourceIn(draft, id, change, now);
        if (message.type === "source/remove") removed = source;
        return source && detailsIn(draft, source.annotationId);
      });
      const response = answer(details, noSource);
      return response.ok && removed ? { ...response, removed } : response;
    }
    case "source/restore": {
      const { source } = message;
      return answer(
        await changeSetOfAnnotation(db, source.annotationId, (draft) => {
          if (draft.pageKey !== key) return undefined;
          restoreSourceIn(draft, source);
          return detailsIn(draft, source.annotationId);
        }),
      );
    }
  }
}
