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
 * The models' trigrams are found through their letters rather than as strings: each of the few
 * hundred letters the models use gets a number, and two array reads lead from a trigram's letters
 * to its row, so counting the trigrams the models have cuts no strings and hashes nothing.
 */
interface TrigramIndex {
  languages: readonly TradeLanguage[];
  /** Per UTF-16 code unit, its number (from 1) among the letters of the models; 0 if none has it. */
  letters: Uint16Array;
  /** The number of letters plus one: the size of a block of `rows`. */
  base: number;
  /** Per pair of letters (first * base + second), where its block in `rows` starts; -1 if none. */
  pairs: Int32Array;
  /** Per block and third letter, the trigram's row; -1 if no model has it. */
  rows: Int16Array;
  /**
   * Row r's models are `models` and `ranks` from `starts[r]` up to `starts[r + 1]`. A trigram is
   * in one or two of the models on average, so its distance is worked out for those only.
   */
  starts: Uint32Array;
  /** The languages whose model has the trigram, by position in `languages`. */
  models: Uint8Array;
  /** The trigram's rank in each of those models. */
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
  const trigrams = languages.map((language) =>
    (byCode.get(FRANC_CODES[language]) ?? '').split('|'),
  );
  const letters = new Uint16Array(0x10000);
  let base = 1;
  for (const trigram of trigrams.flat()) {
    for (let i = 0; i < trigram.length; i += 1) {
      const unit = trigram.charCodeAt(i);
      if (letters[unit] === 0) {
        letters[unit] = base;
        base += 1;
      }
    }
  }
  const letterAt = (trigram: string, i: number): number => letters[trigram.charCodeAt(i)] ?? 0;
  const pairs = new Int32Array(base * base).fill(-1);
  let blocks = 0;
  for (const trigram of trigrams.flat()) {
    const pair = letterAt(trigram, 0) * base + letterAt(trigram, 1);
    if (pairs[pair] === -1) {
      pairs[pair] = blocks * base;
      blocks += 1;
    }
  }
  // Sixteen bits hold every row (the models have a few thousand trigrams) and halve the table.
  const rows = new Int16Array(blocks * base).fill(-1);
  const entries: Array<Array<readonly [number, number]>> = [];
  trigrams.forEach((model, position) => {
    model.forEach((trigram, rank) => {
      const at =
        (pairs[letterAt(trigram, 0) * base + letterAt(trigram, 1)] ?? 0) + letterAt(trigram, 2);
      if (rows[at] === -1) {
        if (entries.length > 0x7fff) throw new Error('trigram models too large for 16-bit rows');
        rows[at] = entries.length;
        entries.push([]);
      }
      entries[rows[at] ?? 0]?.push([position, rank]);
    });
  });
  const starts = new Uint32Array(entries.length + 1);
  const flat = entries.flat();
  entries.forEach((entry, row) => {
    starts[row + 1] = (starts[row] ?? 0) + entry.length;
  });
  counts = new Int32Array(entries.length);
  index = {
    languages,
    letters,
    base,
    pairs,
    rows,
    starts,
    models: Uint8Array.from(flat, ([position]) => position),
    ranks: Int16Array.from(flat, ([, rank]) => rank),
  };
  return index;
}

/** Whether franc has a trigram model for the language (single-script languages have none). */
export function hasTrigramModel(language: TradeLanguage): boolean {
  return trigramIndex().languages.includes(language);
}

/**
 * The text as franc's trigram-utils sees it: ASCII punctuation and digits as spaces, runs of
 * spaces as one, lower case. franc replaces the punctuation and then the spaces; one pass over
 * both gives the same text.
 */
function trigramText(text: string): string {
  return ` ${text
    .replace(/[\s\u0021-\u0040]+/g, ' ')
    .trim()
    .toLowerCase()} `;
}

/**
 * franc's normalised score (1 for the nearest model, lower for the rest) for each language of
 * the pool, in the pool's order; 0 for a language without a model.
 */
export function trigramScores(text: string, pool: readonly TradeLanguage[]): number[] {
  const { languages, letters, base, pairs, rows, starts, models, ranks } = trigramIndex();
  const positions = pool.map((language) => languages.indexOf(language));
  const sample = text.slice(0, MAX_LENGTH);
  if (positions.every((position) => position < 0) || sample.length === 0) return pool.map(() => 0);

  const padded = trigramText(sample);
  const seen: number[] = [];
  // Only how many distinct trigrams no model has matters. They are told apart by the number their
  // letters spell, or by their text when one of the letters is in no model.
  const unmodelled = new Set<number | string>();
  for (let i = 0; i + 3 <= padded.length; i += 1) {
    const first = letters[padded.charCodeAt(i)] ?? 0;
    const second = letters[padded.charCodeAt(i + 1)] ?? 0;
    const third = letters[padded.charCodeAt(i + 2)] ?? 0;
    const block = first === 0 || second === 0 ? -1 : (pairs[first * base + second] ?? -1);
    const row = block < 0 || third === 0 ? -1 : (rows[block + third] ?? -1);
    if (row < 0) {
      unmodelled.add(
        first === 0 || second === 0 || third === 0
          ? padded.slice(i, i + 3)
          : (first * base + second) * base + third,
      );
    } else {
      const count = counts[row] ?? 0;
      if (count === 0) seen.push(row);
      counts[row] = count + 1;
    }
  }
  // Every distinct trigram costs MAX_DIFFERENCE unless the model has it, when it costs how far
  // its count is from its rank instead. The sums are of integers, so exact in any order.
  const missing = (unmodelled.size + seen.length) * MAX_DIFFERENCE;
  const distances = languages.map(() => missing);
  for (const row of seen) {
    const count = counts[row] ?? 0;
    counts[row] = 0;
    for (let i = starts[row] ?? 0; i < (starts[row + 1] ?? 0); i += 1) {
      const position = models[i] ?? 0;
      const rank = ranks[i] ?? 0;
      distances[position] =
        (distances[position] ?? 0) - MAX_DIFFERENCE + Math.abs(count - rank - 1);
    }
  }
  const min = Math.min(...positions.map((position) => distances[position] ?? Infinity));
  const max = sample.length * MAX_DIFFERENCE - min;
  return positions.map((position) =>
    position < 0 ? 0 : 1 - ((distances[position] ?? 0) - min) / max || 0,
  );
}
