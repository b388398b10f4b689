import type { ComponentChildren, JSX } from "preact";
import { useId } from "preact/hooks";
import type { Annotation } from "../../lib/model";
import { type ShownKind, shownKind } from "../../lib/shown-kind";
import { kindLabel, statusLabel } from "../edit/labels";
import { useTrusted } from "../edit/trust";
import { formatFigure } from "../figure-value";
import { type MessageKey, plural, t } from "../i18n";

/** Props of {@link Row}. */
export interface RowProps {
  annotation: Annotation;
  sourceCount: number;
  expanded: boolean;
  /** Show this annotation in the page. */
  onReveal(id: string): void;
  onToggle(id: string): void;
  /** Undo a dismissal (shown on dismissed rows only). */
  onRestore(id: string): void;
  /** Ticked for export. */
  selected: boolean;
  /** The reader ticked or cleared the row's export checkbox. */
  onSelect(id: string, selected: boolean): void;
  /** The inline editor, when expanded. */
  children?: ComponentChildren;
}

/** Longest text put in a row: two clamped lines show far less, and a 20,000-character quote would cost layout. */
const ROW_TEXT = 400;

/** Words of a row's text its checkbox is named by: enough to tell rows apart to a screen reader. */
const LABEL_WORDS = 6;

/** The start of an annotation's text, for labels: its first few words, "…" when there are more. */
function firstWords(text: string, count = LABEL_WORDS): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const head = words.slice(0, count).join(" ");
  return words.length > count ? `${head}…` : head;
}

/** A kind's name on a row, short: the row is narrow. */
const ROW_KIND: Record<ShownKind, MessageKey> = {
  quote: "kind_quote",
  claim: "toolbar_claim",
  term: "kind_term",
  figure: "kind_figure",
  date: "kind_date",
  highlight: "kind_highlight",
};

/** Who said it, or what it counts: shown after the kind, before the text. */
function rowDetail(annotation: Annotation): string {
  if (annotation.kind === "figure" && annotation.value !== null) {
    // Said once: a figure whose passage already reads as its value ("November 28") needs no detail.
    const text = formatFigure(annotation).text;
    return annotation.exact.includes(text) ? "" : text;
  }
  return annotation.speaker ?? "";
}

/** One annotation in the popup's list: its text, speaker or figure, verdict and sources; click to show it in the page. */
export function Row({
  annotation: a,
  sourceCount,
  expanded,
  onReveal,
  onToggle,
  onRestore,
  selected,
  onSelect,
  children,
}: RowProps) {
  const id = useId();
  const trusted = useTrusted();
  // The click (Space on the focused box, or the label) decides: an untrusted one is undone before it toggles anything.
  const onSelectClick = (event: JSX.TargetedMouseEvent<HTMLInputElement>) => {
    const box = event.currentTarget;
    let allowed = false;
    trusted(() => {
      allowed = true;
    })(event);
    if (allowed) onSelect(a.id, box.checked);
    else event.preventDefault();
  };
  const text = a.exact.length > ROW_TEXT ? `${a.exact.slice(0, ROW_TEXT)}…` : a.exact;
  const detail = rowDetail(a);
  return (
    <div
      class={`row${expanded ? " row-open" : ""}`}
      data-testid="row"
      data-annotation-id={a.id}
      data-kind={a.kind}
      data-status={a.status}
    >
      <div class="row-line">
        <label class="row-select">
          <input
            type="checkbox"
            class="row-select-box"
            data-testid="row-select"
            checked={selected}
            onClick={onSelectClick}
          />
          <span class="edit-sr-only">{t("row_select_export", firstWords(a.exact) || a.kind)}</span>
        </label>
        <button
          type="button"
          class="row-main"
          data-testid="row-reveal"
          title={t("row_show_in_page")}
          onClick={trusted(() => onReveal(a.id))}
        >
          <span class="row-body">
            <span class="row-kind" data-testid="row-kind" data-kind={shownKind(a)} title={kindLabel(a)}>
              {t(ROW_KIND[shownKind(a)])}
            </span>
            {detail && (
              <span class="row-detail" data-testid="row-detail">
                {detail}
              </span>
            )}
            <span class="row-text" data-testid="row-text">
              {text}
            </span>
          </span>
          <span class="row-meta">
            <span class="row-status" data-testid="row-status" data-status={a.status}>
              {statusLabel(a.status)}
            </span>
            <span class="row-sources" data-testid="row-sources" data-count={sourceCount}>
              {plural(sourceCount, "count_sources_one", "count_sources_other")}
            </span>
            {a.dismissed && <span class="row-dismissed">{t("undo_dismissed")}</span>}
          </span>
        </button>
        {a.dismissed ? (
          <button
            type="button"
            class="edit-button row-side"
            data-testid="row-restore"
            onClick={trusted(() => onRestore(a.id))}
          >
            {t("row_restore")}
          </button>
        ) : (
          <button
            type="button"
            class="row-expand row-side"
            data-testid="row-expand"
            aria-expanded={expanded}
            aria-controls={expanded ? `${id}-editor` : undefined}
            aria-label={expanded ? t("row_close_editing_short") : t("source_edit")}
            onClick={trusted(() => onToggle(a.id))}
          >
            {expanded ? "▴" : "✎"}
          </button>
        )}
      </div>
      {expanded && (
        <div id={`${id}-editor`} class="row-editor" data-testid="row-editor">
          {children}
        </div>
      )}
    </div>
  );
}
