import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import background from "../../entrypoints/background";
import { CardBroker } from "../../lib/card/broker";
import { cardPortHandler } from "../../lib/card/port";
import { CARD_PORT, type CardFrameCommand } from "../../lib/card/protocol";
import { getSettings, saveSettings } from "../../lib/db/edit";
import { type ClaimmarkDb, openDb } from "../../lib/db/schema";
import { changeAnnotation, changeSet, countStored, readSet } from "../../lib/db/store";
import { sha256Hex } from "../../lib/extract/hash";
import { BACKGROUND_LIMITS, backgroundGuard, type GuardLimits } from "../../lib/guard/limits";
import { type BackgroundContext, type BackgroundResponse, handleBackgroundMessage } from "../../lib/handle-message";
import type {
  AnnotationCreateResponse,
  AnnotationPaintResponse,
  CardOpenResponse,
  PageExtractedResponse,
  PaintItem,
} from "../../lib/messages";
import type { PageReport } from "../../lib/model";
import { pageRecord, pageReport } from "./samples";
import { allAnnotations, getAnnotation } from "./stored";
import { until } from "./until";

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

/** A page message for an article text, as the content script sends it; `overrides` replaces report fields. */
function extracted(url: string, text: string, overrides: Partial<PageReport> = {}) {
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
    ...overrides,
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
type ConnectListener = Parameters<typeof fakeBrowser.runtime.onConnect.addListener>[0];
type Port = Parameters<ConnectListener>[0];

/** A port as the browser hands it to the background, its messages and disconnection recorded. */
function fakePort(name: string, sender: { id: string; url: string; tab?: { id: number } }) {
  let onMessage: ((message: unknown) => void) | undefined;
  const port = {
    name,
    sender,
    posted: [] as CardFrameCommand[],
    postMessage: vi.fn((command: CardFrameCommand) => port.posted.push(command)),
    disconnect: vi.fn(),
    onMessage: { addListener: (listener: (message: unknown) => void) => (onMessage = listener) },
    onDisconnect: { addListener: () => {} },
    /** What the frame sends on the port. */
    send: (message: unknown) => onMessage?.(message),
    listening: () => onMessage !== undefined,
  };
  return port;
}

describe("background", () => {
  /** What the background registered for a context menu click and for a keyboard command. */
  let onMenuClicked: MenuListener | undefined;
  let onCommand: CommandListener | undefined;
  let onConnect: ConnectListener | undefined;

  beforeEach(async () => {
    fakeBrowser.reset();
    // WXT's fake browser leaves these out; keep the listeners the background registers, and take what it sets.
    onMenuClicked = undefined;
    onCommand = undefined;
    onConnect = undefined;
    vi.spyOn(fakeBrowser.contextMenus.onClicked, "addListener").mockImplementation((listener) => {
      onMenuClicked = listener;
    });
    vi.spyOn(fakeBrowser.commands.onCommand, "addListener").mockImplementation((listener) => {
      onCommand = listener;
    });
    vi.spyOn(fakeBrowser.runtime.onConnect, "addListener").mockImplementation((listener) => {
      onConnect = listener;
    });
    vi.spyOn(fakeBrowser.action, "setBadgeText").mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.action, "setBadgeBackgroundColor").mockResolvedValue(undefined);
    await openDb().pages.clear();
    await openDb().annotationChunks.clear();
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
      highlightKinds: { quote: true, claim: true, figure: true, date: false, highlight: true },
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
    // The page gets only what painting needs; the machine fields stay in the extension.
    expect(militants).toEqual({
      id: expect.stringMatching(/^auto-/),
      kind: "figure",
      exact: "about 6,500 militants",
      prefix: expect.stringContaining("now reaching "),
      suffix: ".",
      start: STORY.indexOf("about 6,500 militants"),
      end: STORY.indexOf("about 6,500 militants") + "about 6,500 militants".length,
      anchor: "exact",
      status: "unverified",
    });
    const stored = await allAnnotations(openDb());
    expect(stored.find((a) => a.id === militants?.id)).toMatchObject({
      exact: "about 6,500 militants",
      value: 6500,
      speaker: "Anatoly Sidorov",
    });

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

  it("refuses the edit messages content scripts used to send, and changes nothing", async () => {
    const sender = tabSender("https://example.com/border");
    const visit = await send(extracted(sender.url, STORY), sender);
    if (!visit.ok) throw new Error(visit.error);
    const id = visit.located[0]?.id as string;
    const before = JSON.stringify(await allAnnotations(openDb()));
    const page = { url: sender.url, canonicalUrl: null };
    const source = { url: "https://example.org/", title: "x", publisher: "", accessedAt: null, note: "", quote: "" };
    for (const old of [
      { type: "annotation/update", page, id, patch: { status: "false" } },
      { type: "annotation/update", page, id, patch: { dismissed: true } },
      { type: "annotation/details", page, id, withContext: true },
      { type: "source/add", page, annotationId: id, source },
      { type: "source/update", page, id: "source-1", patch: { title: "y" } },
      { type: "source/remove", page, id: "source-1" },
      {
        type: "source/restore",
        page,
        source: { ...source, id: "source-1", annotationId: id, createdAt: 1, updatedAt: 1 },
      },
    ]) {
      expect(await send(old, sender)).toEqual({
        ok: false,
        error: `refused: unknown message type: ${old.type}`,
      });
    }
    expect(JSON.stringify(await allAnnotations(openDb()))).toBe(before);
  });

  it("opens the welcome page on a first install, and nothing on an update", async () => {
    vi.spyOn(fakeBrowser.contextMenus, "create").mockImplementation(() => 0);
    const create = vi.spyOn(fakeBrowser.tabs, "create").mockResolvedValue(undefined as never);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: "update", previousVersion: "0.1.0" });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: "chrome_update" });
    expect(create).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: "install" });
    expect(create.mock.calls).toEqual([[{ url: fakeBrowser.runtime.getURL("/welcome.html") }]]);
  });

  it("paints a detected date as a date (stored as a figure), and tells the page dates are hidden by default", async () => {
    const sender = tabSender("https://example.com/dated");
    const text =
      "The council met on 28 November 2023 in Astana.\n\nSidorov said that the branch had about 6,500 militants.";
    const visit = await send(extracted(sender.url, text), sender);
    if (!visit.ok) throw new Error(visit.error);
    expect(visit.highlightKinds).toMatchObject({ figure: true, date: false });
    const kinds = Object.fromEntries(visit.located.map((item) => [item.exact, item.kind]));
    expect(kinds).toMatchObject({ "28 November 2023": "date", "about 6,500 militants": "figure" });
    const stored = await allAnnotations(openDb());
    expect(stored.find((a) => a.exact === "28 November 2023")).toMatchObject({ kind: "figure", figureKind: "date" });
  });

  it("opens a card port only for its own card page in a tab, and shows there what a token names", async () => {
    const sender = tabSender("https://example.com/border");
    const visit = await send(extracted(sender.url, STORY), sender);
    if (!visit.ok) throw new Error(visit.error);
    const id = visit.located[0]?.id as string;
    const opened = (await send(
      { type: "card/open", page: { url: sender.url, canonicalUrl: null }, id, focus: false, preview: false },
      sender,
    )) as unknown as CardOpenResponse;
    if (!opened.ok) throw new Error(opened.error);
    const cardUrl = fakeBrowser.runtime.getURL("/card.html");

    const strangers = [
      fakePort(CARD_PORT, { id: fakeBrowser.runtime.id, url: "https://example.com/card.html", tab: { id: 7 } }),
      fakePort(CARD_PORT, {
        id: fakeBrowser.runtime.id,
        url: fakeBrowser.runtime.getURL("/popup.html"),
        tab: { id: 7 },
      }),
      fakePort(CARD_PORT, { id: "another-extension", url: cardUrl, tab: { id: 7 } }),
      fakePort(CARD_PORT, { id: fakeBrowser.runtime.id, url: cardUrl }),
    ];
    for (const port of strangers) {
      onConnect?.(port as unknown as Port);
      expect(port.disconnect).toHaveBeenCalled();
      expect(port.listening()).toBe(false);
    }
    const other = fakePort("something-else", { id: fakeBrowser.runtime.id, url: cardUrl, tab: { id: 7 } });
    onConnect?.(other as unknown as Port);
    expect(other.listening()).toBe(false);

    const card = fakePort(CARD_PORT, { id: fakeBrowser.runtime.id, url: cardUrl, tab: { id: 7 } });
    onConnect?.(card as unknown as Port);
    expect(card.disconnect).not.toHaveBeenCalled();
    card.send({ type: "hello", token: opened.token });
    await until(() => expect(card.posted).toHaveLength(2));
    expect(card.posted[0]).toMatchObject({
      type: "show",
      session: { tabId: 7, pageKey: "https://example.com/border", id },
      details: { annotation: { id } },
    });
    card.send({ type: "request", seq: 1, request: { type: "annotation/update", patch: { status: "disputed" } } });
    await until(() => expect(card.posted).toHaveLength(3));
    expect((await getAnnotation(openDb(), id))?.status).toBe("disputed");
    card.send({ type: "request", seq: 2, request: { type: "annotation/delete-all" } });
    await until(() => expect(card.disconnect).toHaveBeenCalled());
  });
});

describe("handleBackgroundMessage", () => {
  const BORDER = "https://example.com/border";
  const PAGE = { url: BORDER, canonicalUrl: null };
  const MILITANTS = "about 6,500 militants";
  let db: ClaimmarkDb;
  let dbCount = 0;
  let now: number;
  let context: BackgroundContext;

  /** A background with its own database and broker; the counters run on the test's clock, with `limits` when given. */
  function backgroundWith(limits?: GuardLimits): BackgroundContext {
    return {
      db,
      extensionId: "claimmark",
      cards: new CardBroker(undefined, () => now),
      guard: backgroundGuard(() => now, limits),
      detections: Promise.resolve(),
      shown: new Map(),
    };
  }

  beforeEach(() => {
    db = openDb(`background-${++dbCount}`);
    now = 1_000_000;
    context = backgroundWith();
  });

  const from = (url: string, tabId = 7) => ({ id: "claimmark", url, frameId: 0, tab: { id: tabId } });
  const ask = (message: unknown, url = BORDER, tabId = 7): Promise<BackgroundResponse> =>
    handleBackgroundMessage(context, message, from(url, tabId));

  async function visit(url = BORDER, text = STORY, overrides: Partial<PageReport> = {}) {
    const response = (await ask(extracted(url, text, overrides), url)) as PageExtractedResponse;
    if (!response.ok) throw new Error(response.error);
    return response;
  }

  /** What the content script sends to make the selection `exact` (at `start`) an annotation. */
  function create(exact: string, start = STORY.indexOf(exact), text = STORY, kind = "claim") {
    const passage = { exact, prefix: "forged prefix", suffix: "forged suffix", start, end: start + exact.length };
    return { type: "annotation/create", page: PAGE, kind, passage, text };
  }
  const created = async (message: unknown) => (await ask(message)) as AnnotationCreateResponse;
  const painted = async (id: string) =>
    (await ask({ type: "annotation/paint", page: PAGE, id })) as AnnotationPaintResponse;
  const cardFor = async (id: string, url = BORDER, tabId = 7) =>
    (await ask(
      { type: "card/open", page: { url, canonicalUrl: null }, id, focus: true, preview: false },
      url,
      tabId,
    )) as CardOpenResponse;
  const userAnnotations = async () => (await allAnnotations(db)).filter((a) => a.origin === "user");

  describe("annotation/create", () => {
    it("stores the reader's selection when it is the stored article's text at its offsets, context from the text", async () => {
      await visit();
      const response = await created(create(MILITANTS, undefined, undefined, "figure"));
      if (!response.ok) throw new Error(response.error);
      const start = STORY.indexOf(MILITANTS);
      expect(response.item).toEqual({
        id: expect.stringMatching(/^user-/),
        kind: "figure",
        exact: MILITANTS,
        prefix: STORY.slice(0, start).slice(-32),
        suffix: STORY.slice(start + MILITANTS.length, start + MILITANTS.length + 32),
        start,
        end: start + MILITANTS.length,
        anchor: "exact",
        status: "unverified",
      });
      expect(response.item.prefix).toContain("now reaching ");
      const [stored] = await userAnnotations();
      // A hand-made figure is read like a detected one.
      expect(stored).toMatchObject({
        id: response.item.id,
        pageKey: BORDER,
        kind: "figure",
        value: 6500,
        unit: "militants",
        qualifier: "approximately",
      });
      expect(stored?.selectors[0]).toMatchObject({ exact: MILITANTS, prefix: response.item.prefix });
    });

    it.each<[string, () => unknown, RegExp]>([
      ["an article of another hash", () => create(MILITANTS, undefined, STORY.replace("Monday", "Friday")), /changed/],
      ["an article of another length", () => create(MILITANTS, undefined, `${STORY} More.`), /changed/],
      [
        "a passage that is not the text at its offsets",
        () => create(MILITANTS, STORY.indexOf(MILITANTS) + 1),
        /offsets/,
      ],
      ["a passage past the article's end", () => create(MILITANTS, STORY.length - 3), /offsets/],
    ])("refuses %s, and stores nothing", async (_, message, error) => {
      await visit();
      expect(await created(message())).toEqual({ ok: false, error: expect.stringMatching(error) });
      expect(await userAnnotations()).toEqual([]);
    });

    it("refuses a page it has not read, or one without an article", async () => {
      expect(await created(create(MILITANTS))).toEqual({ ok: false, error: expect.stringMatching(/no article/) });
      await ask({ type: "page/extracted", url: BORDER, report, article: null });
      expect(await created(create(MILITANTS))).toEqual({ ok: false, error: expect.stringMatching(/no article/) });
      expect(await userAnnotations()).toEqual([]);
    });

    it.each([
      ["a quote (detections are the background's)", { kind: "quote" }],
      ["a passage whose end does not span its text", { passage: { ...create(MILITANTS).passage, end: 500 } }],
      ["a passage with an extra field", { passage: { ...create(MILITANTS).passage, html: "<b>" } }],
      ["no article text", { text: undefined }],
      ["a detection's fields", { speaker: "Forged" }],
    ])("refuses the malformed creation of %s", async (_, change) => {
      await visit();
      expect(await created({ ...create(MILITANTS), ...change })).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^refused/),
      });
      expect(await userAnnotations()).toEqual([]);
    });
  });

  describe("annotation/paint", () => {
    it("gives the verdict only when the reader shows verdicts in pages, and never the reader's notes or tags", async () => {
      await visit();
      const made = await created(create(MILITANTS));
      if (!made.ok) throw new Error(made.error);
      const { id } = made.item;
      const changed = await changeAnnotation(db, id, (a) => ({
        ...a,
        status: "disputed",
        note: "Secret",
        tags: ["private"],
      }));
      if (!changed) throw new Error("not stored");
      const hidden = await painted(id);
      expect(hidden).toEqual({ ok: true, item: { ...made.item, start: 0, end: 0, status: "unverified" } });
      await saveSettings(db, { ...(await getSettings(db)), verdictMarksInPage: true });
      expect(await painted(id)).toMatchObject({ ok: true, item: { id, status: "disputed" } });
      // A visit's paint items follow the same setting.
      const again = await visit();
      expect(again.located.find((item) => item.id === id)?.status).toBe("disputed");
      await saveSettings(db, { ...(await getSettings(db)), verdictMarksInPage: false });
      expect((await visit()).located.find((item) => item.id === id)?.status).toBe("unverified");
    });

    it("answers null for a dismissed or deleted annotation, and refuses another page's", async () => {
      const first = await visit();
      const auto = first.located[0] as PaintItem;
      const made = await created(create(MILITANTS));
      if (!made.ok) throw new Error(made.error);
      await changeSet(db, BORDER, (draft) => {
        draft.annotations = draft.annotations.map((annotation) =>
          annotation.id === auto.id
            ? { ...annotation, dismissed: true }
            : annotation.id === made.item.id
              ? { ...annotation, deleted: true }
              : annotation,
        );
      });
      expect(await painted(auto.id)).toEqual({ ok: true, item: null });
      expect(await painted(made.item.id)).toEqual({ ok: true, item: null });
      const elsewhere = "https://example.com/other";
      const theirs = await visit(elsewhere);
      expect(await painted(theirs.located[0]?.id as string)).toEqual({
        ok: false,
        error: "no such annotation on this page",
      });
    });
  });

  describe("card/open", () => {
    it("hands the tab a token for an annotation of its own page, redeemable once by that tab only", async () => {
      const { located } = await visit();
      const id = located[0]?.id as string;
      const opened = await cardFor(id);
      if (!opened.ok) throw new Error(opened.error);
      expect(opened.token).toMatch(/^[0-9a-f-]{36}$/);
      expect(context.cards.redeem(8, opened.token)).toBeNull();
      const again = await cardFor(id);
      if (!again.ok) throw new Error(again.error);
      expect(context.cards.redeem(7, again.token)).toEqual({
        tabId: 7,
        pageKey: BORDER,
        id,
        focus: true,
        preview: false,
      });
      expect(context.cards.redeem(7, again.token)).toBeNull();
    });

    it("refuses another page's annotation, a dismissed one and one that does not exist", async () => {
      const theirs = await visit("https://example.com/other");
      const { located } = await visit();
      const hidden = await changeAnnotation(db, located[0]?.id as string, (a) => ({ ...a, dismissed: true }));
      if (!hidden) throw new Error("not stored");
      for (const id of [theirs.located[0]?.id, "auto-none"])
        expect(await cardFor(id as string)).toEqual({ ok: false, error: "no such annotation on this page" });
      // The dismissed one was painted on the tab's last visit: its token is handed out, but the
      // frame that presents it is refused, having read that it is dismissed.
      const dismissed = await cardFor(located[0]?.id as string);
      if (!dismissed.ok || !("token" in dismissed)) throw new Error("no token");
      const posted: CardFrameCommand[] = [];
      const handle = cardPortHandler(
        db,
        context.cards,
        7,
        (command) => posted.push(command),
        () => {},
      );
      await handle({ type: "hello", token: dismissed.token });
      expect(posted).toEqual([{ type: "refused" }]);
      expect(await cardFor(located[1]?.id as string)).toMatchObject({ ok: true });
    });

    it("takes the page from the address the browser gives, not from one of another origin the message names", async () => {
      const elsewhere = "https://other.example/story";
      const theirs = await visit(elsewhere);
      const id = theirs.located[0]?.id as string;
      const claimed = { url: elsewhere, canonicalUrl: null };
      for (const message of [
        { type: "card/open", page: claimed, id, focus: false, preview: false },
        { type: "annotation/paint", page: claimed, id },
      ])
        expect(await ask(message, BORDER)).toEqual({ ok: false, error: "no such annotation on this page" });
      expect(await cardFor(id, elsewhere)).toMatchObject({ ok: true });
    });

    it("refuses a tab that opens too many cards in a minute", async () => {
      context = backgroundWith({ ...BACKGROUND_LIMITS, cardOpensPerTab: 2 });
      const { located } = await visit();
      const id = located[0]?.id as string;
      expect(await cardFor(id)).toMatchObject({ ok: true });
      expect(await cardFor(id)).toMatchObject({ ok: true });
      expect(await cardFor(id)).toEqual({ ok: false, error: "refused: too many cards opened at once" });
      expect(await cardFor(id, BORDER, 8)).toMatchObject({ ok: true });
      now += 60_000;
      expect(await cardFor(id)).toMatchObject({ ok: true });
    });
  });

  describe("limits", () => {
    it("refuses the 13th pass of one page within a minute, with a reason, and lets it in again a minute later", async () => {
      for (let pass = 1; pass <= BACKGROUND_LIMITS.passesPerPage; pass++) {
        now += 1000;
        await visit();
      }
      const refused = await ask(extracted(BORDER, STORY));
      expect(refused).toEqual({ ok: false, error: "refused: this page was read too many times in the last minute" });
      // Another page of the site is not held back by it.
      expect(await ask(extracted("https://example.com/other", STORY), "https://example.com/other")).toMatchObject({
        ok: true,
      });
      now += 60_000;
      expect(await ask(extracted(BORDER, STORY))).toMatchObject({ ok: true });
    });

    it("refuses a site's 21st new page within a minute, from any tab, storing nothing of it; known pages and other sites go on", async () => {
      context = backgroundWith({ ...BACKGROUND_LIMITS, newPagesPerSite: 20, passesPerSite: 100, newPagesPerTab: 100 });
      const url = (i: number) => `https://example.com/app/${i}`;
      // Each page in a tab of its own: the site's budget, not a tab's, is what runs out.
      const record = (target: string, tabId: number) =>
        ask({ type: "page/extracted", url: target, report, article: null }, target, tabId);
      for (let i = 1; i <= 20; i++) expect(await record(url(i), i)).toMatchObject({ ok: true });
      expect(await record(url(21), 21)).toEqual({
        ok: false,
        error: expect.stringMatching(/^refused: too many new pages/),
      });
      expect(await db.pages.get(url(21))).toBeUndefined();
      expect(await db.pages.count()).toBe(20);
      expect(await record(url(1), 1)).toMatchObject({ ok: true });
      expect(await record("https://example.org/story", 22)).toMatchObject({ ok: true });
      now += 60_000;
      expect(await record(url(21), 21)).toMatchObject({ ok: true });
    });

    it(`refuses a tab's new page past ${BACKGROUND_LIMITS.newPagesPerTab} in a minute; other tabs and known pages go on`, async () => {
      const limit = BACKGROUND_LIMITS.newPagesPerTab;
      const url = (i: number) => `https://example.com/app/${i}`;
      const record = (target: string, tabId = 7) =>
        ask({ type: "page/extracted", url: target, report, article: null }, target, tabId);
      for (let i = 1; i <= limit; i++) expect(await record(url(i))).toMatchObject({ ok: true });
      expect(await record(url(limit + 1))).toEqual({
        ok: false,
        error: expect.stringMatching(/^refused: too many new pages/),
      });
      expect(await db.pages.get(url(limit + 1))).toBeUndefined();
      expect(await db.pages.count()).toBe(limit);
      expect(await record(url(1))).toMatchObject({ ok: true });
      expect(await record(url(limit + 1), 8)).toMatchObject({ ok: true });
      now += 60_000;
      expect(await record(url(limit + 2))).toMatchObject({ ok: true });
    });

    it("stores and paints at most the site's new automatic annotations a minute; the rest neither", async () => {
      context = backgroundWith({ ...BACKGROUND_LIMITS, newAutoAnnotationsPerSite: 3 });
      const text = [1, 2, 3].map((i) => `There were ${i}01 tanks, ${i}02 planes and ${i}03 ships.`).join("\n\n");
      const first = await visit(BORDER, text);
      expect(first.detections).toBe(9);
      expect(first.located.map((item) => item.exact)).toEqual(["101 tanks", "102 planes", "103 ships"]);
      expect((await allAnnotations(db)).map((a) => a.id).sort()).toEqual(first.located.map((i) => i.id).sort());
      // The site has used its minute: another page of it stores and paints none of its own.
      const other = await visit("https://example.com/other", text);
      expect(other.located).toEqual([]);
      expect((await readSet(db, "https://example.com/other")).annotations).toEqual([]);
      // What was stored is still painted; a minute later the rest comes, in reading order.
      expect((await visit(BORDER, text)).located).toHaveLength(3);
      now += 60_000;
      expect((await visit(BORDER, text)).located.map((item) => item.exact)).toEqual([
        "101 tanks",
        "102 planes",
        "103 ships",
        "201 tanks",
        "202 planes",
        "203 ships",
      ]);
    });

    it(`stores and paints at most ${BACKGROUND_LIMITS.autoAnnotationsPerPage} automatic annotations on one page`, async () => {
      const cap = BACKGROUND_LIMITS.autoAnnotationsPerPage;
      const paragraphs = Array.from(
        { length: Math.ceil(cap / 5) + 20 },
        (_, i) =>
          `There were ${i + 1}01 tanks, ${i + 1}02 planes, ${i + 1}03 ships, ${i + 1}04 drones and ${i + 1}05 trucks.`,
      );
      const text = paragraphs.join("\n\n");
      const first = await visit(BORDER, text);
      // No more is even detected than the page could store.
      expect(first.detections).toBe(cap);
      expect(first.located).toHaveLength(cap);
      expect(first.located.at(-1)?.exact).toBe(`${cap / 5}05 trucks`);
      expect((await countStored(db)).annotations).toBe(cap);
      // The reader's own annotations are not held back by it.
      const exact = `${cap / 5 + 1}01 tanks`;
      const made = await created(create(exact, text.indexOf(exact), text));
      expect(made).toMatchObject({ ok: true });
      now += 60_000;
      const again = await visit(BORDER, text);
      expect(again.located).toHaveLength(cap + 1);
      expect((await countStored(db)).annotations).toBe(cap + 1);
    }, 60_000);

    it("refuses a page that makes too many annotations in a minute", async () => {
      context = backgroundWith({ ...BACKGROUND_LIMITS, createsPerPage: 1 });
      await visit();
      expect(await created(create(MILITANTS))).toMatchObject({ ok: true });
      expect(await created(create("Astana"))).toEqual({
        ok: false,
        error: "refused: too many new annotations at once",
      });
      expect(await userAnnotations()).toHaveLength(1);
    });
  });

  it("does not let a github.io page take another github.io site's key with a canonical link", async () => {
    const victim = "https://victim.github.io/story";
    await db.pages.put(pageRecord(victim, { title: "Victim's story" }));
    const attacker = "https://attacker.github.io/post";
    const response = await visit(attacker, STORY, { canonicalUrl: victim });
    expect(response.pageKey).toBe(attacker);
    expect(await db.pages.get(victim)).toEqual(pageRecord(victim, { title: "Victim's story" }));
    expect((await readSet(db, victim)).annotations).toEqual([]);
    // A canonical link on the page's own site is taken.
    const own = await visit("https://attacker.github.io/post?page=1", STORY, { canonicalUrl: attacker });
    expect(own.pageKey).toBe(attacker);
  });

  it("stores the page report and the detections with NUL characters and lone surrogates replaced, offsets kept", async () => {
    const text = `${STORY}\n\n“The border is\u0000 tense \uD800now,” Sidorov said.`;
    const response = await visit(BORDER, text, {
      title: "Border\u0000 report \uD800",
      byline: "By A.\u0000 Writer",
      siteName: "News\uDC00",
      excerpt: "The council\u0000 met",
    });
    expect(await db.pages.get(BORDER)).toMatchObject({
      title: "Border\uFFFD report \uFFFD",
      byline: "By A.\uFFFD Writer",
      siteName: "News\uFFFD",
      excerpt: "The council\uFFFD met",
    });
    const stored = await allAnnotations(db);
    expect(stored.map((a) => a.exact).join("")).toContain("The border is\uFFFD tense \uFFFDnow");
    for (const annotation of stored) {
      expect(annotation.exact.isWellFormed() && !annotation.exact.includes("\u0000")).toBe(true);
      expect(JSON.stringify(annotation.selectors)).not.toMatch(/\\u0000|\\ud800/i);
    }
    expect(response.located.every((item) => !item.exact.includes("\u0000"))).toBe(true);
  });
});
