import { type DomTextIndex, indexDomTextSteps } from "./anchor/dom-text";
import { locateAll, type QuoteTarget } from "./anchor/locate";
import { normalizeWhitespace } from "./anchor/normalize";
import { type Extraction, extractionSteps, READABILITY_STEP } from "./extract/article";
import type { ArticleText } from "./extract/article-text";
import type {
  BackgroundMessage,
  PageExtractedMessage,
  PageExtractedResponse,
  PageRef,
  PageState,
  PaintItem,
  PaintStats,
} from "./messages";
import { DEFAULT_SETTINGS, type Settings } from "./model";
import type { Paintable, Painter } from "./paint/painter";
import { SliceClock } from "./yield";

/** An annotation on this visit with where it was found in the live page (null: not found there). */
export interface ShownAnnotation extends PaintItem {
  range: Range | null;
}

/** What one pass over the page produced: the state the popup reads, and what is on screen. */
export interface SessionOutcome {
  state: PageState;
  shown: ShownAnnotation[];
  /** The article as extracted on this pass (null without one): where a selection is looked for. */
  article: ArticleText | null;
  /** The page as the background knows it: for annotations made and cards opened in the page. */
  page: PageRef;
  /** Which kinds the reader wants highlighted. */
  highlightKinds: Settings["highlightKinds"];
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
const CHUNK = 100;

const failed = (error: unknown): PageState => ({
  status: "failed",
  error: error instanceof Error ? error.message : String(error),
});

/**
 * One pass over the page: extract the article, hand it to the background (which detects, stores
 * and re-finds stored annotations in it, off the page's thread), then find everything in the live
 * page and paint it. Yields to the page between stages and chunks; stops when `signal` aborts
 * (navigation, a newer pass).
 */
export async function runSession(options: SessionOptions): Promise<SessionOutcome> {
  const { doc, url, signal, painter } = options;
  const clock = new SliceClock(new Set([READABILITY_STEP]));
  const pageTextLength = doc.body?.textContent?.length ?? 0;
  let article: ArticleText | null = null;
  let page: PageRef = { url, canonicalUrl: null };
  let highlightKinds = DEFAULT_SETTINGS.highlightKinds;
  const outcome = (state: PageState, shown: ShownAnnotation[] = []): SessionOutcome => ({
    state,
    shown,
    pageTextLength,
    article,
    page,
    highlightKinds,
  });

  const steps = extractionSteps(doc, url);
  let extraction: Extraction | undefined;
  while (!extraction) {
    const step = steps.next();
    if (step.done) extraction = step.value;
    else await clock.yield(step.value);
    signal.throwIfAborted();
  }

  const { report } = extraction;
  article = extraction.article;
  page = { url, canonicalUrl: report.canonicalUrl };
  const message: PageExtractedMessage = {
    type: "page/extracted",
    url,
    report,
    article: article ? { text: article.text, blocks: article.blocks } : null,
  };
  const recorded = (await clock.wait(options.send(message), "report")) as PageExtractedResponse | undefined;
  signal.throwIfAborted();
  if (!recorded?.ok) return outcome(failed(recorded?.error ?? "the extension did not answer"));
  const base = {
    status: "recorded" as const,
    pageKey: recorded.pageKey,
    hasArticle: report.hasArticle,
    noArticleReason: report.noArticleReason,
  };
  highlightKinds = recorded.highlightKinds;
  painter.setScheme(recorded.colourScheme);
  if (!article) return outcome({ ...base, paint: null });

  const { located } = recorded;
  const shown = await paintLocated(options, located, clock, highlightKinds);
  clock.pause("paint");
  const paint: PaintStats = {
    detections: recorded.detections,
    annotations: located.length,
    anchored: shown.filter((item) => item.range).length,
    fuzzy: located.filter((item) => item.anchor === "fuzzy").length,
    orphans: recorded.orphans,
    painted: painter.size,
    mode: painter.mode,
    readabilityMs: round(extraction.readabilityMs ?? 0),
    totalMs: round(performance.now() - options.startedAt),
    longestTaskMs: round(clock.longest),
    longestStage: clock.longestStage,
    longestOwnTaskMs: round(clock.longestOwn),
    longestOwnStage: clock.longestOwnStage,
  };
  return outcome({ ...base, paint }, shown);
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

/**
 * Finds located annotations in the live page's text (one index per pass; quote with context,
 * the article position as a hint that keeps matches in the article's region) and paints them.
 */
async function paintLocated(
  options: SessionOptions,
  located: PaintItem[],
  clock: SliceClock,
  kinds: Settings["highlightKinds"],
): Promise<ShownAnnotation[]> {
  const { doc, painter, signal } = options;
  if (!doc.body || located.length === 0) {
    painter.paint([]);
    return located.map((item) => ({ ...item, range: null }));
  }
  const steps = indexDomTextSteps(doc.body, options.skip ? { skip: options.skip } : undefined);
  let index: DomTextIndex | undefined;
  while (!index) {
    const step = steps.next();
    if (step.done) index = step.value;
    await clock.yield("index the page");
    signal.throwIfAborted();
  }
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
    // These quotes were just read from this very page: a short one found only once is theirs.
    const matches = locateAll(index.text, targets, { acceptUnique: true });
    const paintables: Paintable[] = [];
    chunk.forEach((item, i) => {
      const match = matches[i];
      const range = match ? index.rangeAt(match.start, match.end) : null;
      shown.push({ ...item, range });
      const paintable = toPaintable(item, range, kinds);
      if (paintable) paintables.push(paintable);
    });
    painter.add(paintables);
    await clock.yield("locate and paint");
    signal.throwIfAborted();
  }
  // The painter's ranges are the ones that hold: wrapping (the fallback) splits text nodes, which
  // moves ranges made before it. With the Highlight API they are the very ranges given.
  for (const item of shown) if (item.range) item.range = painter.rangesOf(item.id)[0] ?? item.range;
  return shown;
}

/** What the painter draws for an annotation found at `range`: nothing for terms and kinds the reader hid. */
export function toPaintable(
  item: Pick<PaintItem, "id" | "kind" | "status">,
  range: Range | null,
  kinds: Settings["highlightKinds"],
): Paintable | null {
  if (!range || item.kind === "term" || !kinds[item.kind]) return null;
  return { id: item.id, kind: item.kind, status: item.status, range };
}
