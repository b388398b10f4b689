import { indexDomText } from "./anchor/dom-text";
import { locateAll, type QuoteTarget } from "./anchor/locate";
import { normalizeWhitespace } from "./anchor/normalize";
import { type LocatedAnnotation, reanchor } from "./anchor/reanchor";
import { extractArticle } from "./extract/article";
import type {
  BackgroundMessage,
  PageDetectionsResponse,
  PageExtractedResponse,
  PageState,
  PaintStats,
  StoredAnnotationView,
} from "./messages";
import type { Paintable, Painter } from "./paint/painter";
import { detectInStages } from "./read-page";
import { SliceClock } from "./yield";

/** An annotation on this visit with where it was found in the live page (null: not found there). */
export interface ShownAnnotation extends LocatedAnnotation {
  range: Range | null;
}

/** What one pass over the page produced: the state the popup reads, and what is on screen. */
export interface SessionOutcome {
  state: PageState;
  shown: ShownAnnotation[];
  orphans: StoredAnnotationView[];
  /** Length of the page's text when the pass ran: later growth means the article loaded late. */
  pageTextLength: number;
}

/** What a pass needs from its surroundings: the page, a way to reach the background, a painter. */
export interface SessionOptions {
  doc: Document;
  url: string;
  /** `performance.now()` when the content script started: the start of the painted-time measure. */
  startedAt: number;
  send: (message: BackgroundMessage) => Promise<unknown>;
  painter: Painter;
  signal: AbortSignal;
  /** Elements of our own (the card) that are not page text. */
  skip?: (element: Element) => boolean;
}

/** How many annotations are located and painted between two yields to the page. */
const CHUNK = 200;

const failed = (error: unknown): PageState => ({
  status: "failed",
  error: error instanceof Error ? error.message : String(error),
});

/**
 * One pass over the page: extract, detect, record, re-find stored annotations in the article,
 * store what is new, then find everything in the live page and paint it. Yields to the page
 * between stages and chunks; stops quietly when `signal` aborts (navigation, a newer pass).
 */
export async function runSession(options: SessionOptions): Promise<SessionOutcome> {
  const { doc, url, signal, painter } = options;
  const clock = new SliceClock();
  const pageTextLength = doc.body?.textContent?.length ?? 0;
  const outcome = (state: PageState, shown: ShownAnnotation[] = [], orphans: StoredAnnotationView[] = []) => ({
    state,
    shown,
    orphans,
    pageTextLength,
  });

  const extraction = extractArticle(doc, url);
  await clock.yield("extract");
  signal.throwIfAborted();
  const stages = detectInStages(extraction);
  const spans = stages.quotesAndClaims();
  await clock.yield("detect quotes and claims");
  signal.throwIfAborted();
  const detections = stages.figures(spans);
  await clock.yield("detect figures");
  signal.throwIfAborted();

  const { report, article } = extraction;
  const recorded = (await clock.wait(options.send({ type: "page/extracted", url, report }), "report")) as
    | PageExtractedResponse
    | undefined;
  signal.throwIfAborted();
  if (!recorded?.ok) return outcome(failed(recorded?.error ?? "the extension did not answer"));
  const base = {
    status: "recorded" as const,
    pageKey: recorded.pageKey,
    hasArticle: report.hasArticle,
    noArticleReason: report.noArticleReason,
  };
  if (!article) return outcome({ ...base, paint: null });

  const { anchors, toStore, located, orphans } = reanchor(
    article.text,
    recorded.pageKey,
    recorded.annotations,
    detections,
  );
  const stored = (await clock.wait(
    options.send({ type: "page/detections", url, canonicalUrl: report.canonicalUrl, detections: toStore, anchors }),
    "re-anchor in the article",
  )) as PageDetectionsResponse | undefined;
  signal.throwIfAborted();
  if (!stored?.ok) return outcome(failed(stored?.error ?? "the extension did not answer"));

  const shown = await paintLocated(options, located, clock);
  clock.pause("paint");
  const paint: PaintStats = {
    detections: detections.length,
    annotations: located.length,
    anchored: shown.filter((item) => item.range).length,
    fuzzy: located.filter((item) => item.anchor === "fuzzy").length,
    orphans: orphans.length,
    painted: painter.size,
    mode: painter.mode,
    readabilityMs: round(extraction.readabilityMs ?? 0),
    totalMs: round(performance.now() - options.startedAt),
    longestTaskMs: round(clock.longest),
    longestStage: clock.longestStage,
  };
  return outcome({ ...base, paint }, shown, orphans);
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

/**
 * Finds located annotations in the live page's text (one index per pass; quote with context,
 * the article position as a hint that keeps matches in the article's region) and paints them.
 */
async function paintLocated(
  options: SessionOptions,
  located: LocatedAnnotation[],
  clock: SliceClock,
): Promise<ShownAnnotation[]> {
  const { doc, painter, signal } = options;
  if (!doc.body || located.length === 0) {
    painter.paint([]);
    return located.map((item) => ({ ...item, range: null }));
  }
  const index = indexDomText(doc.body, options.skip ? { skip: options.skip } : undefined);
  await clock.yield("index the page");
  signal.throwIfAborted();
  painter.paint([]);
  const shown: ShownAnnotation[] = [];
  for (let from = 0; from < located.length; from += CHUNK) {
    const chunk = located.slice(from, from + CHUNK);
    const targets: QuoteTarget[] = chunk.map((item) => ({
      exact: normalizeWhitespace(item.exact),
      prefix: normalizeWhitespace(item.prefix),
      suffix: normalizeWhitespace(item.suffix),
      hint: item.start,
    }));
    const matches = locateAll(index.text, targets);
    const paintables: Paintable[] = [];
    chunk.forEach((item, i) => {
      const match = matches[i];
      const range = match ? index.rangeAt(match.start, match.end) : null;
      shown.push({ ...item, range });
      if (range && item.kind !== "term") {
        paintables.push({ id: item.id, kind: item.kind, status: item.status, range });
      }
    });
    painter.add(paintables);
    await clock.yield("locate and paint");
    signal.throwIfAborted();
  }
  // Wrapping (the fallback painter) splits text nodes, which moves the ranges made before it: ask the painter.
  if (painter.mode === "wrap") {
    for (const item of shown) if (item.range) item.range = painter.rangesOf(item.id)[0] ?? item.range;
  }
  return shown;
}
