// `npm run corpus -- <corpus-dir> [--json FILE] [--timeout SECONDS] [--match TEXT] [--csp]`: every corpus page in
// headless Chromium with the built extension; per page what was detected, anchored and painted, errors
// of ours, whether the DOM was left alone; exit code 1 when a target is missed.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { servePage } from "./bench/browser-paint-time";
import { type CorpusPage, readCorpus } from "./bench/corpus";
import { launchWithExtension } from "./browser/launch";
import { serveDirectory } from "./browser/serve";
import { collectWorkerErrors } from "./corpus/errors";
import { neutralisedNote } from "./corpus/neutralise";
import { keepOffline } from "./corpus/offline";
import { checkTargets, formatRow, formatSummary, rowHeader } from "./corpus/report";
import { type CorpusRow, visitPage } from "./corpus/visit";

const USAGE = "Usage: npm run corpus -- <corpus-dir> [--json FILE] [--timeout SECONDS] [--match TEXT] [--csp]";

interface Options {
  dir: string;
  json: string | null;
  timeoutMs: number;
  match: string | null;
  /** Serve pages under a strict CSP with their inline handlers kept, as sites with a CSP are. */
  csp: boolean;
}

/** Reads the command line; exits with the usage on anything it does not understand. */
function parseArguments(argv: string[]): Options {
  const options: Options = { dir: "", json: null, timeoutMs: 20_000, match: null, csp: false };
  const fail = (message: string): never => {
    console.error(`${message}\n${USAGE}`);
    process.exit(2);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = () => argv[++i] ?? fail(`${arg} needs a value`);
    if (arg === "--json") options.json = resolve(value());
    else if (arg === "--match") options.match = value();
    else if (arg === "--csp") options.csp = true;
    else if (arg === "--timeout") {
      const seconds = Number(value());
      if (!(seconds > 0)) fail("--timeout takes a number of seconds");
      options.timeoutMs = seconds * 1000;
    } else if (arg.startsWith("-")) fail(`Unknown option ${arg}.`);
    else if (options.dir) fail("Give one corpus folder.");
    else options.dir = resolve(arg);
  }
  if (!options.dir) fail("Give the corpus folder (e.g. ../shared/corpus/readability-pages).");
  return options;
}

/** The corpus pages to visit; exits with the reason when the folder is not a corpus. */
function readPages(options: Options): CorpusPage[] {
  try {
    return readCorpus(options.dir).filter((page) => !options.match || page.name.includes(options.match));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
}

const options = parseArguments(process.argv.slice(2));
const pages = readPages(options);
const server = await serveDirectory(options.dir);
const browser = await launchWithExtension({ headless: true });
const rows: CorpusRow[] = [];
try {
  await keepOffline(browser.context, server.origin);
  const workerErrors = collectWorkerErrors(browser.worker);
  console.log(`# Claimmark corpus run: ${pages.length} pages from ${options.dir}, headless Chromium`);
  console.log(`# ${neutralisedNote(options.csp)}; timeout ${options.timeoutMs / 1000} s a page`);
  console.log(
    "# det: detections this visit; ann: annotations to show; painted: ranges in CSS.highlights claimmark-*; " +
      "anch%: anchored/ann; ext.err: errors of ours; page.err: the page's own; dom: unchanged since DOMContentLoaded",
  );
  console.log(`\n${rowHeader()}`);
  for (const page of pages) {
    const url = servePage(server, page, { csp: options.csp });
    const row = await visitPage(browser, page.name, url, options.timeoutMs);
    // The background's errors are charged to the page being visited when they appeared.
    row.extensionErrors.push(...workerErrors.take());
    rows.push(row);
    console.log(formatRow(row));
  }
} finally {
  await browser.close();
  await server.close();
}

const erring = rows.filter((row) => row.extensionErrors.length > 0);
if (erring.length > 0) {
  console.log("\nerrors of ours:");
  for (const row of erring) for (const error of row.extensionErrors.slice(0, 5)) console.log(`  ${row.name}: ${error}`);
}
const targets = checkTargets(rows);
console.log("");
for (const line of formatSummary(rows, targets)) console.log(line);
if (options.json) {
  writeFileSync(options.json, `${JSON.stringify(rows, null, 2)}\n`);
  console.log(`\nper-page rows written to ${options.json}`);
}
process.exitCode = targets.every((target) => target.met) ? 0 : 1;
