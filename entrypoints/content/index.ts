import "./highlights.css";
import { browser } from "wxt/browser";
import { defineContentScript } from "wxt/utils/define-content-script";
import { t } from "../../components/i18n";
import {
  type AnnotationPaintResponse,
  type BackgroundMessage,
  type ContentMessage,
  checkContentMessage,
  type PageState,
} from "../../lib/messages";
import { runSession, type SessionOutcome, type ShownAnnotation, toPaintable } from "../../lib/page-session";
import { HIGHLIGHT_PREFIX } from "../../lib/paint/names";
import { createPainter } from "../../lib/paint/painter";
import { annotateSelection } from "./annotate";
import { CARD_FRAME_MARK, type CardOpening, cardFrame } from "./card-frame";
import { watchGrowth } from "./growth";
import { contentLifetime, type Lifetime } from "./lifetime";
import { watchLocation } from "./location";
import { NOTICE_HOST_TAG, noticeShower } from "./notice";
import { watchPointer } from "./pointer";
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

    /** The highlight whose card last had the keyboard, and the selection Escape left on it. */
    let returned: { item: ShownAnnotation; range: Range } | null = null;
    const cards = cardFrame({
      life,
      send,
      page: () => outcome?.page ?? null,
      notify,
      returnTo: (item) => {
        reader.selectingOurselves();
        returned = returnToHighlight(item);
        if (returned) painter.flash(item.id);
      },
    });
    /** Opens a card (or its preview); the keyboard walk goes on from there. */
    const openCard = (item: ShownAnnotation, how: CardOpening = {}) => {
      if (!how.preview) walker.moveTo(item);
      void cards.open(item, how);
    };
    // The walk visits only what is painted: kinds the reader hides (dates, by default) are skipped.
    const painted = () => shown().filter((item) => painter.rangesOf(item.id).length > 0);
    const walker = keyboardWalk(painted, (item) => void cards.open(item, { focus: true }));
    const itemAt = (x: number, y: number): ShownAnnotation | undefined => {
      const id = painter.hitTest(x, y);
      return id ? shown().find((item) => item.id === id) : undefined;
    };
    const pointer = watchPointer({
      life,
      itemAt,
      open: openCard,
      close: () => cards.close(false),
      previewing: cards.previewing,
      isFrame: cards.isFrame,
      selecting: () => !(document.getSelection()?.isCollapsed ?? true) && !onReturned(),
    });
    /** Whether the page's selection is still the one Escape left on a highlight. */
    const onReturned = (): boolean => {
      const selection = document.getSelection();
      if (!returned || !selection || selection.rangeCount !== 1) return false;
      const range = selection.getRangeAt(0);
      return (
        range.compareBoundaryPoints(Range.START_TO_START, returned.range) === 0 &&
        range.compareBoundaryPoints(Range.END_TO_END, returned.range) === 0
      );
    };
    watchKeys(life, walker, () => {
      // Enter on the highlight Escape left the keyboard on (its text still selected as we left it) opens its card again.
      if (!returned?.item.range || !onReturned()) return false;
      openCard(returned.item, { focus: true });
      return true;
    });

    const reader = watchReaderSelection(life);
    const annotate = async (kind: "claim" | "figure" | "highlight") => {
      const selection = document.getSelection();
      if (!reader.isReaders(selection)) {
        notify(t("content_select_yourself"));
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
      openCard(result.item);
    };
    // No bar where it could only refuse: a page without an article (or not read yet) has nothing to anchor in.
    watchSelection(
      life,
      reader,
      isOwnNode,
      (kind) => void annotate(kind),
      () => Boolean(outcome?.article),
    );

    /** Scrolls to an annotation the popup named and opens its card. */
    const reveal = (id: string) => {
      const item = shown().find((candidate) => candidate.id === id);
      const node = item?.range?.startContainer;
      const element = node instanceof Element ? node : node?.parentElement;
      if (!item || !element) return false;
      element.scrollIntoView({ block: "center", behavior: "smooth" });
      painter.flash(id);
      openCard(item);
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
        case "card/preview": {
          const item = cards.previewing();
          if (item?.id === command.id) {
            if (command.action === "expand") openCard(item);
            else pointer.inFrame(command.action === "enter");
          }
          sendResponse({ ok: true });
          return;
        }
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
  // forEach, not an iterator: Firefox's content scripts see the page's registry through an Xray
  // wrapper, which refuses iterators ("Xray wrapping of iterators not supported").
  const names: string[] = [];
  CSS.highlights.forEach((_highlight, name) => {
    if (name.startsWith(HIGHLIGHT_PREFIX)) names.push(name);
  });
  for (const name of names) CSS.highlights.delete(name);
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
    /** A card opened another way (a click, the popup): the walk goes on from its highlight. */
    moveTo(item: ShownAnnotation): void {
      const at = shown()
        .filter((candidate) => candidate.range)
        .indexOf(item);
      if (at >= 0) cursor = at;
    },
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
 * The keyboard's highlight shortcuts, trusted keys only and never while the reader types in a
 * field: Alt+Shift+↓ / ↑ walk the highlights, and Enter opens the card of the highlight the
 * keyboard came back to (`enter` says whether there was one).
 */
function watchKeys(life: Lifetime, walker: ReturnType<typeof keyboardWalk>, enter: () => boolean) {
  const onKey = (event: KeyboardEvent) => {
    if (!event.isTrusted) return;
    const target = (event.composedPath()[0] ?? event.target) as HTMLElement | null;
    if (target?.isContentEditable || /^(?:input|textarea|select)$/i.test(target?.localName ?? "")) return;
    if (event.key === "Enter" && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      // Only with no control focused: Enter on a link or a button is theirs.
      if (target !== document.body && target !== document.documentElement) return;
      if (enter()) event.preventDefault();
      return;
    }
    if (!event.altKey || !event.shiftKey || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) return;
    if (walker.step(event.key === "ArrowDown" ? 1 : -1)) event.preventDefault();
  };
  life.listen(document, "keydown", onKey, { capture: true });
}

/**
 * Puts the keyboard back on a highlight after its card closed: the page has no element for a
 * highlight to focus (highlights are painted, not in the DOM), so the highlight's text becomes
 * the page's selection, with focus on the page. From there Shift+arrows extend it, Ctrl+C copies
 * it, Enter opens its card again, and Alt+Shift+↓ / ↑ walk on. Returns that selection's
 * range, or null when the highlight is gone.
 */
function returnToHighlight(item: ShownAnnotation): { item: ShownAnnotation; range: Range } | null {
  const selection = document.getSelection();
  if (!item.range || !selection) return null;
  // The frame held the keyboard: it goes back to this window before the selection is set.
  window.focus();
  selection.removeAllRanges();
  selection.addRange(item.range.cloneRange());
  return selection.rangeCount === 1 ? { item, range: selection.getRangeAt(0).cloneRange() } : null;
}
