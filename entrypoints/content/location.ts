import type { Lifetime } from "./lifetime";

/** How often the address is compared: a single-page app's pushState fires no event we can trust. */
const POLL_MS = 1000;

/**
 * Calls `onChange` when the page's address changes (a single-page app's next view). The address
 * is polled and read from `location`, which the page cannot fake; a trusted `popstate` (the
 * reader's Back) checks at once. A page may change its address in a loop: each change costs it
 * one pass, which the background's per-page and per-site limits bound.
 */
export function watchLocation(life: Lifetime, onChange: () => void): void {
  let last = location.href;
  const check = () => {
    if (!life.alive() || location.href === last) return;
    last = location.href;
    onChange();
  };
  const timer = setInterval(check, POLL_MS);
  life.onEnd(() => clearInterval(timer));
  life.listen(window, "popstate", (event) => {
    if (event.isTrusted) check();
  });
}
