import type { Paintable } from "./painter";

/** Items with one entry per id, the last one winning: each id is painted once. */
export function lastPerId(items: Paintable[]): Paintable[] {
  const byId = new Map<string, Paintable>();
  for (const item of items) byId.set(item.id, item);
  return [...byId.values()];
}
