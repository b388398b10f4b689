import { startsLower, startsUpper } from "./chars";
import type { Lexicon } from "./lexicon";
import { capitalisedRuns } from "./names";
import type { Range } from "./sentences";
import { type Attribution, type CueMatch, isPlausibleSource, type SourcePhrase, sentenceSubject } from "./speakers";
import type { Token } from "./words";

/** A claim introduced by a noun of saying: where its clause starts, and its attribution. */
export interface NounClaim {
  start: number;
  attribution: Attribution;
}

/** Auxiliaries and modals: right after "that", they make it a relative pronoun ("the claim that was made"). */
const AUXILIARIES = new Set("is are was were has have had will would can could should may might must".split(" "));
/** Possessive pronouns: the source is someone named before, as for a participle. */
const POSSESSIVE_PRONOUNS = new Set(["his", "her", "their", "its"]);
/** A past form in -ed ("circulated"): right after "that", it makes "that" a relative pronoun. */
const PAST_ED = /^\p{Ll}{2,}ed$/u;
/** Prepositions that name a source after the noun ("warnings from his lawyer that", "claims by officials that"). */
const SOURCE_PREPOSITIONS = new Set(["from", "by"]);

const range = (start: number, end: number): SourcePhrase => ({ start, end, head: { start, end } });
const onlySpace = (text: string, from: number, to: number): boolean => /^\s*$/u.test(text.slice(from, to));
/** Whether only spaces separate token `k` from the one before it. */
const spaced = (text: string, tokens: Token[], k: number): boolean =>
  onlySpace(text, (tokens[k - 1] as Token).end, (tokens[k] as Token).start);

/**
 * "Trump's claim that …", "the ministry's earlier statement that …", "a New York Times report that
 * …", "warnings from his lawyer that …", "her acknowledgment that …": a noun of saying at token `i`
 * with its source named beside it (a possessive before it, a name modifying it, "from" or "by"
 * after it) and a "that" clause. Without a named source ("the claim that …") there is no claim.
 */
export function nounClaimAt(
  text: string,
  tokens: Token[],
  i: number,
  sentence: Range,
  lexicon: Lexicon,
): NounClaim | null {
  const noun = tokens[i] as Token;
  if (!startsLower(noun.text)) return null;
  // The source after the noun: "from X" or "by X", up to six words, then "that".
  let that = i + 1;
  let after: SourcePhrase | null = null;
  if (SOURCE_PREPOSITIONS.has(tokens[that]?.lower ?? "") && onlySpace(text, noun.end, (tokens[that] as Token).start)) {
    let k = that + 1;
    while (k < tokens.length && k <= that + 6 && (tokens[k] as Token).lower !== "that") {
      const word = tokens[k] as Token;
      if (!onlySpace(text, (tokens[k - 1] as Token).end, word.start)) return null;
      // "a report by the agency concluded that …": a verb makes the phrase the subject of a clause.
      if (AUXILIARIES.has(word.lower) || lexicon.verbs.has(word.lower) || PAST_ED.test(word.text)) return null;
      k++;
    }
    if (k >= tokens.length || k === that + 1 || (tokens[k] as Token).lower !== "that") return null;
    after = range((tokens[that + 1] as Token).start, (tokens[k - 1] as Token).end);
    if (!isPlausibleSource(text, after, lexicon)) return null;
    that = k;
  }
  const complementiser = tokens[that];
  const first = tokens[that + 1];
  if (complementiser?.lower !== "that" || !first) return null;
  if (!onlySpace(text, (tokens[that - 1] as Token).end, complementiser.start)) return null;
  if (AUXILIARIES.has(first.lower) || PAST_ED.test(first.text)) return null;
  const cue: CueMatch = {
    verb: noun,
    info: { lemma: noun.lower, bare: false, claims: true, hearer: false },
    start: noun.start,
    end: complementiser.end,
  };
  const start = complementiser.end;
  if (after) return { start, attribution: { source: after, cue } };
  // The source before the noun, past at most two plain modifiers ("earlier", "repeated public").
  let k = i - 1;
  while (k >= 0 && k >= i - 2 && isModifier(text, tokens[k] as Token, lexicon)) k--;
  const owner = tokens[k];
  if (!owner || !/^['’]?\s+$/u.test(text.slice(owner.end, (tokens[k + 1] as Token).start))) return null;
  if (POSSESSIVE_PRONOUNS.has(owner.lower)) {
    const subject = sentenceSubject(text, sentence, owner.start, lexicon);
    return {
      start,
      attribution: {
        source: null,
        cue,
        sameAsPrevious: true,
        fallback: subject && isPlausibleSource(text, subject, lexicon) ? subject : null,
      },
    };
  }
  const source = possessorBefore(text, tokens, k, lexicon);
  return source ? { start, attribution: { source, cue } } : null;
}

/** Whether a word may stand between a possessor and its noun ("earlier", "repeated", "public"). */
function isModifier(text: string, token: Token, lexicon: Lexicon): boolean {
  return (
    /^\p{Ll}{3,}$/u.test(token.text) &&
    !/^['’]/u.test(text.slice(token.end, token.end + 1)) &&
    !lexicon.determiners.has(token.lower) &&
    !lexicon.prepositions.has(token.lower) &&
    !AUXILIARIES.has(token.lower) &&
    !lexicon.verbs.has(token.lower)
  );
}

/**
 * The possessor ending at token `k`: a possessive ("Trump's", "the ministry's", "Tulsa police's",
 * "the agencies'") or a name modifying the noun after a determiner ("a New York Times report").
 */
function possessorBefore(text: string, tokens: Token[], k: number, lexicon: Lexicon): SourcePhrase | null {
  const owner = tokens[k] as Token;
  const possessive = owner.lower.endsWith("'s") || /^['’]/u.test(text.slice(owner.end, owner.end + 1));
  if (possessive) {
    // The phrase the possessive closes: the capitalised words right before it ("Halden police's",
    // "John Smith's") with a determiner before them, or a determiner and up to two plain words
    // ("the state department's").
    let from = k;
    while (from > 0 && startsUpper((tokens[from - 1] as Token).text) && spaced(text, tokens, from)) from--;
    const before = tokens[from - 1];
    if (before && lexicon.determiners.has(before.lower) && spaced(text, tokens, from)) from--;
    else if (from === k)
      for (let j = k - 1; j >= 0 && j >= k - 3 && spaced(text, tokens, j + 1); j--) {
        const word = tokens[j] as Token;
        if (lexicon.determiners.has(word.lower)) {
          from = j;
          break;
        }
        if (!/^\p{Ll}{3,}$/u.test(word.text) || lexicon.prepositions.has(word.lower) || AUXILIARIES.has(word.lower))
          break;
      }
    // The possessor's own word: no pronoun ("it's", "that's" are clauses) and no bare determiner.
    const word = owner.lower.endsWith("'s") ? owner.lower.slice(0, -2) : owner.lower;
    if (word.length < 2 || lexicon.expletives.has(word) || lexicon.determiners.has(word) || lexicon.pronouns.has(word))
      return null;
    // Resolved with its "'s", so that its last word stays whole ("Donald Trump’s" names Donald Trump).
    return range((tokens[from] as Token).start, owner.end);
  }
  // "a New York Times report": a capitalised run between a determiner and the noun.
  if (!startsUpper(owner.text)) return null;
  const run = capitalisedRuns(tokens.slice(Math.max(0, k - 5), k + 1), text).pop();
  if (!run || run[run.length - 1] !== owner) return null;
  const before = tokens[tokens.indexOf(run[0] as Token) - 1];
  if (!before || !lexicon.determiners.has(before.lower)) return null;
  const source = range((run[0] as Token).start, owner.end);
  return isPlausibleSource(text, source, lexicon) ? source : null;
}
