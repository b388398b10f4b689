/**
 * Word tables as Maps. The rules look words up in tables written as object literals; indexing an object
 * with a string just cut from the page is a slow keyed load, several times slower than `Map.get`, and it
 * finds Object.prototype's members: "constructor" or "valueOf" in an article must be plain words.
 */
export function lookup<V>(record: Readonly<Record<string, V>>): ReadonlyMap<string, V> {
  return new Map(Object.entries(record));
}
