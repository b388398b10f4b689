import { createContext } from "preact";
import { useContext } from "preact/hooks";

/**
 * The card lives in a shadow root inside a web page, and a page script can dispatch made-up
 * input, click and key events at it (`element.click()`, `dispatchEvent`): such events carry
 * `isTrusted: false`. Every editing handler goes through `useTrusted`, so only the reader's own
 * keyboard and pointer change anything.
 */

/** Decides whether an event may act. */
export type TrustPolicy = (event: Event) => boolean;

/** The production policy: only events the browser made from the reader's own input. */
export const strictTrust: TrustPolicy = (event) => event.isTrusted === true;

/**
 * The policy in force below a provider. Only tests provide another one (jsdom marks every
 * scripted event untrusted); no production code renders a provider, so the default stays strict.
 */
export const TrustContext = createContext<TrustPolicy>(strictTrust);

/** Returns a wrapper that drops events the policy rejects before they reach a handler. */
export function useTrusted(): <E extends Event>(handler: (event: E) => void) => (event: E) => void {
  const policy = useContext(TrustContext);
  return (handler) => (event) => {
    if (policy(event)) handler(event);
  };
}
