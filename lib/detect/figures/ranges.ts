/**
 * The words around two numbers that make them one range ("between 3 and 5", "3-5%", "from 252 to 287
 * miles", "de 3 à 5"), a change between two values ("rose from 6.29% to 6.7%") or a score ("won 2-1").
 *
 * A range is one figure: its `exact` spans both ends, its value is the low end and its qualifier is
 * "at least" (the low end is the figure's lower bound; the text keeps the upper one). A change is two
 * figures, because each end is a value someone may check.
 */

import type { Lang } from "./lang";
import { lookup } from "./lookup";
import { type Ctx, low, near, raw, tight } from "./tokens";

export type Intro = "between" | "from";

const INTRO = lookup<Intro>({
  between: "between",
  entre: "between",
  zwischen: "between",
  mezi: "between",
  from: "from",
  von: "from",
  od: "from",
});

// "de" introduces a range only in Romance languages ("de 3 à 5"), where it is also "of"; see introAt.
const ROMANCE_FROM: ReadonlySet<Lang> = new Set(["fr", "es", "pt"]);

/**
 * The range word before token i ("between", "from", "entre", "de" in fr/es/pt), if any. "Between" may stand
 * a few words earlier ("between the ages of 25 and 54"); `adjacent` says whether it belongs in the figure.
 */
export function introBefore(
  c: Ctx,
  i: number,
  lang: Lang,
  min: number,
): { start: number; intro: Intro; adjacent: boolean } | null {
  if (i - 1 < min || !near(c, i)) return null;
  const w = low(c, i - 1);
  const intro = INTRO.get(w);
  if (intro !== undefined) return { start: i - 1, intro, adjacent: true };
  if (w === "de" && ROMANCE_FROM.has(lang)) return { start: i - 1, intro: "from", adjacent: true };
  for (let k = i - 2; k >= min && k >= i - 5; k--) {
    const t = c.toks[k];
    if (t === undefined || t.k !== "w" || !near(c, k + 1)) return null;
    if (INTRO.get(t.l) === "between") return { start: k, intro: "between", adjacent: false };
  }
  return null;
}

const TO_WORDS: Readonly<Record<Lang, readonly string[]>> = {
  en: ["to", "through"],
  fr: ["à", "a"],
  es: ["a"],
  de: ["bis"],
  pt: ["a"],
  cs: ["až", "do"],
};

const AND_WORDS: ReadonlySet<string> = new Set(["and", "et", "y", "und", "e", "a"]);

/** The connector at token j that joins a first number to a second ("-", "to", "and" after "between"): index past it. */
export function connectorAt(
  c: Ctx,
  j: number,
  lang: Lang,
  intro: Intro | null,
): { next: number; dash: boolean } | null {
  const t = c.toks[j];
  if (t === undefined) return null;
  if (t.l === "-") {
    // "3-5%" is tight; an en dash may be spaced ("3 – 5"); a spaced hyphen is a parenthetical dash
    if (tight(c, j) && tight(c, j + 1)) return { next: j + 1, dash: true };
    if (raw(c, j) === "\u2013" && near(c, j) && near(c, j + 1)) return { next: j + 1, dash: true };
    return null;
  }
  if (!near(c, j) || !near(c, j + 1)) return null;
  if (TO_WORDS[lang].includes(t.l) || (lang !== "en" && t.l === "to")) return { next: j + 1, dash: false };
  if (intro === "between" && AND_WORDS.has(t.l)) return { next: j + 1, dash: false };
  if (intro === "from" && lang === "cs" && t.l === "do") return { next: j + 1, dash: false };
  // "from 450 sq ft up to 900 sq ft"
  if (intro === "from" && t.l === "up" && low(c, j + 1) === "to" && near(c, j + 2)) return { next: j + 2, dash: false };
  return null;
}

// Verbs and nouns of change: "X from A to B" after them gives two values, not a range.
const CHANGE_WORDS: ReadonlySet<string> = new Set(
  (
    "rise rises rose risen rising fall falls fell fallen falling drop drops dropped dropping climb climbs " +
    "climbed climbing jump jumps jumped jumping increase increases increased increasing decrease decreases " +
    "decreased decreasing grow grows grew grown growing decline declines declined declining slip slips slipped " +
    "slide slides slid sliding surge surges surged surging soar soars soared soaring plunge plunges plunged " +
    "plunging tumble tumbled sink sank sunk gain gains gained lose loses lost cut cuts cutting reduce reduced " +
    "reducing raise raised raising lift lifted boost boosted boosting lower lowered lowering go goes went gone " +
    "move moved moving change changed changes shift shifted swing swung improve improved widen widened narrow " +
    "narrowed expand expanded shrink shrank shrunk edge edged ease eased dip dipped slash slashed hike hiked " +
    "double doubled triple tripled revised upgraded downgraded up down increase hausse baisse passé passée " +
    "augmenté diminué subió bajó aumentó cayó stieg sank fiel gestiegen gesunken subiu caiu aumentou vzrostl " +
    "klesl stoupl"
  ).split(" "),
);

/** True when a word of change stands within three tokens before token i ("rose from", "dropping sharply from"). */
export function changeBefore(c: Ctx, i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) if (CHANGE_WORDS.has(low(c, k))) return true;
  return false;
}

const SPORTS: ReadonlySet<string> = new Set(
  (
    "won win wins beat beats beaten defeated defeat defeats victory draw drew drawn lost lose loses lead led " +
    "trail trailed trailing score scored scoreline goal goals match game final win victory thrashed edged " +
    "routed hammered"
  ).split(" "),
);

/** True when a sports word stands within four tokens of tokens [i, j) ("beat Charlton 2-1"). */
export function sportsNear(c: Ctx, i: number, j: number): boolean {
  for (let k = Math.max(0, i - 4); k < j + 4 && k < c.toks.length; k++) if (SPORTS.has(low(c, k))) return true;
  return false;
}
