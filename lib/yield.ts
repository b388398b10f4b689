/**
 * Cooperative scheduling for work done in the page's main thread: yield between chunks so no
 * stretch of our code blocks the page for long, and measure the longest stretch.
 */

interface Scheduler {
  yield?: () => Promise<void>;
}

/** Lets the page run (input, rendering) before continuing; not throttled like setTimeout in background tabs. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Measures the stretches of synchronous work between yields, keeping the longest. */
export class SliceClock {
  private sliceStart = performance.now();
  /** The longest stretch so far, in ms. */
  longest = 0;
  /** What the longest stretch was doing. */
  longestStage = "";
  /** The longest stretch of stages other than those named in `external`, and its stage. */
  longestOwn = 0;
  longestOwnStage = "";

  /** `external`: stages that are somebody else's single call (Readability's parse), counted apart. */
  constructor(private readonly external: ReadonlySet<string> = new Set()) {}

  /** Ends the current stretch (before a yield or an await), naming what it did. */
  pause(stage = ""): void {
    const took = performance.now() - this.sliceStart;
    if (took > this.longest) {
      this.longest = took;
      this.longestStage = stage;
    }
    if (!this.external.has(stage) && took > this.longestOwn) {
      this.longestOwn = took;
      this.longestOwnStage = stage;
    }
  }

  /** Starts a new stretch (after a yield or an await). */
  resume(): void {
    this.sliceStart = performance.now();
  }

  /** Ends the stretch, yields to the page, and starts the next one. */
  async yield(stage = ""): Promise<void> {
    this.pause(stage);
    await yieldToPage();
    this.resume();
  }

  /** Ends the stretch, waits for a promise (a message to the background), and starts the next one. */
  async wait<T>(promise: Promise<T>, stage = ""): Promise<T> {
    this.pause(stage);
    try {
      return await promise;
    } finally {
      this.resume();
    }
  }
}
