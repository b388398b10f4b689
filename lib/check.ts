/** A checked value, or what is wrong with it: what every check of untrusted input returns. */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** A failed check. */
export const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

/** Whether a value is a plain object (not null, not an array): the first check of any parsed message or file. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
