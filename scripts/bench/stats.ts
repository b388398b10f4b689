/** The median of a list of numbers (NaN for an empty list). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Milliseconds with two decimals, right-aligned for tables. */
export function ms(value: number, width = 9): string {
  return value.toFixed(2).padStart(width);
}

/** Milliseconds one call takes. */
export function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** The median time of `rounds` calls, in milliseconds. */
export function timeMedian(rounds: number, run: () => void): number {
  return median(Array.from({ length: rounds }, () => time(run)));
}
