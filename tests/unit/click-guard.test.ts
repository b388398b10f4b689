// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ARMING_MS, type ClickGuard, guardClicks, tracksVisibility } from "../../components/card/click-guard";

let root: HTMLElement;
let button: HTMLButtonElement;
let time: number;
let guard: ClickGuard | null;
const onRefused = vi.fn();
const onChange = vi.fn();
/** What reached the page's own handlers: the button's click and mousedown, and a capturing listener on the document. */
let reached: string[];

function start(): ClickGuard {
  guard = guardClicks(window, root, { onRefused, onChange, now: () => time });
  return guard;
}

/**
 * A pointer's click on the button as the browser dispatches it: the press (pointerdown, mousedown),
 * the release (pointerup, mouseup) and the click (detail 1: one press). Returns the click.
 */
function pointerClick(): MouseEvent {
  for (const type of ["pointerdown", "mousedown", "pointerup", "mouseup"]) {
    const Press = type.startsWith("pointer") ? PointerEvent : MouseEvent;
    button.dispatchEvent(new Press(type, { bubbles: true, cancelable: true, detail: 1 }));
  }
  const event = new MouseEvent("click", { bubbles: true, cancelable: true, detail: 1 });
  button.dispatchEvent(event);
  return event;
}

/** A click made from the keyboard (Enter or Space on the button): detail 0. */
function keyboardClick(): MouseEvent {
  const event = new MouseEvent("click", { bubbles: true, cancelable: true, detail: 0 });
  button.dispatchEvent(event);
  return event;
}

const onDocument = (event: Event) => reached.push(`document ${event.type}`);

beforeEach(() => {
  vi.useFakeTimers();
  time = 1000;
  guard = null;
  reached = [];
  onRefused.mockReset();
  onChange.mockReset();
  root = document.createElement("div");
  button = document.createElement("button");
  button.addEventListener("click", () => reached.push("click"));
  button.addEventListener("mousedown", () => reached.push("mousedown"));
  root.append(button);
  document.body.append(root);
  document.addEventListener("click", onDocument, { capture: true });
});

afterEach(() => {
  guard?.stop();
  document.removeEventListener("click", onDocument, { capture: true });
  root.remove();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("guardClicks, without IntersectionObserver v2", () => {
  it("is the case in jsdom", () => {
    expect(tracksVisibility()).toBe(false);
  });

  it("stops a pointer click within the arming delay before any handler of the page sees it, and reports it", () => {
    const guard = start();
    time += ARMING_MS - 1;
    expect(guard.armed()).toBe(false);
    const event = pointerClick();
    expect(event.defaultPrevented).toBe(true);
    expect(reached).toEqual([]);
    expect(onRefused).toHaveBeenCalledTimes(1);
  });

  it("stops every event of the press, and reports one refusal per press", () => {
    start();
    const stopped: string[] = [];
    for (const type of ["pointerdown", "mousedown", "pointerup", "mouseup", "click", "dblclick", "contextmenu"]) {
      const Press = type.startsWith("pointer") ? PointerEvent : MouseEvent;
      const event = new Press(type, { bubbles: true, cancelable: true, detail: 1 });
      button.dispatchEvent(event);
      if (event.defaultPrevented) stopped.push(type);
    }
    expect(stopped).toEqual(["pointerdown", "mousedown", "pointerup", "mouseup", "click", "dblclick", "contextmenu"]);
    expect(reached).toEqual([]);
    expect(onRefused).toHaveBeenCalledTimes(1);
    pointerClick();
    expect(onRefused).toHaveBeenCalledTimes(2);
  });

  it("lets a pointer click through once the frame has been still for the delay", () => {
    const guard = start();
    time += ARMING_MS;
    expect(guard.armed()).toBe(true);
    const event = pointerClick();
    expect(event.defaultPrevented).toBe(false);
    expect(reached).toEqual(["mousedown", "document click", "click"]);
    expect(onRefused).not.toHaveBeenCalled();
  });

  it("starts the delay again on disturb() and on a resize", () => {
    const guard = start();
    time += ARMING_MS;
    guard.disturb();
    pointerClick();
    expect(reached).toEqual([]);
    time += ARMING_MS;
    pointerClick();
    expect(reached).toEqual(["mousedown", "document click", "click"]);
    window.dispatchEvent(new Event("resize"));
    expect(guard.armed()).toBe(false);
    pointerClick();
    expect(reached).toHaveLength(3);
    expect(onRefused).toHaveBeenCalledTimes(2);
  });

  it("lets a keyboard click through at once", () => {
    start();
    const event = keyboardClick();
    expect(event.defaultPrevented).toBe(false);
    expect(reached).toEqual(["document click", "click"]);
    expect(onRefused).not.toHaveBeenCalled();
  });

  it("tells whether it is armed when it starts, and again once the delay has passed", () => {
    start();
    expect(onChange.mock.calls).toEqual([[false]]);
    time += ARMING_MS + 1;
    vi.advanceTimersByTime(ARMING_MS + 1);
    expect(onChange).toHaveBeenLastCalledWith(true);
  });

  it("guards nothing once stopped", () => {
    start().stop();
    pointerClick();
    expect(reached).toEqual(["mousedown", "document click", "click"]);
    expect(onRefused).not.toHaveBeenCalled();
  });
});

describe("guardClicks, with IntersectionObserver v2", () => {
  /** The observer the guard made, to report visibility changes as the browser would. */
  let report: ((visible: boolean) => void) | null;

  beforeEach(() => {
    report = null;
    class FakeEntry {
      visible = false;
      /** On the prototype, as in Chromium: how the guard tells that the browser computes it. */
      get isVisible() {
        return this.visible;
      }
    }
    class FakeObserver {
      constructor(callback: (entries: FakeEntry[]) => void) {
        report = (visible) => callback([Object.assign(new FakeEntry(), { visible })]);
      }
      observe() {}
      disconnect() {}
    }
    vi.stubGlobal("IntersectionObserverEntry", FakeEntry);
    vi.stubGlobal("IntersectionObserver", FakeObserver);
  });

  it("acts only while the browser says the frame is visible, and a while after it became so", () => {
    expect(tracksVisibility()).toBe(true);
    const guard = start();
    time += ARMING_MS * 4;
    expect(guard.armed()).toBe(false);
    pointerClick();
    report?.(true);
    time += ARMING_MS - 1;
    pointerClick();
    time += 1;
    pointerClick();
    expect(reached).toEqual(["mousedown", "document click", "click"]);
    report?.(false);
    time += ARMING_MS * 4;
    pointerClick();
    expect(reached).toHaveLength(3);
    expect(onRefused).toHaveBeenCalledTimes(3);
    // The keyboard is not held back by a covered frame.
    keyboardClick();
    expect(reached).toHaveLength(5);
  });
});
