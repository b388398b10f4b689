const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
// A date at the end of a byline: "November 25, 2024", "25 Nov 2024", "2024-11-25".
const TRAILING_DATE = new RegExp(
  `[\\s,|·•–—-]*(?:${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\.?\\s+${MONTH}\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})\\s*$`,
  "i",
);

/**
 * Tidies Readability's byline: pages often put the author, the site and the date in one
 * element, which Readability returns glued together ("Example.orgNovember 25, 2024").
 * Drops a leading "By", a trailing date (the date is shown on its own) and a byline that only
 * repeats the site's name.
 */
export function cleanByline(byline: string | null, siteName: string | null): string | null {
  if (!byline) return null;
  const cleaned = byline
    .replace(TRAILING_DATE, "")
    .replace(/^by\s+/i, "")
    .replace(/[\s,|·•–—-]+$/, "")
    .trim();
  if (!cleaned) return null;
  if (siteName && cleaned.toLowerCase() === siteName.toLowerCase()) return null;
  return cleaned;
}
