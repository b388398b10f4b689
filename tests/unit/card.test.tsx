// @vitest-environment jsdom
import { render } from "preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { Card, type CardAnnotation, formatFigureValue, qualifierWords, safeLinkHref } from "../../components/Card";
import { openCard, openCardHandle, placeCard } from "../../entrypoints/content/card";

const HOSTILE = "<img src=x onerror=alert(1)>";

const FIGURE: CardAnnotation = {
  id: "f1",
  kind: "figure",
  exact: "about 6,500 militants",
  speaker: "Anatoly Sidorov",
  cue: null,
  figureKind: "count",
  value: 6500,
  unit: "militants",
  qualifier: "approximately",
  status: "unverified",
  sources: [],
  anchor: "exact",
};

const QUOTE: CardAnnotation = {
  id: "q1",
  kind: "quote",
  exact: "“The situation on the border is tense”",
  speaker: "Anatoly Sidorov",
  cue: "stated",
  figureKind: null,
  value: null,
  unit: null,
  qualifier: null,
  status: "disputed",
  sources: [
    { url: "https://example.org/report?a=1&b=2", title: "CSTO report" },
    { url: "javascript:alert(1)", title: "Click me" },
    { url: "data:text/html,<script>alert(1)</script>", title: "" },
    { url: "http://example.com/", title: "" },
  ],
  anchor: "fuzzy",
};

let root: HTMLElement;

function show(annotation: CardAnnotation, onClose: () => void = () => {}, locale = "en"): HTMLElement {
  render(<Card annotation={annotation} onClose={onClose} locale={locale} />, root);
  return root;
}

function byTestId(container: ParentNode, id: string): HTMLElement | null {
  return container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
}

beforeEach(() => {
  root = document.createElement("div");
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe("Card", () => {
  it("shows a figure: formatted value with the plain number, unit and qualifier in words", () => {
    const card = show(FIGURE);
    expect(byTestId(card, "card-kind")?.textContent).toBe("Figure");
    const value = byTestId(card, "card-value");
    expect(value?.textContent).toBe("6,500");
    expect(value?.dataset.value).toBe("6500");
    expect(byTestId(card, "card-unit")?.textContent).toBe("militants");
    expect(byTestId(card, "card-qualifier")?.textContent).toBe("approximately");
    expect(byTestId(card, "card-status")?.textContent).toBe("Unverified");
    expect(byTestId(card, "card-sources")?.textContent).toBe("None yet");
    // The speaker of the quote or claim the figure sits in; a figure has no cue.
    expect(byTestId(card, "card-speaker")?.textContent).toBe("Anatoly Sidorov");
    expect(byTestId(card, "card-cue")).toBeNull();
    expect(byTestId(card, "card-fuzzy")).toBeNull();
  });

  it("formats values in the reader's locale and keeps date strings as given", () => {
    expect(formatFigureValue(3_200_000_000, "en")).toBe("3,200,000,000");
    expect(formatFigureValue(6.29, "en")).toBe("6.29");
    expect(formatFigureValue(6500, "de")).toBe("6.500");
    expect(formatFigureValue("2015-01")).toBe("2015-01");
    expect(qualifierWords("at most")).toBe("up to");
    expect(qualifierWords("something new")).toBe("something new");
    const card = show({ ...FIGURE, value: "2019", figureKind: "date", unit: null, qualifier: "early" });
    expect(byTestId(card, "card-value")?.textContent).toBe("2019");
    expect(byTestId(card, "card-unit")).toBeNull();
  });

  it("shows a quote's speaker and cue, its status and the changed-text note", () => {
    const card = show(QUOTE);
    expect(byTestId(card, "card-kind")?.textContent).toBe("Quote");
    expect(byTestId(card, "card-speaker")?.textContent).toBe("Anatoly Sidorov");
    expect(byTestId(card, "card-cue")?.textContent).toBe("stated");
    expect(byTestId(card, "card-speaker")?.parentElement?.textContent).toBe("Anatoly Sidorov · stated");
    expect(byTestId(card, "card-status")?.textContent).toBe("Disputed");
    expect(byTestId(card, "card-fuzzy")?.textContent).toBe("Text changed since it was annotated");
    expect(byTestId(card, "card-value")).toBeNull();
    show({ ...QUOTE, kind: "claim" });
    expect(byTestId(card, "card-kind")?.textContent).toBe("Reported claim");
  });

  it("links only http and https sources, safely; anything else is text", () => {
    const card = show(QUOTE);
    const links = Array.from(byTestId(card, "card-sources")?.querySelectorAll("a") ?? []);
    expect(links.map((a) => a.getAttribute("href"))).toEqual([
      "https://example.org/report?a=1&b=2",
      "http://example.com/",
    ]);
    for (const link of links) {
      expect(link.getAttribute("rel")).toBe("noopener noreferrer");
      expect(link.getAttribute("target")).toBe("_blank");
    }
    expect(links.map((a) => a.textContent)).toEqual(["CSTO report", "http://example.com/"]);
    const items = Array.from(byTestId(card, "card-sources")?.querySelectorAll("li") ?? []);
    expect(items[1]?.textContent).toBe("Click me");
    expect(items[1]?.querySelector("a")).toBeNull();
    expect(items[2]?.textContent).toBe("data:text/html,<script>alert(1)</script>");
    expect(card.querySelector("script")).toBeNull();
    expect(safeLinkHref("javascript:alert(1)")).toBeNull();
    expect(safeLinkHref(" JavaScript:alert(1)")).toBeNull();
    expect(safeLinkHref("not a url")).toBeNull();
    expect(safeLinkHref("https://example.org/x")).toBe("https://example.org/x");
  });

  it("shows hostile page strings as text, never as elements", () => {
    const card = show({
      ...QUOTE,
      exact: HOSTILE,
      speaker: HOSTILE,
      cue: HOSTILE,
      sources: [
        { url: "https://example.org/", title: HOSTILE },
        { url: HOSTILE, title: HOSTILE },
      ],
    });
    expect(card.querySelector("img")).toBeNull();
    expect(byTestId(card, "card-speaker")?.textContent).toBe(HOSTILE);
    expect(byTestId(card, "card-exact")?.textContent).toBe(HOSTILE);
    expect(byTestId(card, "card-sources")?.textContent).toBe(HOSTILE + HOSTILE);
    show({ ...FIGURE, unit: HOSTILE, qualifier: HOSTILE, figureKind: HOSTILE, value: HOSTILE });
    expect(card.querySelector("img")).toBeNull();
    expect(byTestId(card, "card-unit")?.textContent).toBe(HOSTILE);
    expect(byTestId(card, "card-value")?.textContent).toBe(HOSTILE);
  });

  it("is an accessible dialog; Escape and the close button call onClose", () => {
    const onClose = vi.fn();
    const card = show(QUOTE, onClose);
    const dialog = byTestId(card, "card");
    expect(dialog?.getAttribute("role")).toBe("dialog");
    expect(dialog?.getAttribute("aria-label")).toBe("Claimmark: Quote");
    const close = byTestId(card, "card-close");
    expect(close?.tagName).toBe("BUTTON");
    expect(close?.getAttribute("aria-label")).toBe("Close");
    expect(Array.from(card.querySelectorAll("dt"), (dt) => dt.textContent)).toEqual([
      "Attributed to",
      "Status",
      "Sources",
    ]);

    dialog?.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    expect(onClose).not.toHaveBeenCalled();
    close?.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    expect(onClose).toHaveBeenCalledTimes(1);
    close?.click();
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it("shortens a very long annotated text", () => {
    const card = show({ ...QUOTE, exact: "x".repeat(5000) });
    expect(byTestId(card, "card-exact")?.textContent?.length).toBeLessThan(500);
  });
});

describe("placeCard", () => {
  const viewport = { width: 1000, height: 800 };
  const card = { width: 340, height: 200 };

  it("goes below the anchor when there is room", () => {
    expect(placeCard({ top: 100, bottom: 120, left: 50 }, card, viewport)).toEqual({
      top: 128,
      left: 50,
      placement: "below",
    });
  });

  it("flips above when there is no room below", () => {
    expect(placeCard({ top: 700, bottom: 720, left: 50 }, card, viewport)).toEqual({
      top: 492,
      left: 50,
      placement: "above",
    });
  });

  it("stays inside the viewport", () => {
    expect(placeCard({ top: 100, bottom: 120, left: 900 }, card, viewport).left).toBe(652);
    expect(placeCard({ top: 100, bottom: 120, left: -40 }, card, viewport).left).toBe(8);
    const tall = placeCard({ top: 300, bottom: 320, left: 0 }, { width: 340, height: 700 }, viewport);
    expect(tall.top).toBeGreaterThanOrEqual(8);
    expect(tall.top + 700).toBeLessThanOrEqual(792);
    expect(placeCard({ top: 0, bottom: 10, left: 0 }, { width: 2000, height: 2000 }, viewport)).toMatchObject({
      top: 8,
      left: 8,
    });
  });
});

describe("openCard", () => {
  const ctx = { onInvalidated: () => () => {}, options: {} } as unknown as ContentScriptContext;
  const rect = { top: 100, bottom: 120, left: 40, right: 200, width: 160, height: 20, x: 40, y: 100 } as DOMRect;
  let button: HTMLButtonElement;

  beforeEach(() => {
    document.body.innerHTML = "<p>Some <b>article</b> text.</p><button id=opener>Open</button>";
    button = document.getElementById("opener") as HTMLButtonElement;
  });

  afterEach(() => {
    openCardHandle()?.close();
  });

  it("adds one shadow host while open and leaves the page as it was once closed", async () => {
    const before = document.body.innerHTML;
    const onClose = vi.fn();
    const handle = await openCard(ctx, QUOTE, rect, { onClose });
    expect(document.body.lastElementChild).toBe(handle.host);
    expect(handle.host.tagName).toBe("CLAIMMARK-CARD");
    expect(handle.host.shadowRoot?.querySelector('[data-testid="card-speaker"]')?.textContent).toBe("Anatoly Sidorov");
    expect(handle.element.getAttribute("role")).toBe("dialog");
    expect(handle.element.style.top).toBe("128px");
    expect(handle.element.style.left).toBe("40px");
    handle.update({ ...QUOTE, status: "supported" });
    expect(handle.element.querySelector('[data-testid="card-status"]')?.textContent).toBe("Supported");
    handle.close();
    handle.close();
    expect(document.body.innerHTML).toBe(before);
    expect(openCardHandle()).toBeNull();
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("can close its shadow root to page scripts", async () => {
    const handle = await openCard(ctx, QUOTE, rect, { shadowMode: "closed" });
    expect(handle.host.shadowRoot).toBeNull();
    expect(handle.element.querySelector('[data-testid="card-kind"]')?.textContent).toBe("Quote");
  });

  it("shows one card at a time", async () => {
    const onClose = vi.fn();
    const first = await openCard(ctx, QUOTE, rect, { onClose });
    const second = await openCard(ctx, FIGURE, rect);
    expect(first.host.isConnected).toBe(false);
    expect(second.host.isConnected).toBe(true);
    expect(document.querySelectorAll("claimmark-card")).toHaveLength(1);
    expect(openCardHandle()).toBe(second);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("goes away with the content script, reporting its closing once", async () => {
    const invalidated: (() => void)[] = [];
    const dying = {
      onInvalidated: (callback: () => void) => invalidated.push(callback),
      options: {},
    } as unknown as ContentScriptContext;
    const closedEarly = vi.fn();
    const open = vi.fn();
    (await openCard(dying, QUOTE, rect, { onClose: closedEarly })).close();
    const handle = await openCard(dying, FIGURE, rect, { onClose: open });
    for (const callback of invalidated) callback();
    expect(handle.host.isConnected).toBe(false);
    expect(closedEarly).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenCalledTimes(1);
    expect(openCardHandle()).toBeNull();
  });

  it("opens only the last of two cards asked for at once", async () => {
    const onClose = vi.fn();
    const [first, second] = await Promise.all([openCard(ctx, QUOTE, rect, { onClose }), openCard(ctx, FIGURE, rect)]);
    expect(first.host.isConnected).toBe(false);
    expect(second.host.isConnected).toBe(true);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("closes on Escape and on a press outside, not on a press inside", async () => {
    let handle = await openCard(ctx, QUOTE, rect);
    handle.element.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true, composed: true }));
    expect(handle.host.isConnected).toBe(true);
    document.body.querySelector("p")?.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true, composed: true }));
    expect(handle.host.isConnected).toBe(false);

    handle = await openCard(ctx, QUOTE, rect);
    document.body.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    expect(handle.host.isConnected).toBe(false);
  });

  it("takes focus when opened from the keyboard and gives it back on close", async () => {
    button.focus();
    expect(document.activeElement).toBe(button);
    const handle = await openCard(ctx, QUOTE, rect, { focus: true });
    expect(document.activeElement).toBe(handle.host);
    const close = handle.element.querySelector<HTMLElement>('[data-testid="card-close"]');
    close?.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, composed: true }));
    expect(handle.host.isConnected).toBe(false);
    expect(document.activeElement).toBe(button);
  });

  it("closes from its own close button", async () => {
    const handle = await openCard(ctx, FIGURE, rect, { focus: true, returnFocusTo: button });
    handle.element.querySelector<HTMLElement>('[data-testid="card-close"]')?.click();
    expect(handle.host.isConnected).toBe(false);
    expect(document.activeElement).toBe(button);
  });
});
