// @vitest-environment jsdom
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import axe from "axe-core";
import { render } from "preact";
import { afterEach, describe, expect, it } from "vitest";
import { fillMessage, type Messages, plural, t, uiLocale, useFallbackMessages } from "../../components/i18n";
import { OptionsPage } from "../../components/library/OptionsPage";
import { PageSummary } from "../../components/PageSummary";
import { Popup } from "../../components/Popup";
import { openDb } from "../../lib/db/schema";
import { annotationRecord, pageRecord } from "./samples";
import { putAnnotations } from "./stored";
import { until } from "./until";

const ROOT = resolve(import.meta.dirname, "../..");
const LOCALES = join(ROOT, "public/_locales");
const read = (lang: string): Messages => JSON.parse(readFileSync(join(LOCALES, lang, "messages.json"), "utf8"));
const languages = readdirSync(LOCALES).sort();
const english = read("en");

/** Every source file whose strings reach the reader: the extension's pages, content script, background, manifest. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(tsx?|html)$/u.test(name) ? [path] : [];
  });
}
const sources = [
  ...["components", "entrypoints", "lib"].flatMap((dir) => sourceFiles(join(ROOT, dir))),
  join(ROOT, "wxt.config.ts"),
]
  .map((path) => readFileSync(path, "utf8"))
  .join("\n");

/** A message's placeholder names, from both its table and its text. */
const placeholdersOf = (entry: Messages[string]) => ({
  declared: Object.keys(entry.placeholders ?? {}).sort(),
  used: [
    ...new Set([...entry.message.matchAll(/\$([a-z0-9_]+)\$/giu)].map((m) => (m[1] as string).toLowerCase())),
  ].sort(),
  contents: Object.values(entry.placeholders ?? {})
    .map((p) => p.content)
    .sort(),
});

describe("locale files", () => {
  it("are English, French and German at least, English being the manifest's default", () => {
    expect(languages).toEqual(expect.arrayContaining(["de", "en", "fr"]));
    expect(readFileSync(join(ROOT, "wxt.config.ts"), "utf8")).toMatch(/default_locale: "en"/u);
  });

  it.each(languages)("%s has every key English has, and no other", (lang) => {
    const keys = Object.keys(read(lang)).sort();
    const expected = Object.keys(english).sort();
    expect(expected.filter((key) => !keys.includes(key))).toEqual([]);
    expect(keys.filter((key) => !expected.includes(key))).toEqual([]);
  });

  it.each(languages)("%s fills the same placeholders as English, each declared, and says something", (lang) => {
    const wrong: string[] = [];
    for (const [key, entry] of Object.entries(read(lang))) {
      const theirs = placeholdersOf(entry);
      const ours = placeholdersOf(english[key] ?? { message: "" });
      if (!entry.message.trim()) wrong.push(`${key}: empty`);
      if (JSON.stringify(theirs.used) !== JSON.stringify(theirs.declared))
        wrong.push(`${key}: uses ${theirs.used}, declares ${theirs.declared}`);
      if (JSON.stringify(theirs.used) !== JSON.stringify(ours.used))
        wrong.push(`${key}: ${theirs.used}, English ${ours.used}`);
      if (JSON.stringify(theirs.contents) !== JSON.stringify(ours.contents))
        wrong.push(`${key}: fills ${theirs.contents}`);
    }
    expect(wrong).toEqual([]);
  });

  it("name their keys as the browser reads them (case-insensitive, so lower case only)", () => {
    expect(Object.keys(english).filter((key) => !/^[a-z][a-z0-9_]*$/u.test(key))).toEqual([]);
  });

  it("hold no key the code never asks for, and the manifest asks only for keys that exist", () => {
    const unused = Object.keys(english).filter(
      (key) => !sources.includes(`"${key}"`) && !sources.includes(`__MSG_${key}__`),
    );
    expect(unused).toEqual([]);
    const asked = [...sources.matchAll(/__MSG_([a-z0-9_]+)__/gu)].map((m) => m[1] as string);
    expect(asked.filter((key) => !(key in english))).toEqual([]);
  });
});

describe("the UI in another language", () => {
  let root: HTMLElement | null = null;
  afterEach(() => {
    if (root) render(null, root);
    root?.remove();
    useFallbackMessages();
  });

  it("fills placeholders as the browser does, by name and in order", () => {
    const entry = { message: "$a$ then $b$ costs $$5", placeholders: { a: { content: "$2" }, b: { content: "$1" } } };
    expect(fillMessage(entry, ["one", "two"])).toBe("two then one costs $5");
    expect(t("count_annotations_other", "3")).toBe("3 annotations");
  });

  it("writes the popup's summary in French, its counts by French plural rules and its date and numbers with Intl", async () => {
    useFallbackMessages(read("fr"));
    expect(uiLocale()).toBe("fr");
    expect(plural(0, "count_annotations_one", "count_annotations_other")).toBe("0 annotation");
    root = document.createElement("div");
    document.body.append(root);
    const page = pageRecord("https://example.org/a", {
      title: "Titre",
      siteName: "Le Site",
      publishedTime: "2024-05-01",
    });
    render(<PageSummary page={page} counts={{ claim: 1500, figure: 2 }} />, root);
    expect(root.querySelector('[data-testid="annotation-count"]')?.textContent).toBe("1\u202f502 annotations");
    expect(root.querySelector('[data-testid="page-published"]')?.textContent).toBe("1 mai 2024");
    expect(root.querySelector("dt")?.textContent).toBe("Site");
    expect(root.querySelector("section")?.getAttribute("aria-label")).toBe("Cette page");
  });

  it("shows the popup's notices in German, and stays accessible", async () => {
    useFallbackMessages(read("de"));
    root = document.createElement("div");
    document.body.append(root);
    const db = openDb("locales-test");
    render(<Popup db={db} target={{ kind: "restricted", restriction: "pdf" }} />, root);
    expect(root.querySelector('[data-testid="notice"] h1')?.textContent).toBe(t("popup_cannot_annotate"));
    expect(root.querySelector('[data-testid="open-library"]')?.textContent).toBe("Bibliothek öffnen");
    const violations = (await axe.run(root, { rules: { "color-contrast": { enabled: false } } })).violations;
    expect(violations.map((v) => v.id)).toEqual([]);
    db.close();
  });

  it("lists the library in French: its counts, its dates and its controls, and stays accessible", async () => {
    useFallbackMessages(read("fr"));
    root = document.createElement("div");
    document.body.append(root);
    const db = openDb("locales-library-test");
    const key = "https://news.example/a";
    await db.pages.add(pageRecord(key, { title: "Tensions", lastSeen: Date.UTC(2025, 2, 10, 12) }));
    await putAnnotations(db, [
      annotationRecord({ id: "c1", pageKey: key, kind: "claim", exact: "the talks failed", status: "disputed" }),
    ]);
    render(<OptionsPage db={db} openTab={() => {}} />, root);
    const summary = () => root?.querySelector('[data-testid="library-summary"]')?.textContent;
    await until(() => expect(summary()).toBe("1 annotation sur 1 page."));
    expect(root.querySelector(".page-date")?.textContent).toBe("Lue le 10 mars 2025");
    expect(root.querySelector('[data-testid="library-row"] .status')?.textContent).toBe("Contesté");
    expect(root.querySelector('[data-testid="tab-settings"]')?.textContent).toBe("Réglages");
    const violations = (await axe.run(root, { rules: { "color-contrast": { enabled: false } } })).violations;
    expect(violations.map((v) => v.id)).toEqual([]);
    render(null, root);
    db.close();
  });
});
