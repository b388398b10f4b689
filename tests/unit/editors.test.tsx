// @vitest-environment jsdom
import axe from "axe-core";
import { type ComponentChildren, render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FigureFields, parseFigureValue, SpeakerField } from "../../components/edit/FigureFields";
import { LinkifiedText, linkify } from "../../components/edit/LinkifiedText";
import { NoteEditor } from "../../components/edit/NoteEditor";
import { changedFields, SourcesEditor } from "../../components/edit/SourcesEditor";
import { StatusSelect } from "../../components/edit/StatusSelect";
import { TagsInput } from "../../components/edit/TagsInput";
import { Toast } from "../../components/edit/Toast";
import { strictTrust, TrustContext } from "../../components/edit/trust";
import { sourceRecord } from "./samples";

const HOSTILE = "<img src=x onerror=alert(1)>";
let root: HTMLElement;

/** Renders as the reader would use it: scripted events count as theirs (jsdom marks them untrusted). */
function mount(children: ComponentChildren, trusted = true): HTMLElement {
  act(() => {
    render(trusted ? <TrustContext.Provider value={() => true}>{children}</TrustContext.Provider> : children, root);
  });
  return root;
}

const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);

function type(element: Element | null, value: string): void {
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) throw new Error("no field");
  act(() => {
    element.value = value;
    element.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

function click(element: Element | null): void {
  if (!(element instanceof HTMLElement)) throw new Error("nothing to click");
  act(() => element.click());
}

async function violations(): Promise<string[]> {
  const result = await axe.run(root, { rules: { "color-contrast": { enabled: false } } });
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.html).join(" | ")}`);
}

const SOURCE = sourceRecord({
  id: "source-1",
  title: "The report",
  publisher: "Ministry",
  accessedAt: "2024-05-01",
  note: "Page 4, see https://example.org/annex.",
  quote: "6,500 militants",
});

beforeEach(() => {
  root = document.createElement("div");
  document.body.append(root);
});

afterEach(() => {
  act(() => render(null, root));
  root.remove();
  vi.useRealTimers();
});

describe("trust", () => {
  it("lets only browser-made events through in production", () => {
    expect(strictTrust(new Event("input"))).toBe(false);
    expect(strictTrust({ isTrusted: true } as Event)).toBe(true);
  });
});

describe("StatusSelect", () => {
  it("offers the four verdicts and reports a change at once", async () => {
    const onChange = vi.fn();
    mount(<StatusSelect value="unverified" onChange={onChange} />);
    const select = byTestId("status-select") as HTMLSelectElement;
    expect(Array.from(select.options, (o) => o.value)).toEqual(["unverified", "supported", "disputed", "false"]);
    act(() => {
      select.value = "false";
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    expect(onChange).toHaveBeenCalledWith("false");
    expect(await violations()).toEqual([]);
  });

  it("keeps the reader's choice through a redraw before it is saved, then follows the stored verdict", () => {
    const onChange = vi.fn();
    mount(<StatusSelect value="unverified" onChange={onChange} />);
    const select = byTestId("status-select") as HTMLSelectElement;
    act(() => {
      select.value = "supported";
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    // Redrawn for another reason while the change is being saved: the choice stays.
    mount(<StatusSelect value="unverified" onChange={onChange} />);
    expect(select.value).toBe("supported");
    // The next arrow key goes on from there, not from the old verdict.
    act(() => {
      select.value = "disputed";
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    expect(onChange.mock.calls).toEqual([["supported"], ["disputed"]]);
    // A verdict stored elsewhere (the popup, another tab) takes over.
    mount(<StatusSelect value="false" onChange={onChange} />);
    expect(select.value).toBe("false");
  });

  it("ignores an untrusted change", () => {
    const onChange = vi.fn();
    mount(<StatusSelect value="unverified" onChange={onChange} />, false);
    const select = byTestId("status-select") as HTMLSelectElement;
    select.value = "false";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe("TagsInput", () => {
  it("adds cleaned tags on Enter and comma, skips duplicates, removes with the chip's button", async () => {
    const onChange = vi.fn();
    mount(<TagsInput tags={["budget"]} onChange={onChange} suggestions={["budget", "defence"]} />);
    const input = byTestId("tag-input");
    type(input, "  #Defence   spending ");
    act(() => {
      input?.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    });
    expect(onChange).toHaveBeenLastCalledWith(["budget", "Defence spending"]);
    type(input, "budget, nato,");
    expect(onChange).toHaveBeenLastCalledWith(["budget", "nato"]);
    click(root.querySelector('[aria-label="Remove tag budget"]'));
    expect(onChange).toHaveBeenLastCalledWith([]);
    expect(root.querySelector("datalist option")?.getAttribute("value")).toBe("defence");
    expect(input?.getAttribute("list")).toBe(root.querySelector("datalist")?.id);
    expect(await violations()).toEqual([]);
  });

  it("shows hostile tags as text", () => {
    mount(<TagsInput tags={[HOSTILE]} onChange={() => {}} />);
    expect(root.querySelector("img")).toBeNull();
    expect(root.querySelector(".edit-chip-text")?.textContent).toBe(HOSTILE);
  });
});

describe("NoteEditor and LinkifiedText", () => {
  it("saves after a pause and on blur, never per keystroke", () => {
    vi.useFakeTimers();
    const onChange = vi.fn();
    mount(<NoteEditor note="" onChange={onChange} />);
    const area = byTestId("note-editor");
    type(area, "a");
    type(area, "ab");
    act(() => {
      vi.advanceTimersByTime(399);
    });
    expect(onChange).not.toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(10);
    });
    expect(onChange).toHaveBeenCalledExactlyOnceWith("ab");
    type(area, "abc");
    act(() => {
      area?.dispatchEvent(new FocusEvent("blur"));
    });
    expect(onChange).toHaveBeenLastCalledWith("abc");
  });

  it("saves what is pending when it goes away", () => {
    const onChange = vi.fn();
    mount(<NoteEditor note="" onChange={onChange} />);
    type(byTestId("note-editor"), "last words");
    act(() => render(null, root));
    expect(onChange).toHaveBeenCalledWith("last words");
  });

  it("ignores untrusted typing", () => {
    vi.useFakeTimers();
    const onChange = vi.fn();
    mount(<NoteEditor note="kept" onChange={onChange} />, false);
    const area = byTestId("note-editor") as HTMLTextAreaElement;
    area.value = "overwritten by the page";
    area.dispatchEvent(new Event("input", { bubbles: true }));
    area.dispatchEvent(new FocusEvent("blur"));
    vi.advanceTimersByTime(1000);
    expect(onChange).not.toHaveBeenCalled();
  });

  it("links only http(s) addresses, from the parsed URL, and keeps everything else as text", () => {
    expect(linkify("see https://example.org/a. and (http://x.org/b_(c)) javascript:alert(1)")).toEqual([
      { kind: "text", text: "see " },
      { kind: "link", text: "https://example.org/a", href: "https://example.org/a" },
      { kind: "text", text: ". and (" },
      { kind: "link", text: "http://x.org/b_(c)", href: "http://x.org/b_(c)" },
      { kind: "text", text: ") javascript:alert(1)" },
    ]);
    mount(<LinkifiedText text={`${HOSTILE} javascript:alert(1) data:text/html,x https://ok.example/?q=<b>`} />);
    expect(root.querySelector("img")).toBeNull();
    expect(root.querySelector("b")).toBeNull();
    const links = Array.from(root.querySelectorAll("a"));
    expect(links.map((a) => a.getAttribute("href"))).toEqual(["https://ok.example/?q="]);
    expect(links[0]?.getAttribute("rel")).toBe("noopener noreferrer");
    expect(links[0]?.getAttribute("target")).toBe("_blank");
    expect(root.textContent).toBe(`${HOSTILE} javascript:alert(1) data:text/html,x https://ok.example/?q=<b>`);
  });
});

describe("SourcesEditor", () => {
  it("shows each source with a safe link and its details", async () => {
    mount(
      <SourcesEditor
        sources={[SOURCE, { ...SOURCE, id: "source-2", url: "javascript:alert(1)", title: HOSTILE }]}
        onAdd={() => {}}
        onUpdate={() => {}}
        onRemove={() => {}}
      />,
    );
    const items = root.querySelectorAll('[data-testid="source-item"]');
    expect(items).toHaveLength(2);
    expect(items[0]?.querySelector("a")?.getAttribute("href")).toBe("https://example.org/report");
    expect(items[0]?.textContent).toContain("Ministry · accessed May 1, 2024");
    expect(items[0]?.querySelector("blockquote")?.textContent).toBe("6,500 militants");
    expect(Array.from(items[0]?.querySelectorAll("a") ?? [], (a) => a.getAttribute("href"))).toEqual([
      "https://example.org/report",
      "https://example.org/annex",
    ]);
    expect(items[1]?.querySelector(".edit-source-view > :first-child")?.tagName).toBe("SPAN");
    expect(items[1]?.querySelector(".edit-source-view > :first-child")?.textContent).toBe(HOSTILE);
    expect(root.querySelector("img")).toBeNull();
    expect(await violations()).toEqual([]);
  });

  it("adds, edits (changed fields only) and removes", async () => {
    const onAdd = vi.fn();
    const onUpdate = vi.fn();
    const onRemove = vi.fn();
    mount(<SourcesEditor sources={[SOURCE]} onAdd={onAdd} onUpdate={onUpdate} onRemove={onRemove} />);
    click(byTestId("source-new"));
    expect(await violations()).toEqual([]);
    type(byTestId("source-url"), "ftp://example.org/x");
    click(byTestId("source-add"));
    expect(byTestId("source-error")?.textContent).toMatch(/http/);
    type(byTestId("source-url"), "https://example.org/x");
    type(byTestId("source-accessed"), "");
    type(byTestId("source-quote"), "a passage");
    click(byTestId("source-add"));
    expect(onAdd).toHaveBeenCalledWith({
      url: "https://example.org/x",
      title: "",
      publisher: "",
      accessedAt: null,
      note: "",
      quote: "a passage",
    });
    expect(byTestId("source-add")).toBeNull();

    click(byTestId("source-edit"));
    type(byTestId("source-title"), "The final report");
    click(byTestId("source-save"));
    expect(onUpdate).toHaveBeenCalledWith("source-1", { title: "The final report" });
    click(byTestId("source-remove"));
    expect(onRemove).toHaveBeenCalledWith("source-1");
    expect(changedFields(SOURCE, { ...SOURCE, note: "x" })).toEqual({ note: "x" });
  });

  it("refuses a source with neither address nor title", () => {
    const onAdd = vi.fn();
    mount(<SourcesEditor sources={[]} onAdd={onAdd} onUpdate={() => {}} onRemove={() => {}} startAdding />);
    click(byTestId("source-add"));
    expect(onAdd).not.toHaveBeenCalled();
    expect(byTestId("source-error")).not.toBeNull();
  });
});

describe("FigureFields and SpeakerField", () => {
  it("reads values as numbers when they are numbers", () => {
    expect(parseFigureValue("6,500")).toBe(6500);
    expect(parseFigureValue(" 6.29 ")).toBe(6.29);
    expect(parseFigureValue("-3")).toBe(-3);
    expect(parseFigureValue("2019-05")).toBe("2019-05");
    expect(parseFigureValue("")).toBeNull();
    expect(parseFigureValue("x".repeat(100))).toHaveLength(40);
  });

  it("keeps an unknown qualifier choosable and offers date words for dates", async () => {
    const onPatch = vi.fn();
    mount(<FigureFields value="2019" unit={null} qualifier="late" figureKind="date" onPatch={onPatch} />);
    const select = byTestId("figure-qualifier") as HTMLSelectElement;
    expect(select.value).toBe("late");
    expect(Array.from(select.options, (o) => o.value)).toContain("early");
    expect(await violations()).toEqual([]);
    mount(<FigureFields value={3} unit="%" qualifier="vague" onPatch={onPatch} />);
    expect((byTestId("figure-qualifier") as HTMLSelectElement).value).toBe("vague");
  });

  it("saves the speaker after a pause", async () => {
    vi.useFakeTimers();
    const onPatch = vi.fn();
    mount(<SpeakerField speaker={null} onPatch={onPatch} />);
    type(byTestId("speaker-field"), "Anatoly Sidorov");
    act(() => {
      vi.advanceTimersByTime(450);
    });
    expect(onPatch).toHaveBeenCalledWith({ speaker: "Anatoly Sidorov" });
  });
});

describe("Toast", () => {
  it("offers an undo, then goes away by itself", async () => {
    vi.useFakeTimers();
    const onUndo = vi.fn();
    const onDone = vi.fn();
    mount(<Toast message="Annotation deleted" onUndo={onUndo} onDone={onDone} timeoutMs={5000} />);
    expect(byTestId("toast")?.getAttribute("role")).toBe("status");
    click(byTestId("undo"));
    expect(onUndo).toHaveBeenCalledTimes(1);
    act(() => {
      vi.advanceTimersByTime(5000);
    });
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it("is accessible", async () => {
    mount(<Toast message="Source removed" onUndo={() => {}} />);
    expect(await violations()).toEqual([]);
  });
});
