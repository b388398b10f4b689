import { resolve } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { type ExtensionBrowser, launchWithExtension } from "../../scripts/browser/launch";
import { type StaticServer, serveDirectory } from "../../scripts/browser/serve";

/** The example article, as served from the fixtures. */
export const ARTICLE = "/csto-tajik-afghan-border.html";

/** A headless Chromium with the built extension and a server for the fixtures, for one test file. */
export interface Harness {
  browser: ExtensionBrowser;
  server: StaticServer;
}

/** Starts the harness before the file's tests and stops it after them. */
export function useHarness(): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    harness.server = await serveDirectory(resolve(import.meta.dirname, "../fixtures"));
    harness.browser = await launchWithExtension({ headless: true });
  });
  afterAll(async () => {
    await harness.browser?.close();
    await harness.server?.close();
  });
  return harness;
}
