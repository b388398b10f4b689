import { describe, expect, it } from "vitest";
import { storedAnnotations } from "../../scripts/browser/extension-db";
import { waitForPaint } from "../../scripts/browser/page-state";
import {
  ARTICLE,
  cardIn,
  clickSelectionBar,
  openArticle,
  pageNotice,
  painted,
  selectByDrag,
  useHarness,
  whenArmed,
} from "./harness";

const harness = useHarness();

const mine = async (key: string) =>
  (await storedAnnotations(harness.browser.worker)).filter((a) => a.pageKey === key && a.origin === "user");

describe("annotating by hand", () => {
  it("marks a selected figure from the bar by the selection, parsed like a detected one, and shows its card", async () => {
    const { page } = await openArticle(harness, `${ARTICLE}?by-hand`);
    await selectByDrag(page, "Badakhshan, Kunduz, and Takhar provinces");
    await selectByDrag(page, "as early as 2023");
    await clickSelectionBar(page, "figure");

    const key = `${harness.server.origin}${ARTICLE}?by-hand`;
    await expect.poll(async () => (await mine(key)).length).toBe(1);
    const [figure] = await mine(key);
    expect(figure).toMatchObject({ kind: "figure", exact: "as early as 2023", value: "2023" });
    await expect.poll(() => cardIn(page).count()).toBe(1);
    expect(await painted(page, "claimmark-figure")).toContain("as early as 2023");
    expect(await page.evaluate(() => document.getSelection()?.isCollapsed)).toBe(true);
    await page.close();
  });

  it("marks the selection on a selection/annotate message, and registers the keyboard commands", async () => {
    const { page, tabId } = await openArticle(harness, `${ARTICLE}?by-command`);
    await selectByDrag(page, "the Afghan issue remains one of the CSTO's most important areas of focus");
    // What the context menu's "Mark as claim" and the Alt+Shift+M command make the background send to the page
    // (that they do is checked in tests/unit/background.test.ts): sent here straight from the service worker.
    await harness.browser.worker.evaluate(
      (id) => chrome.tabs.sendMessage(id, { type: "selection/annotate", kind: "claim" }),
      tabId,
    );
    const key = `${harness.server.origin}${ARTICLE}?by-command`;
    await expect
      .poll(async () => (await mine(key)).map((a) => [a.kind, a.exact]))
      .toEqual([["claim", "the Afghan issue remains one of the CSTO's most important areas of focus"]]);
    const commands = await harness.browser.worker.evaluate(() => chrome.commands.getAll());
    expect(commands.map((c) => [c.name, c.shortcut])).toEqual(
      expect.arrayContaining([
        ["mark-claim", "Alt+Shift+M"],
        ["mark-figure", "Alt+Shift+F"],
        ["highlight-selection", "Alt+Shift+H"],
      ]),
    );
    await page.close();
  });

  it("says why when the selection is not part of the article", async () => {
    const { page } = await openArticle(harness, `${ARTICLE}?outside`);
    await selectByDrag(page, "Get the day's top stories");
    await clickSelectionBar(page, "highlight");
    await expect.poll(() => pageNotice(page)).toContain("not part of the article");
    await page.close();
  });

  it("shows the page's annotation count on the toolbar badge", async () => {
    const { tabId } = await openArticle(harness, `${ARTICLE}?badge`);
    await expect
      .poll(() => harness.browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId))
      .toBe("14");
  });

  it("deletes a hand-made annotation with undo, and it stays deleted after a reload", async () => {
    const { page, tabId } = await openArticle(harness, `${ARTICLE}?delete`);
    await selectByDrag(page, "as early as 2023");
    await clickSelectionBar(page, "highlight");
    const key = `${harness.server.origin}${ARTICLE}?delete`;
    await expect.poll(async () => (await mine(key)).length).toBe(1);
    const card = cardIn(page);
    await expect.poll(() => card.count()).toBe(1);
    await whenArmed(card);
    const highlighted = () => painted(page, "claimmark-highlight");
    expect(await highlighted()).toEqual(["as early as 2023"]);

    await card.getByTestId("card-delete").click();
    await expect.poll(highlighted).toEqual([]);
    await card.getByTestId("undo").click();
    await expect.poll(highlighted).toEqual(["as early as 2023"]);
    await card.getByTestId("card-delete").click();
    await expect.poll(async () => (await mine(key))[0]?.deleted).toBe(true);

    await page.reload();
    await waitForPaint(harness.browser.worker, tabId);
    expect(await highlighted()).toEqual([]);
    await page.close();
  });

  it("opens a hand-made annotation's page at its place from the library", async () => {
    const { page } = await openArticle(harness, `${ARTICLE}?library-open`);
    await selectByDrag(page, "the Afghan issue remains one of the CSTO's most important areas of focus");
    await clickSelectionBar(page, "highlight");
    const key = `${harness.server.origin}${ARTICLE}?library-open`;
    await expect.poll(async () => (await mine(key)).length).toBe(1);
    await page.close();

    const library = await harness.browser.context.newPage();
    await library.goto(`chrome-extension://${harness.browser.extensionId}/options.html`);
    await library.getByTestId("library-search").fill("Afghan issue remains");
    const row = library.locator(`[data-annotation-id="${(await mine(key))[0]?.id}"]`);
    await expect.poll(() => row.count()).toBe(1);
    const opened = harness.browser.context.waitForEvent("page");
    await row.getByTestId("library-open").click();
    const tab = await opened;
    await tab.waitForLoadState();
    expect(tab.url()).toContain(`${ARTICLE}?library-open#:~:text=`);
    expect(decodeURIComponent(tab.url())).toContain("Afghan issue");
    await tab.close();
    await library.close();
  });
});
