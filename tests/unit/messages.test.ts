import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../lib/extract/hash";
import {
  checkArticle,
  checkBackgroundMessage,
  checkContentMessage,
  checkPageReport,
  checkPageSender,
} from "../../lib/messages";
import type { PageReport } from "../../lib/model";
import { MILITANTS } from "./samples";

const report: PageReport = {
  canonicalUrl: "https://example.com/a",
  readerable: true,
  hasArticle: true,
  noArticleReason: null,
  title: "A title",
  byline: "A. Writer",
  siteName: "Example",
  publishedTime: "2024-11-25",
  lang: "en",
  excerpt: "First paragraph.",
  textLength: 1200,
  textHash: "a".repeat(64),
};

const figure = MILITANTS;

describe("checkPageReport", () => {
  it("accepts a well-formed report as it is", () => {
    expect(checkPageReport(report)).toEqual({ ok: true, value: report });
  });

  it.each<[string, unknown, RegExp]>([
    ["not an object", "hello", /must be an object/],
    ["an unknown field", { ...report, evil: 1 }, /unknown field: evil/],
    ["a title that is not a string", { ...report, title: 42 }, /title must be a string/],
    ["a huge excerpt", { ...report, excerpt: "x".repeat(10_000) }, /excerpt is longer than/],
    ["a negative length", { ...report, textLength: -1 }, /textLength/],
    ["a fractional length", { ...report, textLength: 1.5 }, /textLength/],
    ["an article without a hash", { ...report, textHash: null }, /textHash/],
    ["a hash that is not hex", { ...report, textHash: "<script>".padEnd(64, "x") }, /textHash/],
    ["no article and no reason", { ...report, hasArticle: false, noArticleReason: null }, /noArticleReason/],
    ["an invented reason", { ...report, hasArticle: false, noArticleReason: "because" }, /noArticleReason/],
  ])("refuses %s", (_, raw, error) => {
    const result = checkPageReport(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});

const TEXT = "First paragraph of the story.\n\nSecond paragraph of it.";
const withText: PageReport = { ...report, textLength: TEXT.length, textHash: sha256Hex(TEXT) };
const article = {
  text: TEXT,
  blocks: [
    { start: 0, end: 29 },
    { start: 31, end: TEXT.length },
  ],
};
const none: PageReport = { ...report, hasArticle: false, noArticleReason: "empty", textLength: 0, textHash: null };

describe("checkBackgroundMessage", () => {
  it("accepts page/extracted with its article", () => {
    const message = { type: "page/extracted", url: "https://example.com/a", report: withText, article };
    expect(checkBackgroundMessage(message)).toEqual({ ok: true, value: message });
  });

  it("accepts page/extracted without an article", () => {
    const message = { type: "page/extracted", url: "https://example.com/a", report: none, article: null };
    expect(checkBackgroundMessage(message)).toEqual({ ok: true, value: message });
  });

  it.each([
    null,
    [],
    { type: "db/clear" },
    { type: "page/extracted", url: "https://example.com/a", report: withText, article, extra: true },
    { type: "page/extracted", url: "https://example.com/a", report: withText, article, detections: [figure] },
    { type: "page/extracted" },
    { type: "page/extracted", report: withText, article },
    { type: "page/extracted", url: 5, report: withText, article },
    { report },
  ])("refuses %j", (raw) => {
    expect(checkBackgroundMessage(raw).ok).toBe(false);
  });
});

describe("card messages", () => {
  const page = { url: "https://example.com/a", canonicalUrl: null };

  it("asks for a card or only its preview, and says which", () => {
    const preview = { type: "card/open", page, id: "auto-1", focus: false, preview: true };
    expect(checkBackgroundMessage(preview)).toEqual({ ok: true, value: preview });
    expect(checkBackgroundMessage({ ...preview, preview: "yes" }).ok).toBe(false);
    const { preview: _, ...unsaid } = preview;
    expect(checkBackgroundMessage(unsaid).ok).toBe(false);
  });

  it("takes a preview's expand, enter and leave for an annotation id, and nothing else", () => {
    for (const action of ["expand", "enter", "leave"]) {
      const notice = { type: "card/preview", id: "auto-1", action };
      expect(checkContentMessage(notice)).toEqual({ ok: true, value: notice });
    }
    expect(checkContentMessage({ type: "card/preview", id: "auto-1", action: "open-everything" }).ok).toBe(false);
    expect(checkContentMessage({ type: "card/preview", id: "../x", action: "expand" }).ok).toBe(false);
  });
});

describe("checkArticle", () => {
  it.each<[string, unknown, PageReport, RegExp]>([
    ["an article on a page reported without one", article, none, /must be null/],
    ["no article on a page reported with one", null, withText, /must be an object/],
    ["text that is not a string", { ...article, text: 42 }, withText, /text must be a string/],
    ["text of another length", { ...article, text: `${TEXT}!` }, withText, /reported length/],
    ["text with another hash", { ...article, text: TEXT.replace("First", "Fir5t") }, withText, /reported hash/],
    ["a huge text", { ...article, text: "x".repeat(5_000_001) }, withText, /longer than/],
    ["blocks that are not an array", { ...article, blocks: {} }, withText, /blocks must be an array/],
    ["a block past the text", { ...article, blocks: [{ start: 0, end: 500 }] }, withText, /must lie in the text/],
    ["blocks out of order", { ...article, blocks: [...article.blocks].reverse() }, withText, /must lie in the text/],
    ["a block with fractional offsets", { ...article, blocks: [{ start: 0.5, end: 3 }] }, withText, /integer/],
    [
      "a block with extra fields",
      { ...article, blocks: [{ start: 0, end: 3, x: 1 }] },
      withText,
      /\{start, end, role\?\}/,
    ],
    [
      "a block with an unknown role",
      { ...article, blocks: [{ start: 0, end: 3, role: "toString" }] },
      withText,
      /role/,
    ],
    ["an article with extra fields", { ...article, html: "<p>" }, withText, /text and blocks/],
  ])("refuses %s", (_, raw, forReport, error) => {
    const result = checkArticle(raw, forReport);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});

it("accepts blocks with the roles extraction gives them", () => {
  const withRoles = {
    ...article,
    blocks: [
      { start: 0, end: 29, role: "heading" },
      { start: 31, end: TEXT.length },
    ],
  };
  expect(checkArticle(withRoles, withText)).toEqual({ ok: true, value: withRoles });
});

describe("checkPageSender", () => {
  const ok = { id: "me", url: "https://example.com/a", frameId: 0, tab: { id: 3 } };

  it("returns the tab and the URL the browser gives", () => {
    expect(checkPageSender(ok, "me")).toEqual({ ok: true, value: { tabId: 3, url: "https://example.com/a" } });
  });

  it.each([
    ["another extension", { ...ok, id: "other" }, /not from this extension/],
    ["no tab", { ...ok, tab: undefined }, /not from a tab/],
    ["a subframe", { ...ok, frameId: 2 }, /top frame/],
    ["an extension page", { ...ok, url: "chrome-extension://me/popup.html" }, /not from a web page/],
  ])("refuses %s", (_, sender, error) => {
    const result = checkPageSender(sender, "me");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});
