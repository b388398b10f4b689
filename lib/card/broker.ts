/**
 * Which card frame may show which annotation in which tab. The card is an extension page in a
 * frame of the page's tab: the page cannot read it, but it can load copies of it. So a frame shows
 * an annotation only when it presents a token that the background handed, for that annotation, to
 * the tab's own content script, which passes it to its own frame by `postMessage` to the
 * extension's origin: the page never sees a token, so its copies never show anything. Every
 * opening has a token of its own, used once.
 */
import type { CardSession } from "./protocol";

/** Tokens live long enough for a frame to load on a slow machine, and are used once. */
export const TOKEN_LIFETIME_MS = 30_000;

/** A card asked for, waiting for its frame. */
interface Pending {
  tabId: number;
  pageKey: string;
  id: string;
  focus: boolean;
  preview: boolean;
  expires: number;
}

/** The background's tokens, each for one opening of one annotation's card in one tab. */
export class CardBroker {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly newToken: () => string = () => crypto.randomUUID(),
    private readonly now: () => number = Date.now,
  ) {}

  /** A token with which the tab's card frame may show annotation `id` of `pageKey` (as a preview only, with `preview`). */
  open(tabId: number, pageKey: string, id: string, focus: boolean, preview = false): string {
    const now = this.now();
    // One opening per tab at a time: an older token of the tab is void once a newer one is asked for.
    for (const [token, entry] of this.pending) {
      if (entry.tabId === tabId || entry.expires <= now) this.pending.delete(token);
    }
    const token = this.newToken();
    this.pending.set(token, { tabId, pageKey, id, focus, preview, expires: now + TOKEN_LIFETIME_MS });
    return token;
  }

  /** What a frame in tab `tabId` presenting `token` may show, once; null for a token not handed to that tab. */
  redeem(tabId: number, token: string): (CardSession & { focus: boolean; preview: boolean }) | null {
    const entry = this.pending.get(token);
    this.pending.delete(token);
    if (!entry || entry.tabId !== tabId || entry.expires <= this.now()) return null;
    return { tabId, pageKey: entry.pageKey, id: entry.id, focus: entry.focus, preview: entry.preview };
  }

  /** A tab closed: forget its tokens. */
  forgetTab(tabId: number): void {
    for (const [token, entry] of this.pending) if (entry.tabId === tabId) this.pending.delete(token);
  }
}
