import { toClaimReview } from "../../lib/transfer/claimreview";
import type { ExportSet } from "../../lib/transfer/collect";
import { toCsv } from "../../lib/transfer/csv";
import { toMarkdown } from "../../lib/transfer/markdown";
import { toW3c } from "../../lib/transfer/w3c";

/** The export formats the popup and the library offer. */
export type ExportFormat = "w3c" | "csv" | "md" | "claimreview";

/** The file text of one export format. */
export function renderExport(format: ExportFormat, set: ExportSet): string {
  switch (format) {
    case "w3c":
      return `${JSON.stringify(toW3c(set), null, 2)}\n`;
    case "csv":
      return toCsv(set);
    case "md":
      return toMarkdown(set);
    case "claimreview":
      return `${JSON.stringify(toClaimReview(set), null, 2)}\n`;
  }
}
