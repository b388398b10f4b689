import { h, render } from "preact";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { createShadowRootUi } from "wxt/utils/content-script-ui/shadow-root";
import { Card, type CardAnnotation, type CardOptions } from "../../components/Card";
// Inlined as strings and handed to the shadow root, so they never reach the manifest's page CSS.
import cardCss from "../../components/card.css?inline";
import editorsCss from "../../components/edit/editors.css?inline";

/**
 * The annotation card in the live page: the one place Claimmark adds an element, a shadow host
 * that exists only while a card is open. Page styles cannot reach in (reset host, own CSS) and
 * key and pointer events inside do not bubble out to the page's handlers.
 */

export interface CardHandle {
  /** Closes the card and removes its shadow host; returns focus when it was inside the card. */
  close(): void;
  /**
   * Shows another state of the annotation (a new status, an added source) in the same card;
   * `options` replace those given so far field by field (pass `toast: null` to drop an undo).
   */
  update(annotation: CardAnnotation, options?: CardOptions): void;
  /** The card element (role="dialog") inside the shadow root. */
  readonly element: HTMLElement;
  /** The element added to the page; gone once the card is closed. */
  readonly host: HTMLElement;
}

export interface OpenCardOptions {
  /** Where focus goes when the card closes; the element focused at opening when omitted. */
  returnFocusTo?: HTMLElement | null;
  /** Move focus into the card (its close button): set when the card was opened from the keyboard. */
  focus?: boolean;
  /** Called once when the card goes away, whatever closed it (Escape, a click outside, another card). */
  onClose?: () => void;
  /**
   * "open" (default) lets end-to-end tests (Playwright pierces open shadow roots only) and
   * assistive tooling look inside; "closed" also hides the card, with the reader's own
   * verdicts and sources, from the page's scripts.
   */
  shadowMode?: "open" | "closed";
  /** The card's edit callbacks, related annotations, tag completions and undo offer. */
  card?: CardOptions;
}

/** Tag name of the card's shadow host, the one element Claimmark adds to a page (so readers can skip it). */
export const CARD_HOST_TAG = "claimmark-card";

/** Distance between the annotated text and the card, and between the card and the viewport edge. */
const GAP = 8;
const MARGIN = 8;
/** Events that stay inside the card, so page shortcuts and "click elsewhere" handlers ignore it. */
const ISOLATED_EVENTS = ["keydown", "keyup", "keypress", "pointerdown", "pointerup", "mousedown", "mouseup", "click"];

let current: CardHandle | null = null;
let latestOpen = 0;

/** Where the card goes: below the anchor, above it when there is no room below, always inside the viewport. */
export function placeCard(
  anchor: Pick<DOMRect, "top" | "bottom" | "left">,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
): { top: number; left: number; placement: "below" | "above" } {
  const roomBelow = viewport.height - MARGIN - (anchor.bottom + GAP);
  const roomAbove = anchor.top - GAP - MARGIN;
  const placement = card.height <= roomBelow || roomBelow >= roomAbove ? "below" : "above";
  const wanted = placement === "below" ? anchor.bottom + GAP : anchor.top - GAP - card.height;
  const top = clamp(wanted, MARGIN, viewport.height - MARGIN - card.height);
  const left = clamp(anchor.left, MARGIN, viewport.width - MARGIN - card.width);
  return { top, left, placement };
}

/** `value` within [min, max]; `min` wins when the range is empty (a card larger than the viewport). */
function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}

/** The card currently open, if any. */
export function openCardHandle(): CardHandle | null {
  return current;
}

/**
 * Opens the card for an annotation next to `anchorRect` (viewport coordinates), closing any
 * card already open. Escape, the close button or a pointer press outside the card close it.
 */
export async function openCard(
  ctx: ContentScriptContext,
  annotation: CardAnnotation,
  anchorRect: DOMRect,
  options: OpenCardOptions = {},
): Promise<CardHandle> {
  const doc = document;
  const focused = doc.activeElement;
  const returnFocusTo =
    options.returnFocusTo !== undefined
      ? options.returnFocusTo
      : focused instanceof HTMLElement && focused !== doc.body
        ? focused
        : null;
  current?.close();
  const ticket = ++latestOpen;

  let shown = annotation;
  let shownOptions: CardOptions = options.card ?? {};
  let closed = false;
  const listeners = new AbortController();
  // WXT removes every UI it made when the extension goes away, closed or not: report once.
  const finish = () => {
    if (closed) return;
    closed = true;
    listeners.abort();
    if (current === handle) current = null;
    options.onClose?.();
  };
  const draw = (container: HTMLElement) =>
    render(h(Card, { ...shownOptions, annotation: shown, onClose: () => handle.close() }), container);

  const ui = await createShadowRootUi(ctx, {
    name: CARD_HOST_TAG,
    position: "inline",
    anchor: () => doc.body ?? doc.documentElement,
    append: "last",
    mode: options.shadowMode ?? "open",
    css: cardCss + editorsCss,
    isolateEvents: ISOLATED_EVENTS,
    onMount: (container) => {
      draw(container);
      return container;
    },
    // Also runs when WXT removes the UI itself (the extension was reloaded or updated).
    onRemove: (container) => {
      if (container) render(null, container);
      finish();
    },
  });

  const cardElement = () =>
    (ui.uiContainer.querySelector('[data-testid="card"]') as HTMLElement | null) ?? ui.uiContainer;

  const place = () => {
    const element = cardElement();
    const view = doc.defaultView;
    const size = element.getBoundingClientRect();
    const viewport = {
      width: doc.documentElement.clientWidth || view?.innerWidth || 0,
      height: view?.innerHeight || doc.documentElement.clientHeight || 0,
    };
    const { top, left, placement } = placeCard(anchorRect, size, viewport);
    element.style.top = `${top}px`;
    element.style.left = `${left}px`;
    element.dataset.placement = placement;
  };

  const handle: CardHandle = {
    close() {
      if (closed) return;
      // activeElement is the shadow host while focus is anywhere inside the card.
      const focusWasInside = doc.activeElement === ui.shadowHost;
      ui.remove();
      if (focusWasInside && returnFocusTo?.isConnected) returnFocusTo.focus({ preventScroll: true });
    },
    update(next, nextOptions) {
      if (closed) return;
      shown = next;
      if (nextOptions) shownOptions = { ...shownOptions, ...nextOptions };
      draw(ui.uiContainer);
      place();
    },
    get element() {
      return cardElement();
    },
    get host() {
      return ui.shadowHost;
    },
  };

  // A newer card was asked for while this one loaded: it never shows.
  if (ticket !== latestOpen) {
    finish();
    return handle;
  }

  ui.mount();
  current = handle;
  place();

  const signal = listeners.signal;
  const inside = (event: Event) => event.composedPath().includes(ui.shadowHost);
  // Capture on the document: the page's own handlers cannot swallow these first.
  doc.addEventListener(
    "keydown",
    (event) => {
      if (event.key === "Escape" && !inside(event)) handle.close();
    },
    { capture: true, signal },
  );
  doc.addEventListener(
    "pointerdown",
    (event) => {
      if (!inside(event)) handle.close();
    },
    { capture: true, signal },
  );

  if (options.focus) {
    const closeButton = cardElement().querySelector<HTMLElement>('[data-testid="card-close"]');
    closeButton?.focus({ preventScroll: true });
  }
  return handle;
}
