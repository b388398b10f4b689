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

/**
 * What the colours and lines in a page mean, each with a sample painted the way pages are: under
 * the very highlight names and stylesheet (`entrypoints/content/highlights.css`) the content
 * script uses, in the reader's colour scheme. Where the browser lacks the Highlight API, the
 * samples are the fallback's own `<claimmark-mark>` elements, as pages then get.
 */

interface Entry {
  kind: PaintedKind;
  status?: OverlayStatus;
  name: string;
  sample: string;
  meaning: string;
  look: string;
}

const KINDS: Entry[] = [
  {
    kind: "quote",
    name: "Quote",
    sample: "“We will strengthen the border”",
    meaning: "Words in quotation marks, with who said them.",
    look: "Blue, solid underline.",
  },
  {
    kind: "claim",
    name: "Reported claim",
    sample: "the minister said that talks had failed",
    meaning: "Speech reported without quotation marks (“X said that…”, “according to X…”).",
    look: "Orange, dashed underline.",
  },
  {
    kind: "figure",
    name: "Figure",
    sample: "about 6,500 militants",
    meaning: "A number that counts or measures something, with its unit and qualifier.",
    look: "Green, double underline.",
  },
  {
    kind: "date",
    name: "Date",
    sample: "on 28 November",
    meaning: "A detected date, year or time. Hidden in pages unless you turn dates on in the settings; always listed.",
    look: "Reddish purple, no line.",
  },
  {
    kind: "highlight",
    name: "Your highlight",
    sample: "a passage you marked",
    meaning: "Words you highlighted yourself.",
    look: "Yellow, dotted underline.",
  },
];

const VERDICTS: Entry[] = [
  {
    kind: "claim",
    status: "supported",
    name: "Supported",
    sample: "a claim you found supported",
    meaning: "",
    look: "Thin green line above.",
  },
  {
    kind: "claim",
    status: "disputed",
    name: "Disputed",
    sample: "a claim you found disputed",
    meaning: "",
    look: "Wavy vermilion underline.",
  },
  {
    kind: "claim",
    status: "false",
    name: "False",
    sample: "a claim you found false",
    meaning: "",
    look: "Struck through in vermilion.",
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
        {entry.sample}
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
      {entry.sample}
    </claimmark-mark>
  );
}

function Rows({ entries, scheme, painted }: { entries: Entry[]; scheme: ColourScheme; painted: boolean }) {
  return (
    <dl class="legend-list">
      {entries.map((entry) => (
        <div class="legend-row" key={entry.name} data-testid={`legend-${entry.status ?? entry.kind}`}>
          <dt>
            <span class="legend-name">{entry.name}</span> <Sample entry={entry} scheme={scheme} painted={painted} />
          </dt>
          <dd>
            {entry.meaning && `${entry.meaning} `}
            {entry.look}
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
      <p class="legend-note">
        {verdictMarks
          ? "Your verdicts are marked in pages too (you turned this on in the settings):"
          : "Your verdicts are marked in pages only if you turn that on in the settings, since a page can see its own highlights:"}
      </p>
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
