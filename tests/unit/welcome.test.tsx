// @vitest-environment jsdom
import axe from "axe-core";
import { render } from "preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Popup } from "../../components/Popup";
import { type ShortcutCommand, Welcome } from "../../components/welcome/Welcome";
import { saveSettings } from "../../lib/db/edit";
import { type ClaimmarkDb, openDb } from "../../lib/db/schema";
import { DEFAULT_SETTINGS } from "../../lib/model";
import { until } from "./until";

let db: ClaimmarkDb;
let root: HTMLElement;
let serial = 0;

const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
  root.querySelector<T>(`[data-testid="${id}"]`) as T;

const COMMANDS: ShortcutCommand[] = [
  { name: "_execute_action", description: "", shortcut: "" },
  { name: "mark-claim", description: "Mark the selection as a claim", shortcut: "Alt+Shift+M" },
  { name: "mark-figure", description: "Mark the selection as a figure", shortcut: "Ctrl+Shift+9" },
  { name: "highlight-selection", description: "Highlight the selection", shortcut: "" },
];

const violations = async () =>
  // jsdom has no layout, so contrast is checked in the browser (tests/e2e), not here.
  (await axe.run(root, { rules: { "color-contrast": { enabled: false } } })).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`,
  );

beforeEach(() => {
  db = openDb(`welcome-test-${++serial}`);
  root = document.createElement("div");
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
  db.close();
});

describe("welcome page", () => {
  const show = (props: Partial<Parameters<typeof Welcome>[0]> = {}) =>
    render(
      <Welcome db={db} commands={COMMANDS} onOpenShortcuts={() => {}} onOpenLibrary={() => {}} {...props} />,
      root,
    );

  it("lists the shortcuts as the browser has them now, an unset one said so, the browser's own left out", () => {
    show();
    const rows = [...byTestId("welcome-shortcuts").querySelectorAll("tbody tr")].map((row) =>
      [...row.querySelectorAll("td")].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ["Mark the selection as a claim", "Alt+Shift+M"],
      ["Mark the selection as a figure", "Ctrl+Shift+9"],
      ["Highlight the selection", "Not set"],
    ]);
  });

  it("explains every painted kind and verdict mark, dates among them, with a sample painted as pages are", () => {
    show();
    for (const kind of ["quote", "claim", "figure", "date", "highlight", "supported", "disputed", "false"]) {
      expect(byTestId(`legend-${kind}`)).not.toBeNull();
    }
    // jsdom has no Highlight API: the samples are the fallback painter's own elements, styled by highlights.css.
    const date = byTestId("legend-date").querySelector("claimmark-mark");
    expect(date?.getAttribute("data-kind")).toBe("date");
    expect(byTestId("legend-date").textContent).toMatch(/unless you turn dates on/);
  });

  it("paints the samples in the reader's colour scheme", async () => {
    await saveSettings(db, { ...DEFAULT_SETTINGS, colourScheme: "high-contrast" });
    show();
    await until(() =>
      expect(byTestId("legend-quote").querySelector("claimmark-mark")?.getAttribute("data-scheme")).toBe(
        "high-contrast",
      ),
    );
  });

  it("says where the data lives and how to export, links the example article, and opens what it names", () => {
    const onOpenShortcuts = vi.fn();
    const onOpenLibrary = vi.fn();
    show({ onOpenShortcuts, onOpenLibrary });
    expect(root.textContent).toMatch(/IndexedDB/);
    expect(root.textContent).toMatch(/sends nothing anywhere/);
    expect(root.textContent).toMatch(/JSON-LD.*CSV, Markdown or ClaimReview/);
    const example = byTestId<HTMLAnchorElement>("welcome-example");
    expect(example.href).toMatch(/^https:\/\/centralasianlight\.org\//);
    expect(example.rel).toContain("noopener");
    byTestId("welcome-open-shortcuts").click();
    byTestId("welcome-open-library").click();
    byTestId("welcome-open-settings").click();
    expect(onOpenShortcuts).toHaveBeenCalledTimes(1);
    expect(onOpenLibrary.mock.calls).toEqual([["library"], ["settings"]]);
  });

  it("has no accessibility violations, while reading the shortcuts and after", async () => {
    show({ commands: null });
    expect(await violations()).toEqual([]);
    show();
    expect(await violations()).toEqual([]);
  });
});

describe("the popup's legend", () => {
  it("shows the legend on demand, and the welcome page from it", async () => {
    const onOpenWelcome = vi.fn();
    render(<Popup db={db} target={{ kind: "loading" }} onOpenWelcome={onOpenWelcome} />, root);
    const toggle = byTestId("open-legend");
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(byTestId("legend")).toBeNull();
    toggle.click();
    await until(() => expect(byTestId("legend")).not.toBeNull());
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(await violations()).toEqual([]);
    byTestId("open-welcome").click();
    expect(onOpenWelcome).toHaveBeenCalledTimes(1);
    toggle.click();
    await until(() => expect(byTestId("legend")).toBeNull());
  });
});
