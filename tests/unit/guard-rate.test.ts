import { describe, expect, it } from "vitest";
import { BACKGROUND_LIMITS, backgroundGuard, siteOfUrl } from "../../lib/guard/limits";
import { RateLimiter } from "../../lib/guard/rate";

/** A clock the test moves by hand. */
function clock(start = 0) {
  const time = { now: start };
  return { time, now: () => time.now };
}

/** How many keys a limiter holds in memory (private: read only to check its bound). */
const keysHeld = (limiter: RateLimiter) => (limiter as unknown as { windows: Map<string, unknown> }).windows.size;

describe("RateLimiter", () => {
  it("allows `limit` in any window, and again once the oldest event has slid out of it", () => {
    const { time, now } = clock();
    const limiter = new RateLimiter(3, 1000, now);
    for (const at of [0, 400, 800]) {
      time.now = at;
      expect(limiter.take("page")).toBe(true);
    }
    time.now = 999;
    expect(limiter.take("page")).toBe(false);
    expect(limiter.left("page")).toBe(0);
    // The event at 0 leaves the window at 1000; those at 400 and 800 are still in it.
    time.now = 1000;
    expect(limiter.left("page")).toBe(1);
    expect(limiter.take("page")).toBe(true);
    expect(limiter.take("page")).toBe(false);
    time.now = 1400;
    expect(limiter.left("page")).toBe(1);
    time.now = 2000;
    expect(limiter.left("page")).toBe(3);
  });

  it("keeps each key's count apart", () => {
    const { now } = clock();
    const limiter = new RateLimiter(1, 1000, now);
    expect(limiter.take("a")).toBe(true);
    expect(limiter.take("a")).toBe(false);
    expect(limiter.take("b")).toBe(true);
    expect(limiter.left("c")).toBe(1);
  });

  it("counts weights, and takes nothing when a weight would pass the limit", () => {
    const { time, now } = clock();
    const limiter = new RateLimiter(10, 1000, now);
    expect(limiter.take("site", 6)).toBe(true);
    expect(limiter.left("site")).toBe(4);
    expect(limiter.take("site", 5)).toBe(false);
    expect(limiter.left("site")).toBe(4);
    time.now = 500;
    expect(limiter.take("site", 4)).toBe(true);
    expect(limiter.left("site")).toBe(0);
    expect(limiter.take("site", 0)).toBe(true);
    // The weight of 6 leaves with its event; the 4 taken later stays.
    time.now = 1000;
    expect(limiter.left("site")).toBe(6);
    expect(limiter.take("site", 7)).toBe(false);
    expect(limiter.take("site", 6)).toBe(true);
  });

  it("holds at most `maxKeys` keys, however many new keys a flood invents", () => {
    const { time, now } = clock();
    const limiter = new RateLimiter(5, 1000, now, 8);
    for (let i = 0; i < 1000; i++) {
      time.now = i;
      limiter.take(`https://example.com/${i}`);
      expect(keysHeld(limiter)).toBeLessThanOrEqual(8);
    }
    // The newest keys keep their counts.
    expect(limiter.left("https://example.com/999")).toBe(4);
  });

  it("forgets keys whose window emptied, so quiet keys do not pile up", () => {
    const { time, now } = clock();
    const limiter = new RateLimiter(5, 1000, now);
    for (let i = 0; i < 500; i++) limiter.take(`old-${i}`);
    expect(keysHeld(limiter)).toBe(500);
    time.now = 5000;
    for (let i = 0; i < 1000; i++) limiter.left("busy");
    expect(keysHeld(limiter)).toBe(1);
  });
});

describe("backgroundGuard", () => {
  it("counts each limit on the clock it is given", () => {
    const { time, now } = clock();
    const guard = backgroundGuard(now, { ...BACKGROUND_LIMITS, passesPerPage: 2 });
    expect(guard.passesPerPage.take("p")).toBe(true);
    expect(guard.passesPerPage.take("p")).toBe(true);
    expect(guard.passesPerPage.take("p")).toBe(false);
    time.now = 60_000;
    expect(guard.passesPerPage.take("p")).toBe(true);
    expect(guard.cardOpensPerTab.left("7")).toBe(BACKGROUND_LIMITS.cardOpensPerTab);
  });

  it.each([
    ["https://www.bbc.co.uk/news/1", "bbc.co.uk"],
    ["https://victim.github.io/story", "victim.github.io"],
    ["https://attacker.github.io/story", "attacker.github.io"],
    ["http://127.0.0.1:8080/a", "127.0.0.1"],
    ["not a url", ""],
  ])("takes %s as the site %j", (url, site) => {
    expect(siteOfUrl(url)).toBe(site);
  });
});
