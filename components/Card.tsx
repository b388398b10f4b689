import type { ComponentChildren, JSX } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { AnnotationOrigin, MachineFields, Source } from "../lib/model";
import { parseHttpUrl } from "../lib/url/http";
import { AnnotationFields, type EditCallbacks } from "./edit/AnnotationFields";
import { KIND_LABELS } from "./edit/labels";
import { Related, type RelatedGroups } from "./edit/Related";
import { Toast, type ToastProps } from "./edit/Toast";
import { formatFigureValue } from "./figure-value";
import { type MessageKey, t } from "./i18n";

/** What the card shows about one annotation; every string may come from the page and is shown as text. */
export interface CardAnnotation extends MachineFields {
  id: string;
  kind: "quote" | "claim" | "figure" | "highlight";
  origin: AnnotationOrigin;
  exact: string;
  status: "unverified" | "supported" | "disputed" | "false";
  tags: string[];
  note: string;
  sources: Source[];
  anchor: "exact" | "fuzzy";
}

/** Everything the card takes besides the annotation and its close callback. */
export interface CardOptions extends Partial<EditCallbacks> {
  /** Locale for numbers; the reader's own when omitted. */
  locale?: string;
  /** Annotations on other pages with the same speaker or figure; null or absent while unknown. */
  related?: RelatedGroups;
  /** Tags in use, most used first, for completion. */
  tagSuggestions?: string[];
  /** An undo on offer (a deleted annotation, a removed source), shown at the card's foot. */
  toast?: ToastProps | null;
}

/** Props of {@link Card}. */
export interface CardProps extends CardOptions {
  annotation: CardAnnotation;
  /** Closing writes nothing, so it answers any Escape or click (the page can close the card anyway). */
  onClose(): void;
  /** Alt+Shift+↓ / ↑ in the card: the next or previous highlight's card. */
  onWalk?(step: 1 | -1): void;
  /** Move focus to the close button when the card appears (it was opened from the keyboard). */
  autoFocus?: boolean;
  /** Whether a pointer may act on the card now (the frame's click guard); shown as `data-armed`. */
  armed?: boolean;
  /** Messages shown at the top of the card (a refused click, a failed save). */
  banner?: ComponentChildren;
}

const FIGURE_KIND_LABELS: Record<string, MessageKey> = {
  count: "figure_kind_count",
  percent: "figure_kind_percent",
  money: "figure_kind_money",
  measure: "figure_kind_measure",
  date: "kind_date",
  time: "figure_kind_time",
  duration: "figure_kind_duration",
  ratio: "figure_kind_ratio",
  other: "figure_kind_other",
};

/** The detector's qualifier vocabulary in words a reader expects ("vague" alone says little). */
const QUALIFIER_WORDS: Record<string, MessageKey> = {
  approximately: "qualifier_approximately",
  "at most": "qualifier_up_to",
  "at least": "qualifier_at_least",
  "more than": "qualifier_more_than",
  "less than": "qualifier_less_than",
  early: "qualifier_early",
  mid: "qualifier_mid",
  late: "qualifier_late",
  vague: "qualifier_vague",
};

/** A callback the caller did not give: the edit goes nowhere. */
const ignore = () => {};

/** The annotated text is shown in full up to this length; a 20,000-character quote is not. */
const EXACT_SHOWN = 400;

// In a module of its own so the popup's rows can show a value without loading the card.
export { formatFigureValue } from "./figure-value";

/** A qualifier in plain words, or the raw qualifier when it is not in the vocabulary. */
export function qualifierWords(qualifier: string): string {
  const key = QUALIFIER_WORDS[qualifier];
  return key ? t(key) : qualifier;
}

/** The URL as a link target when it is an http(s) URL, otherwise null (shown as text, never followed). */
export const safeLinkHref = (url: string): string | null => parseHttpUrl(url)?.href ?? null;

/** One annotation's card: what it is, who said it or what it counts, its verdict and its sources. */
export function Card({
  annotation,
  onClose,
  onWalk,
  autoFocus,
  armed,
  banner,
  locale,
  related,
  tagSuggestions,
  toast,
  ...callbacks
}: CardProps) {
  const a = annotation;
  const kindLabel = KIND_LABELS[a.kind] ?? t("card_annotation");
  const exact = a.exact.length > EXACT_SHOWN ? `${a.exact.slice(0, EXACT_SHOWN).trimEnd()}…` : a.exact;
  // A figure's speaker is whoever's quote or claim holds it; a figure has no cue of its own.
  const attributed = Boolean(a.speaker || a.cue) || a.kind === "quote" || a.kind === "claim";
  const isFigure = a.kind === "figure";

  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (autoFocus) closeButton.current?.focus({ preventScroll: true });
  }, [autoFocus]);

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLElement>) => {
    if (event.altKey && event.shiftKey && (event.key === "ArrowDown" || event.key === "ArrowUp") && onWalk) {
      event.preventDefault();
      onWalk(event.key === "ArrowDown" ? 1 : -1);
      return;
    }
    if (event.key !== "Escape") return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };

  return (
    <div
      class="card"
      role="dialog"
      aria-label={t("card_label", kindLabel)}
      tabIndex={-1}
      data-testid="card"
      data-kind={a.kind}
      data-status={a.status}
      data-armed={armed === undefined ? undefined : String(armed)}
      onKeyDown={onKeyDown}
    >
      <div class="card-head">
        <span class="card-kind" data-testid="card-kind">
          {kindLabel}
        </span>
        <button
          type="button"
          class="card-close"
          data-testid="card-close"
          aria-label={t("card_close")}
          ref={closeButton}
          onClick={onClose}
        >
          ×
        </button>
      </div>
      {banner}
      {exact && (
        <p class="card-exact" data-testid="card-exact">
          {exact}
        </p>
      )}
      {(attributed || isFigure) && (
        <dl class="card-fields">
          {attributed && (
            <>
              <dt>{t("card_attributed_to")}</dt>
              <dd>
                {a.speaker ? (
                  <span data-testid="card-speaker">{a.speaker}</span>
                ) : (
                  <span class="card-empty">{t("card_unknown_speaker")}</span>
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
              <dt>{t("card_type")}</dt>
              <dd data-testid="card-figure-kind">
                {a.figureKind in FIGURE_KIND_LABELS ? t(FIGURE_KIND_LABELS[a.figureKind] as MessageKey) : a.figureKind}
              </dd>
            </>
          )}
          {isFigure && a.value !== null && (
            <>
              <dt>{t("figure_value")}</dt>
              <dd data-testid="card-value" data-value={String(a.value)}>
                {formatFigureValue(a.value, locale, a)}
              </dd>
            </>
          )}
          {isFigure && a.unit && (
            <>
              <dt>{t("field_unit")}</dt>
              <dd data-testid="card-unit">{a.unit}</dd>
            </>
          )}
          {isFigure && a.qualifier && (
            <>
              <dt>{t("figure_qualifier")}</dt>
              <dd data-testid="card-qualifier" data-qualifier={a.qualifier}>
                {qualifierWords(a.qualifier)}
              </dd>
            </>
          )}
        </dl>
      )}
      <AnnotationFields
        annotation={a}
        sources={a.sources}
        tagSuggestions={tagSuggestions}
        testIdPrefix="card"
        onPatch={callbacks.onPatch ?? ignore}
        onAddSource={callbacks.onAddSource ?? ignore}
        onUpdateSource={callbacks.onUpdateSource ?? ignore}
        onRemoveSource={callbacks.onRemoveSource ?? ignore}
        onDelete={callbacks.onDelete ?? ignore}
        onDismiss={callbacks.onDismiss ?? ignore}
      />
      {a.anchor === "fuzzy" && (
        <p class="card-note" role="note" data-testid="card-fuzzy">
          {t("card_fuzzy")}
        </p>
      )}
      {toast && <Toast {...toast} />}
      <Related related={related ?? null} />
    </div>
  );
}
