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

  useLayoutEffect(() => {
    const height = scroller.current?.clientHeight;
    if (height && height !== viewport) setViewport(height);
  });

  // Rendered items report their real height, on first layout and whenever they grow or shrink
  // (an editor opened, a window resized): the estimates of items not yet seen stay in place.
  useLayoutEffect(() => {
    const root = scroller.current;
    if (!root) return;
    const update = () => {
      let next: Map<string, number> | null = null;
      for (const element of root.querySelectorAll<HTMLElement>(":scope > [data-vkey]")) {
        const key = element.dataset.vkey ?? "";
        const height = element.offsetHeight;
        if (height > 0 && measured.get(key) !== height) {
          next ??= new Map(measured);
          next.set(key, height);
        }
      }
      if (next) setMeasured(next);
    };
    update();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(update);
    for (const element of root.querySelectorAll(":scope > [data-vkey]")) observer.observe(element);
    return () => observer.disconnect();
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
