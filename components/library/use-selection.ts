import { useCallback, useRef, useState } from "preact/hooks";

/** The rows ticked in the library, and how ticking changes them. */
export interface Selection {
  ids: ReadonlySet<string>;
  /**
   * The reader ticked or cleared one row. With `range` (Shift held), every row of `order` between
   * the last row ticked alone and this one takes the same state.
   */
  toggle(id: string, on: boolean, range: boolean, order: readonly string[]): void;
  /** Ticks these rows as well. */
  add(ids: readonly string[]): void;
  /** Clears these rows (every row when none are named). */
  remove(ids?: readonly string[]): void;
}

/** The library's selection: a set of annotation ids, with shift-click ranges over the rows in their shown order. */
export function useSelection(): Selection {
  const [ids, setIds] = useState<ReadonlySet<string>>(() => new Set());
  // Where a shift-click range starts: the last row ticked or cleared without Shift.
  const anchor = useRef<string | null>(null);

  const toggle = useCallback((id: string, on: boolean, range: boolean, order: readonly string[]) => {
    const from = anchor.current === null ? -1 : order.indexOf(anchor.current);
    const to = order.indexOf(id);
    const span = range && from !== -1 && to !== -1 ? order.slice(Math.min(from, to), Math.max(from, to) + 1) : [id];
    if (!range || from === -1) anchor.current = id;
    setIds((old) => {
      const next = new Set(old);
      for (const one of span) {
        if (on) next.add(one);
        else next.delete(one);
      }
      return next;
    });
  }, []);

  const add = useCallback((more: readonly string[]) => {
    setIds((old) => (more.every((id) => old.has(id)) ? old : new Set([...old, ...more])));
  }, []);

  const remove = useCallback((gone?: readonly string[]) => {
    setIds((old) => {
      if (old.size === 0) return old;
      if (!gone) return new Set();
      const next = new Set(old);
      for (const id of gone) next.delete(id);
      return next.size === old.size ? old : next;
    });
    if (!gone || (anchor.current !== null && gone.includes(anchor.current))) anchor.current = null;
  }, []);

  return { ids, toggle, add, remove };
}
