import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** A page of the Readability test corpus. */
export interface CorpusPage {
  name: string;
  html: string;
}

/** Reads every `<dir>/source.html` under a corpus folder, sorted by name. */
export function readCorpus(dir: string): CorpusPage[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(`No corpus folder at ${dir}: pass the path to shared/corpus/readability-pages.`);
  }
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, "source.html")))
    .sort()
    .map((name) => ({ name, html: readFileSync(join(dir, name, "source.html"), "utf8") }));
}
