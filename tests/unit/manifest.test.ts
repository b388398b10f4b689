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
    });
  });

  it("asks both browsers for the same two permissions, and Chrome for nothing Firefox-specific", () => {
    expect(manifestFor("chrome").browser_specific_settings).toBeUndefined();
    for (const browser of ["chrome", "firefox"] as const) {
      expect(manifestFor(browser).permissions).toEqual(["activeTab", "contextMenus"]);
    }
  });
});
