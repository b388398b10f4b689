/**
 * Verbs with which a subject judges, characterises or invokes something in words of its own:
 * "accused the minister of “gross negligence”", "likened the plan to “a house of cards”", "cited
 * “rising costs”". A short quotation after one of them is the subject's words, not a term; the
 * lexicon's verbs of saying come first.
 */

import { startsLower } from "./chars";
import type { VerbInfo } from "./lexicon";
import type { Token } from "./words";

/** English judging verbs, every form; "call" and "describe" are the lexicon's already. */
export const JUDGING_VERBS = new Set(
  (
    "accuse accuses accused accusing blast blasts blasted blasting slam slams slammed slamming " +
    "praise praises praised praising hail hails hailed hailing condemn condemns condemned condemning " +
    "criticize criticizes criticized criticizing criticise criticises criticised criticising " +
    "dismiss dismisses dismissed dismissing liken likens likened likening denounce denounces denounced denouncing " +
    "decry decries decried decrying deride derides derided deriding mock mocks mocked mocking " +
    "ridicule ridicules ridiculed ridiculing urge urges urged urging exhort exhorts exhorted exhorting " +
    "lambaste lambastes lambasted lambasting attack attacks attacked attacking characterize characterizes " +
    "characterized characterizing characterise characterises characterised characterising portray portrays " +
    "portrayed portraying call calls called calling describe describes described describing " +
    "cite cites cited citing invoke invokes invoked invoking tout touts touted touting " +
    "reference references referenced referencing"
  ).split(" "),
);

/** Auxiliaries of the passive: the subject of "was called" is judged, not judging. */
export const PASSIVE_AUXILIARIES = new Set("is are was were be been being get gets got getting".split(" "));

/** Whether token `i` is a judging verb in the active voice (lower case, no passive auxiliary before it). */
export function isJudgingVerb(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  if (!token || !startsLower(token.text) || !JUDGING_VERBS.has(token.lower)) return false;
  return !PASSIVE_AUXILIARIES.has(tokens[i - 1]?.lower ?? "");
}

/** The cue information of a judging verb at token `i`, or null: it introduces words, never a claim. */
export function judgingVerbAt(tokens: readonly Token[], i: number): VerbInfo | null {
  if (!isJudgingVerb(tokens, i)) return null;
  const lower = (tokens[i] as Token).lower;
  return { lemma: lower, bare: false, claims: false, hearer: false };
}
