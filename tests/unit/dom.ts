import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseHTML } from "linkedom";

/** Parses HTML into a standalone Document (linkedom), as the CLI and benchmarks do. */
export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** A fixture page of the project, as text. */
export function fixture(name: string): string {
  return readFileSync(resolve(import.meta.dirname, "../fixtures", name), "utf8");
}
