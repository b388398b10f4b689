import { describe, expect, it } from "vitest";
import { cleanByline } from "../../lib/extract/byline";

describe("cleanByline", () => {
  it.each<[string | null, string | null, string | null]>([
    ["CentralasianLIGHT.orgNovember 25, 2024", "CentralasianLIGHT.org", null],
    ["By Jane Doe", null, "Jane Doe"],
    ["By Jane Doe, Nov. 3, 2023", "The Paper", "Jane Doe"],
    ["Jane Doe | 3 March 2021", null, "Jane Doe"],
    ["Jane Doe — 2021-03-03", null, "Jane Doe"],
    ["Jane Doe and John Roe", "The Paper", "Jane Doe and John Roe"],
    ["Byron Bay Bureau", null, "Byron Bay Bureau"],
    [null, "The Paper", null],
  ])("%j (site %j) → %j", (byline, site, expected) => {
    expect(cleanByline(byline, site)).toBe(expected);
  });
});
