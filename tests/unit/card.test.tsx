// @vitest-environment jsdom
import axe from "axe-core";
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  Card,
  type CardAnnotation,
  type CardOptions,
  formatFigureValue,
  qualifierWords,
  safeLinkHref,
} from "../../components/Card";
import { CardFrame, type CardFrameActions } from "../../components/card/CardFrame";
import { CardPreview } from "../../components/card/CardPreview";
import type { RelatedItem } from "../../components/edit/Related";
import { TrustContext } from "../../components/edit/trust";
import type {
  AnnotationContext,
  AnnotationDetails,
  CardRequest,
  CardResponse,
  CardSession,
} from "../../lib/card/protocol";
import type { Annotation, Source } from "../../lib/model";
import { annotationRecord, MILITANTS, machineFields, sourceRecord } from "./samples";

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

  it("formats values in the reader's locale, dates in words, and keeps other strings as given", () => {
    expect(formatFigureValue(3_200_000_000, "en")).toBe("3,200,000,000");
    expect(formatFigureValue(6.29, "en")).toBe("6.29");
    expect(formatFigureValue(6500, "de")).toBe("6.500");
    expect(formatFigureValue("2015-01", "en")).toBe("January 2015");
    expect(formatFigureValue("--11-28", "fr")).toBe("28 novembre");
    expect(formatFigureValue("more or less", "en")).toBe("more or less");
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

  it("walks to the next or previous highlight on Alt+Shift+↓/↑, and only then", () => {
    const onWalk = vi.fn();
    const onClose = vi.fn();
    render(<Card annotation={QUOTE} onClose={onClose} onWalk={onWalk} />, root);
    const dialog = byTestId(root, "card");
    const key = (init: KeyboardEventInit) => {
      const event = new KeyboardEvent("keydown", { bubbles: true, cancelable: true, ...init });
      dialog?.dispatchEvent(event);
      return event;
    };
    expect(key({ key: "ArrowDown", altKey: true, shiftKey: true }).defaultPrevented).toBe(true);
    key({ key: "ArrowUp", altKey: true, shiftKey: true });
    key({ key: "ArrowDown", altKey: true });
    key({ key: "ArrowDown" });
    expect(onWalk.mock.calls).toEqual([[1], [-1]]);
    expect(onClose).not.toHaveBeenCalled();
  });

  it("takes the focus to its close button only when asked, and shows whether a pointer may act", () => {
    act(() => {
      render(<Card annotation={QUOTE} onClose={() => {}} autoFocus armed={false} />, root);
    });
    expect(document.activeElement).toBe(byTestId(root, "card-close"));
    expect(byTestId(root, "card")?.dataset.armed).toBe("false");
    act(() => {
      render(<Card annotation={QUOTE} onClose={() => {}} autoFocus armed />, root);
    });
    expect(byTestId(root, "card")?.dataset.armed).toBe("true");
    render(null, root);
    (document.activeElement as HTMLElement | null)?.blur();
    act(() => {
      render(<Card annotation={FIGURE} onClose={() => {}} />, root);
    });
    expect(document.activeElement).toBe(document.body);
    expect(byTestId(root, "card")?.hasAttribute("data-armed")).toBe(false);
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
    expect(related?.textContent).toContain("6,000 militants · Disputed");
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

describe("CardFrame", () => {
  const SESSION: CardSession = { tabId: 7, pageKey: "https://example.com/story", id: "a1" };
  const STORED: Annotation = annotationRecord({
    id: "a1",
    kind: "claim",
    exact: "The border is tense",
    tags: ["border"],
  });
  const REPORT = sourceRecord({ id: "s1", annotationId: "a1", title: "CSTO report" });
  const SHOWN: AnnotationDetails = { annotation: STORED, sources: [REPORT] };
  const CONTEXT: AnnotationContext = { tags: ["border", "csto"], related: { sameSpeaker: [], sameFigure: [] } };

  /** What the background answers: the stored annotation with `change` and `sources`. */
  const answer = (change: Partial<Annotation> = {}, sources: Source[] = [REPORT], removed?: Source): CardResponse => ({
    ok: true,
    details: { annotation: { ...STORED, ...change }, sources },
    ...(removed ? { removed } : {}),
  });

  /** Renders the frame's card with a fake background; scripted events count as the reader's. */
  function frame(
    respond: (request: CardRequest) => CardResponse,
    extra: { refused?: boolean; refusals?: number; armed?: boolean } = {},
  ) {
    const actions = {
      request: vi.fn(async (request: CardRequest) => respond(request)),
      onChanged: vi.fn(),
      onClose: vi.fn(),
      onWalk: vi.fn(),
    } satisfies CardFrameActions;
    act(() => {
      render(
        <TrustContext.Provider value={() => true}>
          <CardFrame
            session={SESSION}
            details={SHOWN}
            context={CONTEXT}
            focus={false}
            actions={actions}
            refusals={extra.refusals ?? 0}
            refused={extra.refused ?? false}
            armed={extra.armed ?? true}
          />
        </TrustContext.Provider>,
        root,
      );
    });
    return actions;
  }

  /** Lets the fake background's answer arrive and the card redraw. */
  const settle = () =>
    act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });

  it("shows what the background sent, with the tags in use for completion", () => {
    frame(() => answer());
    expect(byTestId(root, "card-exact")?.textContent).toBe("The border is tense");
    expect(byTestId(root, "card-kind")?.textContent).toBe("Reported claim");
    expect(root.querySelectorAll('[data-testid="source-item"]')).toHaveLength(1);
    expect(Array.from(root.querySelectorAll("datalist option"), (o) => o.getAttribute("value"))).toEqual(["csto"]);
    expect(byTestId(root, "card-error")).toBeNull();
    expect(byTestId(root, "card-refused")).toBeNull();
  });

  it("sends a status change as one annotation/update, shows what the database then holds, and tells the page", async () => {
    const actions = frame((request) =>
      request.type === "annotation/update"
        ? answer({ status: "supported", tags: ["border", "from-the-db"] })
        : answer(),
    );
    choose(byTestId(root, "card-status"), "supported");
    await settle();
    expect(actions.request.mock.calls).toEqual([[{ type: "annotation/update", patch: { status: "supported" } }]]);
    expect((byTestId(root, "card-status") as HTMLSelectElement).value).toBe("supported");
    expect(Array.from(root.querySelectorAll(".edit-chip-text"), (chip) => chip.textContent)).toEqual([
      "border",
      "from-the-db",
    ]);
    expect(actions.onChanged.mock.calls).toEqual([["a1"]]);
  });

  it("reads the annotation again when the frame regains focus, without telling the page it changed", async () => {
    const actions = frame(() => answer({ note: "Changed in the popup" }));
    act(() => {
      window.dispatchEvent(new Event("focus"));
    });
    await settle();
    expect(actions.request.mock.calls).toEqual([[{ type: "details" }]]);
    expect(byTestId(root, "card-note")?.textContent).toBe("Changed in the popup");
    expect(actions.onChanged).not.toHaveBeenCalled();
  });

  it("offers Undo for a removed source, which sends it back with source/restore", async () => {
    const actions = frame((request) => (request.type === "source/remove" ? answer({}, [], REPORT) : answer()));
    click(byTestId(root, "source-remove"));
    await settle();
    expect(actions.request.mock.calls[0]).toEqual([{ type: "source/remove", id: "s1" }]);
    expect(root.querySelectorAll('[data-testid="source-item"]')).toHaveLength(0);
    expect(byTestId(root, "toast")?.textContent).toContain("Source removed.");
    click(byTestId(root, "undo"));
    await settle();
    expect(actions.request.mock.calls[1]).toEqual([{ type: "source/restore", source: REPORT }]);
    expect(root.querySelectorAll('[data-testid="source-item"]')).toHaveLength(1);
    expect(byTestId(root, "toast")).toBeNull();
    expect(actions.onChanged).toHaveBeenCalledTimes(2);
  });

  it("offers Undo for a dismissal, which sends the opposite change", async () => {
    const actions = frame((request) =>
      request.type === "annotation/update" && request.patch.dismissed ? answer({ dismissed: true }) : answer(),
    );
    click(byTestId(root, "card-dismiss"));
    await settle();
    expect(byTestId(root, "toast")?.textContent).toContain("Dismissed: it will not come back.");
    click(byTestId(root, "undo"));
    await settle();
    expect(actions.request.mock.calls).toEqual([
      [{ type: "annotation/update", patch: { dismissed: true } }],
      [{ type: "annotation/update", patch: { dismissed: false } }],
    ]);
    expect(byTestId(root, "toast")).toBeNull();
  });

  it("shows a refusal as an alert, changes nothing it shows, and offers no undo", async () => {
    const actions = frame(() => ({ ok: false, error: "no such source on this annotation" }));
    click(byTestId(root, "source-remove"));
    await settle();
    const error = byTestId(root, "card-error");
    expect(error?.getAttribute("role")).toBe("alert");
    expect(error?.textContent).toBe("no such source on this annotation");
    expect(root.querySelectorAll('[data-testid="source-item"]')).toHaveLength(1);
    expect(byTestId(root, "toast")).toBeNull();
    expect(actions.onChanged).not.toHaveBeenCalled();
  });

  it("says when a pointer action was refused, shows whether it is armed, and closes and walks through its actions", () => {
    const actions = frame(() => answer(), { refused: true, refusals: 2, armed: false });
    expect(byTestId(root, "card-refused")?.getAttribute("role")).toBe("status");
    expect(byTestId(root, "card-refused")?.dataset.count).toBe("2");
    expect(byTestId(root, "card")?.dataset.armed).toBe("false");
    press(byTestId(root, "card-close"), "Escape");
    expect(actions.onClose).toHaveBeenCalledTimes(1);
    act(() => {
      byTestId(root, "card")?.dispatchEvent(
        new KeyboardEvent("keydown", { key: "ArrowUp", altKey: true, shiftKey: true, bubbles: true }),
      );
    });
    expect(actions.onWalk.mock.calls).toEqual([[-1]]);
    expect(actions.request).not.toHaveBeenCalled();
  });
});

describe("CardPreview", () => {
  const preview = (
    annotation: Annotation,
    options: { refused?: boolean; onExpand?: () => void; trusted?: boolean } = {},
  ) => {
    const element = (
      <CardPreview
        annotation={annotation}
        armed={true}
        refused={options.refused ?? false}
        onExpand={options.onExpand ?? (() => {})}
        locale="en"
      />
    );
    act(() => {
      render(
        options.trusted ? <TrustContext.Provider value={() => true}>{element}</TrustContext.Provider> : element,
        root,
      );
    });
    return root;
  };

  it("shows a quote's kind, speaker and status, as text, and nothing the reader typed", async () => {
    const quote = annotationRecord({
      kind: "quote",
      exact: "We will finish the border",
      speaker: HOSTILE,
      status: "disputed",
      note: "Private note",
      tags: ["lead"],
    });
    const shown = preview(quote);
    expect(byTestId(shown, "card-preview-kind")?.textContent).toBe("Quote");
    expect(byTestId(shown, "card-preview-main")?.textContent).toBe(HOSTILE);
    expect(byTestId(shown, "card-preview-status")?.textContent).toBe("Disputed");
    expect(shown.querySelector("img")).toBeNull();
    expect(shown.textContent).not.toContain("Private note");
    expect(shown.textContent).not.toContain("lead");
    expect(await violations(shown)).toEqual([]);
  });

  it("names a claim's unknown speaker, and shows a figure's value with the speaker it belongs to", async () => {
    expect(byTestId(preview(annotationRecord({ kind: "claim" })), "card-preview-main")?.textContent).toBe(
      "Unknown speaker",
    );
    const figure = annotationRecord({ kind: "figure", exact: MILITANTS.exact, ...machineFields(MILITANTS) });
    const shown = preview(figure);
    expect(byTestId(shown, "card-preview-kind")?.textContent).toBe("Figure");
    expect(byTestId(shown, "card-preview-main")?.textContent).toContain("6,500");
    expect(byTestId(shown, "card-preview-main")?.textContent).toContain("Anatoly Sidorov");
    expect(await violations(shown)).toEqual([]);
  });

  it("opens the card on the reader's click only, and says when a click was ignored", () => {
    const onExpand = vi.fn();
    click(byTestId(preview(annotationRecord(), { onExpand }), "card-preview"));
    expect(onExpand).not.toHaveBeenCalled();
    click(byTestId(preview(annotationRecord(), { onExpand, trusted: true }), "card-preview"));
    expect(onExpand).toHaveBeenCalledTimes(1);
    expect(byTestId(preview(annotationRecord(), { refused: true }), "card-refused")?.textContent).toMatch(/ignored/);
  });
});
