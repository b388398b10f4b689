/**
 * Resolves once the page's DOM has been quiet for `quietMs` (a single-page app has finished
 * swapping in its next view), or after `maxMs` whatever happens; rejects when `signal` aborts.
 */
export function whenSettled(doc: Document, signal: AbortSignal, quietMs = 400, maxMs = 3000): Promise<void> {
  return new Promise((resolve, reject) => {
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const done = (error?: unknown) => {
      clearTimeout(quiet);
      clearTimeout(limit);
      observer.disconnect();
      signal.removeEventListener("abort", onAbort);
      if (error) reject(error);
      else resolve();
    };
    const onAbort = () => done(signal.reason ?? new Error("aborted"));
    const observer = new MutationObserver(() => {
      clearTimeout(quiet);
      quiet = setTimeout(() => done(), quietMs);
    });
    const limit = setTimeout(() => done(), maxMs);
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener("abort", onAbort);
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    quiet = setTimeout(() => done(), quietMs);
  });
}
