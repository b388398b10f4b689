import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../lib/extract/hash";

const reference = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

describe("sha256Hex", () => {
  it.each([
    "",
    "abc",
    "a".repeat(55), // padding fits in one block
    "a".repeat(56), // padding spills into a second block
    "a".repeat(64),
    "“Wilayah Khorasan” — 6 500 militants, naïve café 日本語 😀",
    "x".repeat(100_000),
  ])("matches Node's SHA-256 for %#", (text) => {
    expect(sha256Hex(text)).toBe(reference(text));
  });

  it("tells texts apart that differ by one character", () => {
    expect(sha256Hex("about 6,500 militants")).not.toBe(sha256Hex("about 6,600 militants"));
  });
});
