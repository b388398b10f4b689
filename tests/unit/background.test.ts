import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import background from "../../entrypoints/background";
import { openDb } from "../../lib/db/schema";
import { countStored } from "../../lib/db/store";
import { sha256Hex } from "../../lib/extract/hash";
import type { PageExtractedResponse } from "../../lib/messages";
import type { PageReport } from "../../lib/model";
import { pageReport } from "./samples";
import { allAnnotations } from "./stored";

const report = pageReport({
  readerable: false,
  hasArticle: false,
  noArticleReason: "not-readerable",
  title: "Links",
  textLength: 0,
  textHash: null,
});

const STORY = [
  "The council met on Monday in Astana to discuss the border.",
  "In February, the head of the Joint Staff, Colonel-General Anatoly Sidorov, stated that the branch had grown, now reaching about 6,500 militants.",
].join("\n\n");

/** A page message for an article text, as the content script sends it. */
function extracted(url: string, text: string) {
  const paragraphs = text.split("\n\n");
  let at = 0;
  const blocks = paragraphs.map((paragraph) => {
    const block = { start: at, end: at + paragraph.length };
    at += paragraph.length + 2;
    return block;
  });
  const articleReport: PageReport = {
    ...report,
    readerable: true,
    hasArticle: true,
    noArticleReason: null,
    title: "Border report",
    textLength: text.length,
    textHash: sha256Hex(text),
  };
  return { type: "page/extracted", url, report: articleReport, article: { text, blocks } };
}

const tabSender = (url: string) => ({ id: fakeBrowser.runtime.id, url, frameId: 0, tab: { id: 7 } });

async function send(message: unknown, sender: object): Promise<PageExtractedResponse> {
  let respond!: (value: PageExtractedResponse) => void;
  const response = new Promise<PageExtractedResponse>((resolve) => {
    respond = resolve;
  });
  await fakeBrowser.runtime.onMessage.trigger(message, sender, respond);
  return response;
}

type MenuListener = Parameters<typeof fakeBrowser.contextMenus.onClicked.addListener>[0];
type CommandListener = Parameters<typeof fakeBrowser.commands.onCommand.addListener>[0];

describe("background", () => {
  /** What the background registered for a context menu click and for a keyboard command. */
  let onMenuClicked: MenuListener | undefined;
  let onCommand: CommandListener | undefined;

  beforeEach(async () => {
    fakeBrowser.reset();
    // WXT's fake browser leaves these out; keep the listeners the background registers, and take what it sets.
    onMenuClicked = undefined;
    onCommand = undefined;
    vi.spyOn(fakeBrowser.contextMenus.onClicked, "addListener").mockImplementation((listener) => {
      onMenuClicked = listener;
    });
    vi.spyOn(fakeBrowser.commands.onCommand, "addListener").mockImplementation((listener) => {
      onCommand = listener;
    });
    vi.spyOn(fakeBrowser.action, "setBadgeText").mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.action, "setBadgeBackgroundColor").mockResolvedValue(undefined);
    await openDb().pages.clear();
    await openDb().annotationSets.clear();
    background.main();
  });

  it("stores the page a content script reports, under the URL the browser gives", async () => {
    const sender = tabSender("https://example.com/links?fbclid=1");
    const response = await send({ type: "page/extracted", url: sender.url, report, article: null }, sender);
    expect(response).toEqual({
      ok: true,
      pageKey: "https://example.com/links",
      changed: false,
      detections: 0,
      located: [],
      orphans: 0,
      highlightKinds: { quote: true, claim: true, figure: true, highlight: true },
      colourScheme: "default",
    });
    expect(await openDb().pages.get("https://example.com/links")).toMatchObject({ title: "Links", hasArticle: false });
  });

  it("asks the tab's page to annotate its selection, from the keyboard command and from the context menu", () => {
    const sendMessage = vi.spyOn(fakeBrowser.tabs, "sendMessage").mockResolvedValue(undefined);
    const tab = { id: 7 } as Parameters<CommandListener>[1];
    onCommand?.("mark-claim", tab);
    onMenuClicked?.({ menuItemId: "mark-claim" } as Parameters<MenuListener>[0], tab);
    const annotate = [7, { type: "selection/annotate", kind: "claim" }, { frameId: 0 }];
    expect(sendMessage.mock.calls).toEqual([annotate, annotate]);
  });

  it("refuses messages from elsewhere or of the wrong shape, and stores nothing", async () => {
    const page = { url: "https://example.com/links", frameId: 0, tab: { id: 7 } };
    const message = { type: "page/extracted", url: page.url, report, article: null };
    const refused = [
      await send(message, { ...page, id: "another-extension" }),
      await send({ ...message, report: { ...report, title: 7 } }, { ...page, id: fakeBrowser.runtime.id }),
      await send({ type: "pages/delete-all" }, { ...page, id: fakeBrowser.runtime.id }),
    ];
    for (const response of refused)
      expect(response).toMatchObject({ ok: false, error: expect.stringMatching(/^refused/) });
    expect(await openDb().pages.count()).toBe(0);
  });

  it("detects in the article itself, stores the detections, and answers with what to paint", async () => {
    const sender = tabSender("https://example.com/border");
    const first = await send(extracted(sender.url, STORY), sender);
    if (!first.ok) throw new Error(first.error);
    expect(first.detections).toBeGreaterThan(0);
    const militants = first.located.find((item) => item.exact === "about 6,500 militants");
    expect(militants).toMatchObject({ kind: "figure", value: 6500, speaker: "Anatoly Sidorov", anchor: "exact" });
    expect(STORY.slice(militants?.start, militants?.end)).toBe("about 6,500 militants");
    const stored = await allAnnotations(openDb());
    expect(stored.map((a) => a.exact)).toContain("about 6,500 militants");

    const again = await send(extracted(sender.url, STORY), sender);
    if (!again.ok) throw new Error(again.error);
    expect(again.changed).toBe(false);
    expect(again.located.map((item) => item.id).sort()).toEqual(first.located.map((item) => item.id).sort());
    expect((await countStored(openDb())).annotations).toBe(stored.length);
    expect((await allAnnotations(openDb())).every((a) => a.anchor?.state === "exact")).toBe(true);
  });

  it("says when the article's text changed, and flags the changed figure with its new text", async () => {
    const sender = tabSender("https://example.com/border");
    await send(extracted(sender.url, STORY), sender);
    const edited = await send(extracted(sender.url, STORY.replace("6,500", "6,800")), sender);
    expect(edited).toMatchObject({ ok: true, changed: true });
    expect(await openDb().pages.get("https://example.com/border")).toMatchObject({
      previousTextHash: sha256Hex(STORY),
    });
    const changed = (await allAnnotations(openDb())).filter((a) => a.anchor?.state === "fuzzy");
    expect(changed.map((a) => [a.exact, a.anchor?.current])).toContainEqual([
      "about 6,500 militants",
      "about 6,800 militants",
    ]);
  });

  it("refuses an article whose text does not match its report", async () => {
    const sender = tabSender("https://example.com/border");
    const message = extracted(sender.url, STORY);
    const forged = { ...message, article: { ...message.article, text: STORY.replace("Monday", "Friday") } };
    expect(await send(forged, sender)).toMatchObject({ ok: false, error: expect.stringMatching(/reported hash/) });
    expect((await countStored(openDb())).annotations).toBe(0);
  });

  it("takes the address the page reports on the tab's own origin only", async () => {
    const sender = tabSender("https://example.com/app");
    const message = { type: "page/extracted", report, article: null };
    const spa = await send({ ...message, url: "https://example.com/app/story-2" }, sender);
    expect(spa).toMatchObject({ ok: true, pageKey: "https://example.com/app/story-2" });
    const forged = await send({ ...message, url: "https://bank.example/account" }, sender);
    expect(forged).toMatchObject({ ok: true, pageKey: "https://example.com/app" });
  });
});
