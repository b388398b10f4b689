import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type BrowserContext, chromium, type Page, type Worker } from "playwright-core";

/** Where the built Chrome extension is: `CLAIMMARK_EXTENSION_DIR` (another build, to compare with), else this one's. */
export const EXTENSION_DIR = process.env.CLAIMMARK_EXTENSION_DIR
  ? resolve(process.env.CLAIMMARK_EXTENSION_DIR)
  : resolve(import.meta.dirname, "../../.output/chrome-mv3");

/** The Chromium binary: `CHROMIUM_PATH`, else Debian's. Throws with the fix when it is missing. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (!existsSync(path)) {
    throw new Error(
      `Chromium was not found at ${path}. The browser tests need it: install it with ` +
        "`sudo apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium or Chrome binary.",
    );
  }
  return path;
}

/** A Chromium with the built extension loaded, and handles on its parts. */
export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Opens the popup in a tab of its own, speaking for the tab of `page`. */
  openPopup(page: Page): Promise<Page>;
  /** The id Chrome gives the tab showing `page`. */
  tabIdOf(page: Page): Promise<number>;
  /** The welcome page Claimmark opened on install, when asked to keep it (`keepWelcome`); else null. */
  welcome: Page | null;
  close(): Promise<void>;
}

/** How long Claimmark may take to open its welcome page after the extension starts. */
const WELCOME_TIMEOUT_MS = 10_000;

/** The page at `url` once the browser shows one, or null after `timeoutMs`. */
async function pageAt(context: BrowserContext, url: string, timeoutMs: number): Promise<Page | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const page = context.pages().find((candidate) => candidate.url() === url);
    if (page) return page;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}

/**
 * Starts Chromium with the extension from `.output/chrome-mv3` in a fresh profile; `args` adds
 * command-line switches (the hostile-page tests map made-up hosts to 127.0.0.1). A fresh profile
 * is a first install, so Claimmark opens its welcome page: it is closed before this returns (a
 * tab opening later would take the focus from a test's page), unless `keepWelcome`.
 */
export async function launchWithExtension(options: {
  headless: boolean;
  args?: string[];
  keepWelcome?: boolean;
}): Promise<ExtensionBrowser> {
  const executablePath = chromiumPath();
  if (!existsSync(join(EXTENSION_DIR, "manifest.json"))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const userDataDir = await mkdtemp(join(tmpdir(), "claimmark-profile-"));
  const args = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    ...(options.args ?? []),
  ];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: options.headless,
    args,
    // Playwright's defaults disable extensions; keep everything else.
    ignoreDefaultArgs: ["--disable-extensions"],
    viewport: { width: 1200, height: 900 },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  // A build from before the welcome page (CLAIMMARK_EXTENSION_DIR, to compare with) opens none.
  const opensWelcome = existsSync(join(EXTENSION_DIR, "welcome.html"));
  const welcomeUrl = `chrome-extension://${extensionId}/welcome.html`;
  let welcome = opensWelcome ? await pageAt(context, welcomeUrl, WELCOME_TIMEOUT_MS) : null;
  if (welcome && !options.keepWelcome) {
    await welcome.close();
    welcome = null;
  }

  const tabIdOf = async (page: Page): Promise<number> => {
    await page.bringToFront();
    const id = await worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id ?? -1;
    });
    if (id < 0) throw new Error("could not find the page's tab");
    return id;
  };

  return {
    context,
    worker,
    extensionId,
    tabIdOf,
    welcome,
    async openPopup(page) {
      const tabId = await tabIdOf(page);
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 400, height: 360 });
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      return popup;
    },
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
