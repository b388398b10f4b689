import { describe, expect, it } from "vitest";
import { ARTICLE, openArticle, openCardOf, useHarness } from "./harness";

// A browser whose interface is French: Claimmark's pages speak French, and write numbers and dates the French way.
const harness = useHarness(["--lang=fr"], { keepWelcome: true });

/** A figure outside any quote or claim: painted on its own. */
const FIGHTERS = "hundreds of its fighters";

describe("a French browser", () => {
  it("opens the welcome page in French, the shortcuts named as the manifest's French messages say", async () => {
    const welcome = harness.browser.welcome;
    if (!welcome) throw new Error("no welcome page was opened on install");
    await expect.poll(() => welcome.locator("h1").textContent()).toBe("Bienvenue dans Claimmark");
    expect(await welcome.title()).toBe("Bienvenue dans Claimmark");
    await expect
      .poll(() => welcome.getByTestId("shortcut-mark-claim").locator("td").first().textContent())
      .toBe("Marquer la sélection comme affirmation");
    await welcome.close();
  });

  it("shows the popup in French, with French numbers and the page's language set", async () => {
    const { page } = await openArticle(harness, `${ARTICLE}?fr-popup`);
    const popup = await harness.browser.openPopup(page);
    await expect.poll(() => popup.getByTestId("open-library").textContent()).toBe("Ouvrir la bibliothèque");
    expect(await popup.locator("html").getAttribute("lang")).toMatch(/^fr/u);
    await expect.poll(() => popup.getByTestId("annotation-count").textContent()).toMatch(/^\d+ annotations$/u);
    expect(await popup.getByTestId("annotation-breakdown").textContent()).toMatch(/\bchiffres?\b/u);
    expect(await popup.getByTestId("shown-count").textContent()).toMatch(/^\d+ annotations affichées$/u);
    await popup.getByTestId("transfer-toggle").click();
    await expect.poll(() => popup.getByTestId("copy-md").textContent()).toBe("Copier en Markdown");
    await popup.close();
    await page.close();
  });

  it("shows the card in French", async () => {
    const { page } = await openArticle(harness, `${ARTICLE}?fr-card`);
    const card = await openCardOf(page, FIGHTERS, "figure");
    await expect.poll(() => card.getByTestId("card-kind").textContent()).toBe("Chiffre");
    expect(await card.getByTestId("card-status").locator("option:checked").textContent()).toBe("Non vérifié");
    expect(await card.getByTestId("card-dismiss").textContent()).toBe("Pas un chiffre");
    await page.close();
  });
});
