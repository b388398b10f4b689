import { useEffect, useRef } from "preact/hooks";
import { findHighlightApi } from "../lib/paint/highlight-api";
import {
  type ColourScheme,
  kindHighlightName,
  type OverlayStatus,
  type PaintedKind,
  type PaintTheme,
  statusHighlightName,
} from "../lib/paint/names";
import { pageTheme } from "../lib/paint/theme";
import { type MessageKey, t } from "./i18n";

/**
 * What the colours and lines in a page mean, each with a sample painted the way pages are: under
 * the very highlight names and stylesheet (`entrypoints/content/highlights.css`) the content
 * script uses, in the reader's colour scheme. Where the browser lacks the Highlight API, the
 * samples are the fallback's own `<claimmark-mark>` elements, as pages then get.
 */

interface Entry {
  kind: PaintedKind;
  status?: OverlayStatus;
  /** Each a message's name: the entry is written in the UI's language when shown. */
  name: MessageKey;
  sample: MessageKey;
  meaning: MessageKey | null;
  look: MessageKey;
}

const KINDS: Entry[] = [
  {
    kind: "quote",
    name: "kind_quote",
    sample: "legend_quote_sample",
    meaning: "legend_quote_meaning",
    look: "legend_quote_look",
  },
  {
    kind: "claim",
    name: "kind_claim",
    sample: "legend_claim_sample",
    meaning: "legend_claim_meaning",
    look: "legend_claim_look",
  },
  {
    kind: "figure",
    name: "kind_figure",
    sample: "legend_figure_sample",
    meaning: "legend_figure_meaning",
    look: "legend_figure_look",
  },
  {
    kind: "date",
    name: "kind_date",
    sample: "legend_date_sample",
    meaning: "legend_date_meaning",
    look: "legend_date_look",
  },
  {
    kind: "highlight",
    name: "legend_highlight_name",
    sample: "legend_highlight_sample",
    meaning: "legend_highlight_meaning",
    look: "legend_highlight_look",
  },
];

const VERDICTS: Entry[] = [
  {
    kind: "claim",
    status: "supported",
    name: "status_supported",
    sample: "legend_supported_sample",
    meaning: null,
    look: "legend_supported_look",
  },
  {
    kind: "claim",
    status: "disputed",
    name: "status_disputed",
    sample: "legend_disputed_sample",
    meaning: null,
    look: "legend_disputed_look",
  },
  {
    kind: "claim",
    status: "false",
    name: "status_false",
    sample: "legend_false_sample",
    meaning: null,
    look: "legend_false_look",
  },
];

/** The highlight names a sample is painted under: its kind's, and its verdict's overlay. */
function namesOf(entry: Entry, theme: PaintTheme, scheme: ColourScheme): string[] {
  const names = [kindHighlightName(entry.kind, theme, scheme)];
  const overlay = entry.status ? statusHighlightName(entry.status, theme) : null;
  if (overlay) names.push(overlay);
  return names;
}

/** Paints the samples inside `root` under their highlight names while mounted; removes them after. */
function usePaintedSamples(root: { current: HTMLElement | null }, scheme: ColourScheme, painted: boolean): void {
  useEffect(() => {
    const element = root.current;
    const api = findHighlightApi(document);
    if (!element || !api || !painted) return;
    const theme = pageTheme(document);
    const ranges = new Map<string, Range[]>();
    for (const sample of element.querySelectorAll<HTMLElement>("[data-sample]")) {
      const entry = [...KINDS, ...VERDICTS].find((e) => e.name === sample.dataset.sample);
      if (!entry) continue;
      const range = document.createRange();
      range.selectNodeContents(sample);
      for (const name of namesOf(entry, theme, scheme)) ranges.set(name, [...(ranges.get(name) ?? []), range]);
    }
    const mine = new Map<string, unknown>();
    for (const [name, list] of ranges) {
      const highlight = new api.Highlight(...list);
      api.registry.set(name, highlight);
      mine.set(name, highlight);
    }
    return () => {
      for (const [name, highlight] of mine) if (api.registry.get(name) === highlight) api.registry.delete(name);
    };
  }, [root, scheme, painted]);
}

function Sample({ entry, scheme, painted }: { entry: Entry; scheme: ColourScheme; painted: boolean }) {
  if (painted) {
    return (
      <span class="legend-sample" data-sample={entry.name}>
        {t(entry.sample)}
      </span>
    );
  }
  return (
    <claimmark-mark
      class="legend-sample"
      data-sample={entry.name}
      data-kind={entry.kind}
      data-status={entry.status ?? "unverified"}
      data-scheme={scheme === "default" ? undefined : scheme}
    >
      {t(entry.sample)}
    </claimmark-mark>
  );
}

function Rows({ entries, scheme, painted }: { entries: Entry[]; scheme: ColourScheme; painted: boolean }) {
  return (
    <dl class="legend-list">
      {entries.map((entry) => (
        <div class="legend-row" key={entry.name} data-testid={`legend-${entry.status ?? entry.kind}`}>
          <dt>
            <span class="legend-name">{t(entry.name)}</span> <Sample entry={entry} scheme={scheme} painted={painted} />
          </dt>
          <dd>
            {entry.meaning && `${t(entry.meaning)} `}
            {t(entry.look)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Props of {@link Legend}. */
export interface LegendProps {
  /** The reader's colour scheme: the samples look as the reader's pages do. */
  scheme: ColourScheme;
  /** Whether the reader shows verdicts in pages: their marks are then explained as in use. */
  verdictMarks?: boolean;
}

/** The legend of Claimmark's highlights: each kind's colour and line, and the verdict marks. */
export function Legend({ scheme, verdictMarks = false }: LegendProps) {
  const root = useRef<HTMLDivElement>(null);
  const painted = findHighlightApi(document) !== null;
  usePaintedSamples(root, scheme, painted);
  return (
    <div class="legend" ref={root} data-testid="legend">
      <Rows entries={KINDS} scheme={scheme} painted={painted} />
      <p class="legend-note">{verdictMarks ? t("legend_verdicts_on") : t("legend_verdicts_off")}</p>
      <Rows entries={VERDICTS} scheme={scheme} painted={painted} />
    </div>
  );
}

declare module "preact" {
  namespace JSX {
    interface IntrinsicElements {
      /** The fallback painter's wrapper element, styled by highlights.css. */
      "claimmark-mark": HTMLAttributes<HTMLElement>;
    }
  }
}
