import { FLASH_HIGHLIGHT, FLASH_MS } from "./flash";
import { caretAt, rangeCoversPoint, rangeHasCaret } from "./hit";
import { lastPerId } from "./items";
import {
  type ColourScheme,
  highlightPriority,
  isPaintedKind,
  kindHighlightName,
  type OverlayStatus,
  type PaintedKind,
  type PaintTheme,
  STATUS_OVERLAYS,
  statusHighlightName,
} from "./names";
import type { Paintable, Painter } from "./painter";
import { pageTheme } from "./theme";

/**
 * The Highlight API painter: one `Highlight` per name in `CSS.highlights`, ranges added and
 * removed as annotations come and go. The page's DOM is never touched.
 */

/** The parts of `Highlight` the painter uses (typed loosely so a test double fits). */
export interface HighlightLike {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): boolean;
  has(range: AbstractRange): boolean;
  readonly size: number;
  priority: number;
}

/** The parts of `HighlightRegistry` the painter uses; `highlightsFromPoint` is newer than the rest. */
export interface RegistryLike {
  set(name: string, highlight: HighlightLike): unknown;
  get(name: string): unknown;
  delete(name: string): boolean;
  highlightsFromPoint?: (x: number, y: number) => unknown[];
}

export interface HighlightApi {
  registry: RegistryLike;
  Highlight: new (...ranges: AbstractRange[]) => HighlightLike;
}

interface HighlightGlobals {
  CSS?: { highlights?: RegistryLike };
  Highlight?: HighlightApi["Highlight"];
}

/** The document's highlight registry and `Highlight` constructor, or null when the browser lacks them. */
export function findHighlightApi(doc: Document): HighlightApi | null {
  const view = doc.defaultView as unknown as HighlightGlobals | null;
  // A window without the API (jsdom) may still sit under a global that has one installed.
  const scope = view?.CSS?.highlights && view.Highlight ? view : (globalThis as unknown as HighlightGlobals);
  const registry = scope.CSS?.highlights;
  const Highlight = scope.Highlight;
  return registry && typeof Highlight === "function" ? { registry, Highlight } : null;
}

interface Entry {
  range: Range;
  names: string[];
  /** Text length, measured on the first hit-test that needs it. */
  length?: number;
}

/** A painter on the CSS Custom Highlight API. */
export function createHighlightApiPainter(doc: Document, api: HighlightApi): Painter {
  let scheme: ColourScheme = "default";
  const entries = new Map<string, Entry>();
  const owners = new Map<AbstractRange, string>();
  const highlights = new Map<string, HighlightLike>();
  let theme: PaintTheme | null = null;

  const forget = (id: string) => {
    const entry = entries.get(id);
    if (!entry) return;
    entries.delete(id);
    owners.delete(entry.range);
    for (const name of entry.names) {
      const highlight = highlights.get(name);
      if (!highlight) continue;
      highlight.delete(entry.range);
      // An empty highlight is unregistered, so the registry only ever holds what is painted.
      if (highlight.size === 0) {
        highlights.delete(name);
        if (api.registry.get(name) === highlight) api.registry.delete(name);
      }
    }
  };

  const addAll = (items: Paintable[]) => {
    const currentTheme = theme ?? pageTheme(doc);
    theme = currentTheme;
    // Ranges are grouped by name first so each new Highlight is registered once, already full.
    const batches = new Map<string, { what: PaintedKind | OverlayStatus; ranges: Range[] }>();
    const queue = (name: string, what: PaintedKind | OverlayStatus, range: Range) => {
      const batch = batches.get(name);
      if (batch) batch.ranges.push(range);
      else batches.set(name, { what, ranges: [range] });
    };
    for (const item of lastPerId(items)) {
      forget(item.id);
      if (!isPaintedKind(item.kind) || item.range.collapsed) continue;
      // Highlights are sets: one Range object shared by two ids would be deleted for both.
      const range = owners.has(item.range) ? item.range.cloneRange() : item.range;
      const names = [kindHighlightName(item.kind, currentTheme, scheme)];
      queue(names[0] as string, item.kind, range);
      const status = (STATUS_OVERLAYS as readonly string[]).includes(item.status)
        ? (item.status as OverlayStatus)
        : null;
      if (status) {
        const name = statusHighlightName(status, currentTheme) as string;
        names.push(name);
        queue(name, status, range);
      }
      entries.set(item.id, { range, names });
      owners.set(range, item.id);
    }
    for (const [name, { what, ranges }] of batches) {
      let highlight = highlights.get(name);
      const fresh = !highlight;
      if (!highlight) {
        highlight = new api.Highlight();
        highlight.priority = highlightPriority(what);
        highlights.set(name, highlight);
      }
      for (const range of ranges) highlight.add(range);
      if (fresh) api.registry.set(name, highlight);
    }
  };

  const clear = () => {
    for (const [name, highlight] of highlights) {
      if (api.registry.get(name) === highlight) api.registry.delete(name);
    }
    highlights.clear();
    entries.clear();
    owners.clear();
    theme = null;
  };

  const lengthOf = (entry: Entry) => {
    entry.length ??= entry.range.toString().length;
    return entry.length;
  };

  const shortestOf = (ids: Iterable<string>): string | null => {
    let best: string | null = null;
    let bestLength = Number.POSITIVE_INFINITY;
    for (const id of ids) {
      const entry = entries.get(id);
      if (!entry) continue;
      const length = lengthOf(entry);
      if (length < bestLength) {
        best = id;
        bestLength = length;
      }
    }
    return best;
  };

  const ours = (highlight: unknown) => {
    for (const mine of highlights.values()) if (mine === highlight) return true;
    return false;
  };

  const hitTest = (x: number, y: number): string | null => {
    const fromPoint = api.registry.highlightsFromPoint;
    if (typeof fromPoint === "function") {
      let anyOurs = false;
      const ids = new Set<string>();
      for (const hit of fromPoint.call(api.registry, x, y) ?? []) {
        // The current spec returns { highlight, ranges }; Chromium's first version returned highlights.
        const record = hit && typeof hit === "object" ? (hit as { highlight?: unknown; ranges?: unknown }) : null;
        const highlight = record && "highlight" in record ? record.highlight : hit;
        if (!ours(highlight)) continue;
        anyOurs = true;
        if (Array.isArray(record?.ranges)) {
          for (const range of record.ranges) {
            const id = owners.get(range as AbstractRange);
            if (id !== undefined) ids.add(id);
          }
        }
      }
      if (!anyOurs) return null;
      if (ids.size > 0) return shortestOf(ids);
    }
    const caret = caretAt(doc, x, y);
    if (!caret) return null;
    const hits: string[] = [];
    for (const [id, entry] of entries) {
      if (rangeHasCaret(entry.range, caret) && rangeCoversPoint(entry.range, x, y)) hits.push(id);
    }
    return shortestOf(hits);
  };

  return {
    mode: "highlight-api",
    paint(items) {
      clear();
      theme = pageTheme(doc);
      addAll(items);
    },
    add: addAll,
    remove: forget,
    rangesOf(id) {
      const entry = entries.get(id);
      return entry ? [entry.range] : [];
    },
    hitTest,
    get size() {
      return entries.size;
    },
    clear,
    setScheme(next) {
      scheme = next;
    },
    flash(id) {
      const entry = entries.get(id);
      if (!entry) return;
      // Its own highlight, above every other, for a moment: the page's DOM is still untouched.
      const flash = new api.Highlight(entry.range);
      flash.priority = 100;
      api.registry.set(FLASH_HIGHLIGHT, flash);
      setTimeout(() => {
        if (api.registry.get(FLASH_HIGHLIGHT) === flash) api.registry.delete(FLASH_HIGHLIGHT);
      }, FLASH_MS);
    },
  };
}
