/**
 * Words the span detectors recognise, per language: reporting verbs, "according to" phrases,
 * complementisers, pronouns, titles. Kept small and general on purpose: a word belongs here
 * because any careful reader of the language would list it, not because a test text uses it.
 */

/** How a reporting verb may introduce reported speech. */
export interface VerbInfo {
  /** Base form, used as the cue's identity ("say" for "said"). */
  lemma: string;
  /** Takes a bare clause without a complementiser ("said the plan failed"). */
  bare: boolean;
  /** Introduces reported speech (a claim), not only a quotation ("asked", "called" only quote). */
  claims: boolean;
  /** Takes a hearer before the clause ("told reporters that"). */
  hearer: boolean;
  /** A present participle that is not an English -ing form ("arguant"): shares the sentence's subject. */
  participle?: boolean;
}

export interface Lexicon {
  /** Inflected reporting-verb forms, lower case. */
  verbs: Map<string, VerbInfo>;
  /**
   * First letters and length of every form in `verbs` and every first word of `accordingTo`, as
   * keys of `shapeKey`: most words are ruled out as cues without a look-up.
   */
  cueShapes: Uint8Array;
  /** The same for the first and last letters and length (see `endShapeAt`): a second, independent test. */
  cueEnds: Uint8Array;
  /** Forms that are also common nouns ("states", "reports", "notes"): need a clear subject. */
  nounLike: Set<string>;
  /** "according to", "selon", "laut": a source phrase that precedes or follows the claim. */
  accordingTo: string[][];
  /** Postpositions that follow their source ("Berichten zufolge"). */
  accordingToAfter: Set<string>;
  /** Complementisers that open a reported clause ("that", "que", "dass", "že"). */
  complementisers: Set<string>;
  /** Auxiliaries and adverbs that may sit between a subject and its reporting verb. */
  verbModifiers: Set<string>;
  /** Third-person pronouns that can stand for a source, with their number. */
  pronouns: Map<string, "singular" | "plural">;
  /** Pronouns that cannot be a reported source ("it is worth noting"). */
  expletives: Set<string>;
  /** Words that start a sentence but are never part of a subject ("But", "However"). */
  connectives: Set<string>;
  /** Prepositions that open an adverbial rather than a subject ("In February, ..."). */
  prepositions: Set<string>;
  /** Determiners that can open a source description ("the", "a", "another"). */
  determiners: Set<string>;
  /** A comma may separate a verb of saying from its clause ("erklärte, die Preise würden steigen"). */
  commaBeforeClause: boolean;
  /**
   * Adjectives of a stated belief after a copula ("is adamant that", "are convinced the plan …"):
   * what a source believes is a claim by LABELING.md, with the copula's subject as its source.
   */
  stances: Set<string>;
  /**
   * Nouns of saying that take a "that" clause with their source named beside them ("the ministry's
   * statement that …", "warnings from his lawyer that …"): the clause is that source's claim.
   */
  nounCues: Set<string>;
}

/** Stance adjectives, English: a careful reader's list of "X is … that" beliefs stated in public. */
const STANCES =
  "adamant convinced confident concerned worried certain sure optimistic hopeful skeptical sceptical fearful insistent".split(
    " ",
  );

/** Nouns of saying, English: a careful reader's list of what a source says in a "that" clause. */
const NOUN_CUES = (
  "claim claims assertion assertions statement statements warning warnings argument arguments acknowledgment " +
  "acknowledgement admission allegation allegations announcement contention denial insistence prediction " +
  "predictions promise promises pledge assurance assurances report reports suggestion complaint"
).split(" ");

const v = (lemma: string, forms: string[], options: Partial<Omit<VerbInfo, "lemma">> = {}): [string, VerbInfo][] => {
  const info: VerbInfo = { lemma, bare: false, claims: true, hearer: false, ...options };
  return forms.map((form) => [form, info]);
};

/** Regular English inflections of a verb: base, -s, -ed, -ing. */
function en(base: string, options: Partial<Omit<VerbInfo, "lemma">> = {}, irregular?: string[]): [string, VerbInfo][] {
  if (irregular) return v(base, [base, ...irregular], options);
  const stem = base.endsWith("e") ? base.slice(0, -1) : base;
  const third = /(?:s|sh|ch|x|z)$/.test(base)
    ? `${base}es`
    : /[^aeiou]y$/.test(base)
      ? `${base.slice(0, -1)}ies`
      : `${base}s`;
  const past = base.endsWith("e") ? `${base}d` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ied` : `${base}ed`;
  return v(base, [base, third, past, `${stem}ing`], options);
}

/**
 * The forms of a regular French verb in -er that report speech: past participle (with "a", "ont"),
 * present, imperfect and simple past in the third person, and the present participle, which is
 * marked as one. `present` replaces the present forms when the stem changes ("rappelle").
 */
function frenchEr(infinitive: string, present?: string[]): [string, VerbInfo][] {
  const stem = infinitive.slice(0, -2);
  // "annonçait", "annonçant": a c before a or o takes a cedilla; "arguant" keeps its u.
  const soft = stem.endsWith("c") ? `${stem.slice(0, -1)}ç` : stem;
  const forms = [
    `${stem}é`,
    ...(present ?? [`${stem}e`, `${stem}ent`]),
    `${soft}ait`,
    `${soft}aient`,
    `${soft}a`,
    `${stem}èrent`,
  ];
  return [...v(infinitive, forms), ...v(infinitive, [`${soft}ant`], { participle: true })];
}

const ENGLISH_VERBS: [string, VerbInfo][] = [
  ...en("say", { bare: true }, ["says", "said", "saying"]),
  ...en("tell", { bare: true, hearer: true }, ["tells", "told", "telling"]),
  ...en("write", { bare: true }, ["writes", "wrote", "written", "writing"]),
  ...en("state"),
  ...en("add", { bare: true }),
  ...en("note"),
  ...en("warn", { hearer: true }),
  ...en("announce"),
  ...en("claim", { bare: true }),
  ...en("deny"),
  ...en("report"),
  ...en("explain"),
  ...en("argue", { bare: true }),
  ...en("insist", { bare: true }),
  ...en("reply"),
  ...en("respond"),
  ...en("acknowledge"),
  ...en("confirm"),
  ...en("declare"),
  ...en("suggest", { bare: true }),
  ...en("tweet"),
  ...en("post"),
  ...en("mention"),
  ...en("emphasize"),
  ...en("emphasise"),
  ...en("stress"),
  ...en("reveal"),
  ...en("disclose"),
  ...en("predict", { bare: true }),
  ...en("promise", { hearer: true }),
  ...en("pledge"),
  ...en("vow"),
  ...en("admit", { bare: true }, ["admits", "admitted", "admitting"]),
  ...en("concede"),
  ...en("recall"),
  ...en("allege"),
  ...en("assert"),
  ...en("contend"),
  ...en("maintain"),
  ...en("testify"),
  ...en("observe"),
  ...en("remark"),
  ...en("reiterate"),
  ...en("caution"),
  ...en("conclude"),
  ...en("assure", { hearer: true }),
  ...en("inform", { hearer: true }),
  ...en("complain"),
  ...en("boast"),
  ...en("concur"),
  ...en("counter"),
  ...en("retort"),
  ...en("answer"),
  ...en("agree"),
  ...en("estimate"),
  ...en("charge"),
  ...en("point", { claims: true }),
  // Evidence reported by its source: "a poll shows …", "the study found that …", "data indicate …".
  // Not "showing": ", showing support for …" is no report, and would take a quotation after it for words.
  ...en("show", {}, ["shows", "showed", "shown"]),
  ...en("find", {}, ["finds", "found", "finding"]),
  ...en("indicate"),
  // Verbs that introduce a quotation but not, on their own, a reported claim.
  ...en("ask", { claims: false, hearer: true }),
  ...en("continue", { claims: false }),
  ...en("shout", { claims: false }),
  ...en("yell", { claims: false }),
  ...en("exclaim", { claims: false }),
  ...en("joke", { claims: false }),
  ...en("quip", { claims: false }, ["quips", "quipped", "quipping"]),
  ...en("chant", { claims: false }),
  ...en("sing", { claims: false }, ["sings", "sang", "sung", "singing"]),
  ...en("read", { claims: false }, ["reads", "reading"]),
  ...en("call", { claims: false }),
  ...en("describe", { claims: false }),
  ...en("blast", { claims: false }),
  ...en("recount", { claims: false }),
  ...en("whisper", { claims: false }),
  // "as X put it": only with "it" and a mark after it (see verbAt).
  ...en("put", { claims: false }, ["puts", "put", "putting"]),
  // "wondered whether …" reports a question (see findReported), like "asked whether".
  ...en("wonder", { claims: false }),
  ...en("scoff", { claims: false }),
  ...en("interject", { claims: false }),
  ...en("plead", { claims: false }),
  ...en("muse", { claims: false }),
];

/** Reporting verbs of the other languages: a modest, common set each. */
const OTHER_VERBS: Record<string, [string, VerbInfo][]> = {
  fr: [
    ...v("dire", ["dit", "dire", "disent", "disait", "disaient", "dira"]),
    ...v("écrire", ["écrit", "écrivent", "écrivait"]),
    ...v("reconnaître", ["reconnu", "reconnaît", "reconnaissent", "reconnaissait", "reconnut"]),
    // Not "admit" (simple past): the English verb keeps that form.
    ...v("admettre", ["admis", "admet", "admettent", "admettait"]),
    ...v("promettre", ["promis", "promet", "promettent", "promettait", "promit"]),
    ...v("répondre", ["répondu", "répond", "répondent", "répondait", "répondit"]),
    ...v("avertir", ["averti", "avertit", "avertissent", "avertissait"]),
    ...v("prévenir", ["prévenu", "prévient", "préviennent", "prévenait", "prévint"]),
    ...v("soutenir", ["soutenu", "soutient", "soutiennent", "soutenait", "soutint"]),
    ...v("démentir", ["démenti", "dément", "démentent", "démentait", "démentit"]),
    ...v("conclure", ["conclu", "conclut", "concluent", "concluait"]),
    ...frenchEr("déclarer"),
    ...frenchEr("affirmer"),
    ...frenchEr("expliquer"),
    ...frenchEr("ajouter"),
    ...frenchEr("souligner"),
    ...frenchEr("indiquer"),
    ...frenchEr("annoncer"),
    ...frenchEr("assurer"),
    ...frenchEr("préciser"),
    ...frenchEr("estimer"),
    ...frenchEr("confier"),
    ...frenchEr("rappeler", ["rappelle", "rappellent"]),
    // Not "argue": the English verb keeps that form.
    ...frenchEr("arguer", ["arguent"]),
    ...frenchEr("confirmer"),
    ...frenchEr("raconter"),
    ...frenchEr("insister"),
    ...frenchEr("nier"),
    ...frenchEr("signaler"),
    ...frenchEr("répéter", ["répète", "répètent"]),
    ...frenchEr("considérer", ["considère", "considèrent"]),
    ...frenchEr("révéler", ["révèle", "révèlent"]),
    ...frenchEr("déplorer"),
    ...frenchEr("avouer"),
    ...frenchEr("rapporter"),
    ...frenchEr("marteler", ["martèle", "martèlent"]),
    // Evidence: "un sondage montre que …".
    ...frenchEr("montrer"),
    // Forms that are also common nouns ("une note", "le juge") only as past participles.
    ...v("noter", ["noté"]),
    ...v("juger", ["jugé"]),
    // Present participles: ", arguant que …" shares the sentence's subject, like ", saying that …".
    ...v("dire", ["disant"], { participle: true }),
    ...v("reconnaître", ["reconnaissant"], { participle: true }),
    ...v("admettre", ["admettant"], { participle: true }),
    ...v("promettre", ["promettant"], { participle: true }),
    ...v("répondre", ["répondant"], { participle: true }),
    ...v("avertir", ["avertissant"], { participle: true }),
    ...v("soutenir", ["soutenant"], { participle: true }),
    ...v("noter", ["notant"], { participle: true }),
    ...v("juger", ["jugeant"], { participle: true }),
  ],
  es: [
    ...v("decir", ["dijo", "dice", "dijeron", "dicen", "decía", "dicho"]),
    ...v("afirmar", ["afirmó", "afirma", "afirmaron", "afirmado"]),
    ...v("declarar", ["declaró", "declara", "declararon", "declarado"]),
    ...v("explicar", ["explicó", "explica", "explicaron", "explicado"]),
    ...v("añadir", ["añadió", "añade", "añadieron"]),
    ...v("asegurar", ["aseguró", "asegura", "aseguraron", "asegurado"]),
    ...v("señalar", ["señaló", "señala", "señalaron", "señalado"]),
    ...v("indicar", ["indicó", "indica", "indicaron", "indicado"]),
    ...v("anunciar", ["anunció", "anuncia", "anunciaron", "anunciado"]),
    ...v("advertir", ["advirtió", "advierte", "advirtieron"]),
    ...v("sostener", ["sostuvo", "sostiene"]),
    ...v("escribir", ["escribió", "escribe", "escrito"]),
  ],
  de: [
    ...v("sagen", ["sagte", "sagt", "sagten", "gesagt"], { bare: true }),
    ...v("erklären", ["erklärte", "erklärt", "erklärten"], { bare: true }),
    ...v("betonen", ["betonte", "betont", "betonten"], { bare: true }),
    ...v("sagen", ["meinte", "meint"], { bare: true }),
    ...v("mitteilen", ["mitteilte", "teilte", "teilt"], { bare: true }),
    ...v("warnen", ["warnte", "warnt"], { bare: true }),
    ...v("berichten", ["berichtete", "berichtet"], { bare: true }),
    ...v("schreiben", ["schrieb", "schreibt"], { bare: true }),
    ...v("betonen", ["unterstrich", "unterstreicht"], { bare: true }),
    ...v("ergänzen", ["ergänzte", "ergänzt", "fügte"], { bare: true }),
    ...v("behaupten", ["behauptete", "behauptet"], { bare: true }),
    ...v("kündigen", ["kündigte", "kündigt"], { bare: true }),
  ],
  pt: [
    ...v("dizer", ["disse", "diz", "disseram", "dizem", "dito"]),
    ...v("afirmar", ["afirmou", "afirma", "afirmaram", "afirmado"]),
    ...v("declarar", ["declarou", "declara", "declararam", "declarado"]),
    ...v("explicar", ["explicou", "explica", "explicaram"]),
    ...v("acrescentar", ["acrescentou", "acrescenta"]),
    ...v("garantir", ["garantiu", "garante"]),
    ...v("ressaltar", ["ressaltou", "ressalta"]),
    ...v("destacar", ["destacou", "destaca"]),
    ...v("anunciar", ["anunciou", "anuncia"]),
    ...v("alertar", ["alertou", "alerta"]),
    ...v("escrever", ["escreveu", "escreve"]),
  ],
  cs: [
    ...v("říci", ["řekl", "řekla", "řekli", "řeklo", "říká", "říkají", "řekne"], { bare: false }),
    ...v("uvést", ["uvedl", "uvedla", "uvedli", "uvedlo", "uvádí"]),
    ...v("prohlásit", ["prohlásil", "prohlásila", "prohlásili", "prohlašuje"]),
    ...v("dodat", ["dodal", "dodala", "dodali"]),
    ...v("zdůraznit", ["zdůraznil", "zdůraznila", "zdůraznili"]),
    ...v("upozornit", ["upozornil", "upozornila", "upozornili"]),
    ...v("oznámit", ["oznámil", "oznámila", "oznámili"]),
    ...v("napsat", ["napsal", "napsala", "napsali"]),
    ...v("sdělit", ["sdělil", "sdělila", "sdělili"]),
    ...v("tvrdit", ["tvrdil", "tvrdila", "tvrdí"]),
  ],
};

const ACCORDING_TO: Record<string, string[][]> = {
  en: [["according", "to"]],
  fr: [["selon"], ["d'après"], ["d’après"]],
  es: [["según"], ["de", "acuerdo", "con"]],
  de: [["laut"], ["nach", "angaben"]],
  pt: [["segundo"], ["de", "acordo", "com"], ["conforme"]],
  cs: [["podle"]],
};

const COMPLEMENTISERS: Record<string, string[]> = {
  en: ["that"],
  fr: ["que", "qu"],
  es: ["que"],
  de: ["dass", "daß"],
  pt: ["que"],
  cs: ["že"],
};

const MODIFIERS: Record<string, string[]> = {
  en: [
    "also",
    "further",
    "later",
    "then",
    "previously",
    "earlier",
    "again",
    "once",
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "could",
    "might",
    "may",
    "recently",
    "repeatedly",
    "publicly",
    "reportedly",
    "now",
    "often",
    "still",
    "even",
    "just",
    "already",
    "first",
    "separately",
    "likewise",
    "similarly",
    "however",
    "has also",
  ],
  fr: [
    "a",
    "ont",
    "avait",
    "avaient",
    "aurait",
    "auraient",
    "aussi",
    "également",
    "encore",
    "déjà",
    "ensuite",
    "notamment",
    "toutefois",
    "pourtant",
    "alors",
    "récemment",
    "publiquement",
    "longtemps",
    "toujours",
    "lui",
    "leur",
    "nous",
  ],
  es: ["ha", "han", "había", "también", "además", "ya", "le", "les"],
  de: ["hat", "haben", "auch", "zudem", "außerdem", "bereits", "noch"],
  pt: ["tem", "têm", "havia", "também", "ainda", "já"],
  cs: ["také", "rovněž", "již", "už", "dále", "pak"],
};

const PRONOUNS: Record<string, [string, "singular" | "plural"][]> = {
  en: [
    ["he", "singular"],
    ["she", "singular"],
    ["they", "plural"],
    ["we", "plural"],
    ["i", "singular"],
  ],
  fr: [
    ["il", "singular"],
    ["elle", "singular"],
    ["ils", "plural"],
    ["elles", "plural"],
  ],
  es: [
    ["él", "singular"],
    ["ella", "singular"],
    ["ellos", "plural"],
    ["ellas", "plural"],
  ],
  de: [
    ["er", "singular"],
    ["sie", "singular"],
  ],
  pt: [
    ["ele", "singular"],
    ["ela", "singular"],
    ["eles", "plural"],
    ["elas", "plural"],
  ],
  cs: [
    ["on", "singular"],
    ["ona", "singular"],
    ["oni", "plural"],
  ],
};

const CONNECTIVES: Record<string, string[]> = {
  en: "but and so yet still even however meanwhile moreover furthermore also indeed instead later then now thus therefore nonetheless nevertheless separately similarly likewise earlier previously yesterday today".split(
    " ",
  ),
  fr: "mais et ainsi pourtant cependant puis".split(" "),
  es: "pero y aunque sin embargo luego".split(" "),
  de: "aber und doch jedoch dann".split(" "),
  pt: "mas e porém contudo depois".split(" "),
  cs: "ale a však pak".split(" "),
};

const PREPOSITIONS: Record<string, string[]> = {
  en: "in on at by for from of with without during after before since until about over under into onto upon through throughout across against among between within despite amid amidst as while when if because although though unlike like following per".split(
    " ",
  ),
  fr: "en dans au aux à pour par avec sans après avant depuis pendant devant sur lors chez".split(" "),
  es: "en con sin tras desde durante para por".split(" "),
  de: "in im am um vor nach seit bei mit ohne während".split(" "),
  pt: "em no na nos nas com sem após antes desde durante".split(" "),
  cs: "v ve na po před od do".split(" "),
};

const DETERMINERS: Record<string, string[]> = {
  en: "the a an another this that these those some several many one two three four five six seven eight nine ten both all each every any most few other its his her their our".split(
    " ",
  ),
  fr: "le la les un une des ce cette ces".split(" "),
  es: "el la los las un una unos unas".split(" "),
  de: "der die das ein eine einer".split(" "),
  pt: "o a os as um uma uns umas".split(" "),
  cs: [],
};

const ENGLISH_NOUN_LIKE = [
  "states",
  "notes",
  "reports",
  "claims",
  "tweets",
  "posts",
  "answers",
  "charges",
  "points",
  "estimates",
  "counters",
  "remarks",
  "promises",
  "pledges",
  "vows",
  "calls",
  "reads",
  "writes",
  "adds",
  "report",
  "note",
  "claim",
  "state",
  "post",
  "answer",
  "charge",
  "point",
  "call",
  "read",
  "estimate",
  "counter",
  "remark",
  "promise",
  "pledge",
  "vow",
  "agree",
  "continue",
  "ask",
  "asks",
  "stress",
  "respond",
  // Evidence verbs report only with "that" or a colon, or a subject that is clearly theirs: "had
  // shown bad judgment", "found the body" have objects. (Bare "show" stays a verb: "polls show the race is tied".)
  "shows",
  "showed",
  "shown",
  "finds",
  "found",
  "finding",
  "indicate",
  "indicates",
  "indicated",
];

const cache = new Map<string, Lexicon>();

const SHAPES = 32 * 32 * 32;

/**
 * The shape of text[start, end): its first two characters (five bits of each, which lower-casing
 * does not change in ASCII) and its length (up to 31).
 */
function shapeAt(text: string, start: number, end: number): number {
  const second = end - start > 1 ? text.charCodeAt(start + 1) & 31 : 0;
  return ((text.charCodeAt(start) & 31) << 10) | (second << 5) | Math.min(end - start, 31);
}

/**
 * The shape of text[start, end) by its first and last characters (five bits of each) and its
 * length. The first two letters alone let through one word in six, nearly all of them no cue
 * ("should", "such", "first"); the last letter turns most of those away too.
 */
function endShapeAt(text: string, start: number, end: number): number {
  return ((text.charCodeAt(start) & 31) << 10) | ((text.charCodeAt(end - 1) & 31) << 5) | Math.min(end - start, 31);
}

/** Whether a lower-case word may be a reporting verb or the first word of "according to" (false means it surely is not). */
export const mayBeCue = (lexicon: Lexicon, word: string): boolean => mayBeCueAt(lexicon, word, 0, word.length);

/** `mayBeCue` for the ASCII word at text[start, end), before it is lower-cased. */
export const mayBeCueAt = (lexicon: Lexicon, text: string, start: number, end: number): boolean =>
  lexicon.cueShapes[shapeAt(text, start, end)] === 1 && lexicon.cueEnds[endShapeAt(text, start, end)] === 1;

/** The lexicon for a BCP 47 language tag; English words are always included, as pages mix them. */
export function lexiconFor(lang: string | null): Lexicon {
  const code = (lang ?? "en").toLowerCase().split(/[-_]/)[0] ?? "en";
  const key = code in OTHER_VERBS ? code : "en";
  const cached = cache.get(key);
  if (cached) return cached;
  const verbs = new Map<string, VerbInfo>(ENGLISH_VERBS);
  const extra = OTHER_VERBS[key];
  if (extra) for (const [form, info] of extra) verbs.set(form, info);
  const pick = <T>(table: Record<string, T[]>): T[] => [
    ...(table.en ?? []),
    ...(key === "en" ? [] : (table[key] ?? [])),
  ];
  const accordingTo = pick(ACCORDING_TO);
  const cueShapes = new Uint8Array(SHAPES);
  const cueEnds = new Uint8Array(SHAPES);
  for (const word of [...verbs.keys(), ...accordingTo.map((phrase) => phrase[0] ?? ""), ...STANCES, ...NOUN_CUES]) {
    cueShapes[shapeAt(word, 0, word.length)] = 1;
    cueEnds[endShapeAt(word, 0, word.length)] = 1;
  }
  const lexicon: Lexicon = {
    verbs,
    cueShapes,
    cueEnds,
    nounLike: new Set(ENGLISH_NOUN_LIKE),
    accordingTo,
    accordingToAfter: new Set(key === "de" ? ["zufolge"] : []),
    complementisers: new Set(pick(COMPLEMENTISERS)),
    verbModifiers: new Set(pick(MODIFIERS)),
    pronouns: new Map(pick(PRONOUNS)),
    // French "il" is left out: "il faut" has no verb of saying, and "il a été annoncé" is a passive, which
    // findReported passes over; "Il a ajouté que …" names a person.
    expletives: new Set(["it", "there", "this", "that", "which", "who", "what", "es", "to", "ce", "cela"]),
    connectives: new Set(pick(CONNECTIVES)),
    prepositions: new Set(pick(PREPOSITIONS)),
    // In French "a" is the auxiliary ("il a déclaré"), never the English article.
    determiners: new Set(pick(DETERMINERS).filter((word) => key !== "fr" || word !== "a")),
    commaBeforeClause: key === "de",
    stances: new Set(STANCES),
    nounCues: new Set(NOUN_CUES),
  };
  cache.set(key, lexicon);
  return lexicon;
}

/**
 * Titles, ranks and roles that precede a name ("Secretary General Imangali Tasmagambetov"):
 * they are stripped to get the name and kept to resolve "the secretary general" later.
 */
export const TITLES = new Set(
  (
    "mr mrs ms miss mx dr prof professor sir dame lord lady madam monsieur madame mme mlle herr frau señor señora sr sra dona dom pan paní " +
    "president vice prime premier minister secretary general deputy assistant under chief head director chairman chairwoman chair " +
    "spokesman spokeswoman spokesperson senator sen rep representative congressman congresswoman gov governor mayor judge justice " +
    "attorney ambassador commissioner chancellor speaker leader king queen prince princess emperor pope rev reverend father sister " +
    "brother bishop archbishop cardinal imam rabbi sheikh colonel col lieutenant lt major maj captain capt sergeant sgt admiral adm " +
    "commander cmdr marshal brigadier brig corporal cpl private pvt officer detective det inspector sheriff constable superintendent " +
    "ceo cfo coo cto founder co-founder executive manager editor correspondent analyst economist professor dean provost " +
    "retired former acting interim incoming outgoing then late ex senior junior associate principal lead top " +
    "gen adm gov atty supt insp pres hon st sens reps"
  ).split(" "),
);

/**
 * Nouns that make a capitalised phrase an organisation, institution or place rather than a
 * person ("CSTO Joint Staff", "Islamic State", "New York Post").
 */
export const ORGANISATION_WORDS = new Set(
  (
    "organization organisation council committee commission ministry department agency office staff party union association " +
    "institute institution university college school academy bank fund group company corporation corp inc ltd llc plc co times post " +
    "news journal herald tribune press network channel service services court senate house congress parliament assembly government " +
    "administration army navy forces force police center centre foundation campaign board authority federation league coalition " +
    "alliance treaty caucus club state states republic kingdom empire nations union bureau commission unit command council cabinet " +
    "embassy consulate hospital clinic museum library agency network magazine newspaper television radio tv times guardian telegraph " +
    "reuters bloomberg associated afp tass xinhua cnn bbc fox abc cbs nbc msnbc npr pbs twitter facebook google apple microsoft " +
    "province region county city district street avenue square river mountain island sea ocean lake valley desert border " +
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december"
  ).split(" "),
);

/** Words that never start a person's name, though capitalised at the start of a sentence. */
export const NOT_NAMES = new Set(
  (
    "the a an this that these those it its he she they we i you his her their our my your there here what when where why how who " +
    "which but and or so yet if in on at by for from with as after before during since while although though however meanwhile " +
    "according also last next this today yesterday tomorrow tonight some many most several both all each every no not one two three " +
    "four five six seven eight nine ten first second third new old former many more less such other another any none nor " +
    "mr mrs ms dr le la les un une el los las der die das ein eine o os um uma " +
    "selon d'après según segundo laut podle conforme now then still yet also meanwhile however even perhaps instead thus so " +
    "having being after before during despite would could should can will does did is are was were has have had may might must shall do " +
    // Sentence-opening conjunctions, adverbs and imperatives, capitalised only by their position.
    "whether once unless whenever wherever regardless otherwise therefore accordingly finally please say look feel see let " +
    "possible example or nor no yes don't don’t you're you’re doing starting examining consider imagine note " +
    "throughout somehow anyway indeed besides likewise nonetheless nevertheless"
  ).split(" "),
);

/**
 * Common given names that are, with few exceptions, borne by men or by women: they tell the
 * gender of a named person, so that "she" skips "Brian Fallon" for "Hillary Clinton". Names
 * used for both (Jordan, Taylor, Alex, Robin, Jean ...) are deliberately left out.
 */
export const MALE_GIVEN_NAMES = new Set(
  (
    "aaron abdul abraham adam adrian ahmed alan albert alexander alfred ali allen andrew andy angelo anthony antonio arnold " +
    "arthur barack barry ben benjamin bernard bernie bill billy bob bobby boris brad bradley brandon brent brett brian bruce " +
    "bryan byron calvin carl carlos cecil charles charlie chris christopher chuck clarence clark clifford cody colin craig " +
    "curtis dan daniel danny darrell dave david dean dennis derek dick don donald doug douglas duncan dwight earl ed eddie " +
    "edgar edward edwin elijah emmanuel eric ernest eugene evan francis frank franklin fred frederick gary gavin george " +
    "gerald glenn gordon graham greg gregory harold harry hassan henry herbert howard hugh ian isaac ivan jack jacob jake " +
    "james jason jay jeb jeff jeffrey jeremy jerome jerry jesse jim jimmy joe joel john johnny jon jonathan jose joseph " +
    "josh joshua juan justin keith ken kenneth kevin kurt lance larry lawrence lee leon leonard lewis lloyd louis luis " +
    "luke malcolm marco marcus mario mark martin matt matthew maurice max michael miguel mike mitch mitt mohammed muhammad " +
    "nathan neil nicholas nick nigel noah norman oliver omar oscar patrick paul pedro peter phil philip rafael ralph randy " +
    "ray raymond reince richard rick rob robert rod roger roland ron ronald roy rudy russell ryan sam samuel scott sean " +
    "sergei seth shawn stanley stephen steve steven stuart ted thomas tim timothy todd tom tommy tony travis trevor " +
    "victor vincent vladimir walter wayne william willie xi yusuf zachary"
  ).split(" "),
);
export const FEMALE_GIVEN_NAMES = new Set(
  (
    "abigail alice alicia alison amanda amber amy andrea angela angelina ann anna anne annie barbara becky betsy betty " +
    "beverly brenda bridget brittany carla carmen carol caroline carolyn catherine cathy charlotte cheryl christina " +
    "christine cindy claire claudia colleen condoleezza cynthia dana daniela debbie deborah debra denise diana diane donna " +
    "doris dorothy elaine eleanor elena elisabeth elizabeth ellen emily emma erica erin eva evelyn fatima frances gabriela " +
    "gloria grace hannah heather heidi helen hillary holly ivanka jacqueline jane janet janice jennifer jessica jill joan " +
    "joanne josephine joy joyce judith judy julia julie karen kate katherine kathleen kathryn kathy katie kelly kim kimberly " +
    "kristen laura lauren linda lisa lori louise lucy lynn madeleine margaret maria marie marilyn martha mary megan melania " +
    "melanie melissa michelle monica nancy natalie nicole nikki olivia pamela patricia paula rachel rebecca rita rose ruth " +
    "sally samantha sandra sara sarah sharon shirley sophia stephanie susan suzanne tammy tanya teresa theresa tiffany tina " +
    "valerie vanessa victoria virginia wendy yvonne"
  ).split(" "),
);

/** Days and months, lower-cased: they open a sentence ("On Monday, …") or stand before a participle ("on Friday saying") without being a name. */
export const CALENDAR_WORD =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/u;
