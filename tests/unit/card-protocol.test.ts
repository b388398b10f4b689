import { describe, expect, it } from "vitest";
import { checkCardFrameMessage, checkCardRequest } from "../../lib/card/protocol";
import { sourceRecord } from "./samples";

const TOKEN = "0b9c6a8e-2f4d-4c1e-9a7b-5d3e8f1a2b4c";
const SOURCE = { url: "https://csto.org/news", title: "CSTO", publisher: "", accessedAt: null, note: "", quote: "" };
const STORED = sourceRecord({ id: "source-1", annotationId: "user-1", accessedAt: "2024-02-29" });

const request = (inner: unknown) => ({ type: "request", seq: 1, request: inner });

describe("checkCardFrameMessage", () => {
  it("accepts a hello with a token and a request with a sequence number", () => {
    expect(checkCardFrameMessage({ type: "hello", token: TOKEN })).toEqual({
      ok: true,
      value: { type: "hello", token: TOKEN },
    });
    expect(checkCardFrameMessage(request({ type: "details" }))).toEqual({
      ok: true,
      value: { type: "request", seq: 1, request: { type: "details" } },
    });
  });

  it("accepts a card's notices for its page, to pass on", () => {
    for (const notice of [
      { type: "annotation/changed", id: "auto-1" },
      { type: "card/close", returnFocus: true },
      { type: "card/walk", step: -1 },
      { type: "card/preview", id: "auto-1", action: "expand" },
    ])
      expect(checkCardFrameMessage({ type: "tell", notice })).toEqual({ ok: true, value: { type: "tell", notice } });
  });

  it.each([
    ["not an object", TOKEN],
    ["null", null],
    ["an unknown type", { type: "show", token: TOKEN }],
    ["a hello with an extra key", { type: "hello", token: TOKEN, tabId: 7 }],
    ["a hello without a token", { type: "hello" }],
    ["a token that is not text", { type: "hello", token: 12 }],
    ["a token too short", { type: "hello", token: TOKEN.slice(1) }],
    ["a token too long", { type: "hello", token: `${TOKEN}0` }],
    ["a token in capitals", { type: "hello", token: TOKEN.toUpperCase() }],
    ["a token with other characters", { type: "hello", token: `${TOKEN.slice(0, 35)}"` }],
    ["a request with an extra key", { ...request({ type: "details" }), id: "user-1" }],
    ["a request without a sequence number", { type: "request", request: { type: "details" }, x: 1 }],
    ["a fractional sequence number", { type: "request", seq: 1.5, request: { type: "details" } }],
    ["a sequence number as text", { type: "request", seq: "1", request: { type: "details" } }],
    ["a request for an unknown change", request({ type: "annotation/delete-all" })],
    ["a notice a card does not send", { type: "tell", notice: { type: "selection/annotate", kind: "claim" } }],
    ["a request for the page's state", { type: "tell", notice: { type: "page/state" } }],
    ["a reveal", { type: "tell", notice: { type: "annotation/reveal", id: "auto-1" } }],
    ["a malformed notice", { type: "tell", notice: { type: "card/walk", step: 2 } }],
    ["a tell with an extra key", { type: "tell", notice: { type: "card/walk", step: 1 }, tabId: 7 }],
  ])("refuses %s", (_, raw) => {
    expect(checkCardFrameMessage(raw).ok).toBe(false);
  });
});

describe("checkCardRequest", () => {
  it("accepts each request in its own shape, cleaned", () => {
    expect(checkCardRequest({ type: "annotation/update", patch: { tags: ["#border", "border"] } })).toEqual({
      ok: true,
      value: { type: "annotation/update", patch: { tags: ["border"] } },
    });
    expect(checkCardRequest({ type: "source/add", source: { url: " https://csto.org/news ", title: "CSTO" } })).toEqual(
      {
        ok: true,
        value: { type: "source/add", source: SOURCE },
      },
    );
    expect(checkCardRequest({ type: "source/update", id: "source-1", patch: { accessedAt: "2024-02-29" } })).toEqual({
      ok: true,
      value: { type: "source/update", id: "source-1", patch: { accessedAt: "2024-02-29" } },
    });
    expect(checkCardRequest({ type: "source/remove", id: "source-1" })).toEqual({
      ok: true,
      value: { type: "source/remove", id: "source-1" },
    });
    expect(checkCardRequest({ type: "source/restore", source: STORED })).toEqual({
      ok: true,
      value: { type: "source/restore", source: STORED },
    });
  });

  it.each([
    ["details with an id", { type: "details", id: "user-1" }],
    ["an update naming an annotation", { type: "annotation/update", id: "user-1", patch: {} }],
    ["an update without a patch", { type: "annotation/update" }],
    ["an update of an unknown field", { type: "annotation/update", patch: { pageKey: "https://x.example/" } }],
    ["an invented status", { type: "annotation/update", patch: { status: "maybe" } }],
    ["a source naming its annotation", { type: "source/add", annotationId: "user-1", source: SOURCE }],
    ["a source with a script address", { type: "source/add", source: { ...SOURCE, url: "javascript:alert(1)" } }],
    ["a source with an unknown field", { type: "source/add", source: { ...SOURCE, html: "<b>" } }],
    ["a source accessed on 9999-99-99", { type: "source/add", source: { ...SOURCE, accessedAt: "9999-99-99" } }],
    ["a source accessed on 2023-02-30", { type: "source/add", source: { ...SOURCE, accessedAt: "2023-02-30" } }],
    ["a date changed to 2023-02-30", { type: "source/update", id: "source-1", patch: { accessedAt: "2023-02-30" } }],
    ["a date changed to 9999-99-99", { type: "source/update", id: "source-1", patch: { accessedAt: "9999-99-99" } }],
    ["a restored source of 2023-02-30", { type: "source/restore", source: { ...STORED, accessedAt: "2023-02-30" } }],
    ["a restored source of 9999-99-99", { type: "source/restore", source: { ...STORED, accessedAt: "9999-99-99" } }],
    ["an update of a source with a markup id", { type: "source/update", id: "<img>", patch: {} }],
    ["a removal of an empty id", { type: "source/remove", id: "" }],
    ["a removal of an id with spaces", { type: "source/remove", id: "source 1" }],
    ["a removal of a very long id", { type: "source/remove", id: "s".repeat(101) }],
    ["a removal of an id that is not text", { type: "source/remove", id: 1 }],
    ["a removal with an extra key", { type: "source/remove", id: "source-1", annotationId: "user-1" }],
    ["a restored source with a markup id", { type: "source/restore", source: { ...STORED, id: "<img>" } }],
    [
      "a restored source of a markup annotation",
      { type: "source/restore", source: { ...STORED, annotationId: "a b" } },
    ],
    ["a restored source without dates", { type: "source/restore", source: { ...STORED, createdAt: undefined } }],
    ["a restored source with a fractional date", { type: "source/restore", source: { ...STORED, updatedAt: 1.5 } }],
    ["a restored source with an unknown field", { type: "source/restore", source: { ...STORED, pageKey: "k" } }],
    ["an unknown type", { type: "source/delete-all" }],
    ["a type inherited from Object", { type: "constructor" }],
    ["no type", {}],
  ])("refuses %s", (_, raw) => {
    expect(checkCardRequest(raw).ok).toBe(false);
    expect(checkCardFrameMessage(request(raw)).ok).toBe(false);
  });
});
