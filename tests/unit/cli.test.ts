import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS } from "../../lib/transfer/csv";
import { parseDetectArgs } from "../../scripts/cli/args";
import type { DetectionRow } from "../../scripts/cli/format";

const ROOT = resolve(import.meta.dirname, "../..");
const ARTICLE = "tests/fixtures/csto-tajik-afghan-border.html";
const KEYS = ["kind", "exact", "start", "end", "speaker", "cue", "figureKind", "value", "unit", "qualifier"];

function claimmark(args: string[], input?: string | Buffer) {
  const run = spawnSync(process.execPath, ["scripts/cli/bin.mjs", ...args], { cwd: ROOT, input, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** An empty file in a fresh temporary folder. */
function emptyFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), "claimmark-cli-")), "empty.txt");
  writeFileSync(file, "");
  return file;
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

// Each test starts the command (Node and tsx) once or more: seconds on a busy machine.
describe("claimmark detect", { timeout: 30_000 }, () => {
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

  it.each([
    ["an empty file", () => ["detect", emptyFile()], undefined, /empty\.txt: no input/],
    ["empty standard input", () => ["detect", "-"], "", /standard input: no input/],
    ["a binary file", () => ["detect", process.execPath], undefined, /not text \(it holds NUL bytes/],
    // Latin-1 bytes throughout: a text in another encoding, read as UTF-8, is mostly replacement characters.
    [
      "bytes that are not UTF-8",
      () => ["detect", "--text", "-"],
      Buffer.from("caf\xe9 ".repeat(50), "latin1"),
      /not UTF-8/,
    ],
  ])("refuses %s with a message and exit 1, printing nothing", (_, args, input, error) => {
    const run = claimmark(args(), input);
    expect(run.stderr).toMatch(error);
    expect(run.stdout).toBe("");
    expect(run.status).toBe(1);
  });

  it("stops quietly when the reader closes the pipe", () => {
    const run = spawnSync(
      "sh",
      ["-c", `node scripts/cli/bin.mjs detect ${ARTICLE} ${ARTICLE} ${ARTICLE} | head -c 10`],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    expect(run.stdout).toHaveLength(10);
    expect(run.stderr).toBe("");
  });

  it("exits 2 with the usage on an unknown option or command", () => {
    expect(claimmark(["detect", "--bogus"])).toMatchObject({ status: 2, stderr: expect.stringContaining("Usage:") });
    expect(claimmark(["translate"])).toMatchObject({ status: 2, stderr: expect.stringContaining("unknown command") });
  });

  it("prints the extension's export formats: W3C JSON-LD, CSV and Markdown", () => {
    const lines = claimmark(["detect", ARTICLE])
      .stdout.trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    const stored = lines.filter((line) => line.kind !== "term");

    const w3c = JSON.parse(claimmark(["detect", ARTICLE, "--format", "w3c", "--url", "https://example.com/a"]).stdout);
    expect(w3c.type).toBe("AnnotationCollection");
    expect(w3c.first.items).toHaveLength(stored.length);
    expect(w3c.first.items[0].target.source).toBe("https://example.com/a");

    const csv = claimmark(["detect", ARTICLE, "--format", "csv"]).stdout;
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1).trimEnd(), { header: false }).data;
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(stored.length + 1);
    expect(rows.some((row) => row[3] === "about 6,500 militants")).toBe(true);

    const md = claimmark(["detect", ARTICLE, "--format", "md"]).stdout;
    expect(md).toContain("CSTO Secretary General announces adoption");
    expect(md).toMatch(/about 6,500 militants/);
  });
});

describe("claimmark convert", { timeout: 30_000 }, () => {
  it("reads a W3C JSON-LD export with the extension's import and writes it again, the same", () => {
    const exported = claimmark(["detect", ARTICLE, "--format", "w3c", "--url", "https://example.com/a"]).stdout;
    const again = claimmark(["convert", "-", "--format", "w3c"], exported);
    expect(again.status).toBe(0);
    const before = JSON.parse(exported);
    const after = JSON.parse(again.stdout);
    // Only the export's own date may differ.
    expect({ ...after, generated: null }).toEqual({ ...before, generated: null });
    const markdown = claimmark(["convert", "-", "--format", "md"], exported);
    expect(markdown.stdout).toContain("— Imangali Tasmagambetov");
  });

  it("converts its own export of a saved page, keyed by the page's canonical address", () => {
    const exported = claimmark(["detect", ARTICLE, "--format", "w3c"]);
    expect(exported.status).toBe(0);
    const converted = claimmark(["convert", "-", "--format", "md"], exported.stdout);
    expect(converted.status).toBe(0);
    expect(converted.stdout).toContain("<https://centralasianlight.org/news/csto-secretary-general-announces");
    expect(converted.stdout).toContain("about 6,500 militants");
  });

  it("says a local page without a web address needs --url for the w3c format", () => {
    const html = `<html><body><article><p>${"The mayor said that 12 bridges will be closed this week. ".repeat(30)}</p></article></body></html>`;
    const file = join(mkdtempSync(join(tmpdir(), "claimmark-cli-")), "saved.html");
    writeFileSync(file, html);
    const run = claimmark(["detect", "--format", "w3c", file]);
    expect(run.stderr).toMatch(/needs the page's web address: give --url/);
    expect(run.status).toBe(1);
    // With its address, the same page exports.
    expect(claimmark(["detect", "--format", "w3c", "--url", "https://example.com/a", file]).status).toBe(0);
  });

  it("refuses a malformed file with what is wrong, and exits 1", () => {
    const broken = claimmark(
      ["convert", "-"],
      '{"type":"AnnotationCollection","first":{"items":[{"type":"Annotation"}]}}',
    );
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/-: .*items\[0\]/);
    expect(broken.stdout).toBe("");
    expect(claimmark(["convert", "-"], "not json at all")).toMatchObject({ status: 1, stdout: "" });
    expect(claimmark(["convert", "-", "--format", "xml"], "{}")).toMatchObject({ status: 2 });
  });
});
