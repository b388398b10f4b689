import { getDomain } from "tldts";
import { parseHttpUrl } from "./http";

/** Query parameters that only track where a visitor came from; they never change the page. */
const TRACKING_PARAMS = new Set([
  "fbclid",
  "gclid",
  "gclsrc",
  "dclid",
  "gbraid",
  "wbraid",
  "msclkid",
  "yclid",
  "twclid",
  "igshid",
  "mc_cid",
  "mc_eid",
  "_ga",
  "_gl",
  "_hsenc",
  "_hsmi",
  "mkt_tok",
  "oly_anon_id",
  "oly_enc_id",
  "vero_id",
  "ref_src",
  "ref_url",
  "cmpid",
  "ocid",
  "ncid",
  "s_cid",
  "sr_share",
  "at_medium",
  "at_campaign",
  "guccounter",
  "guce_referrer",
  "guce_referrer_sig",
]);

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith("utm_") || TRACKING_PARAMS.has(lower);
}

/** The URL without its fragment and tracking parameters: the same article read twice gets one key. */
export function normalizeUrl(raw: string): string | null {
  const url = parseHttpUrl(raw);
  if (!url) return null;
  url.hash = "";
  url.username = "";
  url.password = "";
  for (const name of [...url.searchParams.keys()]) {
    if (isTrackingParam(name)) url.searchParams.delete(name);
  }
  // URLSearchParams re-encodes on write; only touch `search` when something was removed.
  if (url.searchParams.size === 0) url.search = "";
  return url.href;
}

/**
 * The registrable domain of a hostname ("bbc.co.uk" for www.bbc.co.uk), from the public-suffix
 * list through tldts. Private suffixes count: attacker.github.io and victim.github.io are two
 * sites, as browsers treat them. IP addresses and names without a public suffix (localhost) are
 * their own site.
 */
export function siteOf(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

/**
 * The key a page is stored under: its canonical link when that is on the same registrable domain
 * as the page (so a page cannot claim another site's identity, not even another github.io site),
 * else its own normalised URL.
 */
export function pageKey(pageUrl: string, canonicalUrl: string | null): string | null {
  const own = normalizeUrl(pageUrl);
  if (!own) return null;
  if (!canonicalUrl) return own;
  const canonical = parseHttpUrl(canonicalUrl);
  if (!canonical) return own;
  if (siteOf(canonical.hostname) !== siteOf(new URL(own).hostname)) return own;
  return normalizeUrl(canonical.href) ?? own;
}
