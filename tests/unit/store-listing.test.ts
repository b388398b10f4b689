// docs/store-listing.md tells both stores what Claimmark asks for and that it sends nothing: these keep it true.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import config from "../../wxt.config";

const ROOT = resolve(import.meta.dirname, "../..");
const listing = readFileSync(join(ROOT, "docs/store-listing.md"), "utf8");

/** The manifest WXT builds for a browser, from the project's own configuration. */
function manifestFor(browser: "chrome" | "firefox"): Record<string, unknown> {
  const manifest = config.manifest as (env: { browser: string; manifestVersion: number }) => Record<string, unknown>;
  return manifest({ browser, manifestVersion: browser === "firefox" ? 2 : 3 });
}

/** Every source file the extension is built from (tests and tools live elsewhere). */
function extensionSources(): { path: string; text: string }[] {
  return ["lib", "components", "entrypoints"].flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(ts|tsx|html|css)$/.test(entry.name))
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return { path: path.slice(ROOT.length + 1), text: readFileSync(path, "utf8") };
      }),
  );
}

describe("the store listing", () => {
  it("explains every permission either browser's manifest asks for, and there are no optional ones", () => {
    for (const browser of ["chrome", "firefox"] as const) {
      const manifest = manifestFor(browser);
      // A row of the permissions table, however the formatter pads its cells.
      for (const permission of manifest.permissions as string[])
        expect(listing).toMatch(new RegExp(`^\\| \`${permission.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\` +\\|`, "m"));
      expect(manifest.optional_permissions).toBeUndefined();
      expect(manifest.host_permissions).toBeUndefined();
    }
  });

  it("holds: the extension's code has no way to send data, nor a store other than its own database", () => {
    const ways = /\bfetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts|RTCPeerConnection/;
    const stores = /\b(chrome|browser)\.storage\b|localStorage|sessionStorage|document\.cookie/;
    const remote = /<(script|link)[^>]+(src|href)=["']?(https?:)?\/\//i;
    const found = extensionSources().filter(({ text }) => ways.test(text) || stores.test(text) || remote.test(text));
    expect(found.map((file) => file.path)).toEqual([]);
  });
});
