import { median } from "../bench/stats";
import type { CorpusRow } from "./visit";

/** Share of annotations that must be found in the live page, summed over the corpus. */
export const ANCHORED_TARGET = 0.99;

/** One of the run's targets: met or not, and the pages that missed it. */
export interface TargetResult {
  name: string;
  met: boolean;
  detail: string;
  failing: string[];
}

const NAME_WIDTH = 40;

/** The header of the per-page table. */
export function rowHeader(): string {
  return [
    "page".padEnd(NAME_WIDTH),
    "det".padStart(5),
    "ann".padStart(5),
    "painted".padStart(7),
    "anch%".padStart(6),
    "fuzzy".padStart(5),
    "orph".padStart(4),
    "ext.err".padStart(7),
    "page.err".padStart(8),
    "dom".padEnd(9),
    "readab.ms".padStart(9),
    "total.ms".padStart(8),
    "longest.ms".padStart(10),
  ].join(" ");
}

const fixed = (value: number | null, width: number) => (value === null ? "-" : value.toFixed(1)).padStart(width);

const domCell = (row: CorpusRow): string => {
  if (!row.dom.snapshot) return "no-snap";
  return row.dom.unchanged ? "same" : `CHANGED:${row.dom.mutations}`;
};

/** One page's line: `name  detections  painted  anchored%  errors  dom`, then the pass's timings. */
export function formatRow(row: CorpusRow): string {
  const name = row.name.slice(0, NAME_WIDTH).padEnd(NAME_WIDTH);
  const tail = `${String(row.extensionErrors.length).padStart(7)} ${String(row.pageErrors).padStart(8)} ${domCell(row).padEnd(9)}`;
  if (row.outcome === "painted") {
    // Rounded down, so 100.0 means every annotation was found.
    const rate = row.annotations === 0 ? "-" : (Math.floor((row.anchored / row.annotations) * 1000) / 10).toFixed(1);
    return [
      name,
      String(row.detections).padStart(5),
      String(row.annotations).padStart(5),
      String(row.highlights).padStart(7),
      rate.padStart(6),
      String(row.fuzzy).padStart(5),
      String(row.orphans).padStart(4),
      tail,
      fixed(row.readabilityMs, 9),
      fixed(row.totalMs, 8),
      fixed(row.longestTaskMs, 10),
    ].join(" ");
  }
  const what =
    row.outcome === "no-article" ? `no article (${row.noArticleReason ?? "?"})` : `${row.outcome.toUpperCase()}`;
  const error = row.error ? `  ${row.error.slice(0, 160)}` : "";
  return `${name} ${what.padEnd(44)} ${tail}${error}`;
}

/** The run's targets: no errors of ours, ≥ 99% anchored overall, the DOM untouched, every pass ended well. */
export function checkTargets(rows: CorpusRow[]): TargetResult[] {
  const annotations = rows.reduce((sum, row) => sum + row.annotations, 0);
  const anchored = rows.reduce((sum, row) => sum + row.anchored, 0);
  const rate = annotations === 0 ? 1 : anchored / annotations;
  const withErrors = rows.filter((row) => row.extensionErrors.length > 0);
  const changed = rows.filter((row) => !row.dom.unchanged);
  const failed = rows.filter((row) => row.outcome === "failed" || row.outcome === "timeout");
  // Pages that pull the overall rate down, worst first: where to look when the target is missed.
  const lowest = rows
    .filter((row) => row.anchored < row.annotations)
    .sort((a, b) => a.anchored / a.annotations - b.anchored / b.annotations);
  return [
    {
      name: "no extension errors on any page",
      met: withErrors.length === 0,
      detail: `${withErrors.reduce((sum, row) => sum + row.extensionErrors.length, 0)} on ${withErrors.length} pages`,
      failing: withErrors.map((row) => row.name),
    },
    {
      name: `≥ ${ANCHORED_TARGET * 100}% of annotations anchored overall`,
      met: rate >= ANCHORED_TARGET,
      detail: `${anchored}/${annotations} = ${(rate * 100).toFixed(2)}%`,
      failing: rate >= ANCHORED_TARGET ? [] : lowest.map((row) => row.name),
    },
    {
      name: "DOM unchanged on every page",
      met: changed.length === 0,
      detail: `${rows.length - changed.length}/${rows.length} unchanged`,
      failing: changed.map((row) => row.name),
    },
    {
      name: "every pass ends (no failed state, no timeout)",
      met: failed.length === 0,
      detail: `${failed.length} failed`,
      failing: failed.map((row) => row.name),
    },
  ];
}

const slowest = (
  rows: CorpusRow[],
  key: "totalMs" | "readabilityMs" | "longestTaskMs" | "longestOwnTaskMs",
  count: number,
): string =>
  rows
    .filter((row) => row[key] !== null)
    .sort((a, b) => (b[key] as number) - (a[key] as number))
    .slice(0, count)
    .map(
      (row) =>
        `${row.name} ${(row[key] as number).toFixed(1)}${key === "longestTaskMs" && row.longestStage ? ` (${row.longestStage})` : ""}`,
    )
    .join(", ");

const spread = (rows: CorpusRow[], key: "totalMs" | "readabilityMs" | "longestTaskMs" | "longestOwnTaskMs"): string => {
  const values = rows.map((row) => row[key]).filter((value): value is number => value !== null);
  return `median ${median(values).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`;
};

/** The summary lines after the table: counts, totals, timings, slowest pages and the targets. */
export function formatSummary(rows: CorpusRow[], targets: TargetResult[]): string[] {
  const count = (outcome: CorpusRow["outcome"]) => rows.filter((row) => row.outcome === outcome).length;
  const sum = (key: "detections" | "annotations" | "anchored" | "fuzzy" | "orphans" | "highlights" | "painted") =>
    rows.reduce((total, row) => total + row[key], 0);
  const reasons = new Map<string, number>();
  for (const row of rows) {
    if (row.outcome === "no-article") {
      const reason = row.noArticleReason ?? "?";
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
  }
  const painted = rows.filter((row) => row.outcome === "painted");
  const pageErrorPages = rows.filter((row) => row.pageErrors > 0).length;
  const mismatched = painted.filter((row) => row.highlights !== row.painted).map((row) => row.name);
  const lines = [
    `pages: ${rows.length}; painted ${count("painted")}, no article ${count("no-article")}` +
      (reasons.size ? ` (${[...reasons].map(([reason, n]) => `${reason} ${n}`).join(", ")})` : "") +
      `, failed ${count("failed")}, timed out ${count("timeout")}`,
    `annotations: ${sum("detections")} detections, ${sum("annotations")} annotations, ${sum("anchored")} anchored, ` +
      `${sum("fuzzy")} fuzzy, ${sum("orphans")} orphans; ${sum("highlights")} highlight ranges in CSS.highlights ` +
      `(painter reports ${sum("painted")}${mismatched.length ? `; differ on ${mismatched.join(", ")}` : ""})`,
    `page-own errors (not failures): ${rows.reduce((total, row) => total + row.pageErrors, 0)} on ${pageErrorPages} pages`,
  ];
  if (painted.length > 0) {
    lines.push(
      `readabilityMs: ${spread(painted, "readabilityMs")}; slowest ${slowest(painted, "readabilityMs", 3)}`,
      `totalMs: ${spread(painted, "totalMs")}; slowest ${slowest(painted, "totalMs", 5)}`,
      `longestTaskMs: ${spread(painted, "longestTaskMs")}; slowest ${slowest(painted, "longestTaskMs", 5)}`,
      `longestOwnTaskMs (Readability's parse left out): ${spread(painted, "longestOwnTaskMs")}; slowest ${slowest(painted, "longestOwnTaskMs", 5)}`,
    );
  }
  lines.push("targets:");
  for (const target of targets) {
    const failing = target.failing.length ? `; failing: ${target.failing.join(", ")}` : "";
    lines.push(`  ${target.met ? "met   " : "MISSED"} ${target.name}: ${target.detail}${failing}`);
  }
  return lines;
}
