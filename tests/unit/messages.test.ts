import { describe, expect, it } from "vitest";
import {
  checkAnchorReports,
  checkBackgroundMessage,
  checkDetections,
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

describe("checkBackgroundMessage", () => {
  it("accepts page/extracted", () => {
    expect(checkBackgroundMessage({ type: "page/extracted", url: "https://example.com/a", report })).toEqual({
      ok: true,
      value: { type: "page/extracted", url: "https://example.com/a", report },
    });
  });

  it("accepts page/detections", () => {
    const message = {
      type: "page/detections",
      url: "https://example.com/a",
      canonicalUrl: null,
      detections: [figure],
      anchors: [{ id: "auto-1f", state: "fuzzy", current: "about 6,600 militants" }],
    };
    expect(checkBackgroundMessage(message)).toEqual({ ok: true, value: message });
  });

  it.each([
    null,
    [],
    { type: "db/clear" },
    { type: "page/extracted", report, extra: true },
    { type: "page/extracted", report, detections: [figure] },
    { type: "page/extracted" },
    { type: "page/extracted", report },
    { type: "page/extracted", url: 5, report },
    { report },
    { type: "page/detections", canonicalUrl: null, detections: [] },
    { type: "page/detections", canonicalUrl: 5, detections: [], anchors: [] },
    { type: "page/detections", canonicalUrl: null, detections: [{ ...figure, kind: "term" }], anchors: [] },
    { type: "page/detections", canonicalUrl: null, detections: [], anchors: [], pageKey: "https://evil.example/" },
  ])("refuses %j", (raw) => {
    expect(checkBackgroundMessage(raw).ok).toBe(false);
  });
});

describe("checkAnchorReports", () => {
  it.each<[string, unknown, RegExp]>([
    ["a non-array", {}, /must be an array/],
    ["an id with markup", [{ id: "<img>", state: "exact", current: null }], /bad id/],
    ["an unknown state", [{ id: "a", state: "lost", current: null }], /state must be/],
    ["current text on an exact match", [{ id: "a", state: "exact", current: "x" }], /fuzzy matches only/],
    ["a fuzzy match without its text", [{ id: "a", state: "fuzzy", current: null }], /fuzzy matches only/],
    ["an extra field", [{ id: "a", state: "orphan", current: null, html: "" }], /must be an object/],
    ["huge current text", [{ id: "a", state: "fuzzy", current: "x".repeat(30_000) }], /longer than/],
  ])("refuses %s", (_, raw, error) => {
    const result = checkAnchorReports(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});

describe("checkDetections", () => {
  it("accepts detections that lie within the article", () => {
    expect(checkDetections([figure], 1200)).toEqual({ ok: true, value: [figure] });
  });

  it.each<[string, unknown, RegExp]>([
    ["a non-array", { 0: figure }, /must be an array/],
    ["a term", [{ ...figure, kind: "term" }], /kind must be/],
    ["offsets past the text", [{ ...figure, start: 1190, end: 1211 }], /within the article text/],
    ["an exact that does not span its offsets", [{ ...figure, end: 125 }], /exact must span/],
    ["an unknown field", [{ ...figure, html: "<img onerror=x>" }], /unknown field html/],
    ["an infinite value", [{ ...figure, value: Number.POSITIVE_INFINITY }], /value must be/],
    ["a confidence above 1", [{ ...figure, confidence: 2 }], /confidence/],
    ["a huge speaker", [{ ...figure, speaker: "x".repeat(5000) }], /speaker is longer/],
    ["too many detections", Array.from({ length: 20_001 }, () => figure), /more than 20000/],
  ])("refuses %s", (_, raw, error) => {
    const result = checkDetections(raw, 1200);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
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
