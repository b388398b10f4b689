import { describe, expect, it } from "vitest";
import { checkBackgroundMessage, checkPageReport, checkPageSender } from "../../lib/messages";
import type { PageReport } from "../../lib/model";

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

describe("checkBackgroundMessage", () => {
  it("accepts page/extracted", () => {
    expect(checkBackgroundMessage({ type: "page/extracted", report }).ok).toBe(true);
  });

  it.each([null, [], { type: "db/clear" }, { type: "page/extracted", report, extra: true }, { report }])(
    "refuses %j",
    (raw) => {
      expect(checkBackgroundMessage(raw).ok).toBe(false);
    },
  );
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
