import { buyerPart, wordsOnly } from './clean-buyer-text';
import { contextLanguages, type DetectionContext } from './context-priors';
import { TRADE_LANGUAGES, type TradeLanguage } from './languages';
import { foreignLanguages, languageBit } from './foreign-letters';
import { DICTIONARY_WEIGHT, lexicon, listedWeight, spellingDictionary } from './lexicon';
import { INDONESIAN_WORDS, MALAYSIAN_WORDS } from './malay-markers';
import { MALAY_WORD_ODDS, type MalayWordOdds } from './malay-word-odds';
import { joinedProfile, scriptProfile, type Script, type ScriptProfile } from './script-profile';
import { MAX_READ_CHARS, textSample } from './text-sample';
import { trigramScores } from './trigram-distance';

export interface DetectOptions {
  /** Languages to choose from; defaults to the 22 trade languages. */
  candidates?: readonly TradeLanguage[];
  /** Strip quotes, signatures, footers, links and numbers first (default true). */
  clean?: boolean;
  context?: DetectionContext;
  /** Word odds that tell Malay from Indonesian (default: the ones shipped with the package). */
  malayOdds?: MalayWordOdds;
}

/** What every paragraph of one text is judged against. */
interface Judging {
  candidates: readonly TradeLanguage[];
  favoured: ReadonlySet<TradeLanguage>;
  malayOdds: MalayWordOdds;
}

export interface LanguageScore {
  language: TradeLanguage;
  /** 0-1: the share of belief the detector puts on this language. */
  confidence: number;
}

export interface LanguageShare {
  language: TradeLanguage;
  /** 0-1: the share of the buyer's letters written in this language. */
  share: number;
}

export interface LanguageResult {
  /** ISO 639-1 code, or `und` when there are no words to judge. */
  language: TradeLanguage | 'und';
  confidence: number;
  runnerUp: LanguageScore | null;
  /** Other languages present in the text (a quoted English line under a Spanish body). */
  others: LanguageShare[];
  script: Script | null;
}

/** Scripts only one trade language writes in. */
const SINGLE_LANGUAGE_SCRIPTS: Partial<Record<Script, TradeLanguage>> = {
  hangul: 'ko',
  kana: 'ja',
  thai: 'th',
  hebrew: 'he',
  devanagari: 'hi',
};

const SCRIPT_POOLS: Partial<Record<Script, readonly TradeLanguage[]>> = {
  latin: ['en', 'es', 'pt', 'fr', 'de', 'tr', 'it', 'pl', 'nl', 'vi', 'id', 'ms'],
  cyrillic: ['ru', 'uk'],
  arabic: ['ar', 'fa'],
  han: ['zh', 'ja'],
};

/** Global weights of the evidence, set once on the whole development set, not per language. */
const LEXICON_WEIGHT = 1.2;
/** One to three words give trigrams too little to go on, so the word lists weigh more. */
const SHORT_LEXICON_WEIGHT = 3;
const FOREIGN_LETTER_WEIGHT = 1.5;
const MALAY_SPELLING_WEIGHT = 2;
/** How far each Malaysian or Indonesian marker word moves the balance between the two. */
const MARKER_WEIGHT = 1;
/** How far a word moves it per unit of learned log-odds: less than a marker word does. */
const ODDS_WEIGHT = 0.5;
const CONTEXT_BONUS = 0.05;
const SOFTMAX_SHARPNESS = 8;
/** Texts of up to this many words count as short. */
const MAX_SHORT_WORDS = 3;
/** A paragraph shorter than this joins its neighbour's vote instead of casting its own. */
const MIN_SEGMENT_LETTERS = 20;
/** Share of letters another language needs before it is reported as present. */
const MIN_OTHER_SHARE = 0.1;

const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;

interface Ranked {
  scores: Array<[TradeLanguage, number]>;
  script: Script | null;
  letters: number;
}

function softmax(scores: Array<[TradeLanguage, number]>): Array<[TradeLanguage, number]> {
  const top = scores[0]?.[1] ?? 0;
  const exps = scores.map(([language, score]): [TradeLanguage, number] => [
    language,
    Math.exp((score - top) * SOFTMAX_SHARPNESS),
  ]);
  const total = exps.reduce((sum, [, value]) => sum + value, 0);
  return exps.map(([language, value]) => [language, value / total]);
}

/**
 * The languages a text in one script is judged among, with what scoring them needs: worked out
 * once per set of languages, since scoring looks languages up for every word.
 */
interface Pool {
  languages: readonly TradeLanguage[];
  /** Per trade language (by position in TRADE_LANGUAGES), its position in `languages`, or -1. */
  slots: Int8Array;
  /** Per position in `languages`, the language's bit (see languageBit). */
  bits: Int32Array;
  /** Positions of Malay and Indonesian in `languages`, -1 when absent. */
  malay: number;
  indonesian: number;
}

function poolOf(languages: readonly TradeLanguage[]): Pool {
  const slots = new Int8Array(TRADE_LANGUAGES.length).fill(-1);
  languages.forEach((language, slot) => {
    slots[TRADE_LANGUAGES.indexOf(language)] = slot;
  });
  return {
    languages,
    slots,
    bits: Int32Array.from(languages, languageBit),
    malay: languages.indexOf('ms'),
    indonesian: languages.indexOf('id'),
  };
}

/** A caller may pass candidates of its own with each call, so the pools kept are capped. */
const MAX_POOLS = 1_000;
const pools = new Map<string, Pool>();

function poolFor(script: Script, candidates: readonly TradeLanguage[]): Pool {
  const only = SINGLE_LANGUAGE_SCRIPTS[script];
  let languages: readonly TradeLanguage[];
  if (only !== undefined && candidates.includes(only)) {
    languages = [only];
  } else {
    languages = (SCRIPT_POOLS[script] ?? []).filter((language) => candidates.includes(language));
    // A language the caller lists twice is still one candidate.
    if (languages.length === 0) languages = [...new Set(candidates)];
  }
  // Han alone is Chinese unless the caller ruled Chinese out: Japanese writing shows kana.
  if (script === 'han' && languages.includes('zh')) languages = ['zh'];
  const key = languages.join();
  let pool = pools.get(key);
  if (!pool) {
    pool = poolOf(languages);
    if (pools.size < MAX_POOLS) pools.set(key, pool);
  }
  return pool;
}

function addTo(scores: number[], slot: number, amount: number): void {
  scores[slot] = (scores[slot] ?? 0) + amount;
}

/**
 * Moves the balance between Malay and Indonesian by `shift` (towards Malay when positive) while
 * the better of the two keeps its score: marker words tell the two standards apart but are
 * no evidence against a third language that also writes them (`film`, `gratis`, `je`).
 */
function settleMalayPair(scores: number[], { malay, indonesian }: Pool, shift: number): void {
  const malayScore = scores[malay] ?? 0;
  const indonesianScore = scores[indonesian] ?? 0;
  const top = Math.max(malayScore, indonesianScore);
  const gap = malayScore - indonesianScore + shift;
  scores[malay] = gap >= 0 ? top : top + gap;
  scores[indonesian] = gap >= 0 ? top - gap : top;
}

/** Adds the evidence of the text's words: word lists, dictionaries, letters, Malay markers. */
function scoreWords(
  words: readonly string[],
  pool: Pool,
  scores: number[],
  malayOdds: MalayWordOdds,
): void {
  const known = lexicon();
  const { starts, languages, weights, malayOnly } = known;
  const { slots, bits, malay, indonesian } = pool;
  const count = words.length;
  const short = count <= MAX_SHORT_WORDS;
  const lexiconWeight = short ? SHORT_LEXICON_WEIGHT : LEXICON_WEIGHT;
  // Spelling dictionaries cover a few languages only, so they would pull longer text towards
  // them; they speak only where trigrams have too little to go on.
  const spelling = !short
    ? []
    : pool.languages.flatMap((language, slot) => {
        const dictionary = spellingDictionary(language);
        return dictionary
          ? [{ slot, language: TRADE_LANGUAGES.indexOf(language), dictionary }]
          : [];
      });
  // Markers and odds only move the balance between the two, so they count when both compete.
  const malayPair = malay >= 0 && indonesian >= 0;
  let markers = 0;
  let odds = 0;
  for (const word of words) {
    if (malayPair) {
      if (!short) odds += malayOdds.get(word) ?? 0;
      if (MALAYSIAN_WORDS.has(word)) markers += 1;
      if (INDONESIAN_WORDS.has(word)) markers -= 1;
    }
    const entry = known.words.get(word);
    if (entry !== undefined) {
      for (let i = starts[entry] ?? 0; i < (starts[entry + 1] ?? 0); i += 1) {
        const slot = slots[languages[i] ?? 0] ?? -1;
        if (slot >= 0) addTo(scores, slot, (lexiconWeight * (weights[i] ?? 0)) / count);
      }
    }
    for (const { slot, language, dictionary } of spelling) {
      const weight = entry === undefined ? 0 : listedWeight(known, entry, language);
      if (weight < DICTIONARY_WEIGHT && dictionary.has(word)) {
        addTo(scores, slot, (lexiconWeight * (DICTIONARY_WEIGHT - weight)) / count);
      }
    }
    const foreign = foreignLanguages(word);
    if (foreign !== 0) {
      bits.forEach((bit, slot) => {
        if ((foreign & bit) !== 0) addTo(scores, slot, -FOREIGN_LETTER_WEIGHT / count);
      });
    }
    if (malay >= 0 && malayOnly.has(word)) addTo(scores, malay, MALAY_SPELLING_WEIGHT / count);
  }
  const shift = (MARKER_WEIGHT * markers + ODDS_WEIGHT * odds) / count;
  if (malayPair && shift !== 0) settleMalayPair(scores, pool, shift);
}

/** The trigram and word evidence for each language of the pool; none is needed for one language. */
function evidence(text: string, pool: Pool, malayOdds: MalayWordOdds): number[] {
  const { languages } = pool;
  if (languages.length < 2) return languages.map(() => 0);
  const scores = trigramScores(text, languages);
  const words = text.toLowerCase().match(WORD) ?? [];
  if (words.length > 0) scoreWords(words, pool, scores, malayOdds);
  return scores;
}

function scorePool(
  text: string,
  pool: Pool,
  { favoured, malayOdds }: Judging,
): Array<[TradeLanguage, number]> {
  const scores = evidence(text, pool, malayOdds);
  for (const language of favoured) {
    const slot = pool.slots[TRADE_LANGUAGES.indexOf(language)] ?? -1;
    if (slot >= 0) addTo(scores, slot, CONTEXT_BONUS);
  }
  return pool.languages
    .map((language, slot): [TradeLanguage, number] => [language, scores[slot] ?? 0])
    .sort((a, b) => b[1] - a[1]);
}

/**
 * Turkish mail sent as ISO-8859-9 or Windows-1254 but read as Latin-1 shows ý, þ, ð for ı, ş, ğ.
 * þ and ð belong to no trade language, so either one marks the text as such and the Turkish
 * letters are put back before the trigrams are counted.
 */
const LATIN1_TURKISH = /[þðÞÐ]/;
const TURKISH_LETTERS: Readonly<Record<string, string>> = {
  ý: 'ı',
  þ: 'ş',
  ð: 'ğ',
  Ý: 'İ',
  Þ: 'Ş',
  Ð: 'Ğ',
};

function repairTurkishCharset(text: string): string {
  const repaired = LATIN1_TURKISH.test(text)
    ? text.replace(/[ýþðÝÞÐ]/g, (letter) => TURKISH_LETTERS[letter] ?? letter)
    : text;
  // Outside a Turkish locale İ lower-cases to i and a combining dot, which splits the word.
  return repaired.includes('İ') ? repaired.replace(/İ/g, 'i') : repaired;
}

/**
 * Ukrainian typed on a keyboard without і often has the Latin i in its place (`вiн`, `i`), which
 * hides the letter that tells Ukrainian from Russian; inside Cyrillic text it is read as і.
 */
const LATIN_I_IN_CYRILLIC = /(?<=\p{Script=Cyrillic})i|i(?=\p{Script=Cyrillic})|(?<=\s)i(?=\s)/gu;

function rank(text: string, profile: ScriptProfile, judging: Judging): Ranked {
  const { candidates } = judging;
  const script = profile.dominant ?? null;
  if (script === null) return { scores: [], script, letters: 0 };
  const pool = poolFor(script, candidates);
  const repaired =
    script === 'latin'
      ? repairTurkishCharset(text)
      : script === 'cyrillic'
        ? text.replace(LATIN_I_IN_CYRILLIC, 'і')
        : text;
  const scores = scorePool(repaired, pool, judging);
  return { scores, script, letters: profile.letters };
}

function toResult(ranked: Ranked, others: LanguageShare[]): LanguageResult {
  const [best, second] = softmax(ranked.scores);
  if (!best)
    return { language: 'und', confidence: 0, runnerUp: null, others: [], script: ranked.script };
  return {
    language: best[0],
    confidence: best[1],
    runnerUp: second ? { language: second[0], confidence: second[1] } : null,
    others,
    script: ranked.script,
  };
}

interface Segment {
  text: string;
  profile: ScriptProfile;
}

/** Paragraphs long enough to judge alone; short ones ride with the paragraph before them. */
function segments(text: string): Segment[] {
  const result: Segment[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    const profile = scriptProfile(paragraph);
    if (profile.letters === 0) continue;
    const last = result[result.length - 1];
    if (profile.letters < MIN_SEGMENT_LETTERS && last) {
      result[result.length - 1] = {
        text: `${last.text}\n${paragraph}`,
        profile: joinedProfile([last.profile, profile]),
      };
    } else {
      result.push({ text: paragraph, profile });
    }
  }
  return result;
}

/**
 * The language of the buyer's own words. Mixed text is judged paragraph by paragraph and the
 * language with most letters wins; the rest are reported in `others`. A long text is judged on
 * a sample drawn from all its paragraphs.
 */
export function detectLanguage(text: string, options: DetectOptions = {}): LanguageResult {
  const judging: Judging = {
    candidates: options.candidates ?? TRADE_LANGUAGES,
    favoured: contextLanguages(options.context),
    malayOdds: options.malayOdds ?? MALAY_WORD_ODDS,
  };
  const read = text.slice(0, MAX_READ_CHARS);
  // The sample is drawn before links and codes are cut, which is the costly part of cleaning.
  const cleaned =
    options.clean === false ? textSample(read) : wordsOnly(textSample(buyerPart(read)));
  const parts = cleaned.includes('\n')
    ? segments(cleaned)
    : [{ text: cleaned, profile: scriptProfile(cleaned) }];
  if (parts.length <= 1) {
    // The paragraphs' profiles add up to the whole text's: the breaks between them have no letters.
    const profile = joinedProfile(parts.map((part) => part.profile));
    return toResult(rank(cleaned, profile, judging), []);
  }

  const letters = new Map<TradeLanguage, number>();
  const judged: Ranked[] = [];
  let total = 0;
  for (const part of parts) {
    const ranked = rank(part.text, part.profile, judging);
    const language = ranked.scores[0]?.[0];
    if (!language) continue;
    letters.set(language, (letters.get(language) ?? 0) + ranked.letters);
    judged.push(ranked);
    total += ranked.letters;
  }
  const [primary] = [...letters].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!primary) return toResult({ scores: [], script: null, letters: 0 }, []);
  const others = [...letters]
    .filter(([language, count]) => language !== primary && count / total >= MIN_OTHER_SHARE)
    .map(([language, count]) => ({ language, share: count / total }))
    .sort((a, b) => b.share - a.share);
  return toResult(pooled(judged.filter((ranked) => ranked.scores[0]?.[0] === primary)), others);
}

/**
 * The scores of the primary language's paragraphs taken together: each paragraph's evidence
 * weighs by its letters, as if the paragraphs were judged as one text, without scoring them twice.
 */
function pooled(parts: readonly Ranked[]): Ranked {
  const sums = new Map<TradeLanguage, number>();
  const seen = new Map<TradeLanguage, number>();
  let letters = 0;
  for (const part of parts) {
    letters += part.letters;
    for (const [language, score] of part.scores) {
      sums.set(language, (sums.get(language) ?? 0) + score * part.letters);
      seen.set(language, (seen.get(language) ?? 0) + 1);
    }
  }
  // Only languages every paragraph was scored for compare fairly (pools follow the script).
  const scores = [...sums]
    .filter(([language]) => seen.get(language) === parts.length)
    .map(([language, sum]): [TradeLanguage, number] => [language, sum / letters])
    .sort((a, b) => b[1] - a[1]);
  return { scores, script: parts[0]?.script ?? null, letters };
}
