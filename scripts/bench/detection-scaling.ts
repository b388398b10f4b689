// `npx tsx scripts/bench/detection-scaling.ts [--sizes 100000,250000] [--shape TEXT]`: the background's
// per-visit work on ever longer texts, alone; `npm run bench` runs it as one of its sections.
import { resolve } from "node:path";
import { reanchor } from "../../lib/anchor/reanchor";
import { detectionId, type StoredAnnotationView } from "../../lib/db/annotations";
import { splitOnBlankLines } from "../../lib/detect/blocks";
import { detectArticle } from "../../lib/detect-article";
import type { DetectedSpan } from "../../lib/model";
import { exampleArticleText, type TextShape, textShapes } from "./scaling-texts";
import { time } from "./stats";

/** Text lengths measured; the first is the baseline each per-character ratio is taken against. */
export const SCALING_SIZES = [100_000, 250_000, 500_000, 1_000_000, 2_000_000, 5_000_000];

/** No single run may take longer than this: a size whose run would, at quadratic growth, is skipped. */
const RUN_CAP_MS = 60_000;

/**
 * What is still called linear. Across the 50× from 100k to 5M characters quadratic growth gives a
 * per-character ratio of 50, and 2.5 over the last step (2M to 5M); n log n gives about 1.3 and 1.1.
 * A constant factor may change with size on its own (a bigger heap for the collector, caches outgrown,
 * and for re-anchoring the search budget's fixed floor, which lets a short text afford every search of
 * the whole text), so the ratio may reach a plateau above 1, but must stop growing.
 */
const LINEAR_RATIO = 3;
const LAST_STEP_GROWTH = 1.5;

const PAGE = "https://example.com/scaling";

/** The three steps of a visit timed: detection, then re-anchoring on the same and on an edited text. */
const STEPS = ["detect", "reanchor", "reanchor 10% edited"] as const;
type Step = (typeof STEPS)[number];

/** A detection as it comes back from storage on the next visit. */
function storedView(detection: DetectedSpan): StoredAnnotationView {
  const { start, end: _end, confidence: _confidence, prefix, suffix, exact, kind, ...fields } = detection;
  return {
    ...fields,
    id: detectionId(PAGE, detection),
    kind,
    origin: "auto",
    exact,
    prefix,
    suffix,
    start,
    status: "unverified",
    dismissed: false,
    sources: [],
  };
}

/** The text with one inner word changed in every tenth stored annotation (never two edits in one place). */
function editTenth(text: string, stored: StoredAnnotationView[]): string {
  const edits: { at: number; length: number }[] = [];
  let reach = 0;
  stored.forEach((annotation, i) => {
    if (i % 10 !== 5 || annotation.start === null || annotation.start < reach) return;
    const word = /(?<=.)\p{L}{3,}(?=.)/u.exec(annotation.exact);
    if (!word) return;
    edits.push({ at: annotation.start + word.index, length: word[0].length });
    reach = annotation.start + annotation.exact.length;
  });
  const parts: string[] = [];
  let from = 0;
  for (const edit of edits) {
    parts.push(text.slice(from, edit.at), "altered");
    from = edit.at + edit.length;
  }
  parts.push(text.slice(from));
  return parts.join("");
}

/** How many rounds a size gets: more for short runs, whose times are noisier. */
const roundsFor = (size: number): number => (size <= 250_000 ? 5 : size <= 1_000_000 ? 3 : 2);

/**
 * The fastest of the rounds' times of the three steps on one text, in ms (the least disturbed by
 * whatever else the machine runs), and how many detections the text gave.
 */
function measure(text: string, rounds: number): { times: Record<Step, number>; count: number } {
  const article = { text, blocks: splitOnBlankLines(text) };
  const detections = detectArticle(article, "en");
  const stored = detections.map(storedView);
  const edited = editTenth(text, stored);
  const editedArticle = { text: edited, blocks: splitOnBlankLines(edited) };
  const editedDetections = detectArticle(editedArticle, "en");
  const times: Record<Step, number[]> = { detect: [], reanchor: [], "reanchor 10% edited": [] };
  for (let round = 0; round < rounds; round++) {
    times.detect.push(time(() => detectArticle(article, "en")));
    times.reanchor.push(time(() => reanchor(text, PAGE, stored, detections)));
    times["reanchor 10% edited"].push(time(() => reanchor(edited, PAGE, stored, editedDetections)));
  }
  const fastest = {
    detect: Math.min(...times.detect),
    reanchor: Math.min(...times.reanchor),
    "reanchor 10% edited": Math.min(...times["reanchor 10% edited"]),
  };
  return { times: fastest, count: detections.length };
}

/** Prints one shape's table: ms at each size and time per character as a ratio to the first size; then the verdict. */
function benchShape(shape: TextShape, sizes: number[]): void {
  console.log(`\n### ${shape.name}\n`);
  console.log(
    `${"chars".padStart(9)} ${STEPS.map((step) => `${step.padStart(20)} ${"ratio".padStart(6)}`).join(" ")}  detections`,
  );
  const base: Partial<Record<Step, number>> = {};
  const last: Partial<Record<Step, number>> = {};
  let worst = 0;
  let worstStep = "";
  let growth = 0;
  let previous: { size: number; longest: number } | null = null;
  for (const size of sizes) {
    // At quadratic growth from the size before, would any run pass the cap? Then stop here.
    if (previous && previous.longest * (size / previous.size) ** 2 > RUN_CAP_MS) {
      console.log(
        `${String(size).padStart(9)} skipped: a run would take over ${RUN_CAP_MS / 1000} s at quadratic growth`,
      );
      worst = Number.POSITIVE_INFINITY;
      break;
    }
    const text = shape.build(size);
    const { times, count } = measure(text, roundsFor(size));
    // How much the time per character grew since the size before, in the step where it grew most.
    growth = 0;
    const cells = STEPS.map((step) => {
      const perChar = times[step] / text.length;
      base[step] ??= perChar;
      const ratio = perChar / (base[step] as number);
      growth = Math.max(growth, perChar / (last[step] ?? perChar));
      last[step] = perChar;
      if (ratio > worst) {
        worst = ratio;
        worstStep = step;
      }
      return `${times[step].toFixed(1).padStart(20)} ${ratio.toFixed(2).padStart(6)}`;
    });
    console.log(`${String(text.length).padStart(9)} ${cells.join(" ")}  ${count}`);
    previous = { size: text.length, longest: Math.max(...STEPS.map((step) => times[step])) };
  }
  const verdict = worst <= LINEAR_RATIO && growth <= LAST_STEP_GROWTH ? "yes" : "no";
  const where = Number.isFinite(worst)
    ? `${worst.toFixed(2)}, ${worstStep}; growth over the last step ${growth.toFixed(2)}`
    : "a size was skipped";
  console.log(`linear: ${verdict} (largest per-char ratio ${where})`);
}

/**
 * Detection (`detectArticle`) and re-anchoring (`reanchor`, with the stored annotations being the
 * text's own detections, exact and with every tenth edited) on texts of 100k to 5M characters in
 * every shape of `scaling-texts.ts`. Time per character as a ratio to the 100k run: about 1 is linear.
 */
export function benchDetectionScaling(sizes: number[] = SCALING_SIZES, only?: string): void {
  const article = exampleArticleText();
  const shapes = textShapes(article).filter((shape) => !only || shape.name.includes(only));
  // Warm up: the first calls also pay for compiling the detector.
  measure(textShapes(article)[0]?.build(sizes[0] ?? 100_000) ?? article, 1);
  console.log(
    "\n## Detection and re-anchoring against text length (ms; ratio: time per character over that at the first size)",
  );
  for (const shape of shapes) benchShape(shape, sizes);
}

if (import.meta.filename === resolve(process.argv[1] ?? "")) {
  const argv = process.argv.slice(2);
  let sizes = SCALING_SIZES;
  let only: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--sizes") sizes = String(argv[++i]).split(",").map(Number);
    else if (argv[i] === "--shape") only = argv[++i];
    else {
      console.error(`Unknown option ${argv[i]}. Usage: detection-scaling.ts [--sizes N,N,...] [--shape TEXT]`);
      process.exit(2);
    }
  }
  console.log(`# Detection scaling, Node ${process.version}`);
  benchDetectionScaling(sizes, only);
}
