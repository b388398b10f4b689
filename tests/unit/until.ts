import { vi } from "vitest";

/**
 * Waits until `check` stops throwing, trying it every 10 ms for up to `timeout` ms (then throws its
 * last error): the views render after their live queries answer.
 */
export function until(check: () => void | Promise<void>, timeout = 4000): Promise<void> {
  return vi.waitFor(check, { timeout, interval: 10 });
}
