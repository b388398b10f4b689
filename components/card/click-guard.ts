/**
 * Clickjacking defence for the card frame. The page cannot read or restyle what is inside the
 * frame, but it can restyle the frame itself: make it transparent, cover it with a decoy, or move
 * it under the pointer just before the reader clicks. So the frame acts on a pointer only when it
 * has been visible, uncovered and still for a while, as browsers do for their permission prompts:
 *
 * - IntersectionObserver v2 (`trackVisibility`, Chromium) tells whether anything covers the
 *   frame or makes it less than opaque (opacity, filter, transform on it or any ancestor);
 * - every change (shown, hidden, resized, its visibility changed, or a "disarm" from the content
 *   script, which watches the frame's place in the page) restarts the arming delay.
 *
 * Keyboard actions are not guarded: the page cannot send keys into the frame, and the reader
 * reached the control by keyboard in a card they can see.
 */

/** How long the frame must be visible and still before a pointer acts: as long as Chromium's prompts wait. */
export const ARMING_MS = 500;

/** Pointer events stopped while the frame is not armed (so a covered select does not even open). */
const GUARDED_EVENTS = [
  "pointerdown",
  "mousedown",
  "pointerup",
  "mouseup",
  "click",
  "dblclick",
  "auxclick",
  "contextmenu",
];

/** The guard's view of the frame, for the card to show and tests to read. */
export interface ClickGuard {
  /** Whether a pointer may act now. */
  armed(): boolean;
  /** Something changed (shown, moved, a disarm signal): the delay starts again. */
  disturb(): void;
  /** Stops watching. */
  stop(): void;
}

/** Whether this browser computes `isVisible` (IntersectionObserver v2). */
export function tracksVisibility(): boolean {
  return typeof IntersectionObserverEntry !== "undefined" && "isVisible" in IntersectionObserverEntry.prototype;
}

/**
 * Guards `target` (an element filling the frame) in `win`: pointer events are stopped before any
 * handler sees them unless the guard is armed; `onRefused` is told when a press was stopped.
 * `onChange` hears every change of the armed state's inputs (to show it).
 */
export function guardClicks(
  win: Window,
  target: Element,
  options: { onRefused(): void; onChange?(armed: boolean): void; now?: () => number },
): ClickGuard {
  const now = options.now ?? (() => win.performance.now());
  let calmSince = now();
  // Without IntersectionObserver v2, occlusion is watched by the content script alone.
  let visible = !tracksVisibility();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new AbortController();

  const armed = () => visible && now() - calmSince >= ARMING_MS;
  const report = () => {
    options.onChange?.(armed());
    clearTimeout(timer);
    if (visible && !armed()) timer = setTimeout(report, ARMING_MS - (now() - calmSince) + 1);
  };
  const disturb = () => {
    calmSince = now();
    report();
  };

  let observer: IntersectionObserver | null = null;
  if (tracksVisibility()) {
    observer = new IntersectionObserver(
      (entries) => {
        const last = entries[entries.length - 1] as IntersectionObserverEntry & { isVisible?: boolean };
        visible = last.isVisible === true;
        disturb();
      },
      { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
    observer.observe(target);
  }

  const guard = (event: Event) => {
    // A click made from the keyboard (Enter, Space) has detail 0 and no pointer: it is the reader's.
    if (event.type === "click" && (event as MouseEvent).detail === 0) return;
    if (armed()) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.type === "pointerdown") options.onRefused();
  };
  for (const type of GUARDED_EVENTS) win.addEventListener(type, guard, { capture: true, signal: listeners.signal });
  win.addEventListener("resize", disturb, { signal: listeners.signal });
  report();

  return {
    armed,
    disturb,
    stop() {
      listeners.abort();
      observer?.disconnect();
      clearTimeout(timer);
    },
  };
}
