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

interface TrigramIndex {
  languages: readonly TradeLanguage[];
  /** Per trigram, its rank in each language's model (by position in `languages`), -1 if absent. */
  ranks: ReadonlyMap<string, Int16Array>;
}

let index: TrigramIndex | undefined;

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
  const ranks = new Map<string, Int16Array>();
  languages.forEach((language, position) => {
    (byCode.get(FRANC_CODES[language]) ?? '').split('|').forEach((trigram, rank) => {
      let row = ranks.get(trigram);
      if (!row) {
        row = new Int16Array(languages.length).fill(-1);
        ranks.set(trigram, row);
      }
      row[position] = rank;
    });
  });
  index = { languages, ranks };
  return index;
}

/** Whether franc has a trigram model for the language (single-script languages have none). */
export function hasTrigramModel(language: TradeLanguage): boolean {
  return trigramIndex().languages.includes(language);
}

/** The text as franc's trigram-utils sees it: ASCII punctuation and digits as spaces, lower case. */
function trigramCounts(text: string): Map<string, number> {
  const padded = ` ${text
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()} `;
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i += 1) {
    const trigram = padded.slice(i, i + 3);
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  }
  return counts;
}

/**
 * franc's normalised score (1 for the nearest model, lower for the rest) for each language of
 * the pool that has a model.
 */
export function trigramScores(
  text: string,
  pool: readonly TradeLanguage[],
): Map<TradeLanguage, number> {
  const { languages, ranks } = trigramIndex();
  const sample = text.slice(0, MAX_LENGTH);
  const positions = pool
    .map((language) => [language, languages.indexOf(language)] as const)
    .filter(([, position]) => position >= 0);
  const distances = new Float64Array(positions.length);
  for (const [trigram, count] of trigramCounts(sample)) {
    const row = ranks.get(trigram);
    for (let i = 0; i < positions.length; i += 1) {
      const rank = row ? (row[positions[i]?.[1] ?? 0] ?? -1) : -1;
      distances[i] = (distances[i] ?? 0) + (rank < 0 ? MAX_DIFFERENCE : Math.abs(count - rank - 1));
    }
  }
  const scores = new Map<TradeLanguage, number>();
  if (positions.length === 0 || sample.length === 0) return scores;
  const min = Math.min(...distances);
  const max = sample.length * MAX_DIFFERENCE - min;
  positions.forEach(([language], i) => {
    scores.set(language, 1 - ((distances[i] ?? 0) - min) / max || 0);
  });
  return scores;
}
