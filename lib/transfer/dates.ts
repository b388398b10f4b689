/** A stored time (milliseconds since 1970) as an ISO 8601 date-time in UTC. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString();
}

/** An ISO 8601 date-time back to milliseconds; NaN when it is not one. */
export function msOf(iso: string): number {
  // Date.parse reads many shapes; only an explicit date-time with a zone is accepted on import.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/u.test(iso)) return Number.NaN;
  return Date.parse(iso);
}
