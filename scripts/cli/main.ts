// The CLI has no browser database: the extension's import (convert) runs into an in-memory one.
// Installed before anything loads Dexie, which looks for IndexedDB once, when it loads.
import "fake-indexeddb/auto";
import { detect } from "../../lib/detect/index";
import { renderExport } from "../../lib/transfer/render";
import { type DetectOptions, parseDetectArgs, USAGE } from "./args";
import { type DetectedPage, exportSetOf } from "./export";
import { type DetectionRow, formatJson, formatJsonl, toRow } from "./format";
import { isWebAddress, prepare, readInput } from "./input";

const write = (text: string): void => {
  process.stdout.write(text);
};
const warn = (text: string): void => {
  process.stderr.write(`claimmark: ${text}\n`);
};

/** Runs `claimmark detect`; resolves to the process exit code. */
async function runDetect(options: DetectOptions): Promise<number> {
  const files = options.files.length > 0 ? options.files : ["-"];
  if (files.length === 1 && files[0] === "-" && process.stdin.isTTY) {
    warn("no input: give files, or pipe a page or a text to standard input\n");
    write(`${USAGE}\n`);
    return 2;
  }
  const several = files.length > 1;
  const rows: DetectionRow[] = [];
  const pages: DetectedPage[] = [];
  let failed = false;
  for (const file of files) {
    let content: string;
    try {
      content = await readInput(file);
    } catch (error) {
      warn((error as Error).message);
      failed = true;
      continue;
    }
    const prepared = prepare(file, content, options);
    if (!prepared.ok) {
      warn(`${file}: no article found (${prepared.reason})`);
      continue;
    }
    if (options.printText) {
      write(several ? `==> ${file} <==\n${prepared.input.text}\n\n` : `${prepared.input.text}\n`);
      continue;
    }
    const found = detect(prepared.input);
    if (options.format === "w3c" && !isWebAddress(prepared.url)) {
      // The W3C export is the extension's import format, which keys pages by their web address.
      warn(`${file}: the w3c format needs the page's web address: give --url https://… (no canonical link found)`);
      failed = true;
      continue;
    }
    if (options.format === "w3c" || options.format === "csv" || options.format === "md") {
      pages.push({ url: prepared.url, report: prepared.report, text: prepared.input.text, detections: found });
      continue;
    }
    const detections = found.map((detection) => toRow(detection, several ? file : undefined));
    // JSON Lines streams as it goes: hundreds of files print without being held in memory.
    if (options.format === "jsonl") write(formatJsonl(detections));
    else rows.push(...detections);
  }
  if (!options.printText) {
    if (options.format === "json") write(formatJson(rows));
    // The extension's own export formats, of the detections as it would store them.
    if (options.format === "w3c" || options.format === "csv" || options.format === "md") {
      write(renderExport(options.format, exportSetOf(pages), 2));
    }
  }
  return failed ? 1 : 0;
}

/** The `claimmark` command: dispatches to its subcommands. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  // Loaded only when asked for: it brings an in-memory database along.
  if (command === "convert") return (await import("./convert")).runConvert(rest, write, (text) => warn(text));
  if (command !== "detect") {
    warn(`unknown command ${command}\n`);
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    write(`${USAGE}\n`);
    return 0;
  }
  let options: DetectOptions;
  try {
    options = parseDetectArgs(rest);
  } catch (error) {
    warn(`${(error as Error).message}\n`);
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  return runDetect(options);
}
