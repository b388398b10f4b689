import { describe, expect, it } from "vitest";
import { ARTICLE, useHarness } from "./harness";

const harness = useHarness();

describe("the library, whose query runs in a worker", () => {
  it("lists what a page visit stores while it is open, and narrows the list as the reader searches", async () => {
    const library = await harness.browser.context.newPage();
    await library.goto(`chrome-extension://${harness.browser.extensionId}/options.html`);
    const summary = library.getByTestId("library-summary");
    await expect.poll(() => summary.textContent()).toMatch(/^No annotations yet/);

    // The background writes; the library's worker hears of it and sends the new rows.
    const page = await harness.browser.context.newPage();
    await page.goto(`${harness.server.origin}${ARTICLE}`);
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toBe("14 annotations on 1 page.");
    expect(await library.getByTestId("library-row").count()).toBe(14);

    await library.getByTestId("library-search").fill("6,500");
    await expect.poll(() => summary.textContent()).toBe("2 annotations on 1 page.");
    const texts = await library.getByTestId("library-row").allTextContents();
    expect(texts.every((text) => text.includes("6,500"))).toBe(true);
    await page.close();
    await library.close();
  });
});
