import type { ConsoleMessage, Page, Worker } from "playwright-core";

/**
 * Whether an error's text, stack or source location points at our extension: its own
 * `chrome-extension://<id>/` URLs, or the name Claimmark. Other extensions' URLs are the page's
 * own (a saved page may link a stylesheet of the saver's extensions, which Chrome then refuses).
 */
export function isExtensionError(extensionId: string, ...parts: (string | undefined)[]): boolean {
  const ours = new RegExp(`chrome-extension://${extensionId}\\b|claimmark`, "i");
  return parts.some((part) => part !== undefined && ours.test(part));
}

/** Errors seen on one page: ours (their texts) and the page's own (a count: saved pages break a lot). */
export interface ErrorTally {
  extension: string[];
  page: number;
}

const describe = (message: ConsoleMessage): string => {
  const { url, lineNumber } = message.location();
  return `console: ${message.text().slice(0, 300)}${url ? ` (${url}:${lineNumber})` : ""}`;
};

/** Tallies the console errors and uncaught exceptions of a page, telling ours from the page's. */
export function collectErrors(page: Page, extensionId: string): ErrorTally {
  const tally: ErrorTally = { extension: [], page: 0 };
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    if (isExtensionError(extensionId, message.text(), message.location().url)) tally.extension.push(describe(message));
    else tally.page++;
  });
  page.on("pageerror", (error) => {
    if (isExtensionError(extensionId, error.message, error.stack)) {
      tally.extension.push(`uncaught: ${error.message.slice(0, 300)}`);
    } else {
      tally.page++;
    }
  });
  return tally;
}

/**
 * Collects the console errors of the extension's service worker (all of them are ours); `take`
 * returns those since its last call, so a run can charge them to the page it was on.
 */
export function collectWorkerErrors(worker: Worker): { take(): string[] } {
  let pending: string[] = [];
  worker.on("console", (message) => {
    if (message.type() === "error") pending.push(`background ${describe(message)}`);
  });
  return {
    take() {
      const taken = pending;
      pending = [];
      return taken;
    },
  };
}
