import { useEffect, useState } from "preact/hooks";
import type {
  AnnotationContext,
  AnnotationDetails,
  CardRequest,
  CardResponse,
  CardSession,
} from "../../lib/card/protocol";
import type { Annotation, AnnotationPatch, Source } from "../../lib/model";
import { Card, type CardAnnotation, type CardOptions } from "../Card";
import { toRelatedItem } from "../edit/Related";
import type { ToastProps } from "../edit/Toast";
import { t } from "../i18n";

/** What the card frame does beyond showing: ask the background, tell the page, close, walk. */
export interface CardFrameActions {
  /** A request about the shown annotation, answered by the background. */
  request(request: CardRequest): Promise<CardResponse>;
  /** The annotation changed: the page repaints it. */
  onChanged(id: string): void;
  onClose(): void;
  onWalk(step: 1 | -1): void;
}

/** Props of {@link CardFrame}. */
export interface CardFrameProps {
  session: CardSession;
  /** The annotation as the background sent it with the showing. */
  details: AnnotationDetails;
  /** Tags in use and related annotations, when the background has sent them (just after the showing). */
  context?: AnnotationContext;
  /** Opened from the keyboard: focus goes to the card. */
  focus: boolean;
  actions: CardFrameActions;
  /** Pointer actions refused so far (the frame was covered, moving or new); the notice shows while `refused`. */
  refusals: number;
  /** Set while a pointer action was just refused. */
  refused: boolean;
  /** Whether a pointer may act now (for the card's look; the guard enforces it). */
  armed: boolean;
}

/** A stored annotation as the card shows it. */
function toCardAnnotation(annotation: Annotation, sources: Source[]): CardAnnotation {
  return {
    id: annotation.id,
    kind: annotation.kind === "term" ? "highlight" : annotation.kind,
    origin: annotation.origin,
    exact: annotation.exact,
    speaker: annotation.speaker,
    cue: annotation.cue,
    figureKind: annotation.figureKind,
    value: annotation.value,
    unit: annotation.unit,
    qualifier: annotation.qualifier,
    status: annotation.status,
    tags: annotation.tags,
    note: annotation.note,
    sources,
    anchor: annotation.anchor?.state === "fuzzy" ? "fuzzy" : "exact",
  };
}

/**
 * The card in its own frame (an extension page): shows what the background sent and sends every
 * change back one field at a time, showing what the database then holds. Deleting, dismissing and
 * removing a source offer an undo. Nothing of it exists in the page.
 */
export function CardFrame({
  session,
  details: shown,
  context,
  focus,
  actions,
  refusals,
  refused,
  armed,
}: CardFrameProps) {
  const [details, setDetails] = useState<AnnotationDetails>(shown);
  const [toast, setToast] = useState<ToastProps | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Coming back to the card (from the popup, another tab): read it again.
  useEffect(() => {
    const again = () => void run({ type: "details" });
    window.addEventListener("focus", again);
    return () => window.removeEventListener("focus", again);
  }, [session]);

  const run = async (request: CardRequest): Promise<CardResponse> => {
    const response = await actions.request(request);
    if (response.ok) {
      setDetails(response.details);
      setError(null);
      if (request.type !== "details") actions.onChanged(session.id);
    } else setError(response.error);
    return response;
  };
  const offerUndo = (message: string, undo: () => void) =>
    setToast({
      message,
      onUndo: () => {
        setToast(null);
        undo();
      },
      onDone: () => setToast(null),
    });
  const patch = (change: AnnotationPatch) => run({ type: "annotation/update", patch: change });
  const withdraw = async (change: AnnotationPatch, message: string, back: AnnotationPatch) => {
    if ((await patch(change)).ok) offerUndo(message, () => void patch(back));
  };

  const options: CardOptions = {
    related: context
      ? {
          sameSpeaker: context.related.sameSpeaker.map(toRelatedItem),
          sameFigure: context.related.sameFigure.map(toRelatedItem),
        }
      : null,
    tagSuggestions: context?.tags ?? [],
    toast,
    onPatch: (change) => void patch(change),
    onAddSource: (source) => void run({ type: "source/add", source }),
    onUpdateSource: (id, change) => void run({ type: "source/update", id, patch: change }),
    onRemoveSource: async (id) => {
      const response = await run({ type: "source/remove", id });
      const removed = response.ok ? response.removed : undefined;
      if (removed) offerUndo(t("card_source_removed"), () => void run({ type: "source/restore", source: removed }));
    },
    onDelete: () => void withdraw({ deleted: true }, t("card_deleted"), { deleted: false }),
    onDismiss: () => void withdraw({ dismissed: true }, t("card_dismissed"), { dismissed: false }),
  };
  const banner = (
    <>
      {refused && (
        <p class="card-frame-refused" role="status" data-testid="card-refused" data-count={refusals}>
          {t("card_click_ignored")}
        </p>
      )}
      {error && (
        <p class="card-frame-error" role="alert" data-testid="card-error">
          {error}
        </p>
      )}
    </>
  );
  return (
    <Card
      {...options}
      annotation={toCardAnnotation(details.annotation, details.sources)}
      armed={armed}
      banner={banner}
      autoFocus={focus}
      onClose={actions.onClose}
      onWalk={actions.onWalk}
    />
  );
}
