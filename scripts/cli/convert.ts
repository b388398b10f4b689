// The extension's import runs into an in-memory database: main.ts installs fake-indexeddb.
import { openDb } from "../../lib/db/schema";
import { collectForExport } from "../../lib/transfer/collect";
import { importText } from "../../lib/transfer/import";
import { EXPORT_FORMATS, type ExportFormat, renderExport } from "../../lib/transfer/render";
import { readInput } from "./input";

/** Formats `claimmark convert` writes. */

export const CONVERT_USAGE = `Usage: claimmark convert FILE|- [--format w3c|csv|md|claimreview]

Reads a Claimmark W3C JSON-LD export or a Hypothesis JSON export with the same checks as the
extension's import (a malformed file is refused with what is wrong and where), and writes it
in one of the export formats (default w3c).`;

/** Runs `claimmark convert`; resolves to the exit code. Messages go to `warn`, output to `write`. */
export async function runConvert(
  argv: readonly string[],
  write: (text: string) => void,
  warn: (text: string) => void,
): Promise<number> {
  let file: string | null = null;
  let format: ExportFormat = "w3c";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.startsWith("--format=") ? ["--format", arg.slice(9)] : [arg, undefined];
    if (flag === "--format") {
      const value = inline ?? argv[++i];
      if (!(EXPORT_FORMATS as readonly string[]).includes(value as ExportFormat)) {
        warn(`--format must be one of ${EXPORT_FORMATS.join(", ")}`);
        return 2;
      }
      format = value as ExportFormat;
    } else if (arg.startsWith("--") || file !== null) {
      warn(`unexpected argument ${arg}\n${CONVERT_USAGE}`);
      return 2;
    } else file = arg;
  }
  if (file === null) {
    warn(`no input file\n${CONVERT_USAGE}`);
    return 2;
  }
  let text: string;
  try {
    text = await readInput(file);
  } catch (error) {
    warn((error as Error).message);
    return 1;
  }
  // The extension's own import, into an in-memory database, then its own export.
  const db = openDb(`claimmark-convert-${process.pid}`);
  const imported = await importText(db, text);
  if (!imported.ok) {
    warn(`${file}: ${imported.error}`);
    return 1;
  }
  for (const refusal of imported.report.refused) warn(`${file}: refused ${refusal.item}: ${refusal.reason}`);
  const set = await collectForExport(db, { includeDismissed: true });
  write(renderExport(format, set, 2));
  db.close();
  return imported.report.refused.length > 0 ? 1 : 0;
}
