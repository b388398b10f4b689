import type { ComponentChildren } from "preact";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";

/** One entry of a windowed list: its key and height in px (an estimate when `measure` is set). */
export interface VirtualItem {
  key: string;
  height: number;
  /** Its real height varies (an open editor): measured once shown. */
  measure?: boolean;
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

/**
 * A scrolling list that renders only the items in view (and a margin), with spacers standing
 * in for the rest: a page with 1,000 annotations opens as fast as one with ten.
 */
export function VirtualList<T extends VirtualItem>({
  items,
  render,
  viewportHeight = 420,
  overscan = 300,
  label,
}: VirtualListProps<T>) {
  const scroller = useRef<HTMLElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(viewportHeight);
  const [measured, setMeasured] = useState<Map<string, number>>(() => new Map());
  const frame = useRef(0);

  const offsets = useMemo(() => {
    const result = [0];
    let total = 0;
    for (const item of items) {
      total += (item.measure ? measured.get(item.key) : undefined) ?? item.height;
      result.push(total);
    }
    return result;
  }, [items, measured]);

  useLayoutEffect(() => {
    const height = scroller.current?.clientHeight;
    if (height && height !== viewport) setViewport(height);
  });

  // Open editors grow and shrink as the reader types: follow their real height.
  useLayoutEffect(() => {
    const root = scroller.current;
    if (!root) return;
    const update = () => {
      let changed = false;
      const next = new Map(measured);
      for (const element of root.querySelectorAll<HTMLElement>("[data-measure]")) {
        const key = element.dataset.measure ?? "";
        const height = element.offsetHeight;
        if (height > 0 && next.get(key) !== height) {
          next.set(key, height);
          changed = true;
        }
      }
      if (changed) setMeasured(next);
    };
    update();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(update);
    for (const element of root.querySelectorAll("[data-measure]")) observer.observe(element);
    return () => observer.disconnect();
  });

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const onScroll = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setScrollTop(scroller.current?.scrollTop ?? 0));
  };

  const [start, end] = visibleRange(offsets, scrollTop, viewport, overscan);
  const total = offsets[offsets.length - 1] ?? 0;
  const top = offsets[start] ?? 0;
  const bottom = total - (offsets[end] ?? total);
  return (
    <section class="vlist" ref={scroller} onScroll={onScroll} aria-label={label}>
      <div style={{ height: `${top}px` }} aria-hidden="true" />
      {items.slice(start, end).map((item) => (
        <div
          key={item.key}
          class="vlist-item"
          data-measure={item.measure ? item.key : undefined}
          style={item.measure ? undefined : { height: `${item.height}px` }}
        >
          {render(item)}
        </div>
      ))}
      <div style={{ height: `${bottom}px` }} aria-hidden="true" />
    </section>
  );
}
