import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import config from "../../wxt.config";

/** The manifest WXT builds for a browser, from the project's own configuration. */
function manifestFor(browser: "chrome" | "firefox"): Record<string, unknown> {
  const manifest = config.manifest as (env: { browser: string; manifestVersion: number }) => Record<string, unknown>;
  return manifest({ browser, manifestVersion: browser === "firefox" ? 2 : 3 });
}

describe("the manifest", () => {
  it("gives Firefox a fixed id, the first version with the Highlight API and the data-collection declaration", () => {
    expect(manifestFor("firefox").browser_specific_settings).toEqual({
      gecko: {
        id: "claimmark@claimmark.org",
        strict_min_version: "140.0",
        data_collection_permissions: { required: ["none"] },
      },
      // Firefox for Android reads the data-collection declaration from 142 (web-ext lint warns otherwise).
      gecko_android: { strict_min_version: "142.0" },
    });
  });

  it("ships the toolbar's and the stores' icons as square PNGs of the size their names say", () => {
    // WXT finds public/icon/<size>.png and lists them in both manifests; the stores need the 128 px one.
    for (const size of [16, 32, 48, 96, 128]) {
      const png = readFileSync(`public/icon/${size}.png`);
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      // The IHDR chunk: width and height, big-endian, at bytes 16 and 20.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it("asks both browsers for the same two permissions, and Chrome for nothing Firefox-specific", () => {
    expect(manifestFor("chrome").browser_specific_settings).toBeUndefined();
    for (const browser of ["chrome", "firefox"] as const) {
      expect(manifestFor(browser).permissions).toEqual(["activeTab", "contextMenus"]);
    }
  });
});
