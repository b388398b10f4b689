import type { Settings } from "../model";
import { siteOf } from "./normalize";

/**
 * Whether automatic detection runs on a page at this URL, by the site's rule or the default. Apart
 * from the settings' storage: it needs the public-suffix list, which the popup does not load.
 */
export function detectsOn(settings: Settings, url: string): boolean {
  try {
    const site = siteOf(new URL(url).hostname);
    return settings.siteRules[site] ?? settings.autoDetect;
  } catch {
    return settings.autoDetect;
  }
}
