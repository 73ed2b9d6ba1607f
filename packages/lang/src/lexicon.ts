import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { isTradeLanguage, TRADE_LANGUAGES, type TradeLanguage } from './languages';
import { UKRAINIAN_FUNCTION_WORDS } from './ukrainian-words';

/**
 * Word-frequency lists shipped by the zxcvbn-ts language packs (built from subtitles and
 * Wikipedia, independent of any evaluation data) plus stopwords-iso for every language.
 * Indonesian and Malay share most of their vocabulary, so the Indonesian list counts for both
 * and only the spellings Malay lists alone carry tell them apart.
 */
const FREQUENCY_PACKS: ReadonlyArray<readonly [TradeLanguage, string]> = [
  ['en', 'en'],
  ['de', 'de'],
  ['es', 'es-es'],
  ['fr', 'fr'],
  ['it', 'it'],
  ['nl', 'nl-be'],
  ['pl', 'pl'],
  ['pt', 'pt-br'],
  ['id', 'id'],
];

const MALAY_GROUP: readonly TradeLanguage[] = ['id', 'ms'];

/**
 * The Indonesian subtitle list also holds Malaysian spellings far down its tail (`kerana`,
 * `bahawa`), so only its common words rule a Malay spelling out as shared.
 */
const COMMON_INDONESIAN_RANK = 5_000;

/** Rank at which a word's weight has fallen to half. Larger lists do not weigh more per word. */
const RANK_SCALE = Math.log1p(60_000);
/**
 * How much a word's weight falls from a list's first rank to its 60,000th: little, since a word
 * that a list has at all says more about the language than how common the word is.
 */
const RANK_SLOPE = 0.3;

/**
 * Hunspell dictionaries (stems and listed forms) for languages that no frequency pack covers or
 * whose neighbour shares most of its letters: Russian against Ukrainian, Persian against Arabic,
 * and Turkish, whose agglutinated forms frequency lists miss. Chosen among the permissively
 * licensed ones (BSD, Apache-2.0, MIT).
 */
const DICTIONARIES: ReadonlyMap<TradeLanguage, string> = new Map([
  ['ru', 'dictionary-ru'],
  ['fa', 'dictionary-fa'],
  ['tr', 'dictionary-tr'],
]);
/**
 * Subtitles quote English, so every language's list carries common English words far down
 * its tail (`please` is English rank 171, Italian 24,418): there they are English, not the
 * language. A word is left out of a list that ranks it this many times lower than English
 * does (counting English ranks from this floor).
 */
const LOANWORD_RATIO = 20;
const LOANWORD_FLOOR = 10;

/** A dictionary word weighs like one far down a frequency list. */
export const DICTIONARY_WEIGHT = 0.6;

export interface Lexicon {
  /** Every listed word, with its position in `starts`. */
  words: ReadonlyMap<string, number>;
  /**
   * Word i's run in `languages` and `weights` goes from `starts[i]` up to `starts[i + 1]`. Flat
   * arrays rather than a map per word: scoring reads them without allocating, and they take a
   * fraction of the memory.
   */
  starts: Uint32Array;
  /** The languages whose lists have the word, as positions in TRADE_LANGUAGES. */
  languages: Uint8Array;
  /** The weight (0.5-1, by frequency rank) each of those languages gives the word. */
  weights: Float64Array;
  /** Words only Malay lists have (Malaysian spellings like `bahawa`, `kerana`, `baharu`). */
  malayOnly: ReadonlySet<string>;
}

/** The weight the language (as a position in TRADE_LANGUAGES) gives the word at `word`, 0 if none. */
export function listedWeight(
  { starts, languages, weights }: Lexicon,
  word: number,
  language: number,
): number {
  for (let i = starts[word] ?? 0; i < (starts[word + 1] ?? 0); i += 1) {
    if (languages[i] === language) return weights[i] ?? 0;
  }
  return 0;
}

interface ZxcvbnPack {
  dictionary: Record<string, string[] | undefined>;
}

const requireFromHere = createRequire(__filename);

function loadPack(pack: string): string[][] {
  const { dictionary } = requireFromHere(`@zxcvbn-ts/language-${pack}`) as ZxcvbnPack;
  return Object.entries(dictionary)
    .filter(([name]) => name.startsWith('commonWords') || name.startsWith('wikipedia'))
    .map(([, words]) => words ?? []);
}

function rankWeight(rank: number): number {
  return 1 - (RANK_SLOPE * Math.log1p(rank)) / RANK_SCALE;
}

const AFTER_WORD = /[/\t ]/;

/** The words of a Hunspell `.dic` file: one per line after the count, flags after a slash. */
function loadDictionary(pack: string): Set<string> {
  // The packages' entry point reads the files with top-level await, which require() cannot run.
  const file = join(dirname(requireFromHere.resolve(pack)), 'index.dic');
  const words = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
    const end = line.search(AFTER_WORD);
    const word = end < 0 ? line : line.slice(0, end);
    if (word) words.add(word.toLowerCase());
  }
  return words;
}

/**
 * Mail that went through a lossy charset conversion loses its accented letters (`canción` arrives
 * as `cancin`). Each listed Latin word with such letters is also listed without them, weighing
 * less, unless the stripped form is a word of its own in some list.
 */
const STRIPPED_FACTOR = 0.5;
const MIN_STRIPPED_LETTERS = 4;
const NOT_ASCII_LETTER = /[^a-z]/g;
const LATIN_WORD = /^\p{Script=Latin}+$/u;

/** Room for every trade language in a key that joins a word and a language. */
const LANGUAGE_SLOTS = 32;

/**
 * The best weight per word and language, gathered while the lists load. One map keyed by word and
 * language together rather than a map per word: collecting 400,000 small maps took a quarter of
 * the loading time.
 */
class WeightTable {
  /** Per word, its id: the order it was first added in. */
  readonly ids = new Map<string, number>();
  readonly words: string[] = [];
  /** Per word id * LANGUAGE_SLOTS + language (as a position in TRADE_LANGUAGES), the best weight. */
  readonly best = new Map<number, number>();

  add(word: string, language: number, weight: number): void {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
    }
    const key = id * LANGUAGE_SLOTS + language;
    if ((this.best.get(key) ?? 0) < weight) this.best.set(key, weight);
  }

  /** Calls back with each word's id, language and weight. */
  forEach(visit: (id: number, language: number, weight: number) => void): void {
    this.best.forEach((weight, key) => {
      visit(Math.floor(key / LANGUAGE_SLOTS), key % LANGUAGE_SLOTS, weight);
    });
  }
}

function addStrippedSpellings(table: WeightTable): void {
  const bareForms = table.words.map((word) => {
    if (!LATIN_WORD.test(word)) return undefined;
    const bare = word.replace(NOT_ASCII_LETTER, '');
    return bare === word || bare.length < MIN_STRIPPED_LETTERS || table.ids.has(bare)
      ? undefined
      : bare;
  });
  const stripped = new WeightTable();
  table.forEach((id, language, weight) => {
    const bare = bareForms[id];
    if (bare !== undefined) stripped.add(bare, language, weight * STRIPPED_FACTOR);
  });
  stripped.forEach((id, language, weight) => {
    table.add(stripped.words[id] ?? '', language, weight);
  });
}

/** The table as flat runs of languages and weights per word (see Lexicon). */
function packed(table: WeightTable): Pick<Lexicon, 'words' | 'starts' | 'languages' | 'weights'> {
  const starts = new Uint32Array(table.words.length + 1);
  table.forEach((id) => {
    starts[id + 1] = (starts[id + 1] ?? 0) + 1;
  });
  for (let id = 0; id < table.words.length; id += 1) {
    starts[id + 1] = (starts[id + 1] ?? 0) + (starts[id] ?? 0);
  }
  const filled = starts.slice(0, -1);
  const languages = new Uint8Array(table.best.size);
  const weights = new Float64Array(table.best.size);
  table.forEach((id, language, weight) => {
    const at = filled[id] ?? 0;
    languages[at] = language;
    weights[at] = weight;
    filled[id] = at + 1;
  });
  return { words: table.ids, starts, languages, weights };
}

/** Builds the lexicon from the word lists: about two seconds of work (see lexicon()). */
export function buildLexicon(): Lexicon {
  const table = new WeightTable();
  const add = (word: string, languages: readonly TradeLanguage[], weight: number): void => {
    const key = word.toLowerCase();
    for (const language of languages) table.add(key, TRADE_LANGUAGES.indexOf(language), weight);
  };
  const stopwords = requireFromHere('stopwords-iso') as Record<string, string[] | undefined>;
  const indonesian = new Set(stopwords.id ?? []);
  const englishRanks = new Map<string, number>();
  for (const list of loadPack('en'))
    list.forEach((word, rank) => {
      const key = word.toLowerCase();
      if (!englishRanks.has(key)) englishRanks.set(key, rank);
    });
  for (const [language, pack] of FREQUENCY_PACKS) {
    const target = language === 'id' ? MALAY_GROUP : [language];
    for (const list of loadPack(pack)) {
      list.forEach((word, rank) => {
        const english = language === 'en' ? undefined : englishRanks.get(word.toLowerCase());
        if (english !== undefined && rank > LOANWORD_RATIO * Math.max(english, LOANWORD_FLOOR))
          return;
        add(word, target, rankWeight(rank));
        if (language === 'id' && rank < COMMON_INDONESIAN_RANK) indonesian.add(word.toLowerCase());
      });
    }
  }
  const malayOnly = new Set((stopwords.ms ?? []).filter((word) => !indonesian.has(word)));
  for (const [language, words] of Object.entries(stopwords)) {
    if (!isTradeLanguage(language)) continue;
    const target = language === 'id' || language === 'ms' ? MALAY_GROUP : [language];
    for (const word of words ?? []) add(word, target, rankWeight(100));
  }
  for (const word of UKRAINIAN_FUNCTION_WORDS) add(word, ['uk'], rankWeight(100));
  addStrippedSpellings(table);
  return { ...packed(table), malayOnly };
}

/** Header of a stored lexicon: byte lengths of the two word lists, then the number of runs. */
const HEADER_BYTES = 16;

/**
 * The lexicon as bytes: its words and its Malay-only words as lines of text, then the weights,
 * run starts and languages as they lie in memory (the weights first, on an 8-byte boundary).
 */
export function serialiseLexicon({
  words,
  starts,
  languages,
  weights,
  malayOnly,
}: Lexicon): Buffer {
  const listed = Buffer.from([...words.keys()].join('\n'));
  const malay = Buffer.from([...malayOnly].join('\n'));
  const arrays = 8 * Math.ceil((HEADER_BYTES + listed.length + malay.length) / 8);
  const out = Buffer.alloc(arrays + weights.byteLength + starts.byteLength + languages.byteLength);
  out.writeUInt32LE(listed.length, 0);
  out.writeUInt32LE(malay.length, 4);
  out.writeUInt32LE(weights.length, 8);
  listed.copy(out, HEADER_BYTES);
  malay.copy(out, HEADER_BYTES + listed.length);
  let at = arrays;
  for (const array of [weights, starts, languages]) {
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at += array.byteLength;
  }
  return out;
}

export function deserialiseLexicon(bytes: Buffer): Lexicon {
  const damaged = (): Error => new Error('the stored lexicon is not the length it says');
  if (bytes.length < HEADER_BYTES) throw damaged();
  const listedBytes = bytes.readUInt32LE(0);
  const malayBytes = bytes.readUInt32LE(4);
  const runs = bytes.readUInt32LE(8);
  // Checked before anything is allocated by what the header claims.
  const arrays = 8 * Math.ceil((HEADER_BYTES + listedBytes + malayBytes) / 8);
  if (arrays + runs * (Float64Array.BYTES_PER_ELEMENT + 1) > bytes.length) throw damaged();
  let at = HEADER_BYTES;
  const text = (length: number): string[] => {
    const lines = length === 0 ? [] : bytes.toString('utf8', at, at + length).split('\n');
    at += length;
    return lines;
  };
  const listed = text(listedBytes);
  const malayOnly = new Set(text(malayBytes));
  const words = new Map<string, number>();
  listed.forEach((word, id) => words.set(word, id));
  at = arrays;
  // Copied out, so each typed array starts aligned on a buffer of its own.
  const take = (length: number): ArrayBuffer => {
    const part = new Uint8Array(length);
    part.set(bytes.subarray(at, at + length));
    at += length;
    return part.buffer;
  };
  const weights = new Float64Array(take(runs * Float64Array.BYTES_PER_ELEMENT));
  const starts = new Uint32Array(take((listed.length + 1) * Uint32Array.BYTES_PER_ELEMENT));
  const languages = new Uint8Array(take(runs));
  if (at !== bytes.length) throw damaged();
  return { words, starts, languages, weights, malayOnly };
}

/**
 * What a built lexicon depends on: this module's code, the language order and the versions of
 * the word-list packages. A stored lexicon is used only under the same digest.
 */
function sourceDigest(): string {
  const versions = [
    ...FREQUENCY_PACKS.map(([, pack]) => `@zxcvbn-ts/language-${pack}`),
    'stopwords-iso',
  ].map((name) => {
    const { version } = requireFromHere(`${name}/package.json`) as { version: string };
    return `${name}@${version}`;
  });
  return createHash('sha256')
    .update(readFileSync(__filename))
    .update(JSON.stringify([TRADE_LANGUAGES, UKRAINIAN_FUNCTION_WORDS, versions]))
    .digest('hex')
    .slice(0, 16);
}

/**
 * Reads the lexicon stored under `dir` for the current sources, or builds and stores it there.
 * Storing is best effort: a read-only disk only means the next process builds it again.
 */
export function loadLexicon(dir: string): Lexicon {
  const file = join(dir, `lexicon-${sourceDigest()}.bin`);
  try {
    return deserialiseLexicon(readFileSync(file));
  } catch {
    const built = buildLexicon();
    try {
      mkdirSync(dir, { recursive: true });
      // Written aside and renamed, so a process starting meanwhile never reads half a file.
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, serialiseLexicon(built));
      renameSync(partial, file);
    } catch {
      // Kept in memory only.
    }
    return built;
  }
}

/**
 * Where built lexicons are kept between runs, since building one costs every starting process
 * seconds: the cache folder of the node_modules the word lists are installed in, the place
 * build tools keep theirs, so it goes with the installation.
 */
function cacheDir(): string {
  const wordLists = dirname(dirname(requireFromHere.resolve('stopwords-iso/package.json')));
  return join(wordLists, '.cache', 'inquiry-lang');
}

let loaded: Lexicon | undefined;

export function lexicon(): Lexicon {
  loaded ??= loadLexicon(cacheDir());
  return loaded;
}

const spellings = new Map<TradeLanguage, ReadonlySet<string>>();

/**
 * The lower-case words of the language's spelling dictionary, if it has one. Read on first use:
 * only short texts among Russian, Persian or Turkish candidates consult them, and reading all
 * three took a third of the lexicon's loading time.
 */
export function spellingDictionary(language: TradeLanguage): ReadonlySet<string> | undefined {
  const pack = DICTIONARIES.get(language);
  if (pack === undefined) return undefined;
  let words = spellings.get(language);
  if (!words) {
    words = loadDictionary(pack);
    spellings.set(language, words);
  }
  return words;
}
