// @vitest-environment jsdom
import axe from "axe-core";
import { render } from "preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { backupFileName } from "../../components/library/backup";
import { OptionsPage } from "../../components/library/OptionsPage";
import { SettingsPanel } from "../../components/library/SettingsPanel";
import { siteFromInput } from "../../components/library/SiteRules";
import { getSettings, saveSettings } from "../../lib/db/edit";
import { type ClaimmarkDb, openDb } from "../../lib/db/schema";
import { countStored } from "../../lib/db/store";
import { DEFAULT_SETTINGS } from "../../lib/model";
import { UNNAMED_REVIEWER } from "../../lib/transfer/claimreview";
import { collectForExport } from "../../lib/transfer/collect";
import { importText } from "../../lib/transfer/import";
import { renderExport } from "../../lib/transfer/render";
import { annotationRecord, pageRecord, sourceRecord } from "./samples";
import { allAnnotations, allSources, putAnnotations, putSources } from "./stored";
import { until } from "./until";

const PAGE = pageRecord("https://news.example/a", {
  title: "Border tensions rise",
  siteName: "News",
  textLength: 100,
  lastSeen: 2,
  textHash: "a".repeat(64),
});

const ANNOTATION = annotationRecord({
  id: "q1",
  pageKey: PAGE.key,
  selectors: [{ type: "TextQuoteSelector", exact: "tense", prefix: "is ", suffix: "." }],
  exact: "tense",
  speaker: "Sidorov",
  cue: "said",
  confidence: 0.9,
  status: "disputed",
  tags: ["border"],
  note: "a note",
  updatedAt: 2,
});

const SOURCE = sourceRecord({
  annotationId: "q1",
  url: "https://example.org/r",
  title: "Report",
  publisher: "Org",
  accessedAt: "2025-01-01",
});

let db: ClaimmarkDb;
let root: HTMLElement;
let dbCount = 0;

const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
  document.querySelector<T>(`[data-testid="${id}"]`) as T;

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

function key(target: EventTarget, key: string, shiftKey = false): void {
  target.dispatchEvent(new KeyboardEvent("keydown", { key, shiftKey, bubbles: true, cancelable: true }));
}

async function seed(): Promise<void> {
  await db.pages.add(PAGE);
  await putAnnotations(db, [ANNOTATION]);
  await putSources(db, [SOURCE]);
}

async function showSettings(): Promise<void> {
  render(<SettingsPanel db={db} />, root);
  await until(() => expect(byTestId("setting-auto-detect")).not.toBeNull());
}

beforeEach(() => {
  db = openDb(`settings-test-${++dbCount}`);
  root = document.createElement("div");
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
  db.close();
  vi.restoreAllMocks();
});

describe("settings", () => {
  it("shows the defaults, then saves every change so getSettings reads it back", async () => {
    await showSettings();
    expect(byTestId<HTMLInputElement>("setting-auto-detect").checked).toBe(true);
    for (const kind of ["quote", "claim", "figure", "highlight"]) {
      expect(byTestId<HTMLInputElement>(`setting-kind-${kind}`).checked).toBe(true);
    }
    // Dates are a kind of their own, off until the reader turns them on.
    expect(byTestId<HTMLInputElement>("setting-kind-date").checked).toBe(false);
    expect(byTestId<HTMLInputElement>("setting-colour-default").checked).toBe(true);

    byTestId("setting-auto-detect").click();
    await until(async () => expect((await getSettings(db)).autoDetect).toBe(false));
    byTestId("setting-kind-figure").click();
    byTestId("setting-kind-quote").click();
    byTestId("setting-kind-date").click();
    await until(async () =>
      expect((await getSettings(db)).highlightKinds).toEqual({
        quote: false,
        claim: true,
        figure: false,
        date: true,
        highlight: true,
      }),
    );
    byTestId("setting-colour-high-contrast").click();
    await until(async () => expect((await getSettings(db)).colourScheme).toBe("high-contrast"));
    await until(() => expect(byTestId("settings-status").textContent).toBe("Saved."));
    // Reopened, the page shows what was saved.
    render(null, root);
    await showSettings();
    await until(() => expect(byTestId<HTMLInputElement>("setting-colour-high-contrast").checked).toBe(true));
    expect(byTestId<HTMLInputElement>("setting-auto-detect").checked).toBe(false);
    expect(byTestId<HTMLInputElement>("setting-kind-figure").checked).toBe(false);
    expect(byTestId<HTMLInputElement>("setting-kind-date").checked).toBe(true);
  });

  it("names the reviewer that the ClaimReview export credits", async () => {
    await showSettings();
    const name = byTestId<HTMLInputElement>("setting-reviewer-name");
    name.value = "  Ana Ruiz, Desk Checks  ";
    name.dispatchEvent(new Event("change", { bubbles: true }));
    await until(async () =>
      expect((await getSettings(db)).reviewer).toEqual({ name: "Ana Ruiz, Desk Checks", url: "" }),
    );
    const url = byTestId<HTMLInputElement>("setting-reviewer-url");
    url.value = "https://desk.example/";
    url.dispatchEvent(new Event("change", { bubbles: true }));
    await until(async () =>
      expect((await getSettings(db)).reviewer).toEqual({ name: "Ana Ruiz, Desk Checks", url: "https://desk.example/" }),
    );
    await db.pages.add(PAGE);
    await putAnnotations(db, [{ ...ANNOTATION, status: "disputed" }]);
    const exported = renderExport("claimreview", await collectForExport(db, {}));
    expect(exported).toContain('"name": "Ana Ruiz, Desk Checks"');
    expect(exported).not.toContain(UNNAMED_REVIEWER);
    // Emptied, the reviewer is forgotten and the export says the review is unnamed.
    name.value = "";
    name.dispatchEvent(new Event("change", { bubbles: true }));
    await until(async () => expect((await getSettings(db)).reviewer).toBeNull());
    expect(renderExport("claimreview", await collectForExport(db, {}))).toContain(UNNAMED_REVIEWER);
  });

  it("adds, toggles and removes per-site exceptions, normalised to the site", async () => {
    await showSettings();
    const input = byTestId<HTMLInputElement>("setting-site-input");
    type(input, "https://www.NYTimes.com/2025/story.html");
    byTestId("setting-site-add").click();
    // Detection is on by default, so a new exception turns it off.
    await until(async () => expect((await getSettings(db)).siteRules).toEqual({ "nytimes.com": false }));
    type(byTestId<HTMLInputElement>("setting-site-input"), "news.bbc.co.uk");
    byTestId("setting-site-add").click();
    await until(async () =>
      expect((await getSettings(db)).siteRules).toEqual({ "nytimes.com": false, "bbc.co.uk": false }),
    );
    await until(() => expect(document.querySelectorAll('[data-testid="site-rule"]')).toHaveLength(2));
    const rule = document.querySelector<HTMLElement>('[data-site="nytimes.com"]') as HTMLElement;
    (rule.querySelector('input[type="checkbox"]') as HTMLInputElement).click();
    await until(async () => expect((await getSettings(db)).siteRules["nytimes.com"]).toBe(true));
    const remove = document.querySelector<HTMLButtonElement>('[data-site="bbc.co.uk"] button') as HTMLButtonElement;
    expect(remove.getAttribute("aria-label")).toBe("Remove the exception for bbc.co.uk");
    remove.click();
    await until(async () => expect((await getSettings(db)).siteRules).toEqual({ "nytimes.com": true }));

    type(byTestId<HTMLInputElement>("setting-site-input"), "not a site");
    byTestId("setting-site-add").click();
    await until(() => expect(document.querySelector('[role="alert"]')?.textContent).toContain("example.com"));
    expect((await getSettings(db)).siteRules).toEqual({ "nytimes.com": true });
  });

  it.each([
    ["example.com", "example.com"],
    ["  WWW.Example.COM  ", "example.com"],
    ["https://m.example.co.uk/path?q=1", "example.co.uk"],
    ["sub.domain.example.org:8080", "example.org"],
    ["", null],
    ["not a site", null],
    ["javascript:alert(1)", null],
  ])("reads %j as the site %j", (typed, site) => {
    expect(siteFromInput(typed)).toBe(site);
  });

  it("keeps the stored defaults for a colour scheme never chosen", async () => {
    await saveSettings(db, { autoDetect: true, siteRules: {}, highlightKinds: DEFAULT_SETTINGS.highlightKinds });
    expect((await getSettings(db)).colourScheme).toBe("default");
  });

  it("has no accessibility violations", async () => {
    await saveSettings(db, { ...DEFAULT_SETTINGS, siteRules: { "example.com": false } });
    await showSettings();
    await until(() => expect(document.querySelectorAll('[data-testid="site-rule"]')).toHaveLength(1));
    const results = await axe.run(root, { rules: { "color-contrast": { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`)).toEqual([]);
  });
});

describe("delete all data", () => {
  async function openDialog(): Promise<HTMLElement> {
    await seed();
    await showSettings();
    byTestId("setting-delete-all").focus();
    byTestId("setting-delete-all").click();
    await until(() => expect(document.querySelector('[role="dialog"]')).not.toBeNull());
    return document.querySelector('[role="dialog"]') as HTMLElement;
  }

  it("needs DELETE typed before it deletes, then empties the database and keeps the settings", async () => {
    await saveSettings(db, { ...DEFAULT_SETTINGS, autoDetect: false });
    const dialog = await openDialog();
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    await until(() => expect(dialog.textContent).toContain("1 pages, 1 annotations and 1 sources"));
    const confirm = byTestId<HTMLButtonElement>("confirm-delete");
    const input = byTestId<HTMLInputElement>("confirm-delete-input");
    expect(confirm.disabled).toBe(true);
    for (const wrong of ["delete", "DELET", "DELETE ", " DELETE"]) {
      type(input, wrong);
      await until(() => expect(input.value).toBe(wrong));
      expect(confirm.disabled).toBe(true);
    }
    // Submitting the form by Enter while disabled deletes nothing.
    input.form?.requestSubmit();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect((await countStored(db)).annotations).toBe(1);
    type(input, "DELETE");
    await until(() => expect(confirm.disabled).toBe(false));
    confirm.click();
    await until(() => expect(document.querySelector('[role="dialog"]')).toBeNull());
    expect(await db.pages.count()).toBe(0);
    expect((await countStored(db)).annotations).toBe(0);
    expect((await countStored(db)).sources).toBe(0);
    expect((await getSettings(db)).autoDetect).toBe(false);
    expect(document.activeElement).toBe(byTestId("setting-delete-all"));
    expect(document.body.textContent).toContain("All pages, annotations and sources were deleted.");
  });

  it("traps the focus, and Escape cancels without deleting", async () => {
    const dialog = await openDialog();
    expect(document.activeElement).toBe(byTestId("download-backup"));
    const focusable = Array.from(dialog.querySelectorAll<HTMLElement>("button:not([disabled]), input"));
    const last = focusable[focusable.length - 1] as HTMLElement;
    last.focus();
    key(last, "Tab");
    expect(document.activeElement).toBe(focusable[0]);
    key(focusable[0] as HTMLElement, "Tab", true);
    expect(document.activeElement).toBe(last);
    // Focus that wanders out is brought back.
    byTestId("setting-auto-detect").focus();
    expect(dialog.contains(document.activeElement)).toBe(true);
    key(document.activeElement as HTMLElement, "Escape");
    await until(() => expect(document.querySelector('[role="dialog"]')).toBeNull());
    expect(document.activeElement).toBe(byTestId("setting-delete-all"));
    expect((await countStored(db)).annotations).toBe(1);
  });

  it("downloads a backup that the import restores: every page, annotation and source", async () => {
    const blobs: Blob[] = [];
    const clicks: { href: string; download: string }[] = [];
    const created = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return "blob:claimmark/1";
    });
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.href, download: this.download });
    });
    await openDialog();
    byTestId("download-backup").click();
    await until(() => expect(clicks).toHaveLength(1));
    expect(clicks[0]?.download).toMatch(/^claimmark-backup-\d{4}-\d{2}-\d{2}\.jsonld$/);
    expect(clicks[0]?.href).toBe("blob:claimmark/1");
    expect(blobs[0]?.type).toBe("application/ld+json");
    // Restored into an empty database by the extension's own import, nothing is lost.
    const restored = openDb(`settings-restore-${Date.now()}`);
    const result = await importText(restored, await (blobs[0] as Blob).text());
    expect(result.ok && result.report).toMatchObject({ added: 1, refused: [] });
    expect(await restored.pages.toArray()).toEqual([PAGE]);
    expect(await allAnnotations(restored)).toEqual([ANNOTATION]);
    expect(await allSources(restored)).toEqual([SOURCE]);
    await restored.delete();
    await until(() =>
      expect(document.querySelector('[role="dialog"]')?.textContent).toContain("Saved a copy of 1 annotations"),
    );
    // The link is gone again.
    expect(document.querySelector("a[download]")).toBeNull();
  });

  it("names the backup by the local day", () => {
    expect(backupFileName(new Date(2025, 2, 9, 23, 59))).toBe("claimmark-backup-2025-03-09.jsonld");
  });

  it("has no accessibility violations in the dialog", async () => {
    const dialog = await openDialog();
    await until(() => expect(dialog.textContent).toContain("1 pages"));
    const results = await axe.run(root, { rules: { "color-contrast": { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`)).toEqual([]);
  });
});

describe("the options page", () => {
  it("switches between the library and the settings with the keyboard", async () => {
    render(<OptionsPage db={db} openTab={() => {}} />, root);
    await until(() => expect(byTestId("library")).not.toBeNull());
    const libraryTab = byTestId("tab-library");
    expect(libraryTab.getAttribute("aria-selected")).toBe("true");
    key(libraryTab, "ArrowRight");
    await until(() => expect(byTestId("settings")).not.toBeNull());
    expect(document.activeElement).toBe(byTestId("tab-settings"));
    expect(byTestId("library")).toBeNull();
    key(byTestId("tab-settings"), "ArrowLeft");
    await until(() => expect(byTestId("library")).not.toBeNull());
    const results = await axe.run(root, { rules: { "color-contrast": { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});
