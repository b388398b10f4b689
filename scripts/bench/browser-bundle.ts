import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { build } from "esbuild";
import type * as InPage from "./browser-inpage";

/** The global under which the bundled in-page bench code is reachable in the page. */
export const BENCH_GLOBAL = "ClaimmarkBench";

/** The in-page bench API, as `window.ClaimmarkBench` holds it. */
export type InPageBench = typeof InPage;

/**
 * Bundles `browser-inpage.ts` (our anchoring, painting, extraction and detection code with it)
 * into one IIFE script that sets `window.ClaimmarkBench`. Built here rather than through Vite so
 * the page gets exactly the library code, without the extension around it, and without the
 * `__name` wrappers `tsx` adds to functions it compiles.
 */
export async function bundleInPageBench(): Promise<string> {
  const result = await build({
    entryPoints: [resolve(import.meta.dirname, "browser-inpage.ts")],
    bundle: true,
    format: "iife",
    globalName: BENCH_GLOBAL,
    platform: "browser",
    target: "chrome120",
    write: false,
    logLevel: "silent",
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error("esbuild produced no bundle for the in-page bench");
  return output.text;
}

/** mark.js's minified browser build, which defines `window.Mark`. */
export function readMarkJs(): Promise<string> {
  const require = createRequire(import.meta.url);
  return readFile(require.resolve("mark.js/dist/mark.min.js"), "utf8");
}

/** The stylesheet the extension injects, so our highlights are drawn (and cost what drawing costs). */
export function readHighlightStyles(): Promise<string> {
  return readFile(resolve(import.meta.dirname, "../../entrypoints/content/highlights.css"), "utf8");
}
