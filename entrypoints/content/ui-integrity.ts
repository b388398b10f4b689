/**
 * Whether a piece of our UI in the page is shown as we made it when the reader's pointer reaches
 * it. A page can restyle any element it can reach (our hosts are in its DOM): make one transparent
 * or scale it over the screen so that one real click lands on it unseen. Checked at the moment of
 * the click: the element is the topmost under the pointer, neither it nor an ancestor is faded,
 * filtered, transformed, clipped or blended, and it has been shown long enough to have been seen.
 */

/** How long a control must have been shown before a click on it counts. */
export const SHOWN_MS = 400;

/** Whether a computed style lets a page hide, fade, move, stretch or blend what it applies to. */
function disguised(style: CSSStyleDeclaration): boolean {
  const set = (value: string) => value !== "" && value !== "none";
  return (
    Number.parseFloat(style.opacity) < 1 ||
    style.visibility !== "visible" ||
    set(style.filter) ||
    set(style.transform) ||
    set(style.translate) ||
    set(style.rotate) ||
    set(style.scale) ||
    set(style.clipPath) ||
    style.mixBlendMode !== "normal" ||
    (style.zoom !== "" && style.zoom !== "1" && style.zoom !== "normal")
  );
}

/** Whether `element` and every ancestor are shown as they are, not faded, moved, clipped or blended by the page. */
export function undisguised(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  if (!view) return false;
  for (let at: Element | null = element; at; at = at.parentElement) {
    if (disguised(view.getComputedStyle(at))) return false;
  }
  return true;
}

/**
 * Whether a trusted pointer event at `host` (our element in the page) reached it as the reader saw
 * it: topmost at the pointer, undisguised, itself and every ancestor, and shown since `shownAt`
 * (a `performance.now()` time) for at least `SHOWN_MS`.
 */
export function reachedAsShown(event: MouseEvent, host: Element, shownAt: number): boolean {
  if (!event.isTrusted || performance.now() - shownAt < SHOWN_MS) return false;
  const doc = host.ownerDocument;
  return doc.elementFromPoint(event.clientX, event.clientY) === host && undisguised(host);
}
