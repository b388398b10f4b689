import "./highlights.css";
import { browser } from "wxt/browser";
import { defineContentScript } from "wxt/utils/define-content-script";
import {
  type AnnotationPaintResponse,
  type BackgroundMessage,
  type ContentMessage,
  checkContentMessage,
  type PageState,
} from "../../lib/messages";
import { runSession, type SessionOutcome, type ShownAnnotation, toPaintable } from "../../lib/page-session";
import { HIGHLIGHT_PREFIX } from "../../lib/paint/names";
import { createPainter, type Painter } from "../../lib/paint/painter";
import { annotateSelection } from "./annotate";
import { CARD_FRAME_MARK, cardFrame } from "./card-frame";
import { watchGrowth } from "./growth";
import { contentLifetime, type Lifetime } from "./lifetime";
import { watchLocation } from "./location";
import { NOTICE_HOST_TAG, noticeShower } from "./notice";
import { watchReaderSelection } from "./reader-selection";
import { TOOLBAR_HOST_TAG, watchSelection } from "./selection-toolbar";
import { whenSettled } from "./settle";

/** Our own elements in a page: never page text, never a target for page annotation. */
const OWN_TAGS = new Set([TOOLBAR_HOST_TAG, NOTICE_HOST_TAG]);
const isOwnElement = (element: Element): boolean =>
  OWN_TAGS.has(element.localName) ||
  (element.localName === "iframe" && element.getAttribute("data-claimmark") === CARD_FRAME_MARK);

export default defineContentScript({
  matches: ["http://*/*", "https://*/*"],
  runAt: "document_idle",
  // WXT would otherwise post a "content-script-started" message naming the extension's id to the
  // page. Its context is not used: a page could end it by replaying that message (see lifetime.ts).
  noScriptStartedPostMessage: true,
  main() {
    const startedAt = performance.now();
    const life = contentLifetime();
    // A copy of this script from before the extension was reloaded has stopped; its highlights may remain.
    clearOurHighlights();
    let state: PageState = { status: "reading" };
    let outcome: SessionOutcome | null = null;
    const painter = createPainter(document);
    const notify = noticeShower(life);
    const send = <T>(message: BackgroundMessage) => browser.runtime.sendMessage(message) as Promise<T | undefined>;
    const shown = (): ShownAnnotation[] => outcome?.shown ?? [];

    const cards = cardFrame({ life, send, page: () => outcome?.page ?? null, notify });
    const walker = keyboardWalk(shown, (item) => void cards.open(item, true));
    watchPointer(life, painter, shown, (item) => void cards.open(item, false), walker);

    const reader = watchReaderSelection(life);
    const annotate = async (kind: "claim" | "figure" | "highlight") => {
      const selection = document.getSelection();
      if (!reader.isReaders(selection)) {
        notify("Claimmark annotates only the words you select yourself. Select them again.");
        return;
      }
      const result = await annotateSelection(document, outcome, kind, send, isOwnElement);
      if (!result.ok) {
        notify(result.error);
        return;
      }
      if (!outcome) return;
      outcome.shown.push(result.item);
      const paintable = toPaintable(result.item, result.item.range, outcome.highlightKinds);
      if (paintable) painter.add([paintable]);
      // The reader annotated to add something: a source, a note. The card is where.
      void cards.open(result.item, false);
    };
    watchSelection(life, reader, isOwnNode, (kind) => void annotate(kind));

    /** Scrolls to an annotation the popup named and opens its card. */
    const reveal = (id: string) => {
      const item = shown().find((candidate) => candidate.id === id);
      const node = item?.range?.startContainer;
      const element = node instanceof Element ? node : node?.parentElement;
      if (!item || !element) return false;
      element.scrollIntoView({ block: "center", behavior: "smooth" });
      painter.flash(id);
      void cards.open(item, false);
      return true;
    };

    /** Brings one annotation's highlight up to date after an edit in the popup or the card. */
    const repaint = async (id: string) => {
      if (!outcome) return;
      const item = outcome.shown.find((candidate) => candidate.id === id);
      if (!item) return;
      const answer = await send<AnnotationPaintResponse>({ type: "annotation/paint", page: outcome.page, id });
      if (!answer?.ok || !outcome) return;
      painter.remove(id);
      if (!answer.item) return;
      item.status = answer.item.status;
      const paintable = toPaintable(item, item.range, outcome.highlightKinds);
      if (paintable) painter.add([paintable]);
    };

    // The popup, the card frame and the background tell the tab what the reader did; only this extension may.
    const onMessage = (message: unknown, sender: { id?: string }, sendResponse: (answer: unknown) => void) => {
      if (sender.id !== browser.runtime.id) return;
      const checked = checkContentMessage(message);
      if (!checked.ok) return;
      const command: ContentMessage = checked.value;
      switch (command.type) {
        case "page/state":
          sendResponse(state);
          return;
        case "selection/annotate":
          void annotate(command.kind);
          sendResponse({ ok: true });
          return;
        case "annotation/reveal":
          sendResponse({ ok: reveal(command.id) });
          return;
        case "annotation/changed":
          void repaint(command.id);
          sendResponse({ ok: true });
          return;
        case "card/close":
          cards.close(command.returnFocus);
          sendResponse({ ok: true });
          return;
        case "card/walk":
          walker.step(command.step);
          sendResponse({ ok: true });
          return;
      }
    };
    browser.runtime.onMessage.addListener(onMessage);
    life.onEnd(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      painter.clear();
    });

    // One pass at a time: a new pass (navigation, a late article) aborts the one before.
    let pass: AbortController | null = null;
    life.onEnd(() => pass?.abort());
    const run = (passStart: number, settleFirst = false) => {
      pass?.abort();
      const controller = new AbortController();
      pass = controller;
      state = { status: "reading" };
      // After a single-page app's navigation, its next view may still be rendering: wait for quiet.
      const ready = settleFirst ? whenSettled(document, controller.signal) : Promise.resolve();
      ready
        .then(() =>
          runSession({
            doc: document,
            url: location.href,
            startedAt: passStart,
            send: (message: BackgroundMessage) => browser.runtime.sendMessage(message),
            painter,
            signal: controller.signal,
            skip: isOwnElement,
          }),
        )
        .then((result) => {
          if (controller.signal.aborted) return;
          outcome = result;
          state = result.state;
          growth.reset(result.pageTextLength, result.state.status === "recorded" && result.state.hasArticle);
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          state = { status: "failed", error: error instanceof Error ? error.message : String(error) };
        });
    };

    // Articles that load late, and single-page apps that swap the article in place.
    const growth = watchGrowth(life, document, () => run(performance.now()));
    watchLocation(life, () => {
      cards.close();
      painter.clear();
      outcome = null;
      run(performance.now(), true);
    });
    run(startedAt);
  },
});

/** Removes every highlight named like ours: what an earlier copy of this script (before a reload) left. */
function clearOurHighlights(): void {
  if (typeof CSS === "undefined" || !("highlights" in CSS)) return;
  for (const name of [...CSS.highlights.keys()]) if (name.startsWith(HIGHLIGHT_PREFIX)) CSS.highlights.delete(name);
}

/** Whether a node belongs to one of our own elements (the selection bar, a notice, the card frame). */
function isOwnNode(node: Node | null): boolean {
  for (let at: Node | null = node; at; at = at.parentNode ?? (at as ShadowRoot).host ?? null) {
    if (at instanceof Element && isOwnElement(at)) return true;
  }
  return false;
}

/** The keyboard walk through the highlights in reading order (Alt+Shift+↓ / ↑), each opening its card. */
function keyboardWalk(shown: () => ShownAnnotation[], open: (item: ShownAnnotation) => void) {
  let cursor = -1;
  return {
    step(step: 1 | -1): boolean {
      const items = shown().filter((item) => item.range);
      if (items.length === 0) return false;
      cursor = (cursor + step + items.length) % items.length;
      const item = items[cursor] as ShownAnnotation;
      const node = item.range?.startContainer;
      const element = node instanceof Element ? node : node?.parentElement;
      element?.scrollIntoView({ block: "center" });
      open(item);
      return true;
    },
  };
}

/**
 * Opens the card of the highlight under the reader's click, or under the pointer after a short
 * rest, and lets the keyboard walk the highlights (Alt+Shift+↓ / ↑). Only trusted events: a
 * page's scripted click, pointer move or key opens nothing.
 */
function watchPointer(
  life: Lifetime,
  painter: Painter,
  shown: () => ShownAnnotation[],
  open: (item: ShownAnnotation) => void,
  walker: ReturnType<typeof keyboardWalk>,
) {
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;
  const itemAt = (x: number, y: number): ShownAnnotation | undefined => {
    const id = painter.hitTest(x, y);
    return id ? shown().find((item) => item.id === id) : undefined;
  };
  life.listen(document, "click", (event: MouseEvent) => {
    if (!event.isTrusted) return;
    // A click that ends a selection is the reader selecting, not asking for a card.
    if (!document.getSelection()?.isCollapsed) return;
    const item = itemAt(event.clientX, event.clientY);
    if (item) open(item);
  });
  life.listen(document, "mousemove", (event: MouseEvent) => {
    clearTimeout(hoverTimer);
    if (!event.isTrusted || event.buttons !== 0) return;
    const { clientX, clientY } = event;
    hoverTimer = setTimeout(() => {
      const item = itemAt(clientX, clientY);
      if (item) open(item);
    }, 400);
  });
  const onKey = (event: KeyboardEvent) => {
    if (!event.isTrusted) return;
    if (!event.altKey || !event.shiftKey || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) return;
    const target = (event.composedPath()[0] ?? event.target) as HTMLElement | null;
    if (target?.isContentEditable || /^(?:input|textarea|select)$/i.test(target?.localName ?? "")) return;
    if (walker.step(event.key === "ArrowDown" ? 1 : -1)) event.preventDefault();
  };
  life.listen(document, "keydown", onKey, { capture: true });
  life.onEnd(() => clearTimeout(hoverTimer));
}
