import { useEffect, useState } from "preact/hooks";

/**
 * Modules the popup's first paint does not need (the row editor, export and import), loaded
 * after it: the popup opens without parsing them.
 */

const loading = new Map<() => Promise<unknown>, Promise<unknown>>();
const loaded = new Map<() => Promise<unknown>, unknown>();

/** Starts loading a module (once, however often asked) and resolves with it. */
export function preload<T>(load: () => Promise<T>): Promise<T> {
  let promise = loading.get(load) as Promise<T> | undefined;
  if (!promise) {
    promise = load().then((module) => {
      loaded.set(load, module);
      return module;
    });
    loading.set(load, promise);
  }
  return promise;
}

/** A module by its loader (a function declared once, at module level): null until it is loaded. */
export function useModule<T>(load: () => Promise<T>): T | null {
  const [module, setModule] = useState<T | null>(() => (loaded.get(load) as T | undefined) ?? null);
  useEffect(() => {
    if (module) return;
    let live = true;
    // In a task of its own: effects run right after the first frame is painted, and fetching and
    // compiling these chunks there would hold up whatever comes next (the reader's first click).
    const start = setTimeout(() =>
      preload(load).then(
        (value) => live && setModule(() => value),
        () => {}, // a chunk that failed to load leaves the feature out; the list still works
      ),
    );
    return () => {
      live = false;
      clearTimeout(start);
    };
  }, [load, module]);
  return module;
}
