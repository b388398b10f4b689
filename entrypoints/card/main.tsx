import { render } from "preact";
import { browser } from "wxt/browser";
import { CardFrame, type CardFrameActions } from "../../components/card/CardFrame";
import { CardPreview } from "../../components/card/CardPreview";
import { guardClicks } from "../../components/card/click-guard";
import { localizeDocument, t } from "../../components/i18n";
import {
  type AnnotationContext,
  type AnnotationDetails,
  CARD_PORT,
  type CardFrameCommand,
  type CardFrameMessage,
  type CardPageNotice,
  type CardResponse,
  type CardSession,
} from "../../lib/card/protocol";
import "../../components/card.css";
import "../../components/edit/editors.css";
import "./frame.css";

/**
 * The card frame: an extension page the content script puts in the page, in a frame the page can
 * restyle but never read. It shows only what the background sends it for a token the tab's
 * content script handed it, and asks the background for every change (a frame in a web page gets
 * no storage of its own).
 */

localizeDocument("card_title");
const root = document.getElementById("app") as HTMLElement;

let port: ReturnType<typeof browser.runtime.connect> | null = null;
let shown: {
  session: CardSession;
  details: AnnotationDetails;
  context?: AnnotationContext;
  focus: boolean;
  /** Only the preview a rest of the pointer shows: a click on it asks the page for the full card. */
  preview: boolean;
  serial: number;
} | null = null;
let serial = 0;
let armed = false;
let refused = false;
let refusals = 0;
let refusedTimer: ReturnType<typeof setTimeout> | undefined;
/**
 * Refused tokens in the last second. A page can post made-up tokens by the thousand; past a few
 * refusals a second the frame stops passing them on, so it cannot make the background spin. The
 * reader's own openings are never refused, so they never count.
 */
let refusedTokens: number[] = [];
let nextSeq = 0;
const replies = new Map<number, (response: CardResponse) => void>();

/** Tells the tab's content script (top frame only) something the reader did in the card. */
/**
 * Tells the page's content script what the reader did in the card. Chromium gives this frame the
 * `tabs` API; Firefox gives an extension page framed in a web page only the content scripts' APIs,
 * so there the background passes the notice on, over the card's port.
 */
function tellPage(message: CardPageNotice): void {
  if (!shown) return;
  if (typeof browser.tabs?.sendMessage === "function") {
    browser.tabs.sendMessage(shown.session.tabId, message, { frameId: 0 }).catch(() => {});
  } else post({ type: "tell", notice: message });
}

function post(message: CardFrameMessage): void {
  port?.postMessage(message);
}

const actions: CardFrameActions = {
  request: (request) =>
    new Promise((resolve) => {
      if (!port) {
        resolve({ ok: false, error: t("card_restarted_reopen") });
        return;
      }
      const seq = ++nextSeq;
      replies.set(seq, resolve);
      post({ type: "request", seq, request });
    }),
  onChanged: (id) => tellPage({ type: "annotation/changed", id }),
  onClose: () => {
    tellPage({ type: "card/close", returnFocus: document.hasFocus() });
    hide();
  },
  onWalk: (step) => tellPage({ type: "card/walk", step }),
};

function draw(): void {
  if (!shown) {
    render(null, root);
    return;
  }
  if (shown.preview) {
    const { id } = shown.session;
    render(
      <CardPreview
        key={shown.serial}
        annotation={shown.details.annotation}
        armed={armed}
        refused={refused}
        onExpand={() => tellPage({ type: "card/preview", id, action: "expand" })}
      />,
      root,
    );
    return;
  }
  render(
    <CardFrame
      key={shown.serial}
      session={shown.session}
      details={shown.details}
      context={shown.context}
      focus={shown.focus}
      actions={actions}
      refusals={refusals}
      refused={refused}
      armed={armed}
    />,
    root,
  );
}

function hide(): void {
  shown = null;
  refused = false;
  draw();
}

const guard = guardClicks(window, root, {
  onRefused: () => {
    refused = true;
    refusals++;
    clearTimeout(refusedTimer);
    refusedTimer = setTimeout(() => {
      refused = false;
      draw();
    }, 4000);
    draw();
  },
  onChange: (now) => {
    if (now === armed) return;
    armed = now;
    draw();
  },
});

function onCommand(command: CardFrameCommand): void {
  if (command.type === "reply") {
    replies.get(command.seq)?.(command.response);
    replies.delete(command.seq);
    return;
  }
  if (command.type === "refused") {
    refusedTokens.push(performance.now());
    return;
  }
  if (command.type === "context") {
    if (shown?.session.id !== command.id) return;
    shown = { ...shown, context: command.context };
    draw();
    return;
  }
  shown = {
    session: command.session,
    details: command.details,
    focus: command.focus,
    preview: command.preview,
    serial: ++serial,
  };
  refused = false;
  guard.disturb();
  draw();
  if (command.focus) window.focus();
}

/** Presents a token to the background, on the frame's port (opened again if the background restarted). */
function present(token: string): void {
  const now = performance.now();
  refusedTokens = refusedTokens.filter((at) => now - at < 1000);
  if (refusedTokens.length >= 10) return;
  if (!port) {
    const mine = browser.runtime.connect({ name: CARD_PORT });
    mine.onMessage.addListener((message) => onCommand(message as CardFrameCommand));
    mine.onDisconnect.addListener(() => {
      if (port !== mine) return;
      port = null;
      for (const resolve of replies.values()) resolve({ ok: false, error: t("card_restarted_retry") });
      replies.clear();
    });
    port = mine;
  }
  post({ type: "hello", token });
}

// Keys anywhere in the frame, not only on the card (focus may be on the frame's document itself
// between two cards): Escape closes, Alt+Shift+↓/↑ walks. The card handles them first when focused.
window.addEventListener("keydown", (event) => {
  if (!shown || event.defaultPrevented) return;
  if (event.key === "Escape") {
    event.preventDefault();
    actions.onClose();
  } else if (event.altKey && event.shiftKey && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
    event.preventDefault();
    actions.onWalk(event.key === "ArrowDown" ? 1 : -1);
  }
});

// The pointer entering and leaving a preview (the page's document does not see it here): the
// content script closes the preview once the pointer has left both it and its highlight.
for (const [type, action] of [
  ["mouseenter", "enter"],
  ["mouseleave", "leave"],
] as const) {
  document.documentElement.addEventListener(type, (event) => {
    if (event.isTrusted && shown?.preview) tellPage({ type: "card/preview", id: shown.session.id, action });
  });
}

// The content script's signals. Anyone in the page can post here too: a token the background did
// not hand out is refused there, and "hide" and "disarm" only ever make the card do less.
window.addEventListener("message", (event) => {
  const data = event.data as { claimmark?: unknown; token?: unknown } | null;
  if (typeof data !== "object" || data === null) return;
  if (data.claimmark === "token" && typeof data.token === "string") present(data.token);
  else if (data.claimmark === "hide") hide();
  else if (data.claimmark === "disarm") guard.disturb();
});
