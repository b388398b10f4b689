/**
 * Error samples for whoever tunes the detector: `--samples=<selector>[,<selector>…]` picks errors
 * by view and kind, `--samples=help` lists what there is. A selector is `view`, `view:what` or
 * `view:what@text`, where text must occur in the sample's group or detail ("attribs:fn@according",
 * "attribs:speaker@indirect").
 */
import type { Sample } from "./report";

/** A parsed selector: every part optional but the view. */
export interface Selector {
  view: string;
  what: string | null;
  filter: string | null;
}

/** Parses "view:what@text" selectors, comma-separated. */
export function parseSelectors(spec: string): Selector[] {
  return spec
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [head = "", filter] = s.split("@", 2);
      const [view = "", what] = head.split(":", 2);
      return { view, what: what || null, filter: filter ? filter.toLowerCase() : null };
    });
}

/** The samples a selector picks, in their scoring order. */
export function select(samples: readonly Sample[], selector: Selector): Sample[] {
  return samples.filter(
    (s) =>
      s.view === selector.view &&
      (selector.what === null || s.what === selector.what) &&
      (selector.filter === null || `${s.group ?? ""} ${s.detail}`.toLowerCase().includes(selector.filter)),
  );
}

/** Up to `count` items spread evenly over the list, so one article does not fill the sample. */
export function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)] as T);
}

/** How often each group occurs, commonest first. */
export function tally(samples: readonly Sample[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const s of samples) if (s.group !== undefined) counts.set(s.group, (counts.get(s.group) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

const clip = (text: string, length: number): string => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1)}…`;
};

/** Lines listing every view:what with its count (for `--samples=help`). */
export function inventory(samples: readonly Sample[]): string[] {
  const counts = new Map<string, number>();
  for (const s of samples) counts.set(`${s.view}:${s.what}`, (counts.get(`${s.view}:${s.what}`) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0].localeCompare(b[0])).map(([key, n]) => `${key.padEnd(22)} ${n}`);
}

/** Lines of one selector's report: its count, a tally by group when the samples have one, then samples. */
export function sampleLines(samples: readonly Sample[], selector: Selector, count: number): string[] {
  const picked = select(samples, selector);
  const name = `${selector.view}${selector.what ? `:${selector.what}` : ""}${selector.filter ? `@${selector.filter}` : ""}`;
  const lines = [`### ${name}: ${picked.length} errors${picked.length > count ? `, ${count} shown` : ""}`];
  const groups = tally(picked);
  if (groups.length > 0) {
    lines.push(
      `by ${groups.length} groups: ${groups
        .slice(0, 15)
        .map(([g, n]) => `${g} ${n}`)
        .join(" · ")}${groups.length > 15 ? " · …" : ""}`,
    );
  }
  for (const s of spread(picked, count)) {
    lines.push(`- [${s.what}] ${s.where}: «${clip(s.exact, 160)}»${s.detail ? ` — ${s.detail}` : ""}`);
  }
  return lines;
}
