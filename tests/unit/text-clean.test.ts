import { describe, expect, it } from "vitest";
import { cleanNullable, cleanText } from "../../lib/text/clean";

describe("cleanText", () => {
  it("leaves clean text as it is, surrogate pairs included", () => {
    for (const text of ["", "Plain text", "Emoji 😀 and 𝔘nicode", "Tab\tand\nnewline"])
      expect(cleanText(text)).toBe(text);
  });

  it("replaces NUL characters, keeping the text's length", () => {
    expect(cleanText("a\u0000b\u0000\u0000c")).toBe("a\uFFFDb\uFFFD\uFFFDc");
    expect(cleanText("\u0000")).toBe("\uFFFD");
  });

  it.each([
    ["a lone high surrogate", "x\uD800y", "x\uFFFDy"],
    ["a lone low surrogate", "x\uDC00y", "x\uFFFDy"],
    ["a high surrogate at the end", "x\uD83D", "x\uFFFD"],
    ["two low surrogates", "\uDE00\uDE00", "\uFFFD\uFFFD"],
    ["a reversed pair", "\uDE00\uD83D", "\uFFFD\uFFFD"],
  ])("replaces %s with U+FFFD", (_, text, clean) => {
    expect(cleanText(text)).toBe(clean);
  });

  it("never joins two lone halves a NUL kept apart into a character", () => {
    expect(cleanText("\uD83D\u0000\uDE00")).toBe("\uFFFD\uFFFD\uFFFD");
  });

  it("keeps every string's length, so offsets into an article stay true", () => {
    for (const text of ["a\u0000b", "\uD800", "x\uDC00\u0000\uD83D\uDE00"])
      expect(cleanText(text)).toHaveLength(text.length);
  });

  it("gives text every encoder takes", () => {
    const dirty = "quote\u0000 \uD800 end \uDFFF";
    expect(() => encodeURIComponent(dirty)).toThrow();
    const clean = cleanText(dirty);
    expect(clean.isWellFormed()).toBe(true);
    expect(clean.includes("\u0000")).toBe(false);
    expect(decodeURIComponent(encodeURIComponent(clean))).toBe(clean);
    expect(new TextDecoder().decode(new TextEncoder().encode(clean))).toBe(clean);
  });
});

describe("cleanNullable", () => {
  it("keeps null and cleans text", () => {
    expect(cleanNullable(null)).toBeNull();
    expect(cleanNullable("a\u0000\uD800")).toBe("a\uFFFD\uFFFD");
  });
});
