import "./highlights.css";
import { browser } from "wxt/browser";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { defineContentScript } from "wxt/utils/define-content-script";
import { type BackgroundMessage, checkContentMessage, type PageState } from "../../lib/messages";
import { runSession, type SessionOutcome, type ShownAnnotation } from "../../lib/page-session";
import { createPainter } from "../../lib/paint/painter";
import { CARD_HOST_TAG, type CardHandle, openCard } from "./card";
import { watchGrowth } from "./growth";
import { whenSettled } from "./settle";

export default defineContentScript({
  matches: ["http://*/*", "https://*/*"],
  runAt: "document_idle",
  main(ctx) {
    const startedAt = performance.now();
    let state: PageState = { status: "reading" };
    let outcome: SessionOutcome | null = null;
    const painter = createPainter(document);
    const cards = cardController(ctx, painter.hitTest.bind(painter), () => outcome?.shown ?? []);

    // The popup asks the tab what it knows; only this extension's pages may ask.
    const onMessage = (message: unknown, sender: { id?: string }, sendResponse: (state: PageState) => void) => {
      if (sender.id !== browser.runtime.id || !checkContentMessage(message).ok) return;
      sendResponse(state);
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      cards.close();
      painter.clear();
    });

    // One pass at a time: a new pass (navigation, a late article) aborts the one before.
    let pass: AbortController | null = null;
    const run = (passStart: number, settleFirst = false) => {
      pass?.abort();
      const controller = new AbortController();
      pass = controller;
      ctx.onInvalidated(() => controller.abort());
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
            skip: (element) => element.localName === CARD_HOST_TAG,
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

/**
 * Opens the card of the highlight under a click, or under the pointer after a short rest, and
 * lets the keyboard walk the highlights (Alt+Shift+↓ / ↑), each opening its card.
 */
function cardController(
  ctx: ContentScriptContext,
  hitTest: (x: number, y: number) => string | null,
  shown: () => ShownAnnotation[],
) {
  let card: CardHandle | null = null;
  let openId: string | null = null;
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;
  let cursor = -1;

  const close = () => {
    card?.close();
    card = null;
    openId = null;
  };
  const open = async (item: ShownAnnotation, byKeyboard: boolean) => {
    if (!item.range) return;
    if (openId === item.id && card) return;
    close();
    openId = item.id;
    const handle = await openCard(ctx, toCard(item), item.range.getBoundingClientRect(), {
      focus: byKeyboard,
      onClose: () => {
        if (openId === item.id) {
          card = null;
          openId = null;
        }
      },
    });
    if (openId === item.id) card = handle;
    else handle.close();
  };
  const itemAt = (x: number, y: number): ShownAnnotation | undefined => {
    const id = hitTest(x, y);
    return id ? shown().find((item) => item.id === id) : undefined;
  };

  ctx.addEventListener(document, "click", (event: MouseEvent) => {
    const item = itemAt(event.clientX, event.clientY);
    if (item) void open(item, false);
  });
  ctx.addEventListener(document, "mousemove", (event: MouseEvent) => {
    clearTimeout(hoverTimer);
    const { clientX, clientY } = event;
    hoverTimer = setTimeout(() => {
      const item = itemAt(clientX, clientY);
      if (item) void open(item, false);
    }, 400);
  });
  // Capture phase: the card keeps its own keys from bubbling out, yet the walk must go on from it.
  const onKey = (event: KeyboardEvent) => {
    if (!event.altKey || !event.shiftKey || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) return;
    const target = event.target as HTMLElement | null;
    if (target?.isContentEditable || /^(?:input|textarea|select)$/i.test(target?.localName ?? "")) return;
    const items = shown().filter((item) => item.range);
    if (items.length === 0) return;
    event.preventDefault();
    cursor = (cursor + (event.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
    const item = items[cursor] as ShownAnnotation;
    const node = item.range?.startContainer;
    const element = node instanceof Element ? node : node?.parentElement;
    element?.scrollIntoView({ block: "center" });
    void open(item, true);
  };
  ctx.addEventListener(document, "keydown", onKey, { capture: true });
  ctx.onInvalidated(() => clearTimeout(hoverTimer));
  return { close };
}

/** The card's view of an annotation. */
function toCard(item: ShownAnnotation) {
  return {
    id: item.id,
    kind: item.kind === "term" ? ("highlight" as const) : item.kind,
    exact: item.exact,
    speaker: item.speaker,
    cue: item.cue,
    figureKind: item.figureKind,
    value: item.value,
    unit: item.unit,
    qualifier: item.qualifier,
    status: item.status,
    sources: item.sources,
    anchor: item.anchor,
  };
}
