import { describe, expect, it } from "vitest";
import { storedAnnotations, waitForStoredPage } from "../../scripts/browser/extension-db";
import { ARTICLE, useHarness } from "./harness";

const harness = useHarness();

describe("detection in the extension", () => {
  it("stores the example article's quotes, claims and figures, counts them in the popup, and merges on reload", async () => {
    const page = await harness.browser.context.newPage();
    await page.goto(`${harness.server.origin}${ARTICLE}`);
    const stored = await waitForStoredPage(harness.browser.worker, `${harness.server.origin}${ARTICLE}`);
    await expect.poll(async () => (await storedAnnotations(harness.browser.worker)).length).toBeGreaterThan(0);
    const annotations = (await storedAnnotations(harness.browser.worker)).filter((a) => a.pageKey === stored.key);

    const quotes = annotations.filter((a) => a.kind === "quote");
    expect(quotes.map((q) => q.speaker)).toEqual(
      expect.arrayContaining([expect.stringContaining("Tasmagambetov"), expect.stringContaining("Sidorov")]),
    );
    expect(quotes).toHaveLength(2);
    expect(annotations.filter((a) => a.kind === "claim")).toHaveLength(5);
    const militants = annotations.find((a) => a.exact === "about 6,500 militants");
    expect(militants).toMatchObject({
      kind: "figure",
      origin: "auto",
      value: 6500,
      unit: "militants",
      qualifier: "approximately",
      speaker: expect.stringContaining("Sidorov"),
    });
    expect(militants?.selectors).toEqual([
      {
        type: "TextQuoteSelector",
        exact: "about 6,500 militants",
        prefix: expect.any(String),
        suffix: expect.any(String),
      },
      { type: "TextPositionSelector", start: expect.any(Number), end: expect.any(Number) },
    ]);
    // Terms such as ‘Wilayah Khorasan’ are not stored as anything the reader has to deal with.
    expect(annotations.some((a) => a.exact === "Wilayah Khorasan")).toBe(false);

    const popup = await harness.browser.openPopup(page);
    await expect
      .poll(() => popup.getByTestId("annotation-count").textContent())
      .toBe(`${annotations.length} annotations`);
    expect(await popup.getByTestId("annotation-breakdown").textContent()).toContain("2 quotes · 5 claims");

    await page.reload();
    const record = () => waitForStoredPage(harness.browser.worker, `${harness.server.origin}${ARTICLE}`);
    await expect.poll(async () => (await record()).lastSeen).toBeGreaterThan(stored.lastSeen);
    const after = (await storedAnnotations(harness.browser.worker)).filter((a) => a.pageKey === stored.key);
    expect(after.map((a) => a.id).sort()).toEqual(annotations.map((a) => a.id).sort());
    await popup.close();
    await page.close();
  });
});
