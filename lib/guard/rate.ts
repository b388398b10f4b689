/**
 * Sliding-window counters: how much of something each key (a page, a site, a tab) used in the
 * last minute, and whether it may use more. They live in the background's memory: a hostile page
 * can make work, but never more than its share, and never for every other tab.
 */

/** Events of one key: when each happened and how much it weighed, oldest first. */
interface Window {
  times: number[];
  weights: number[];
  total: number;
}

/** Counters per key over a sliding window, each key allowed at most `limit` in any window. */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private calls = 0;

  /**
   * `limit`: the most a key may use in any `windowMs`. `maxKeys` bounds the memory a flood of
   * new keys (a pushState loop inventing addresses) can take: past it, the quietest keys go.
   */
  constructor(
    readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 10_000,
  ) {}

  /** Takes `weight` for `key` and returns true, or returns false and takes nothing when that would pass the limit. */
  take(key: string, weight = 1): boolean {
    const now = this.now();
    const window = this.current(key, now);
    if (window.total + weight > this.limit) return false;
    window.times.push(now);
    window.weights.push(weight);
    window.total += weight;
    return true;
  }

  /** How much of its limit `key` has left now. */
  left(key: string): number {
    return Math.max(0, this.limit - this.current(key, this.now()).total);
  }

  /** The window of `key` with events older than the window dropped; made when missing. */
  private current(key: string, now: number): Window {
    if (++this.calls % 1000 === 0) this.prune(now);
    let window = this.windows.get(key);
    if (!window) {
      if (this.windows.size >= this.maxKeys) this.prune(now, true);
      window = { times: [], weights: [], total: 0 };
      this.windows.set(key, window);
    }
    let drop = 0;
    while (drop < window.times.length && (window.times[drop] as number) <= now - this.windowMs) {
      window.total -= window.weights[drop] as number;
      drop++;
    }
    if (drop > 0) {
      window.times.splice(0, drop);
      window.weights.splice(0, drop);
    }
    return window;
  }

  /** Forgets keys with nothing in their window; with `hard`, also the older half of the rest. */
  private prune(now: number, hard = false): void {
    for (const [key, window] of this.windows) {
      const last = window.times[window.times.length - 1];
      if (last === undefined || last <= now - this.windowMs) this.windows.delete(key);
    }
    if (!hard || this.windows.size < this.maxKeys) return;
    let remove = Math.ceil(this.windows.size / 2);
    for (const key of this.windows.keys()) {
      if (remove-- <= 0) break;
      this.windows.delete(key);
    }
  }
}
