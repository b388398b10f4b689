import { addSourceIn, allTags, changeSourceIn, patched, relatedAnnotations, restoreSourceIn } from "../db/edit";
import type { ClaimmarkDb } from "../db/schema";
import { changeSetOfAnnotation, changeSetOfSource, type SetDraft, setOfAnnotation, sourcesIn } from "../db/store";
import type { Annotation, Source } from "../model";
import type { AnnotationContext, AnnotationDetails, CardRequest, CardResponse, CardSession } from "./protocol";

/** An annotation and its sources, from its page's set; undefined when the set lacks it. */
function detailsIn(set: SetDraft, id: string): AnnotationDetails | undefined {
  const annotation = set.annotations.find((a) => a.id === id);
  return annotation && { annotation, sources: sourcesIn(set, id) };
}

/** The session's annotation as it stands, with its sources; undefined when it is no longer on the session's page. */
export async function sessionDetails(db: ClaimmarkDb, session: CardSession): Promise<AnnotationDetails | undefined> {
  const set = await setOfAnnotation(db, session.id);
  return set && set.pageKey === session.pageKey ? detailsIn(set, session.id) : undefined;
}

/**
 * Every tag in use and the related annotations of other pages: they read the whole database, so
 * a card's showing asks for them once, after the card is shown, never a change saved as the reader types.
 */
export async function cardContext(db: ClaimmarkDb, annotation: Annotation): Promise<AnnotationContext> {
  const [tags, related] = await Promise.all([allTags(db), relatedAnnotations(db, annotation)]);
  return { tags, related };
}

/**
 * Carries out a card's request on the one annotation its port is bound to, and that annotation's
 * sources: anything of another annotation or page is refused as if it did not exist. Each change
 * is one read and one write of the page's set, answered from that same set.
 */
export async function handleCardRequest(
  db: ClaimmarkDb,
  session: CardSession,
  request: CardRequest,
  now: number = Date.now(),
): Promise<CardResponse> {
  const { id, pageKey } = session;
  const ours = (draft: SetDraft) => draft.pageKey === pageKey;
  const answer = (
    details: AnnotationDetails | undefined,
    refusal = "this annotation is no longer stored",
  ): CardResponse => (details ? { ok: true, details } : { ok: false, error: refusal });

  switch (request.type) {
    case "details":
      return answer(await sessionDetails(db, session));
    case "annotation/update":
      return answer(
        await changeSetOfAnnotation(db, id, (draft) => {
          const at = draft.annotations.findIndex((a) => a.id === id);
          if (!ours(draft) || at === -1) return undefined;
          draft.annotations[at] = patched(draft.annotations[at] as Annotation, request.patch, now);
          return detailsIn(draft, id);
        }),
      );
    case "source/add":
      return answer(
        await changeSetOfAnnotation(db, id, (draft) =>
          ours(draft) && addSourceIn(draft, id, request.source, now) ? detailsIn(draft, id) : undefined,
        ),
      );
    case "source/update":
    case "source/remove": {
      let removed: Source | undefined;
      const details = await changeSetOfSource(db, request.id, (draft) => {
        const source = draft.sources.find((s) => s.id === request.id);
        if (!ours(draft) || source?.annotationId !== id) return undefined;
        const change = (stored: Source): Source | null =>
          request.type === "source/update" ? { ...stored, ...request.patch, updatedAt: now } : null;
        const changed = changeSourceIn(draft, request.id, change, now);
        if (request.type === "source/remove") removed = changed;
        return detailsIn(draft, id);
      });
      const response = answer(details, "no such source on this annotation");
      return response.ok && removed ? { ...response, removed } : response;
    }
    case "source/restore":
      if (request.source.annotationId !== id) return { ok: false, error: "no such source on this annotation" };
      return answer(
        await changeSetOfAnnotation(db, id, (draft) => {
          if (!ours(draft)) return undefined;
          restoreSourceIn(draft, request.source);
          return detailsIn(draft, id);
        }),
      );
  }
}
