import "./highlights.css";
import { browser } from "wxt/browser";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { defineContentScript } from "wxt/utils/define-content-script";
import type { AnnotationDetails, EditMessage, EditResponse } from "../../lib/edit/messages";
import { type BackgroundMessage, type ContentMessage, checkContentMessage, type PageState } from "../../lib/messages";
import { machineFieldsOf, sourceLinks } from "../../lib/model";
import { runSession, type SessionOutcome, type ShownAnnotation, toPaintable } from "../../lib/page-session";
import { createPainter, type Painter } from "../../lib/paint/painter";
import { annotateSelection } from "./annotate";
import { CARD_HOST_TAG } from "./card";
import { cardController } from "./card-controller";
import { watchGrowth } from "./growth";
import { NOTICE_HOST_TAG, noticeShower } from "./notice";
import { TOOLBAR_HOST_TAG, watchSelection } from "./selection-toolbar";
import { whenSettled } from "./settle";

/** Our own elements in a page: never page text, never a target for page annotation. */
const OWN_TAGS = new Set([CARD_HOST_TAG, TOOLBAR_HOST_TAG, NOTICE_HOST_TAG]);
const isOwnElement = (element: Element): boolean => OWN_TAGS.has(element.localName);

export default defineContentScript({
  matches: ["http://*/*", "https://*/*"],
  runAt: "document_idle",
  main(ctx) {
    const startedAt = performance.now();
    let state: PageState = { status: "reading" };
    let outcome: SessionOutcome | null = null;
    const painter = createPainter(document);
    const notify = noticeShower(ctx);
    const sendEdit = (message: EditMessage) =>
      browser.runtime.sendMessage(message) as Promise<EditResponse | undefined>;
    const shown = (): ShownAnnotation[] => outcome?.shown ?? [];

    /** Brings one annotation's highlight up to date with the database, or removes it. */
    const repaint = (id: string, details: AnnotationDetails | null) => {
      if (!outcome) return;
      const item = outcome.shown.find((candidate) => candidate.id === id);
      if (!item) return;
      painter.remove(id);
      const stored = details?.annotation;
      if (!stored || stored.deleted || stored.dismissed) return;
      Object.assign(item, {
        status: stored.status,
        ...machineFieldsOf(stored),
        sources: sourceLinks(details.sources),
      });
      const paintable = toPaintable(item, item.range, outcome.highlightKinds);
      if (paintable) painter.add([paintable]);
    };

    const cards = cardController({ ctx, send: sendEdit, page: () => outcome?.page ?? null, changed: repaint });
    watchPointer(ctx, painter, shown, (item, byKeyboard) => void cards.open(item, byKeyboard));

    const annotate = async (kind: "claim" | "figure" | "highlight") => {
      const result = await annotateSelection(document, outcome, kind, sendEdit, isOwnElement);
      if (!result.ok) {
        void notify(result.error);
        return;
      }
      if (!outcome) return;
      outcome.shown.push(result.item);
      const paintable = toPaintable(result.item, result.item.range, outcome.highlightKinds);
      if (paintable) painter.add([paintable]);
      // The reader annotated to add something: a source, a note. The card is where.
      void cards.open(result.item, false);
    };
    watchSelection(
      ctx,
      (node) => isOwnNode(node),
      (kind) => void annotate(kind),
    );

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

    const refresh = async (id: string) => {
      if (!outcome) return;
      const response = await sendEdit({ type: "annotation/details", page: outcome.page, id, withContext: false });
      repaint(id, response?.ok ? response.details : null);
    };

    // The popup asks the tab what it knows, and tells it what the reader did; only this extension may.
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
          void refresh(command.id);
          sendResponse({ ok: true });
          return;
      }
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      cards.close();
      painter.clear();
    });

    // One pass at a time: a new pass (navigation, a late article) aborts the one before.
    let pass: AbortController | null = null;
    ctx.onInvalidated(() => pass?.abort());
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
    const growth = watchGrowth(ctx, document, () => run(performance.now()));
    ctx.addEventListener(window, "wxt:locationchange", () => {
      cards.close();
      painter.clear();
      outcome = null;
      run(performance.now(), true);
    });
    run(startedAt);
  },
});

/** Whether a node belongs to one of our own elements (the card, the selection bar, a notice). */
function isOwnNode(node: Node | null): boolean {
  for (let at: Node | null = node; at; at = at.parentNode ?? (at as ShadowRoot).host ?? null) {
    if (at instanceof Element && isOwnElement(at)) return true;
  }
  return false;
}

/**
 * Opens the card of the highlight under a click, or under the pointer after a short rest, and
 * lets the keyboard walk the highlights (Alt+Shift+↓ / ↑), each opening its card.
 */
function watchPointer(
  ctx: ContentScriptContext,
  painter: Painter,
  shown: () => ShownAnnotation[],
  open: (item: ShownAnnotation, byKeyboard: boolean) => void,
) {
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;
  let cursor = -1;
  const itemAt = (x: number, y: number): ShownAnnotation | undefined => {
    const id = painter.hitTest(x, y);
    return id ? shown().find((item) => item.id === id) : undefined;
  };
  ctx.addEventListener(document, "click", (event: MouseEvent) => {
    // A click that ends a selection is the reader selecting, not asking for a card.
    if (!document.getSelection()?.isCollapsed) return;
    const item = itemAt(event.clientX, event.clientY);
    if (item) open(item, false);
  });
  ctx.addEventListener(document, "mousemove", (event: MouseEvent) => {
    clearTimeout(hoverTimer);
    if (event.buttons !== 0) return;
    const { clientX, clientY } = event;
    hoverTimer = setTimeout(() => {
      const item = itemAt(clientX, clientY);
      if (item) open(item, false);
    }, 400);
  });
  // Capture phase: the card keeps its own keys from bubbling out, yet the walk must go on from it.
  const onKey = (event: KeyboardEvent) => {
    if (!event.altKey || !event.shiftKey || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) return;
    const target = (event.composedPath()[0] ?? event.target) as HTMLElement | null;
    if (target?.isContentEditable || /^(?:input|textarea|select)$/i.test(target?.localName ?? "")) return;
    const items = shown().filter((item) => item.range);
    if (items.length === 0) return;
    event.preventDefault();
    cursor = (cursor + (event.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
    const item = items[cursor] as ShownAnnotation;
    const node = item.range?.startContainer;
    const element = node instanceof Element ? node : node?.parentElement;
    element?.scrollIntoView({ block: "center" });
    open(item, true);
  };
  ctx.addEventListener(document, "keydown", onKey, { capture: true });
  ctx.onInvalidated(() => clearTimeout(hoverTimer));
}
