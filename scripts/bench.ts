// `npm run bench -- [corpus-dir] [--rounds N] [--only PART,…]`: Claimmark's speed, as ratios to baselines measured in the same run.
// The Node transfer bench stores into fake-indexeddb: installed before anything loads Dexie, which
// looks for IndexedDB once, when it loads.
import "fake-indexeddb/auto";
import { resolve } from "node:path";
import { benchBrowser } from "./bench/browser";
import { benchCrossTab } from "./bench/browser-cross-tab";
import { benchPopup } from "./bench/browser-popup";
import { benchBrowserTransfer } from "./bench/browser-transfer";
import { readCorpus } from "./bench/corpus";
import { benchDetection } from "./bench/detection";
import { benchDetectionScaling } from "./bench/detection-scaling";
import { benchExtraction } from "./bench/extraction";
import { benchTransfer } from "./bench/transfer";

const argv = process.argv.slice(2);
let corpusDir = resolve(import.meta.dirname, "../../shared/corpus/readability-pages");
let rounds = 5;
/** The parts to run (`--only popup,transfer`); every part when not given. */
const PARTS = ["extraction", "browser", "popup", "cross-tab", "transfer"] as const;
let only: Set<string> | null = null;
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i] as string;
  if (arg === "--rounds") {
    rounds = Number(argv[++i]);
    if (!Number.isInteger(rounds) || rounds < 1) {
      console.error("--rounds takes a whole number of at least 1");
      process.exit(2);
    }
  } else if (arg === "--only") {
    only = new Set((argv[++i] ?? "").split(","));
    const unknown = [...only].filter((part) => !(PARTS as readonly string[]).includes(part));
    if (unknown.length > 0 || only.size === 0) {
      console.error(`--only takes parts among ${PARTS.join(", ")}, comma-separated`);
      process.exit(2);
    }
  } else if (arg.startsWith("-")) {
    console.error(`Unknown option ${arg}. Usage: npm run bench -- [corpus-dir] [--rounds N] [--only PART,…]`);
    process.exit(2);
  } else {
    corpusDir = resolve(arg);
  }
}

const pages = readCorpus(corpusDir);
console.log(`# Claimmark bench: ${pages.length} pages from ${corpusDir}, Node ${process.version}`);
const runs = (part: (typeof PARTS)[number]) => only === null || only.has(part);
if (runs("extraction")) {
  const readability = benchExtraction(pages, rounds);
  benchDetection(pages, rounds, readability);
  benchDetectionScaling();
}
if (runs("browser")) for (const line of await benchBrowser(corpusDir, { rounds })) console.log(line);
if (runs("popup")) for (const line of await benchPopup(rounds)) console.log(line);
if (runs("cross-tab")) for (const line of await benchCrossTab(rounds)) console.log(line);
if (runs("transfer")) {
  for (const line of await benchTransfer()) console.log(line);
  for (const line of await benchBrowserTransfer()) console.log(line);
}
