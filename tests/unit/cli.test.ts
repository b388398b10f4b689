import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { parseDetectArgs } from "../../scripts/cli/args";
import { type DetectionRow, formatCsv, formatMarkdown } from "../../scripts/cli/format";

const ROOT = resolve(import.meta.dirname, "../..");
const ARTICLE = "tests/fixtures/csto-tajik-afghan-border.html";
const KEYS = ["kind", "exact", "start", "end", "speaker", "cue", "figureKind", "value", "unit", "qualifier"];

function claimmark(args: string[], input?: string) {
  const run = spawnSync(process.execPath, ["scripts/cli/bin.mjs", ...args], { cwd: ROOT, input, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const lines = (stdout: string) =>
  stdout
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as DetectionRow);

describe("parseDetectArgs", () => {
  it("reads files and options", () => {
    expect(parseDetectArgs(["a.html", "-", "--lang", "fr", "--format=csv", "--url", "https://x.test/a"])).toEqual({
      files: ["a.html", "-"],
      mode: "auto",
      url: "https://x.test/a",
      lang: "fr",
      format: "csv",
      printText: false,
    });
  });

  it.each([
    [["--frobnicate"], /unknown option --frobnicate/],
    [["--format", "xml"], /--format must be one of/],
    [["--text", "--html"], /not both/],
    [["--lang", "<script>"], /not a language tag/],
    [["--url", "nope"], /not a URL/],
    [["--lang"], /needs a value/],
  ])("refuses %j", (args, error) => {
    expect(() => parseDetectArgs(args)).toThrow(error);
  });
});

describe("formatCsv", () => {
  const row: DetectionRow = {
    kind: "quote",
    exact: '=HYPERLINK("http://evil.test","click"), said "he"\nand left',
    start: 0,
    end: 10,
    speaker: "@someone",
    cue: "said",
    figureKind: null,
    value: null,
    unit: null,
    qualifier: null,
  };

  it("quotes per RFC 4180 and disarms cells a spreadsheet would run as formulas", () => {
    const csv = formatCsv([row], false);
    const parsed = Papa.parse<string[]>(csv.trimEnd(), { header: false }).data;
    expect(parsed[0]).toEqual(KEYS);
    expect(parsed[1]?.[1]).toBe(`'${row.exact}`);
    expect(parsed[1]?.[4]).toBe("'@someone");
  });

  it("puts tables in Markdown with pipes escaped", () => {
    expect(formatMarkdown([{ ...row, exact: "a | b" }], ["x"])).toContain("| quote | a \\| b |");
  });
});

describe("claimmark detect", () => {
  it("prints the example article's detections as JSON Lines with exactly the documented keys", () => {
    const { status, stdout } = claimmark(["detect", ARTICLE]);
    expect(status).toBe(0);
    const rows = lines(stdout);
    for (const row of rows) expect(Object.keys(row)).toEqual(KEYS);
    expect(rows.filter((row) => row.kind === "quote").map((row) => row.speaker)).toEqual([
      expect.stringContaining("Tasmagambetov"),
      expect.stringContaining("Sidorov"),
    ]);
    expect(rows.find((row) => row.exact === "about 6,500 militants")).toMatchObject({
      kind: "figure",
      value: 6500,
      unit: "militants",
      qualifier: "approximately",
      speaker: expect.stringContaining("Sidorov"),
    });
    expect(rows.some((row) => row.kind === "quote" && row.exact === "Wilayah Khorasan")).toBe(false);
  });

  it("gives offsets into the article text printed by --print-text", () => {
    const text = claimmark(["detect", ARTICLE, "--print-text"]).stdout.replace(/\n$/, "");
    for (const row of lines(claimmark(["detect", ARTICLE]).stdout)) {
      expect(text.slice(row.start, row.end)).toBe(row.exact);
    }
  });

  it("reads a text from standard input with --text, offsets into the input itself", () => {
    const input = "Intro line.\r\n\r\nThe minister said prices rose by about 12% in 2023.";
    const rows = lines(claimmark(["detect", "--text", "-"], input).stdout);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(input.slice(row.start, row.end)).toBe(row.exact);
  });

  it("labels lines with their file when given several, and keeps going past an unreadable one", () => {
    const { status, stdout, stderr } = claimmark(["detect", ARTICLE, "missing.html", "tests/fixtures/no-article.html"]);
    expect(status).toBe(1);
    expect(stderr).toContain("cannot read missing.html: no such file");
    expect(stderr).toContain("no-article.html: no article found (not-readerable)");
    const rows = lines(stdout);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.file === ARTICLE)).toBe(true);
  });

  it("prints nothing for a page with no article, and says so on stderr", () => {
    const { status, stdout, stderr } = claimmark(["detect", "tests/fixtures/no-article.html"]);
    expect(status).toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/no article found/);
  });

  it("exits 2 with the usage on an unknown option or command", () => {
    expect(claimmark(["detect", "--bogus"])).toMatchObject({ status: 2, stderr: expect.stringContaining("Usage:") });
    expect(claimmark(["translate"])).toMatchObject({ status: 2, stderr: expect.stringContaining("unknown command") });
  });

  it("prints csv and md too", () => {
    const csv = claimmark(["detect", ARTICLE, "--format", "csv"]).stdout;
    expect(csv.split("\r\n")[0]).toBe(KEYS.join(","));
    expect(claimmark(["detect", ARTICLE, "--format", "md"]).stdout).toContain("| quote |");
  });
});
