import { liveQuery } from "dexie";
import { useEffect, useState } from "preact/hooks";
import { errorMessage } from "./format";

/** The live result of a Dexie query: re-renders whenever the data it read changes. */
export type LiveResult<T> = { status: "loading" } | { status: "ready"; value: T } | { status: "error"; error: string };

/** Subscribes to a Dexie liveQuery for as long as the component is mounted. */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): LiveResult<T> {
  const [result, setResult] = useState<LiveResult<T>>({ status: "loading" });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setResult({ status: "ready", value }),
      error: (error: unknown) => setResult({ status: "error", error: errorMessage(error) }),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return result;
}
