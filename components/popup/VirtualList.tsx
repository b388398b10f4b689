import type { ComponentChildren, JSX } from "preact";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";

/** One entry of a windowed list: its key and its estimated height in px, corrected once it is measured. */
export interface VirtualItem {
  key: string;
  height: number;
}

/** Props of {@link VirtualList}. */
export interface VirtualListProps<T extends VirtualItem> {
  items: T[];
  render(item: T): ComponentChildren;
  /** Height assumed for the viewport before layout (and in tests, where there is none). */
  viewportHeight?: number;
  /** Extra px rendered above and below the viewport, so Tab and short scrolls find rows ready. */
  overscan?: number;
  label: string;
}

/** The first index whose item ends below `y`. */
function indexAt(offsets: number[], y: number): number {
  let low = 0;
  let high = offsets.length - 2;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((offsets[mid + 1] ?? 0) <= y) low = mid + 1;
    else high = mid;
  }
  return Math.max(0, low);
}

/** The slice of items to render for a scroll position: `[start, end)`. */
function visibleRange(offsets: number[], scrollTop: number, viewport: number, overscan: number): [number, number] {
  const count = offsets.length - 1;
  if (count <= 0) return [0, 0];
  const start = indexAt(offsets, Math.max(0, scrollTop - overscan));
  const end = Math.min(count, indexAt(offsets, scrollTop + viewport + overscan) + 1);
  return [start, end];
}

/** `old` with these heights, or `old` itself when none differs (no re-render). */
function withHeights(old: ReadonlyMap<string, number>, heights: Map<string, number>): ReadonlyMap<string, number> {
  let next: Map<string, number> | null = null;
  for (const [key, height] of heights) {
    if (old.get(key) === height) continue;
    next ??= new Map(old);
    next.set(key, height);
  }
  return next ?? old;
}

/** The indexes to render: the range, and the item holding the focus wherever it is (so Tab never loses its place). */
function renderedIndexes(start: number, end: number, focused: number): number[] {
  const indexes: number[] = [];
  if (focused >= 0 && focused < start) indexes.push(focused);
  for (let i = start; i < end; i++) indexes.push(i);
  if (focused >= end) indexes.push(focused);
  return indexes;
}

/**
 * A scrolling list that renders only the items in view (and a margin), with spacers standing in
 * for the rest: a page with 1,000 annotations opens as fast as one with ten. Items are as tall as
 * their content: laid out by their estimate until rendered, then by their measured height.
 */
export function VirtualList<T extends VirtualItem>({
  items,
  render,
  viewportHeight = 420,
  overscan = 160,
  label,
}: VirtualListProps<T>) {
  const scroller = useRef<HTMLElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(viewportHeight);
  const [measured, setMeasured] = useState<ReadonlyMap<string, number>>(() => new Map());
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const frame = useRef(0);

  const offsets = useMemo(() => {
    const result = [0];
    let total = 0;
    for (const item of items) {
      total += measured.get(item.key) ?? item.height;
      result.push(total);
    }
    return result;
  }, [items, measured]);

  // Without a ResizeObserver (a test's DOM), the viewport is read after each render.
  useLayoutEffect(() => {
    if (typeof ResizeObserver !== "undefined") return;
    const height = scroller.current?.clientHeight;
    if (height && height !== viewport) setViewport(height);
  });

  // Rendered items report their real height, on first layout and whenever they grow or shrink
  // (an editor opened, a window resized): the estimates of items not yet seen stay in place. One
  // ResizeObserver for the list's life (and the list's own height), told of each item as it
  // mounts: it reports after the browser's own layout, so measuring forces none (reading
  // offsetHeight and clientHeight in a layout effect forced one, on every render).
  const observer = useRef<{ resize: ResizeObserver; watched: Set<Element> } | null>(null);
  useLayoutEffect(() => {
    if (typeof ResizeObserver === "undefined") return;
    const resize = new ResizeObserver((entries) => {
      const heights = new Map<string, number>();
      for (const entry of entries) {
        if (entry.target === scroller.current) {
          // The list itself: how much of it is in view (it has no padding, so its content box).
          const height = Math.round(entry.contentRect.height);
          if (height > 0) setViewport(height);
          continue;
        }
        const key = (entry.target as HTMLElement).dataset.vkey;
        const height = Math.round(entry.borderBoxSize?.[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight);
        if (key !== undefined && height > 0) heights.set(key, height);
      }
      if (heights.size > 0) setMeasured((old) => withHeights(old, heights));
    });
    if (scroller.current) resize.observe(scroller.current);
    observer.current = { resize, watched: new Set() };
    return () => resize.disconnect();
  }, []);
  useLayoutEffect(() => {
    const root = scroller.current;
    if (!root) return;
    const items = root.querySelectorAll<HTMLElement>(":scope > [data-vkey]");
    const watch = observer.current;
    if (!watch) {
      // No ResizeObserver (a test's DOM): measure now.
      const heights = new Map<string, number>();
      for (const element of items)
        if (element.offsetHeight > 0) heights.set(element.dataset.vkey ?? "", element.offsetHeight);
      if (heights.size > 0) setMeasured((old) => withHeights(old, heights));
      return;
    }
    const shown = new Set<Element>(items);
    for (const element of watch.watched) {
      if (!shown.has(element)) {
        watch.resize.unobserve(element);
        watch.watched.delete(element);
      }
    }
    for (const element of shown) {
      if (!watch.watched.has(element)) {
        watch.resize.observe(element);
        watch.watched.add(element);
      }
    }
  });

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const onScroll = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setScrollTop(scroller.current?.scrollTop ?? 0));
  };
  const onFocusIn = (event: JSX.TargetedFocusEvent<HTMLElement>) => {
    const item = (event.target as HTMLElement).closest<HTMLElement>("[data-vkey]");
    setFocusKey(item?.dataset.vkey ?? null);
  };

  const [start, end] = visibleRange(offsets, scrollTop, viewport, overscan);
  const focused = focusKey === null ? -1 : items.findIndex((item) => item.key === focusKey);
  const children: ComponentChildren[] = [];
  let at = 0;
  for (const index of renderedIndexes(start, end, focused)) {
    const gap = (offsets[index] ?? 0) - (offsets[at] ?? 0);
    if (gap > 0) children.push(<div key={`gap-${index}`} style={{ height: `${gap}px` }} aria-hidden="true" />);
    const item = items[index] as T;
    children.push(
      <div key={item.key} class="vlist-item" data-vkey={item.key}>
        {render(item)}
      </div>,
    );
    at = index + 1;
  }
  const rest = (offsets[offsets.length - 1] ?? 0) - (offsets[at] ?? 0);
  if (rest > 0) children.push(<div key="gap-end" style={{ height: `${rest}px` }} aria-hidden="true" />);
  return (
    <section class="vlist" ref={scroller} onScroll={onScroll} onFocusIn={onFocusIn} aria-label={label}>
      {children}
    </section>
  );
}
