import { toClaimReview } from "../../lib/transfer/claimreview";
import type { ExportSet } from "../../lib/transfer/collect";
import { toCsv } from "../../lib/transfer/csv";
import { toMarkdown } from "../../lib/transfer/markdown";
import { toW3c } from "../../lib/transfer/w3c";

/** The export formats the popup and the library offer. */
export type ExportFormat = "w3c" | "csv" | "md" | "claimreview";

/** Above this many annotations, JSON is written without indentation: a third smaller, and quicker to read back. */
const INDENTED_UP_TO = 2000;

/** The file text of one export format. */
export function renderExport(format: ExportFormat, set: ExportSet): string {
  const indent = set.annotations.length <= INDENTED_UP_TO ? 2 : undefined;
  switch (format) {
    case "w3c":
      return `${JSON.stringify(toW3c(set), null, indent)}\n`;
    case "csv":
      return toCsv(set);
    case "md":
      return toMarkdown(set);
    case "claimreview":
      return `${JSON.stringify(toClaimReview(set), null, indent)}\n`;
  }
}
