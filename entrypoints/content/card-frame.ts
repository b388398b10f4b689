import { browser } from "wxt/browser";
import { t } from "../../components/i18n";
import { type FrameSize, lineBand, type Placement, placeFrame } from "../../lib/card/placement";
import { CARD_PAGE, type CardFrameSignal } from "../../lib/card/protocol";
import type { CardOpenMessage, CardOpenResponse, PageRef } from "../../lib/messages";
import type { ShownAnnotation } from "../../lib/page-session";
import type { Lifetime } from "./lifetime";
import { pinStyle } from "./transient-ui";
import { undisguised } from "./ui-integrity";

/**
 * The card's frame in the page. The card itself is an extension page (`card.html`): the page
 * sees an `<iframe>` it cannot look into. The frame's size comes from the viewport and the
 * highlight's place alone, never from what the card holds, so not even its height tells the page
 * anything. It goes beside the highlight's lines, never over them (see lib/card/placement.ts), and
 * follows them when the page scrolls or reflows. The content script
 * asks the background for a token for each opening and hands it to the frame by `postMessage`
 * to the extension's origin only; while the card is shown it watches the frame's place in the
 * page and tells the frame to refuse clicks for a moment whenever the page moves, covers or
 * disguises it.
 */

/** Tag name of the frame, the element Claimmark adds to a page while a card is shown. */
export const CARD_FRAME_TAG = "iframe";
/** The frame's `data-claimmark` attribute, by which our own element is told from the page's. */
export const CARD_FRAME_MARK = "card";

/** The full card's width and heights, and the preview's (fixed: its size never says what it holds); CSS px. */
const CARD_SIZE: FrameSize = { width: 360, minHeight: 220, maxHeight: 480 };
const PREVIEW_SIZE: FrameSize = { width: 300, minHeight: 78, maxHeight: 78 };
/** How often, at most, a disarm is sent while the page keeps disturbing the frame. */
const DISARM_EVERY_MS = 100;
/** The frame's look, pinned with its place. */
const FRAME_LOOK: [string, string][] = [
  ["border", "0"],
  ["border-radius", "6px"],
  ["box-shadow", "0 6px 24px rgba(0, 0, 0, 0.22)"],
  ["background", "transparent"],
  ["color-scheme", "normal"],
];

/** The block whose lines hold `range` (its width is the lines the reader is reading), or null for the body's own text. */
function columnOf(range: Range): Element | null {
  const node = range.commonAncestorContainer;
  for (
    let at = node instanceof Element ? node : node.parentElement;
    at && at !== document.body;
    at = at.parentElement
  ) {
    const display = getComputedStyle(at).display;
    if (!display.startsWith("inline") && display !== "contents") return at;
  }
  return null;
}

/** Whether two placements differ by more than rounding. */
function moved(a: Placement | null, b: Placement): boolean {
  return (
    !a ||
    Math.abs(a.top - b.top) > 0.5 ||
    Math.abs(a.left - b.left) > 0.5 ||
    Math.abs(a.width - b.width) > 0.5 ||
    Math.abs(a.height - b.height) > 0.5
  );
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
  /** The card that had the keyboard closed (Escape, its close button): the keyboard goes back to its highlight. */
  returnTo(item: ShownAnnotation): void;
}

/** How a card is asked for: the full card (focused when opened from the keyboard), or only its preview. */
export interface CardOpening {
  focus?: boolean;
  preview?: boolean;
}

/** The card frame of this page: opens cards and previews, places them, closes them, and guards the frame while shown. */
export function cardFrame(host: CardFrameHost) {
  const origin = frameOrigin();
  let frame: HTMLIFrameElement | null = null;
  let loaded: Promise<boolean> | null = null;
  /** What the frame shows now: the annotation, as its full card or its preview. */
  let shown: { item: ShownAnnotation; preview: boolean; column: Element | null } | null = null;
  /** The card being asked for, until the background answers. */
  let opening: { id: string; preview: boolean } | null = null;
  let ticket = 0;
  let placed: Placement | null = null;
  /** The highlight's line box and column when the frame was last placed: a change moves the frame. */
  let anchoredAt = "";
  let watch = 0;
  let lastDisarm = 0;
  let trailingDisarm: ReturnType<typeof setTimeout> | undefined;

  const signal = (message: CardFrameSignal) => frame?.contentWindow?.postMessage(message, origin);

  /** The frame, made on first use; `loaded` resolves once its document (ours) has loaded. */
  const ensureFrame = (): Promise<boolean> => {
    if (frame?.isConnected && loaded) return loaded;
    frame?.remove();
    const element = document.createElement(CARD_FRAME_TAG);
    element.dataset.claimmark = CARD_FRAME_MARK;
    element.title = t("card_title");
    element.referrerPolicy = "no-referrer";
    pinStyle(element, [["display", "none"], ...FRAME_LOOK]);
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

  /**
   * Where the frame goes now, by the highlight's line box, or null when the highlight is not
   * rendered (its text is gone or hidden): then the frame stays where it is.
   */
  const placement = (): { at: Placement; anchor: string } | null => {
    const range = shown?.item.range;
    if (!shown || !range) return null;
    // A highlight with no box (its text hidden since) keeps the frame where it is, or puts it in the corner.
    const band = lineBand([...range.getClientRects()]) ?? (placed ? null : { top: 0, bottom: 0, left: 0, right: 0 });
    if (!band) return null;
    const columnRect = shown.column?.isConnected ? shown.column.getBoundingClientRect() : null;
    const column = columnRect ? { left: columnRect.left, right: columnRect.right } : null;
    const viewport = { width: document.documentElement.clientWidth || window.innerWidth, height: window.innerHeight };
    const anchor = [
      band.top,
      band.bottom,
      band.left,
      band.right,
      column?.left,
      column?.right,
      viewport.width,
      viewport.height,
    ]
      .map((n) => (n === undefined ? "" : Math.round(n)))
      .join();
    if (anchor === anchoredAt && placed) return { at: placed, anchor };
    const size = shown.preview ? PREVIEW_SIZE : CARD_SIZE;
    return { at: placeFrame(band, column, size, viewport, placed), anchor };
  };

  /** Puts the frame by its highlight (again, after a scroll or a reflow): a move makes it refuse clicks a moment. */
  const place = () => {
    const next = placement();
    if (!next) return;
    anchoredAt = next.anchor;
    if (!moved(placed, next.at)) return;
    const first = placed === null;
    placed = next.at;
    pin();
    if (!first) disarm();
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
      ["display", "block"],
      ...FRAME_LOOK,
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

  /**
   * Tells the frame to refuse clicks for a while, at most every `DISARM_EVERY_MS`; one more is
   * sent after the last of a burst, so the wait always starts after the last disturbance.
   */
  const disarm = () => {
    const now = performance.now();
    if (now - lastDisarm < DISARM_EVERY_MS) {
      trailingDisarm ??= setTimeout(
        () => {
          trailingDisarm = undefined;
          disarm();
        },
        DISARM_EVERY_MS - (now - lastDisarm),
      );
      return;
    }
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
    if (!shown || intact()) return;
    guardAgainstPage();
    // Pinning the frame again is itself a change of its style: not one to answer, or this never ends.
    restyled.takeRecords();
  });
  const watchStyles = () => {
    if (!frame) return;
    restyled.observe(frame, { attributes: true });
    restyled.observe(document.documentElement, { attributes: true });
    if (document.body) restyled.observe(document.body, { attributes: true });
    if (document.head) restyled.observe(document.head, { childList: true, subtree: true, characterData: true });
  };

  // Every frame while shown: follow the highlight (scrolling, resizing, a reflow of the page), and
  // put the frame back if the page moved, covered or disguised it.
  const watchdog = () => {
    watch = 0;
    if (!shown || !frame) return;
    if (!frame.isConnected) {
      // The page removed the frame: the card is gone with it.
      shown = null;
      return;
    }
    place();
    if (!intact()) guardAgainstPage();
    watch = requestAnimationFrame(watchdog);
  };

  const close = (returnFocus = false) => {
    ticket++;
    opening = null;
    if (watch) cancelAnimationFrame(watch);
    watch = 0;
    restyled.disconnect();
    const was = shown;
    if (frame) {
      // The keyboard leaves a frame that is about to be hidden, so that it lands in the page.
      if (returnFocus && document.activeElement === frame) frame.blur();
      frame.style.setProperty("display", "none", "important");
    }
    if (was) signal({ claimmark: "hide" });
    shown = null;
    placed = null;
    anchoredAt = "";
    if (returnFocus && was) host.returnTo(was.item);
  };

  /**
   * Opens the card of a highlight; `focus` moves the keyboard into it. With `preview`, only its
   * preview, and only when no full card is shown: a rest of the pointer never replaces a card the
   * reader opened.
   */
  const open = async (item: ShownAnnotation, { focus = false, preview = false }: CardOpening = {}): Promise<void> => {
    const page = host.page();
    if (!page || !item.range) return;
    const here = shown?.item.id === item.id && frame?.isConnected;
    if (preview) {
      if ((shown && !shown.preview) || (opening && !opening.preview) || here || opening?.id === item.id) return;
    } else if (!focus) {
      // Shown already, or on its way (a click, then another on the same highlight).
      if ((here && !shown?.preview) || (opening?.id === item.id && !opening.preview)) return;
    }
    const mine = ++ticket;
    opening = { id: item.id, preview };
    const answer = await host.send({ type: "card/open", page, id: item.id, focus, preview }).finally(() => {
      if (mine === ticket) opening = null;
    });
    if (mine !== ticket) return;
    if (!answer?.ok) {
      if (answer) host.notify(t("card_open_failed", answer.error));
      return;
    }
    const ready = await ensureFrame();
    if (!ready || mine !== ticket || !frame) return;
    if (shown?.item.id !== item.id || shown.preview !== preview) placed = null;
    shown = { item, preview, column: columnOf(item.range) };
    anchoredAt = "";
    place();
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
      if (event.isTrusted && event.key === "Escape" && shown) close(false);
    },
    { capture: true },
  );
  host.life.listen(
    document,
    "pointerdown",
    (event: PointerEvent) => {
      if (event.isTrusted && shown && event.target !== frame) close(false);
    },
    { capture: true },
  );
  host.life.onEnd(() => {
    clearTimeout(trailingDisarm);
    close(false);
    frame?.remove();
    frame = null;
  });

  return {
    open,
    close,
    /** Whether the card (full or preview) of annotation `id` is shown now. */
    isOpen: (id: string) => shown?.item.id === id,
    /** The annotation whose preview is shown now, if a preview is. */
    previewing: (): ShownAnnotation | null => (shown?.preview ? shown.item : null),
    /** Whether `element` is our frame. */
    isFrame: (element: EventTarget | null) => element !== null && element === frame,
  };
}
