/**
 * Formats a page's published time for display. A leading YYYY-MM-DD is shown as that
 * calendar day, whatever the reader's time zone: the day the publisher printed.
 */
export function formatPublished(raw: string | null, locale?: string): string | null {
  if (!raw) return null;
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw);
  const date = day ? new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))) : new Date(raw);
  if (Number.isNaN(date.getTime())) return raw;
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(date);
}

/** A day as YYYY-MM-DD in the reader's time zone: today unless told otherwise. */
export function localDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** What a failure says: its message, or the thrown value as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
