/** What each export is saved as: extension and suffix. */
const ENDINGS = {
  w3c: ".jsonld",
  csv: ".csv",
  md: ".md",
  claimreview: "-claimreview.jsonld",
} as const;

const pad = (n: number): string => String(n).padStart(2, "0");

/** A scope as a file-name part: lower-case letters, digits and hyphens only, "all" when nothing is left. */
export function scopeSlug(scope: string): string {
  const slug = scope
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, "-")
    .replace(/^-+|-+$/gu, "")
    .slice(0, 60)
    .replace(/-+$/u, "");
  return slug || "all";
}

/** The file name of an export: claimmark-<scope>-YYYY-MM-DD.jsonld / .csv / .md / -claimreview.jsonld (the reader's local date). */
export function exportFileName(
  kind: "w3c" | "csv" | "md" | "claimreview",
  scope: string,
  date: Date = new Date(),
): string {
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `claimmark-${scopeSlug(scope)}-${day}${ENDINGS[kind]}`;
}
