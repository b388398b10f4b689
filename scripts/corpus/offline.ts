import type { BrowserContext } from "playwright-core";

/**
 * Aborts every http(s) request that does not go to `origin`: saved pages still point at their
 * sites' images, fonts and trackers, and a run must neither reach the network nor wait for it.
 * Extension URLs are not http(s) and pass untouched.
 */
export async function keepOffline(context: BrowserContext, origin: string): Promise<void> {
  const host = new URL(origin).host;
  await context.route(
    (url) => (url.protocol === "http:" || url.protocol === "https:") && url.host !== host,
    (route) => route.abort("blockedbyclient"),
  );
}
