import { siteOf } from "../url/normalize";
import { RateLimiter } from "./rate";

/**
 * What one page, one site or one tab may make the background do. Real reading stays far below
 * every bound (a reader does not reload one article ten times a minute, and the largest page of
 * the Readability corpus has 1,408 detections); a hostile page meets them within seconds and is
 * then refused, with a reason the popup shows, while every other tab goes on as before.
 */
export const BACKGROUND_LIMITS = {
  /** Passes (a visit, a late article, a single-page app's next view) per page per minute. */
  passesPerPage: 12,
  /** Passes per site per minute, all its pages together (a reader restoring a session of many tabs stays below). */
  passesPerSite: 120,
  /**
   * New page records one tab may create per minute: a page that changes its address in a loop
   * invents a new page each time, while a reader reads a handful of stories a minute in one tab.
   */
  newPagesPerTab: 6,
  /** New page records per site per minute, all tabs together (a reader opening a site's stories in many tabs stays below). */
  newPagesPerSite: 120,
  /** Automatic annotations stored on one page, in all. */
  autoAnnotationsPerPage: 5_000,
  /** New automatic annotations one site may store per minute. */
  newAutoAnnotationsPerSite: 10_000,
  /** Hand-made annotations per page per minute (each needs the reader's gesture anyway). */
  createsPerPage: 60,
  /** Card openings per tab per minute. */
  cardOpensPerTab: 240,
} as const;

/** The registrable domain of a page's URL, the unit of per-site limits ("" for a malformed URL). */
export function siteOfUrl(url: string): string {
  try {
    return siteOf(new URL(url).hostname);
  } catch {
    return "";
  }
}

/** The background's counters, one per limit. */
export interface BackgroundGuard {
  passesPerPage: RateLimiter;
  passesPerSite: RateLimiter;
  newPagesPerTab: RateLimiter;
  newPagesPerSite: RateLimiter;
  newAutoAnnotationsPerSite: RateLimiter;
  createsPerPage: RateLimiter;
  cardOpensPerTab: RateLimiter;
}

/** The limits the counters enforce: any numbers, not only those of `BACKGROUND_LIMITS`. */
export type GuardLimits = Record<Exclude<keyof typeof BACKGROUND_LIMITS, "autoAnnotationsPerPage">, number>;

/** Fresh counters for the limits in `BACKGROUND_LIMITS` (or others, for tests), on the given clock. */
export function backgroundGuard(
  now: () => number = Date.now,
  limits: GuardLimits = BACKGROUND_LIMITS,
): BackgroundGuard {
  return {
    passesPerPage: new RateLimiter(limits.passesPerPage, 60_000, now),
    passesPerSite: new RateLimiter(limits.passesPerSite, 60_000, now),
    newPagesPerTab: new RateLimiter(limits.newPagesPerTab, 60_000, now),
    newPagesPerSite: new RateLimiter(limits.newPagesPerSite, 60_000, now),
    newAutoAnnotationsPerSite: new RateLimiter(limits.newAutoAnnotationsPerSite, 60_000, now),
    createsPerPage: new RateLimiter(limits.createsPerPage, 60_000, now),
    cardOpensPerTab: new RateLimiter(limits.cardOpensPerTab, 60_000, now),
  };
}
