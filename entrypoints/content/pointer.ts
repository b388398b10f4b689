import type { ShownAnnotation } from "../../lib/page-session";
import type { CardOpening } from "./card-frame";
import type { Lifetime } from "./lifetime";

/**
 * How the reader's pointer and keys open cards. Opening is deliberate: a click on a highlight
 * opens its card; resting the pointer on one for `REST_MS` shows only its small preview (kind,
 * speaker or value, status), which closes when the pointer leaves both it and the highlight, and
 * which a click turns into the card. Only trusted events: a page's scripted click, pointer move
 * or key opens nothing.
 */

/** How long the pointer rests on a highlight before its preview shows. */
export const REST_MS = 700;
/** How long the pointer may be off both the highlight and the preview (crossing the gap between them) before the preview closes. */
export const LEAVE_MS = 300;

/** What the pointer watch needs: the highlight under a point, and the card frame. */
export interface PointerHost {
  life: Lifetime;
  itemAt(x: number, y: number): ShownAnnotation | undefined;
  open(item: ShownAnnotation, how: CardOpening): void;
  close(): void;
  /** The annotation whose preview is shown now, if one is. */
  previewing(): ShownAnnotation | null;
  isFrame(target: EventTarget | null): boolean;
  /** Whether the page's selection is one the reader is making (not the one Escape left on a highlight). */
  selecting(): boolean;
}

/**
 * Watches the pointer for as long as `host.life` lasts; `inFrame` is what the preview frame says
 * when the pointer enters or leaves it.
 */
export function watchPointer(host: PointerHost): { inFrame(inside: boolean): void } {
  const { life } = host;
  let restTimer: ReturnType<typeof setTimeout> | undefined;
  let leaveTimer: ReturnType<typeof setTimeout> | undefined;
  /** Where the pointer was last seen: in the page at (x, y), in our frame, or gone from the window. */
  let pointer: { x: number; y: number; where: "page" | "frame" | "gone" } = { x: -1, y: -1, where: "gone" };

  /** Closes the preview unless the pointer is on it or back on its highlight. */
  const checkLeft = () => {
    leaveTimer = undefined;
    const item = host.previewing();
    if (!item || pointer.where === "frame") return;
    if (pointer.where === "page" && host.itemAt(pointer.x, pointer.y)?.id === item.id) return;
    host.close();
  };
  const soon = () => {
    if (host.previewing()) leaveTimer ??= setTimeout(checkLeft, LEAVE_MS);
  };

  life.listen(document, "click", (event: MouseEvent) => {
    if (!event.isTrusted) return;
    // A click is the reader's decision: the rest that led up to it must not open a preview later
    // (after a quick Escape, say), as if the pointer had only paused there.
    clearTimeout(restTimer);
    // A click that ends a selection is the reader selecting, not asking for a card.
    if (host.selecting()) return;
    const item = host.itemAt(event.clientX, event.clientY);
    if (item) host.open(item, {});
  });
  life.listen(
    window,
    "mousemove",
    (event: MouseEvent) => {
      clearTimeout(restTimer);
      if (!event.isTrusted || event.buttons !== 0) return;
      const { clientX: x, clientY: y } = event;
      if (host.isFrame(event.target)) {
        pointer = { x, y, where: "frame" };
        return;
      }
      pointer = { x, y, where: "page" };
      soon();
      restTimer = setTimeout(() => {
        const item = host.itemAt(x, y);
        if (item) host.open(item, { preview: true });
      }, REST_MS);
    },
    { capture: true, passive: true },
  );
  // The pointer entering our frame: the page's document hears no moves inside it, only this.
  life.listen(
    window,
    "mouseover",
    (event: MouseEvent) => {
      if (!event.isTrusted || !host.isFrame(event.target)) return;
      clearTimeout(restTimer);
      pointer = { ...pointer, where: "frame" };
    },
    { capture: true, passive: true },
  );
  // The pointer leaving the window from the page.
  life.listen(document, "mouseout", (event: MouseEvent) => {
    if (!event.isTrusted || event.relatedTarget !== null) return;
    clearTimeout(restTimer);
    if (host.isFrame(event.target)) return;
    pointer = { ...pointer, where: "gone" };
    soon();
  });
  life.onEnd(() => {
    clearTimeout(restTimer);
    clearTimeout(leaveTimer);
  });

  return {
    inFrame(inside) {
      clearTimeout(restTimer);
      if (inside) pointer = { ...pointer, where: "frame" };
      // Left for the page, whose moves may have told already where the pointer is now.
      else if (pointer.where === "frame") pointer = { ...pointer, where: "gone" };
      soon();
    },
  };
}
