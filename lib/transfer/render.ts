import { toClaimReview } from "./claimreview";
import type { ExportSet } from "./collect";
import { toCsv } from "./csv";
import { jsonText } from "./json-text";
import { toMarkdown } from "./markdown";
import { toW3c } from "./w3c";

/** The export formats, as the popup, the library and the command line name them. */
export const EXPORT_FORMATS = ["w3c", "csv", "md", "claimreview"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Above this many annotations, JSON is written without indentation: a third smaller, and quicker to read back. */
const INDENTED_UP_TO = 2000;

/**
 * The file text of one export format; JSON indented by `indent` (by default, for sets small enough
 * to read) and safe to paste into a script element (`jsonText`). Every format is well-formed text.
 */
export function renderExport(
  format: ExportFormat,
  set: ExportSet,
  indent: number | undefined = set.annotations.length <= INDENTED_UP_TO ? 2 : undefined,
): string {
  switch (format) {
    case "w3c":
      return jsonText(toW3c(set), indent);
    case "csv":
      return toCsv(set);
    case "md":
      return toMarkdown(set);
    case "claimreview":
      return jsonText(toClaimReview(set), indent);
  }
}
