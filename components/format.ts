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

/** "1 annotation", "3 annotations". */
export function countLabel(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
