import type { ContentScriptContext } from "wxt/utils/content-script-context";
import type { CardAnnotation, CardOptions } from "../../components/Card";
import { toRelatedItem } from "../../components/edit/Related";
import type { AnnotationDetails, EditMessage, EditResponse, PageRef } from "../../lib/edit/messages";
import type { AnnotationPatch, Source } from "../../lib/model";
import type { ShownAnnotation } from "../../lib/page-session";
import { type CardHandle, openCard } from "./card";

/** What the card controller needs from the rest of the content script. */
export interface CardHost {
  ctx: ContentScriptContext;
  send(message: EditMessage): Promise<EditResponse | undefined>;
  /** The page the annotations belong to (null before a pass recorded it). */
  page(): PageRef | null;
  /** An annotation changed (status, kind fields) or went (deleted, dismissed): repaint it. */
  changed(id: string, details: AnnotationDetails | null): void;
}

/** The card's view of an annotation shown in the page, with what the database says about it. */
function toCard(item: ShownAnnotation, details: AnnotationDetails | null): CardAnnotation {
  const stored = details?.annotation;
  return {
    id: item.id,
    kind: item.kind === "term" ? "highlight" : item.kind,
    origin: stored?.origin ?? item.origin,
    exact: item.exact,
    speaker: stored?.speaker ?? item.speaker,
    cue: stored?.cue ?? item.cue,
    figureKind: stored?.figureKind ?? item.figureKind,
    value: stored ? stored.value : item.value,
    unit: stored ? stored.unit : item.unit,
    qualifier: stored ? stored.qualifier : item.qualifier,
    status: stored?.status ?? item.status,
    tags: stored?.tags ?? [],
    note: stored?.note ?? "",
    sources: details?.sources ?? [],
    anchor: item.anchor,
  };
}

/**
 * Opens cards and carries out what the reader does in them: every change goes to the background
 * as one field, and the card shows what the database then holds. Deleting, dismissing and
 * removing a source offer an undo.
 */
export function cardController(host: CardHost) {
  let card: CardHandle | null = null;
  let openId: string | null = null;

  const close = () => {
    card?.close();
    card = null;
    openId = null;
  };

  const open = async (item: ShownAnnotation, byKeyboard: boolean) => {
    if (!item.range) return;
    if (openId === item.id && card) return;
    close();
    openId = item.id;
    let details: AnnotationDetails | null = null;
    let toast: CardOptions["toast"] = null;
    const page = host.page();

    const refresh = (next: AnnotationDetails | null) => {
      // A change's answer carries no context: keep the one read when the card opened.
      if (next) details = { ...next, context: next.context ?? details?.context };
      card?.update(toCard(item, details), options());
    };
    const run = async (message: EditMessage): Promise<EditResponse | undefined> => {
      const response = await host.send(message);
      if (response?.ok) {
        refresh(response.details);
        host.changed(item.id, response.details);
      } else if (response) {
        toast = { message: response.error, onUndo: () => {}, onDone: () => clearToast() };
        refresh(null);
      }
      return response;
    };
    const clearToast = () => {
      toast = null;
      refresh(null);
    };
    const patch = (change: AnnotationPatch) =>
      page ? run({ type: "annotation/update", page, id: item.id, patch: change }) : undefined;
    // Deleting or dismissing hides the highlight at once; Undo puts it back.
    const withdraw = async (change: AnnotationPatch, message: string, back: AnnotationPatch) => {
      await patch(change);
      toast = {
        message,
        onUndo: () => {
          clearToast();
          void patch(back);
        },
        onDone: clearToast,
      };
      refresh(null);
    };
    const options = (): CardOptions => ({
      related: details?.context
        ? {
            sameSpeaker: details.context.related.sameSpeaker.map(toRelatedItem),
            sameFigure: details.context.related.sameFigure.map(toRelatedItem),
          }
        : null,
      tagSuggestions: details?.context?.tags ?? [],
      toast,
      onPatch: (change) => void patch(change),
      onAddSource: (source) => {
        if (page) void run({ type: "source/add", page, annotationId: item.id, source });
      },
      onUpdateSource: (id, change) => {
        if (page) void run({ type: "source/update", page, id, patch: change });
      },
      onRemoveSource: async (id) => {
        if (!page) return;
        const response = await run({ type: "source/remove", page, id });
        const removed: Source | undefined = response?.ok ? response.removed : undefined;
        if (!removed) return;
        toast = {
          message: "Source removed.",
          onUndo: () => {
            clearToast();
            void run({ type: "source/restore", page, source: removed });
          },
          onDone: clearToast,
        };
        refresh(null);
      },
      onDelete: () => void withdraw({ deleted: true }, "Annotation deleted.", { deleted: false }),
      onDismiss: () => void withdraw({ dismissed: true }, "Dismissed: it will not come back.", { dismissed: false }),
    });

    const handle = await openCard(host.ctx, toCard(item, null), item.range.getBoundingClientRect(), {
      focus: byKeyboard,
      card: options(),
      onClose: () => {
        if (openId === item.id) {
          card = null;
          openId = null;
        }
      },
    });
    if (openId !== item.id) {
      handle.close();
      return;
    }
    card = handle;
    if (page) {
      const response = await host.send({ type: "annotation/details", page, id: item.id, withContext: true });
      if (response?.ok && openId === item.id) refresh(response.details);
    }
  };

  return { open, close, isOpen: (id: string) => openId === id };
}
