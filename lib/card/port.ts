import type { ClaimmarkDb } from "../db/schema";
import type { CardBroker } from "./broker";
import { type CardFrameCommand, type CardPageNotice, type CardSession, checkCardFrameMessage } from "./protocol";
import { cardContext, handleCardRequest, sessionDetails } from "./session";

/**
 * The background's side of one card frame's port, in tab `tabId`: a hello with a token binds the
 * port to the annotation the token names (and shows it); requests act on that annotation only.
 * A bound frame's notices for its page go to `tell` (the tab's content script), and only about
 * the annotation it shows. Returns the handler for each message; it answers false for a message
 * that is not ours, after which the caller closes the port.
 */
export function cardPortHandler(
  db: ClaimmarkDb,
  broker: CardBroker,
  tabId: number,
  post: (command: CardFrameCommand) => void,
  tell: (notice: CardPageNotice) => void,
): (raw: unknown) => Promise<boolean> {
  let session: CardSession | null = null;
  return async (raw) => {
    const checked = checkCardFrameMessage(raw);
    if (!checked.ok) return false;
    const message = checked.value;
    if (message.type === "hello") {
      const granted = broker.redeem(tabId, message.token);
      const details = granted ? await sessionDetails(db, granted) : undefined;
      // A card opens only on an annotation the page shows: not one dismissed or deleted since.
      if (!granted || !details || details.annotation.dismissed || details.annotation.deleted) {
        post({ type: "refused" });
        return true;
      }
      session = { tabId: granted.tabId, pageKey: granted.pageKey, id: granted.id };
      // The card shows at once; its context (every tag, other pages' annotations) reads the whole library, so it follows.
      post({ type: "show", session, focus: granted.focus, preview: granted.preview, details });
      // A preview shows neither tags nor related annotations: it does not read the library.
      if (granted.preview) return true;
      const shown = session;
      post({ type: "context", id: shown.id, context: await cardContext(db, details.annotation) });
      return true;
    }
    const bound = session;
    if (message.type === "tell") {
      // A frame with no card shows nothing to tell about, and one card never speaks for another.
      const about = "id" in message.notice ? message.notice.id : undefined;
      if (bound && (about === undefined || about === bound.id)) tell(message.notice);
      return true;
    }
    const response = bound
      ? await handleCardRequest(db, bound, message.request).catch((error: unknown) => ({
          ok: false as const,
          error: `could not save: ${error instanceof Error ? error.message : String(error)}`,
        }))
      : { ok: false as const, error: "this card shows no annotation" };
    post({ type: "reply", seq: message.seq, response });
    return true;
  };
}
