import type { Lifetime } from "./lifetime";

/**
 * A small piece of our UI that holds nothing of the reader's work (the selection bar, a notice),
 * in a closed shadow root that exists only while shown: one at a time, gone when hidden or when
 * the extension goes away, so the page's DOM is otherwise left as it was. Closed, so page scripts
 * cannot reach inside; the host's own style is set inline with `!important` on every property a
 * page could use to move, hide or stretch it.
 */
export interface TransientUi {
  /** Replaces what is shown with the element `build` makes. */
  show(build: () => HTMLElement): HTMLElement;
  hide(): void;
  /** The element shown now, if any, and its host in the page. */
  current(): { element: HTMLElement; host: HTMLElement } | null;
}

/**
 * The host's inline style, each declaration `!important`: a page stylesheet cannot override those.
 * Set through the CSSOM, which a page's Content Security Policy does not govern.
 */
export const PINNED_STYLE: readonly [string, string][] = [
  ["position", "fixed"],
  ["inset", "auto"],
  ["top", "0"],
  ["left", "0"],
  ["width", "0"],
  ["height", "0"],
  ["margin", "0"],
  ["padding", "0"],
  ["border", "0"],
  ["opacity", "1"],
  ["transform", "none"],
  ["translate", "none"],
  ["rotate", "none"],
  ["scale", "none"],
  ["zoom", "1"],
  ["filter", "none"],
  ["clip-path", "none"],
  ["mix-blend-mode", "normal"],
  ["visibility", "visible"],
  ["display", "block"],
  ["z-index", "2147483647"],
  ["overflow", "visible"],
  ["pointer-events", "auto"],
];

/** Pins `element`'s style: `PINNED_STYLE` with `extra` on top, all `!important`. */
export function pinStyle(element: HTMLElement, extra: readonly [string, string][] = []): void {
  for (const [property, value] of [...PINNED_STYLE, ...extra]) element.style.setProperty(property, value, "important");
}

/** A transient UI under a `<name>` host holding `css`, removed when `life` ends. */
export function transientUi(life: Lifetime, name: string, css: string): TransientUi {
  let shown: { element: HTMLElement; host: HTMLElement } | null = null;
  const hide = () => {
    shown?.host.remove();
    shown = null;
  };
  life.onEnd(hide);
  return {
    show(build) {
      hide();
      const host = document.createElement(name);
      pinStyle(host);
      const root = host.attachShadow({ mode: "closed" });
      const style = document.createElement("style");
      style.textContent = css;
      const element = build();
      root.append(style, element);
      document.documentElement.append(host);
      shown = { element, host };
      return element;
    },
    hide,
    current: () => shown,
  };
}
