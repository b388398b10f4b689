// @vitest-environment jsdom
import axe from "axe-core";
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import {
  Card,
  type CardAnnotation,
  type CardOptions,
  formatFigureValue,
  qualifierWords,
  safeLinkHref,
} from "../../components/Card";
import type { RelatedItem } from "../../components/edit/Related";
import { TrustContext } from "../../components/edit/trust";
import { openCard, openCardHandle, placeCard } from "../../entrypoints/content/card";
import type { Source } from "../../lib/model";
import { MILITANTS, machineFields, sourceRecord } from "./samples";

const HOSTILE = "<img src=x onerror=alert(1)>";

function source(url: string, title: string, extra: Partial<Source> = {}): Source {
  return sourceRecord({ id: `source-${url}-${title}`, annotationId: "q1", url, title, ...extra });
}

const FIGURE: CardAnnotation = {
  id: "f1",
  kind: "figure",
  exact: MILITANTS.exact,
  ...machineFields(MILITANTS),
  status: "unverified",
  origin: "auto",
  tags: [],
  note: "",
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
  origin: "auto",
  tags: ["border"],
  note: "",
  sources: [
    source("https://example.org/report?a=1&b=2", "CSTO report"),
    source("javascript:alert(1)", "Click me"),
    source("data:text/html,<script>alert(1)</script>", ""),
    source("http://example.com/", ""),
  ],
  anchor: "fuzzy",
};

let root: HTMLElement;

function show(annotation: CardAnnotation, onClose: () => void = () => {}, locale = "en"): HTMLElement {
  render(<Card annotation={annotation} onClose={onClose} locale={locale} />, root);
  return root;
}

/** Renders the card as the reader would use it: scripted events count as the reader's own (jsdom marks them untrusted). */
function showTrusted(annotation: CardAnnotation, options: CardOptions = {}): HTMLElement {
  act(() => {
    render(
      <TrustContext.Provider value={() => true}>
        <Card annotation={annotation} onClose={() => {}} locale="en" {...options} />
      </TrustContext.Provider>,
      root,
    );
  });
  return root;
}

function type(element: HTMLElement | null, value: string): void {
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) throw new Error("no field");
  act(() => {
    element.value = value;
    element.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

function choose(element: HTMLElement | null, value: string): void {
  if (!(element instanceof HTMLSelectElement)) throw new Error("no select");
  act(() => {
    element.value = value;
    element.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

function press(element: HTMLElement | null, key: string): void {
  act(() => {
    element?.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
  });
}

function click(element: HTMLElement | null): void {
  if (!element) throw new Error("nothing to click");
  act(() => element.click());
}

/** axe-core's verdict, colour contrast aside (jsdom cannot compute it). */
async function violations(container: HTMLElement): Promise<string[]> {
  const result = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.html).join(" | ")}`);
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
    expect((byTestId(card, "card-status") as HTMLSelectElement).value).toBe("unverified");
    expect(byTestId(card, "card-status")?.dataset.status).toBe("unverified");
    expect(byTestId(card, "card-sources")?.querySelectorAll('[data-testid="source-item"]')).toHaveLength(0);
    expect(byTestId(card, "source-new")?.textContent).toBe("Add source");
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
    expect((byTestId(card, "card-status") as HTMLSelectElement).value).toBe("disputed");
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
    const items = Array.from(byTestId(card, "card-sources")?.querySelectorAll(".edit-source-view") ?? []);
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
      note: `${HOSTILE} javascript:alert(1) https://example.org/a<b`,
      tags: [HOSTILE],
      sources: [
        source("https://example.org/", HOSTILE, { note: HOSTILE, quote: HOSTILE, publisher: HOSTILE }),
        source(HOSTILE, HOSTILE),
      ],
    });
    expect(card.querySelector("img")).toBeNull();
    expect(byTestId(card, "card-speaker")?.textContent).toBe(HOSTILE);
    expect(byTestId(card, "card-exact")?.textContent).toBe(HOSTILE);
    const views = Array.from(card.querySelectorAll(".edit-source-view a, .edit-source-view .edit-source-text"));
    expect(views.map((view) => view.textContent)).toEqual([HOSTILE, HOSTILE]);
    expect(byTestId(card, "card-note")?.textContent).toBe(`${HOSTILE} javascript:alert(1) https://example.org/a<b`);
    expect(Array.from(byTestId(card, "card-note")?.querySelectorAll("a") ?? [], (a) => a.href)).toEqual([
      "https://example.org/a",
    ]);
    expect(card.querySelector(".edit-chip-text")?.textContent).toBe(HOSTILE);
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
    expect(Array.from(card.querySelectorAll("dt"), (dt) => dt.textContent)).toEqual(["Attributed to"]);

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

describe("Card editing", () => {
  const USER_CLAIM: CardAnnotation = { ...QUOTE, id: "u1", kind: "claim", origin: "user", cue: null, sources: [] };

  afterEach(() => {
    vi.useRealTimers();
  });

  it("sends one field per change: status at once, tags on Enter, speaker and figure fields", () => {
    const onPatch = vi.fn();
    const card = showTrusted(QUOTE, { onPatch, tagSuggestions: ["border", "csto", "troops"] });
    choose(byTestId(card, "card-status"), "supported");
    expect(onPatch).toHaveBeenLastCalledWith({ status: "supported" });

    const tagInput = byTestId(card, "tag-input");
    type(tagInput, "#Troops  movement");
    press(tagInput, "Enter");
    expect(onPatch).toHaveBeenLastCalledWith({ tags: ["border", "Troops movement"] });
    type(tagInput, "a, b,");
    expect(onPatch).toHaveBeenLastCalledWith({ tags: ["border", "a", "b"] });
    // Completion offers the tags in use that the annotation does not have yet.
    expect(Array.from(card.querySelectorAll("datalist option"), (o) => o.getAttribute("value"))).toEqual([
      "csto",
      "troops",
    ]);
    click(card.querySelector<HTMLElement>('[aria-label="Remove tag border"]'));
    expect(onPatch).toHaveBeenLastCalledWith({ tags: [] });
    expect(onPatch.mock.calls.every(([patch]) => Object.keys(patch).length === 1)).toBe(true);
  });

  it("saves the note after a pause in typing, and on blur", () => {
    vi.useFakeTimers();
    const onPatch = vi.fn();
    const card = showTrusted(FIGURE, { onPatch });
    click(byTestId(card, "card-add-note"));
    const note = byTestId(card, "note-editor");
    type(note, "Checked with");
    type(note, "Checked with the ministry");
    expect(onPatch).not.toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(450);
    });
    expect(onPatch).toHaveBeenCalledTimes(1);
    expect(onPatch).toHaveBeenLastCalledWith({ note: "Checked with the ministry" });
    type(note, "Checked with the ministry.");
    act(() => {
      note?.dispatchEvent(new FocusEvent("blur"));
    });
    expect(onPatch).toHaveBeenLastCalledWith({ note: "Checked with the ministry." });
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(onPatch).toHaveBeenCalledTimes(2);
  });

  it("edits a figure's value, unit and qualifier one field at a time, in the detector's words", () => {
    vi.useFakeTimers();
    const onPatch = vi.fn();
    const card = showTrusted(FIGURE, { onPatch });
    click(byTestId(card, "card-edit-figure"));
    const qualifiers = Array.from(byTestId(card, "figure-qualifier")?.querySelectorAll("option") ?? [], (o) => o.value);
    expect(qualifiers).toEqual(["", "approximately", "at least", "more than", "at most", "less than"]);
    choose(byTestId(card, "figure-qualifier"), "at most");
    expect(onPatch).toHaveBeenLastCalledWith({ qualifier: "at most" });
    choose(byTestId(card, "figure-qualifier"), "");
    expect(onPatch).toHaveBeenLastCalledWith({ qualifier: null });
    type(byTestId(card, "figure-value"), "7,000");
    act(() => {
      vi.advanceTimersByTime(450);
    });
    expect(onPatch).toHaveBeenLastCalledWith({ value: 7000 });
    type(byTestId(card, "figure-unit"), " fighters ");
    act(() => {
      vi.advanceTimersByTime(450);
    });
    expect(onPatch).toHaveBeenLastCalledWith({ unit: "fighters" });
  });

  it("edits a claim's speaker", () => {
    vi.useFakeTimers();
    const onPatch = vi.fn();
    const card = showTrusted(QUOTE, { onPatch });
    click(byTestId(card, "card-edit-speaker"));
    type(byTestId(card, "speaker-field"), "Sidorov");
    act(() => {
      vi.advanceTimersByTime(450);
    });
    expect(onPatch).toHaveBeenLastCalledWith({ speaker: "Sidorov" });
    type(byTestId(card, "speaker-field"), "  ");
    act(() => {
      vi.advanceTimersByTime(450);
    });
    expect(onPatch).toHaveBeenLastCalledWith({ speaker: null });
  });

  it("ignores events a page script made up", () => {
    vi.useFakeTimers();
    const onPatch = vi.fn();
    const onDismiss = vi.fn();
    const onAddSource = vi.fn();
    render(<Card annotation={QUOTE} onClose={() => {}} onPatch={onPatch} onDismiss={onDismiss} />, root);
    const select = byTestId(root, "card-status") as HTMLSelectElement;
    select.value = "false";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    byTestId(root, "card-dismiss")?.click();
    byTestId(root, "card-add-note")?.click();
    byTestId(root, "source-new")?.click();
    const tagInput = byTestId(root, "tag-input") as HTMLInputElement;
    tagInput.value = "spam";
    tagInput.dispatchEvent(new Event("input", { bubbles: true }));
    tagInput.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    vi.advanceTimersByTime(1000);
    expect(onPatch).not.toHaveBeenCalled();
    expect(onDismiss).not.toHaveBeenCalled();
    expect(onAddSource).not.toHaveBeenCalled();
    expect(byTestId(root, "note-editor")).toBeNull();
    expect(byTestId(root, "source-url")).toBeNull();
  });

  it("adds a source only with an http(s) address, the error next to the field", () => {
    const onAddSource = vi.fn();
    const card = showTrusted(FIGURE, { onAddSource });
    click(byTestId(card, "source-new"));
    type(byTestId(card, "source-url"), "javascript:alert(1)");
    type(byTestId(card, "source-title"), "Report");
    click(byTestId(card, "source-add"));
    expect(onAddSource).not.toHaveBeenCalled();
    const error = byTestId(card, "source-error");
    expect(error?.textContent).toMatch(/http/);
    expect(byTestId(card, "source-url")?.getAttribute("aria-describedby")).toBe(error?.id);
    expect(byTestId(card, "source-url")?.getAttribute("aria-invalid")).toBe("true");
    type(byTestId(card, "source-url"), " https://example.org/report ");
    expect(byTestId(card, "source-error")).toBeNull();
    type(byTestId(card, "source-accessed"), "2024-05-01");
    click(byTestId(card, "source-add"));
    expect(onAddSource).toHaveBeenCalledWith({
      url: "https://example.org/report",
      title: "Report",
      publisher: "",
      accessedAt: "2024-05-01",
      note: "",
      quote: "",
    });
  });

  it("edits a source in place with only the changed fields, and removes one", () => {
    const onUpdateSource = vi.fn();
    const onRemoveSource = vi.fn();
    const card = showTrusted(QUOTE, { onUpdateSource, onRemoveSource });
    const first = card.querySelector<HTMLElement>('[data-testid="source-item"]');
    click(first?.querySelector<HTMLElement>('[data-testid="source-edit"]') ?? null);
    type(first?.querySelector<HTMLElement>('[data-testid="source-publisher"]') ?? null, "CSTO");
    click(first?.querySelector<HTMLElement>('[data-testid="source-save"]') ?? null);
    expect(onUpdateSource).toHaveBeenCalledWith(QUOTE.sources[0]?.id, { publisher: "CSTO" });
    click(card.querySelectorAll<HTMLElement>('[data-testid="source-remove"]')[1] ?? null);
    expect(onRemoveSource).toHaveBeenCalledWith(QUOTE.sources[1]?.id);
  });

  it("deletes a hand-made annotation, dismisses an automatic one, and shows the caller's undo", () => {
    const onDelete = vi.fn();
    const onDismiss = vi.fn();
    const onUndo = vi.fn();
    let card = showTrusted(USER_CLAIM, { onDelete, onDismiss });
    expect(byTestId(card, "card-dismiss")).toBeNull();
    click(byTestId(card, "card-delete"));
    expect(onDelete).toHaveBeenCalledTimes(1);
    card = showTrusted(FIGURE, { onDelete, onDismiss, toast: { message: "Dismissed", onUndo } });
    expect(byTestId(card, "card-delete")).toBeNull();
    expect(byTestId(card, "card-dismiss")?.textContent).toBe("Not a figure");
    click(byTestId(card, "card-dismiss"));
    expect(onDismiss).toHaveBeenCalledTimes(1);
    expect(byTestId(card, "toast")?.textContent).toContain("Dismissed");
    click(byTestId(card, "undo"));
    expect(onUndo).toHaveBeenCalledTimes(1);
  });

  it("folds empty fields into links to keep the card compact", () => {
    const card = showTrusted(FIGURE);
    expect(byTestId(card, "card-add-note")?.textContent).toBe("Add note");
    expect(byTestId(card, "card-add-tags")?.textContent).toBe("Add tags");
    expect(byTestId(card, "source-new")?.textContent).toBe("Add source");
    expect(byTestId(card, "note-editor")).toBeNull();
    expect(byTestId(card, "tags-input")).toBeNull();
    click(byTestId(card, "card-add-tags"));
    expect(byTestId(card, "tags-input")).not.toBeNull();
  });

  it("shows the same speaker and the same figure elsewhere, linking only http(s) pages and sources", () => {
    const item = (pageUrl: string, extra: Partial<RelatedItem> = {}): RelatedItem => ({
      pageTitle: HOSTILE,
      pageUrl,
      exact: HOSTILE,
      value: 6000,
      unit: "militants",
      speaker: null,
      status: "disputed",
      sources: [
        { url: "https://example.net/s", title: "Source" },
        { url: "javascript:alert(1)", title: "Bad" },
      ],
      ...extra,
    });
    const card = showTrusted(FIGURE, {
      related: { sameSpeaker: [], sameFigure: [item("https://news.example/a"), item("javascript:alert(2)")] },
    });
    const related = byTestId(card, "related");
    expect(related?.textContent).toContain("Same figure elsewhere");
    expect(related?.textContent).not.toContain("Same speaker elsewhere");
    expect(related?.querySelectorAll('[data-testid="related-item"]')).toHaveLength(2);
    expect(Array.from(related?.querySelectorAll("a") ?? [], (a) => a.getAttribute("href"))).toEqual([
      "https://news.example/a",
      "https://example.net/s",
      "https://example.net/s",
    ]);
    expect(related?.querySelector("img")).toBeNull();
    expect(related?.textContent).toContain("6000 militants · Disputed");
    showTrusted(FIGURE, { related: null });
    expect(byTestId(card, "related")).toBeNull();
  });

  it("has no accessibility violations, folded and unfolded", async () => {
    let card = showTrusted(QUOTE, {
      toast: { message: "Source removed", onUndo() {} },
      related: {
        sameSpeaker: [
          {
            pageTitle: "Other story",
            pageUrl: "https://news.example/b",
            exact: "Another quote",
            value: null,
            unit: null,
            speaker: "Sidorov",
            status: "unverified",
            sources: [],
          },
        ],
        sameFigure: [],
      },
    });
    expect(await violations(card)).toEqual([]);
    card = showTrusted({ ...FIGURE, note: "See https://example.org/x", tags: ["a"] });
    click(byTestId(card, "card-edit-figure"));
    click(byTestId(card, "card-edit-note"));
    click(byTestId(card, "source-new"));
    click(byTestId(card, "source-add"));
    expect(byTestId(card, "source-error")).not.toBeNull();
    expect(await violations(card)).toEqual([]);
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
    expect(handle.element.querySelector<HTMLSelectElement>('[data-testid="card-status"]')?.value).toBe("supported");
    handle.update({ ...QUOTE, status: "supported" }, { toast: { message: "Source removed", onUndo() {} } });
    expect(handle.element.querySelector('[data-testid="undo"]')?.textContent).toBe("Undo");
    handle.update({ ...QUOTE, status: "supported" }, { toast: null });
    expect(handle.element.querySelector('[data-testid="undo"]')).toBeNull();
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
