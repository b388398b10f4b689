import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import puppeteer, { type Browser, type Frame, type Page } from "puppeteer-core";
import type { PageState } from "../../lib/messages";

/** Where the built Firefox add-on is: `CLAIMMARK_FIREFOX_EXTENSION_DIR`, else this checkout's `npm run build:firefox`. */
export const FIREFOX_EXTENSION_DIR = process.env.CLAIMMARK_FIREFOX_EXTENSION_DIR
  ? resolve(process.env.CLAIMMARK_FIREFOX_EXTENSION_DIR)
  : resolve(import.meta.dirname, "../../.output/firefox-mv2");

/** The Firefox binary: `FIREFOX_PATH`, else Debian's Firefox ESR. Throws with the fix when it is missing. */
export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH || "/usr/bin/firefox-esr";
  if (!existsSync(path)) {
    throw new Error(
      `Firefox was not found at ${path}. The Firefox tests need Firefox 140 or later: install it with ` +
        "`sudo apt-get install -y firefox-esr` (Debian/Ubuntu) or set FIREFOX_PATH to a Firefox binary.",
    );
  }
  return path;
}

/** A Firefox with the built add-on installed as a temporary add-on, and handles on its parts. */
export interface FirefoxWithExtension {
  browser: Browser;
  /** The add-on's origin, `moz-extension://<uuid>`. */
  origin: string;
  /**
   * The welcome page Claimmark opened on install: an extension page, kept open to call the
   * extension's APIs from (WebDriver BiDi may not navigate a tab to a moz-extension address).
   */
  control: Page;
  /** The id Firefox gives the tab showing `page` (it is brought to the front). */
  tabIdOf(page: Page): Promise<number>;
  /** What the content script in a tab knows about its page, or null when it has none (yet). */
  pageState(tabId: number): Promise<PageState | null>;
  /** Opens one of the add-on's pages (`/popup.html?tab=3`) in a tab of its own, once loaded. */
  openExtensionPage(path: string): Promise<Page>;
  /** Runs `start` (a click on an export button) and returns the file it downloaded. */
  download(start: () => Promise<void>): Promise<{ name: string; path: string; text: string }>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Where a page or frame really is: Firefox's BiDi does not report navigations of tabs an extension opened. */
export function locationOf(target: Page | Frame): Promise<string> {
  return target.evaluate(() => location.href).catch(() => "");
}

/** The first tab of `browser` (not in `except`) that is at `url`, loaded; null after `timeoutMs`. */
async function tabAt(browser: Browser, url: string, timeoutMs: number, except = new Set<Page>()): Promise<Page | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      if (except.has(page) || (await locationOf(page)) !== url) continue;
      if ((await page.evaluate(() => document.readyState).catch(() => "")) === "complete") return page;
    }
    await sleep(100);
  }
  return null;
}

/**
 * Starts Firefox headless in a fresh profile and installs the add-on from `.output/firefox-mv2` as
 * a temporary add-on (WebDriver BiDi's `webExtension.install`, as `about:debugging` does). The
 * add-on's internal UUID is fixed through a pref, so its pages' addresses are known; downloads go
 * to a directory of their own without asking.
 */
export async function launchFirefoxWithExtension(options: { headless: boolean }): Promise<FirefoxWithExtension> {
  const executablePath = firefoxPath();
  const manifestPath = join(FIREFOX_EXTENSION_DIR, "manifest.json");
  if (!existsSync(manifestPath)) {
    throw new Error(`No built Firefox add-on in ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\` first.`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  const addonId: string = manifest.browser_specific_settings.gecko.id;
  const uuid = randomUUID();
  const origin = `moz-extension://${uuid}`;
  const downloads = await mkdtemp(join(tmpdir(), "claimmark-firefox-downloads-"));
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath,
    headless: options.headless,
    defaultViewport: { width: 1200, height: 900 },
    extraPrefsFirefox: {
      "extensions.webextensions.uuids": JSON.stringify({ [addonId]: uuid }),
      "browser.download.dir": downloads,
      "browser.download.folderList": 2,
      "browser.download.useDownloadDir": true,
      "browser.download.always_ask_before_handling_new_types": false,
      "browser.download.start_downloads_in_tmp_dir": false,
      "browser.download.panel.shown": true,
    },
  });
  try {
    const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (installed !== addonId) throw new Error(`Firefox installed ${installed}, not ${addonId}`);
    const control = await tabAt(browser, `${origin}/welcome.html`, 15_000);
    if (!control) throw new Error("Claimmark did not open its welcome page on install in Firefox");

    // In the welcome page, an extension page: the add-on's APIs, with the add-on's own rights.
    const call = <A, R>(fn: (arg: A) => Promise<R>, arg: A) =>
      control.evaluate(fn as (arg: unknown) => Promise<R>, arg) as Promise<R>;
    const tabIdOf = async (page: Page) => {
      await page.bringToFront();
      const id = await call(async () => {
        const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
        const [tab] = await ext.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id ?? -1;
      }, null);
      if (id < 0) throw new Error("could not find the page's tab");
      return id;
    };

    return {
      browser,
      origin,
      control,
      tabIdOf,
      pageState: (tabId) =>
        call(async (id) => {
          const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
          try {
            return ((await ext.tabs.sendMessage(id, { type: "page/state" })) as PageState | undefined) ?? null;
          } catch {
            return null; // no content script (yet) in that tab
          }
        }, tabId),
      async openExtensionPage(path) {
        const url = `${origin}${path}`;
        const before = new Set(await browser.pages());
        await call(async (address) => {
          const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
          await ext.tabs.create({ url: address });
        }, url);
        const page = await tabAt(browser, url, 10_000, before);
        if (!page) throw new Error(`Firefox did not open ${url}`);
        await page.setViewport({ width: 400, height: 600 });
        return page;
      },
      async download(start) {
        const before = new Set(await readdir(downloads));
        await start();
        const deadline = Date.now() + 10_000;
        let seen = -1;
        while (Date.now() < deadline) {
          const files = await readdir(downloads);
          // Firefox makes an empty file under the name at once and writes into `name.part` beside
          // it, moved over it when complete: done once there is no `.part`, the file is not empty
          // and its size held for one more look. (No export is ever empty.)
          const name = files.find((file) => !before.has(file) && !file.endsWith(".part"));
          const size = name && !files.includes(`${name}.part`) ? (await stat(join(downloads, name))).size : 0;
          if (name && size > 0 && size === seen) {
            const path = join(downloads, name);
            return { name, path, text: await readFile(path, "utf8") };
          }
          seen = size;
          await sleep(50);
        }
        throw new Error("Firefox downloaded nothing within 10 s");
      },
      async close() {
        await browser.close();
        await rm(downloads, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser.close();
    await rm(downloads, { recursive: true, force: true });
    throw error;
  }
}
