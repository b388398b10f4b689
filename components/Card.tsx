import type { JSX } from "preact";
import type { MachineFields } from "../lib/model";

/** What the card shows about one annotation; every string may come from the page and is shown as text. */
export interface CardAnnotation extends MachineFields {
  id: string;
  kind: "quote" | "claim" | "figure" | "highlight";
  exact: string;
  status: "unverified" | "supported" | "disputed" | "false";
  sources: { url: string; title: string }[];
  anchor: "exact" | "fuzzy";
}

const KIND_LABELS: Record<CardAnnotation["kind"], string> = {
  quote: "Quote",
  claim: "Reported claim",
  figure: "Figure",
  highlight: "Highlight",
};

const STATUS_LABELS: Record<CardAnnotation["status"], string> = {
  unverified: "Unverified",
  supported: "Supported",
  disputed: "Disputed",
  false: "False",
};

const FIGURE_KIND_LABELS: Record<string, string> = {
  count: "Count",
  percent: "Percentage",
  money: "Amount of money",
  measure: "Measurement",
  date: "Date",
  time: "Time",
  duration: "Duration",
  ratio: "Ratio",
  other: "Other",
};

/** The detector's qualifier vocabulary in words a reader expects ("vague" alone says little). */
const QUALIFIER_WORDS: Record<string, string> = {
  approximately: "approximately",
  "at most": "up to",
  "at least": "at least",
  "more than": "more than",
  "less than": "less than",
  early: "early in the period",
  mid: "mid-period",
  late: "late in the period",
  vague: "not a precise number",
};

/** The annotated text is shown in full up to this length; a 20,000-character quote is not. */
const EXACT_SHOWN = 400;

/** A figure's value for display: numbers in the reader's locale, dates and other strings as given. */
export function formatFigureValue(value: number | string, locale?: string): string {
  if (typeof value === "string") return value;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(value);
}

/** A qualifier in plain words, or the raw qualifier when it is not in the vocabulary. */
export function qualifierWords(qualifier: string): string {
  return QUALIFIER_WORDS[qualifier] ?? qualifier;
}

/** The URL as a link target when it is an http(s) URL, otherwise null (shown as text, never followed). */
export function safeLinkHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function Sources({ sources }: { sources: CardAnnotation["sources"] }) {
  if (sources.length === 0) return <span class="card-empty">None yet</span>;
  return (
    <ul class="card-source-list">
      {sources.map((source, index) => {
        const href = safeLinkHref(source.url);
        const label = source.title.trim() || source.url;
        return (
          // Sources may repeat a URL, so the position is part of the key.
          <li key={`${index}:${source.url}`}>
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer" title={source.url}>
                {label}
              </a>
            ) : (
              <span class="card-source-text" title={source.url}>
                {label}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** One annotation's card: what it is, who said it or what it counts, its verdict and its sources. */
export function Card({
  annotation,
  onClose,
  locale,
}: {
  annotation: CardAnnotation;
  onClose(): void;
  /** Locale for numbers; the reader's own when omitted. */
  locale?: string;
}) {
  const a = annotation;
  const kindLabel = KIND_LABELS[a.kind] ?? "Annotation";
  const exact = a.exact.length > EXACT_SHOWN ? `${a.exact.slice(0, EXACT_SHOWN).trimEnd()}…` : a.exact;
  // A figure's speaker is whoever's quote or claim holds it; a figure has no cue of its own.
  const attributed = Boolean(a.speaker || a.cue);
  const isFigure = a.kind === "figure";

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLElement>) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };

  return (
    <div
      class="card"
      role="dialog"
      aria-label={`Claimmark: ${kindLabel}`}
      tabIndex={-1}
      data-testid="card"
      data-kind={a.kind}
      data-status={a.status}
      onKeyDown={onKeyDown}
    >
      <div class="card-head">
        <span class="card-kind" data-testid="card-kind">
          {kindLabel}
        </span>
        <button type="button" class="card-close" data-testid="card-close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      {exact && (
        <p class="card-exact" data-testid="card-exact">
          {exact}
        </p>
      )}
      <dl class="card-fields">
        {attributed && (
          <>
            <dt>Attributed to</dt>
            <dd>
              {a.speaker ? (
                <span data-testid="card-speaker">{a.speaker}</span>
              ) : (
                <span class="card-empty">Unknown speaker</span>
              )}
              {a.cue && (
                <>
                  <span aria-hidden="true"> · </span>
                  <span class="card-cue" data-testid="card-cue">
                    {a.cue}
                  </span>
                </>
              )}
            </dd>
          </>
        )}
        {isFigure && a.figureKind && (
          <>
            <dt>Type</dt>
            <dd data-testid="card-figure-kind">{FIGURE_KIND_LABELS[a.figureKind] ?? a.figureKind}</dd>
          </>
        )}
        {isFigure && a.value !== null && (
          <>
            <dt>Value</dt>
            <dd data-testid="card-value" data-value={String(a.value)}>
              {formatFigureValue(a.value, locale)}
            </dd>
          </>
        )}
        {isFigure && a.unit && (
          <>
            <dt>Unit</dt>
            <dd data-testid="card-unit">{a.unit}</dd>
          </>
        )}
        {isFigure && a.qualifier && (
          <>
            <dt>Qualifier</dt>
            <dd data-testid="card-qualifier" data-qualifier={a.qualifier}>
              {qualifierWords(a.qualifier)}
            </dd>
          </>
        )}
        <dt>Status</dt>
        <dd>
          <span class="card-status" data-testid="card-status" data-status={a.status}>
            {STATUS_LABELS[a.status] ?? a.status}
          </span>
        </dd>
        <dt>Sources</dt>
        <dd data-testid="card-sources">
          <Sources sources={a.sources} />
        </dd>
      </dl>
      {a.anchor === "fuzzy" && (
        <p class="card-note" role="note" data-testid="card-fuzzy">
          Text changed since it was annotated
        </p>
      )}
    </div>
  );
}
