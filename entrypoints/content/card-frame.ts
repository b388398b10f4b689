import { browser } from "wxt/browser";
import { CARD_PAGE, type CardFrameSignal } from "../../lib/card/protocol";
import type { CardOpenMessage, CardOpenResponse, PageRef } from "../../lib/messages";
import type { ShownAnnotation } from "../../lib/page-session";
import type { Lifetime } from "./lifetime";
import { pinStyle } from "./transient-ui";
import { undisguised } from "./ui-integrity";

/**
 * The card's frame in the page. The card itself is an extension page (`card.html`): the page
 * sees an `<iframe>` it cannot look into. The frame's size comes from the viewport alone, never
 * from what the card holds, so not even its height tells the page anything. The content script
 * asks the background for a token for each opening and hands it to the frame by `postMessage`
 * to the extension's origin only; while the card is shown it watches the frame's place in the
 * page and tells the frame to refuse clicks for a moment whenever the page moves, covers or
 * disguises it.
 */

/** Tag name of the frame, the element Claimmark adds to a page while a card is shown. */
export const CARD_FRAME_TAG = "iframe";
/** The frame's `data-claimmark` attribute, by which our own element is told from the page's. */
export const CARD_FRAME_MARK = "card";

/** The card's width, and its tallest height; both in CSS px. */
const WIDTH = 360;
const MAX_HEIGHT = 480;
/** Distance between the annotated text and the card, and between the card and the viewport edge. */
const GAP = 8;
const MARGIN = 8;
/** How often, at most, a disarm is sent while the page keeps disturbing the frame. */
const DISARM_EVERY_MS = 100;

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

/** The origin the card frame's document has (Chromium's dynamic URL redirects to the extension's own). */
function frameOrigin(): string {
  const base = new URL(browser.runtime.getURL("/"));
  return import.meta.env.FIREFOX ? base.origin : `chrome-extension://${browser.runtime.id}`;
}

/** What the frame manager needs from the rest of the content script. */
export interface CardFrameHost {
  life: Lifetime;
  send(message: CardOpenMessage): Promise<CardOpenResponse | undefined>;
  /** The page the annotations belong to (null before a pass recorded it). */
  page(): PageRef | null;
  /** Tells the reader why a card did not open. */
  notify(message: string): void;
}

/** The card frame of this page: opens cards, closes them, and guards the frame while shown. */
export function cardFrame(host: CardFrameHost) {
  const origin = frameOrigin();
  let frame: HTMLIFrameElement | null = null;
  let loaded: Promise<boolean> | null = null;
  let openId: string | null = null;
  /** The annotation whose card is being asked for, until the background answers. */
  let opening: string | null = null;
  let ticket = 0;
  let returnFocusTo: HTMLElement | null = null;
  let placed: { top: number; left: number; width: number; height: number } | null = null;
  let watch = 0;
  let lastDisarm = 0;

  const signal = (message: CardFrameSignal) => frame?.contentWindow?.postMessage(message, origin);

  /** The frame, made on first use; `loaded` resolves once its document (ours) has loaded. */
  const ensureFrame = (): Promise<boolean> => {
    if (frame?.isConnected && loaded) return loaded;
    frame?.remove();
    const element = document.createElement(CARD_FRAME_TAG);
    element.dataset.claimmark = CARD_FRAME_MARK;
    element.title = "Claimmark card";
    element.referrerPolicy = "no-referrer";
    pinStyle(element, [
      ["display", "none"],
      ["border", "0"],
      ["border-radius", "6px"],
      ["box-shadow", "0 6px 24px rgba(0, 0, 0, 0.22)"],
      ["background", "transparent"],
      ["color-scheme", "normal"],
    ]);
    loaded = new Promise((resolve) => {
      // A page can dispatch a made-up "load": only the browser's counts.
      const onLoad = (event: Event) => {
        if (!event.isTrusted) return;
        element.removeEventListener("load", onLoad);
        resolve(true);
      };
      element.addEventListener("load", onLoad);
      host.life.onEnd(() => resolve(false));
    });
    element.src = browser.runtime.getURL(CARD_PAGE);
    document.documentElement.append(element);
    frame = element;
    return loaded;
  };

  /** Puts the frame by the annotated text and shows it. */
  const place = (anchor: DOMRect) => {
    if (!frame) return;
    const height = Math.min(MAX_HEIGHT, Math.max(160, window.innerHeight - 2 * MARGIN));
    const width = Math.min(WIDTH, Math.max(200, document.documentElement.clientWidth - 2 * MARGIN));
    const viewport = { width: document.documentElement.clientWidth || window.innerWidth, height: window.innerHeight };
    const { top, left } = placeCard(anchor, { width, height }, viewport);
    placed = { top, left, width, height };
    pin();
  };

  /** (Re)applies the frame's inline style, `!important`, at the place it was given: a page's restyling undone. */
  const pin = () => {
    if (!frame || !placed) return;
    const { top, left, width, height } = placed;
    pinStyle(frame, [
      ["top", `${top}px`],
      ["left", `${left}px`],
      ["width", `${width}px`],
      ["height", `${height}px`],
      ["border", "0"],
      ["border-radius", "6px"],
      ["box-shadow", "0 6px 24px rgba(0, 0, 0, 0.22)"],
      ["background", "transparent"],
      ["color-scheme", "normal"],
    ]);
  };

  /**
   * Whether the frame is where and as we put it: same box, topmost at its centre and corners,
   * undisguised. A page that moves, covers or fades it makes the frame refuse clicks a while.
   */
  const intact = (): boolean => {
    if (!frame || !placed) return false;
    const rect = frame.getBoundingClientRect();
    if (
      Math.abs(rect.top - placed.top) > 0.5 ||
      Math.abs(rect.left - placed.left) > 0.5 ||
      Math.abs(rect.width - placed.width) > 0.5 ||
      Math.abs(rect.height - placed.height) > 0.5
    )
      return false;
    const inset = 6;
    const points: [number, number][] = [
      [rect.left + rect.width / 2, rect.top + rect.height / 2],
      [rect.left + inset, rect.top + inset],
      [rect.right - inset, rect.top + inset],
      [rect.left + inset, rect.bottom - inset],
      [rect.right - inset, rect.bottom - inset],
    ];
    for (const [x, y] of points) {
      if (x < 0 || y < 0 || x >= window.innerWidth || y >= window.innerHeight) continue;
      if (document.elementFromPoint(x, y) !== frame) return false;
    }
    return undisguised(frame);
  };

  /** Tells the frame to refuse clicks for a while, at most every `DISARM_EVERY_MS`. */
  const disarm = () => {
    const now = performance.now();
    if (now - lastDisarm < DISARM_EVERY_MS) return;
    lastDisarm = now;
    signal({ claimmark: "disarm" });
  };

  /** The page moved, covered or disguised the frame: clicks wait, and the frame goes back where it was put. */
  const guardAgainstPage = () => {
    disarm();
    pin();
  };

  // A page that restyles the frame, its ancestors or the page's stylesheets is caught at once (the
  // callback runs before the page renders the change, so before a click can land on it); the
  // animation-frame check below catches whatever else moves it.
  const restyled = new MutationObserver(() => {
    if (openId && !intact()) guardAgainstPage();
  });
  const watchStyles = () => {
    if (!frame) return;
    restyled.observe(frame, { attributes: true });
    restyled.observe(document.documentElement, { attributes: true });
    if (document.body) restyled.observe(document.body, { attributes: true });
    if (document.head) restyled.observe(document.head, { childList: true, subtree: true, characterData: true });
  };

  const watchdog = () => {
    watch = 0;
    if (!openId || !frame) return;
    if (!frame.isConnected) {
      // The page removed the frame: the card is gone with it.
      openId = null;
      return;
    }
    if (!intact()) guardAgainstPage();
    watch = requestAnimationFrame(watchdog);
  };

  const close = (returnFocus = false) => {
    ticket++;
    if (watch) cancelAnimationFrame(watch);
    watch = 0;
    restyled.disconnect();
    if (frame) frame.style.setProperty("display", "none", "important");
    if (openId) signal({ claimmark: "hide" });
    openId = null;
    placed = null;
    if (returnFocus && returnFocusTo?.isConnected) returnFocusTo.focus({ preventScroll: true });
    returnFocusTo = null;
  };

  /** Opens the card of a highlight; `focus` moves the keyboard into it. */
  const open = async (item: ShownAnnotation, focus: boolean): Promise<void> => {
    const page = host.page();
    if (!page || !item.range) return;
    // Shown already, or on its way (a click, then the pointer's rest on the same highlight).
    if (!focus && (opening === item.id || (openId === item.id && frame?.isConnected))) return;
    const mine = ++ticket;
    opening = item.id;
    const active = document.activeElement;
    const answer = await host.send({ type: "card/open", page, id: item.id, focus }).finally(() => {
      if (mine === ticket) opening = null;
    });
    if (mine !== ticket) return;
    if (!answer?.ok) {
      if (answer) host.notify(`Claimmark could not open this card: ${answer.error}`);
      return;
    }
    const ready = await ensureFrame();
    if (!ready || mine !== ticket || !frame) return;
    if (active instanceof HTMLElement && active !== document.body && active !== frame) returnFocusTo = active;
    place(item.range.getBoundingClientRect());
    frame.style.setProperty("display", "block", "important");
    openId = item.id;
    signal({ claimmark: "token", token: answer.token });
    if (focus) frame.focus();
    watchStyles();
    if (!watch) watch = requestAnimationFrame(watchdog);
  };

  // Escape in the page, or a press anywhere in the page (outside the frame, whose events the
  // page never sees), closes the card. Only the reader's own input: a page's synthetic events do not.
  host.life.listen(
    document,
    "keydown",
    (event: KeyboardEvent) => {
      if (event.isTrusted && event.key === "Escape" && openId) close(false);
    },
    { capture: true },
  );
  host.life.listen(
    document,
    "pointerdown",
    (event: PointerEvent) => {
      if (event.isTrusted && openId && event.target !== frame) close(false);
    },
    { capture: true },
  );
  host.life.onEnd(() => {
    close(false);
    frame?.remove();
    frame = null;
  });

  return {
    open,
    close,
    /** Whether the card of annotation `id` is shown now. */
    isOpen: (id: string) => openId === id,
    /** Whether `element` is our frame. */
    isFrame: (element: Element) => element === frame,
  };
}
