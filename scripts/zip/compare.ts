/** Where two sets of files differ, one line each: files only in one set, and files whose bytes differ. */
export function compareFiles(expected: Map<string, Buffer>, actual: Map<string, Buffer>): string[] {
  const differences: string[] = [];
  const paths = [...new Set([...expected.keys(), ...actual.keys()])].sort();
  for (const path of paths) {
    const want = expected.get(path);
    const got = actual.get(path);
    if (!got) differences.push(`missing from the rebuild: ${path}`);
    else if (!want) differences.push(`only in the rebuild: ${path}`);
    else if (!want.equals(got)) {
      let at = 0;
      while (at < want.length && at < got.length && want[at] === got[at]) at++;
      differences.push(
        `differs: ${path} (${want.length} bytes zipped, ${got.length} rebuilt, first difference at byte ${at})`,
      );
    }
  }
  return differences;
}
