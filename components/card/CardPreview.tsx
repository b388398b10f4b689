import type { Annotation } from "../../lib/model";
import { kindLabel, statusLabel } from "../edit/labels";
import { useTrusted } from "../edit/trust";
import { formatFigure } from "../figure-value";
import { t } from "../i18n";

/** Props of {@link CardPreview}. */
export interface CardPreviewProps {
  annotation: Annotation;
  /** Whether a pointer may act now (the frame's click guard); shown as `data-armed`. */
  armed: boolean;
  /** Set while a click was just refused (the preview had just appeared or moved, or was covered). */
  refused: boolean;
  /** The reader clicked it: open the full card. */
  onExpand(): void;
  /** Locale for numbers and dates; the reader's own when omitted. */
  locale?: string;
}

/** Who said it (a quote or claim, or a figure inside one), as the preview names them. */
function speakerOf(annotation: Annotation): string | null {
  if (annotation.speaker) return annotation.speaker;
  return annotation.kind === "quote" || annotation.kind === "claim" ? t("card_unknown_speaker") : null;
}

/** The preview's main line: the speaker of a quote or claim, a figure's value (and speaker), a highlight's text. */
function mainLine(annotation: Annotation, locale?: string): string {
  if (annotation.kind === "figure" && annotation.value !== null) {
    const figure = formatFigure(annotation, locale).text;
    return annotation.speaker ? `${figure} · ${annotation.speaker}` : figure;
  }
  return speakerOf(annotation) ?? annotation.exact;
}

/**
 * The small preview a rest of the pointer shows, in the card's frame (an extension page the page
 * cannot read): the kind, the speaker or the value, and the status, nothing the reader would
 * type. The whole preview is one button: a click opens the full card.
 */
export function CardPreview({ annotation, armed, refused, onExpand, locale }: CardPreviewProps) {
  const kind = kindLabel(annotation);
  const main = mainLine(annotation, locale);
  const status = statusLabel(annotation.status);
  const trusted = useTrusted();
  return (
    <button
      type="button"
      class="card-preview"
      data-testid="card-preview"
      data-kind={annotation.kind === "term" ? "highlight" : annotation.kind}
      data-status={annotation.status}
      data-armed={String(armed)}
      aria-label={`${kind}: ${main}. ${status}. Open the card`}
      onClick={trusted(() => onExpand())}
    >
      <span class="card-preview-head">
        <span class="card-preview-kind" data-testid="card-preview-kind">
          {kind}
        </span>
        <span class="card-preview-status" data-testid="card-preview-status">
          {status}
        </span>
      </span>
      <span class="card-preview-main" data-testid="card-preview-main">
        {main}
      </span>
      <span class="card-preview-hint" data-testid={refused ? "card-refused" : undefined}>
        {refused ? t("preview_click_ignored") : t("preview_click_for_card")}
      </span>
    </button>
  );
}
