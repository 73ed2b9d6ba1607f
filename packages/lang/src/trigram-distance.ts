import { data } from 'franc/data.js';
import { FRANC_CODES, type TradeLanguage } from './languages';

/**
 * franc's trigram distance, computed against franc's own models, but with the models indexed
 * once and the text's trigrams counted once for all candidates: franc re-reads every model
 * object for every call, which made it most of the detector's run time.
 */

/** franc's penalty for a trigram missing from a model, and its sample cap. */
const MAX_DIFFERENCE = 300;
const MAX_LENGTH = 2048;

/** franc keeps a Jawi model for Malay too; the trade languages are matched in these scripts. */
const MODEL_SCRIPTS = ['Latin', 'Cyrillic', 'Arabic', 'Devanagari', 'Hebrew'] as const;

/**
 * The models' trigrams are numbered rather than looked up as strings: each of their few hundred
 * letters gets a number, and a trigram is the number its three letters spell, so counting a
 * text's trigrams cuts no strings and hashes small integers only.
 */
interface TrigramIndex {
  languages: readonly TradeLanguage[];
  /** Per UTF-16 code unit, its number (from 1) among the letters of the models; 0 if none has it. */
  letters: Uint16Array;
  /** The number of letters plus one: the base trigram numbers are written in. */
  base: number;
  /** Per trigram number, its row in `ranks`. */
  rows: ReadonlyMap<number, number>;
  /** Per row, the trigram's rank in each language's model (by position in `languages`), -1 if absent. */
  ranks: Int16Array;
}

let index: TrigramIndex | undefined;
/** Per row of the index, how often the text being scored has the trigram; zero between calls. */
let counts = new Int32Array(0);

function trigramIndex(): TrigramIndex {
  if (index) return index;
  const byCode = new Map<string, string>();
  for (const script of MODEL_SCRIPTS) {
    for (const [code, model] of Object.entries(data[script] ?? {})) {
      if (!byCode.has(code)) byCode.set(code, model);
    }
  }
  const languages = (Object.keys(FRANC_CODES) as TradeLanguage[]).filter((language) =>
    byCode.has(FRANC_CODES[language]),
  );
  const models = languages.map((language) => (byCode.get(FRANC_CODES[language]) ?? '').split('|'));
  const letters = new Uint16Array(0x10000);
  let base = 1;
  for (const trigram of models.flat()) {
    for (let i = 0; i < trigram.length; i += 1) {
      const unit = trigram.charCodeAt(i);
      if (letters[unit] === 0) {
        letters[unit] = base;
        base += 1;
      }
    }
  }
  const rows = new Map<number, number>();
  const numbered = models.map((model) =>
    model.map((trigram) => {
      const number = trigramNumber(letters, base, trigram, 0);
      if (!rows.has(number)) rows.set(number, rows.size);
      return rows.get(number) ?? 0;
    }),
  );
  const ranks = new Int16Array(rows.size * languages.length).fill(-1);
  numbered.forEach((model, position) => {
    model.forEach((row, rank) => {
      ranks[row * languages.length + position] = rank;
    });
  });
  counts = new Int32Array(rows.size);
  index = { languages, letters, base, rows, ranks };
  return index;
}

/** The number of the trigram at `start` in `text`, or -1 when a letter is in no model. */
function trigramNumber(letters: Uint16Array, base: number, text: string, start: number): number {
  let number = 0;
  for (let i = start; i < start + 3; i += 1) {
    const letter = letters[text.charCodeAt(i)] ?? 0;
    if (letter === 0) return -1;
    number = number * base + letter;
  }
  return number;
}

/** Whether franc has a trigram model for the language (single-script languages have none). */
export function hasTrigramModel(language: TradeLanguage): boolean {
  return trigramIndex().languages.includes(language);
}

/** The text as franc's trigram-utils sees it: ASCII punctuation and digits as spaces, lower case. */
function trigramText(text: string): string {
  return ` ${text
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()} `;
}

/**
 * franc's normalised score (1 for the nearest model, lower for the rest) for each language of
 * the pool, in the pool's order; 0 for a language without a model.
 */
export function trigramScores(text: string, pool: readonly TradeLanguage[]): Float64Array {
  const { languages, letters, base, rows, ranks } = trigramIndex();
  const scores = new Float64Array(pool.length);
  const sample = text.slice(0, MAX_LENGTH);
  const positions = pool.map((language) => languages.indexOf(language));
  if (positions.every((position) => position < 0) || sample.length === 0) return scores;

  const padded = trigramText(sample);
  const seen: number[] = [];
  // Trigrams in no model cost the same for every language; only how many differ matters.
  const unmodelled = new Set<number | string>();
  for (let i = 0; i + 3 <= padded.length; i += 1) {
    const number = trigramNumber(letters, base, padded, i);
    const row = number < 0 ? undefined : rows.get(number);
    if (row === undefined) {
      unmodelled.add(number < 0 ? padded.slice(i, i + 3) : number);
    } else {
      const count = counts[row] ?? 0;
      if (count === 0) seen.push(row);
      counts[row] = count + 1;
    }
  }
  // Distances are sums of integers, so the order they are added in cannot change them.
  const distances = positions.map(() => unmodelled.size * MAX_DIFFERENCE);
  for (const row of seen) {
    const count = counts[row] ?? 0;
    counts[row] = 0;
    const offset = row * languages.length;
    for (let slot = 0; slot < positions.length; slot += 1) {
      const position = positions[slot] ?? -1;
      if (position < 0) continue;
      const rank = ranks[offset + position] ?? -1;
      distances[slot] =
        (distances[slot] ?? 0) + (rank < 0 ? MAX_DIFFERENCE : Math.abs(count - rank - 1));
    }
  }
  let min = Infinity;
  positions.forEach((position, slot) => {
    if (position >= 0) min = Math.min(min, distances[slot] ?? 0);
  });
  const max = sample.length * MAX_DIFFERENCE - min;
  positions.forEach((position, slot) => {
    if (position >= 0) scores[slot] = 1 - ((distances[slot] ?? 0) - min) / max || 0;
  });
  return scores;
}
