import { useLayoutEffect, useRef } from "preact/hooks";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The elements inside a container that Tab can reach, in order. */
function focusableIn(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.hidden);
}

/**
 * Keeps the keyboard inside a modal dialog: Tab and Shift+Tab cycle through its controls, focus
 * that escapes (a click outside) is brought back, Escape cancels, and on close the focus returns
 * to where it was when the dialog opened.
 */
export function useFocusTrap(container: { current: HTMLElement | null }, onEscape: () => void): void {
  const escapeHandler = useRef(onEscape);
  escapeHandler.current = onEscape;
  // A layout effect: the focus moves in before the dialog is first painted.
  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const before = element.ownerDocument.activeElement as HTMLElement | null;
    (focusableIn(element)[0] ?? element).focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.preventDefault();
        escapeHandler.current();
        return;
      }
      if (event.key !== "Tab") return;
      const items = focusableIn(element);
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) return;
      const active = element.ownerDocument.activeElement;
      if (event.shiftKey && (active === first || !element.contains(active))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !element.contains(active))) {
        event.preventDefault();
        first.focus();
      }
    };
    const onFocusIn = (event: FocusEvent) => {
      if (!element.contains(event.target as Node)) (focusableIn(element)[0] ?? element).focus();
    };
    element.ownerDocument.addEventListener("keydown", onKey, true);
    element.ownerDocument.addEventListener("focusin", onFocusIn);
    return () => {
      element.ownerDocument.removeEventListener("keydown", onKey, true);
      element.ownerDocument.removeEventListener("focusin", onFocusIn);
      before?.focus?.();
    };
  }, []);
}
