import { browser } from "wxt/browser";

/**
 * The content script's life, in place of WXT's ContentScriptContext. WXT's context ends when any
 * script posts or dispatches its "content-script-started" message, whose name holds the extension's
 * id: a page that replays it switched Claimmark off on itself (and WXT's `postMessage` told every
 * page the id). This one ends only when the browser says the extension is gone (reloaded, updated
 * or removed: `runtime.id` is then undefined), which no page can fake.
 */
export interface Lifetime {
  /** Aborted when the extension goes away. */
  readonly signal: AbortSignal;
  /** Calls `callback` once, when the extension goes away. */
  onEnd(callback: () => void): void;
  /** `target.addEventListener`, removed when the extension goes away. */
  listen<E extends Event>(
    target: EventTarget,
    type: string,
    handler: (event: E) => void,
    options?: AddEventListenerOptions,
  ): void;
  /** Whether the extension is still there (checked now, ending the lifetime if not). */
  alive(): boolean;
}

/** How often an orphaned content script (its extension reloaded) notices, and clears its highlights. */
const CHECK_MS = 2000;

/** The content script's lifetime: watched from now until the extension is gone. */
export function contentLifetime(extensionAlive: () => boolean = () => browser.runtime?.id !== undefined): Lifetime {
  const controller = new AbortController();
  const alive = () => {
    if (!controller.signal.aborted && !extensionAlive()) controller.abort();
    return !controller.signal.aborted;
  };
  const timer = setInterval(alive, CHECK_MS);
  controller.signal.addEventListener("abort", () => clearInterval(timer));
  return {
    signal: controller.signal,
    onEnd: (callback) => controller.signal.addEventListener("abort", callback, { once: true }),
    listen: (target, type, handler, options) =>
      target.addEventListener(type, handler as EventListener, { ...options, signal: controller.signal }),
    alive,
  };
}
