import trained from './malay-word-odds.json';

/**
 * Per word, the log-odds (natural log) that a sentence using it is Malaysian Malay rather than
 * Indonesian. Most sentences of the two standards carry no marker word at all, and then only
 * which words are common on which side tells them apart.
 */
export type MalayWordOdds = ReadonlyMap<string, number>;

/** Words seen fewer times than this in training say more about the sample than the language. */
const MIN_COUNT = 2;

/** Single letters are left out: in the training text they are mostly units and list marks. */
const WORD = /\p{L}{2,}/gu;

function counts(sentences: readonly string[]): { words: Map<string, number>; total: number } {
  const words = new Map<string, number>();
  let total = 0;
  for (const sentence of sentences) {
    for (const word of sentence.toLowerCase().match(WORD) ?? []) {
      words.set(word, (words.get(word) ?? 0) + 1);
      total += 1;
    }
  }
  return { words, total };
}

/** Naive Bayes word odds with add-one smoothing, from sentences labelled with each standard. */
export function trainMalayWordOdds(
  malay: readonly string[],
  indonesian: readonly string[],
): MalayWordOdds {
  const ms = counts(malay);
  const id = counts(indonesian);
  const vocabulary = new Set([...ms.words.keys(), ...id.words.keys()]);
  const odds = new Map<string, number>();
  for (const word of vocabulary) {
    const inMalay = ms.words.get(word) ?? 0;
    const inIndonesian = id.words.get(word) ?? 0;
    if (inMalay + inIndonesian < MIN_COUNT) continue;
    const log =
      Math.log((inMalay + 1) / (ms.total + vocabulary.size)) -
      Math.log((inIndonesian + 1) / (id.total + vocabulary.size));
    odds.set(word, Math.round(log * 1000) / 1000);
  }
  return odds;
}

/**
 * The odds shipped with the package, learned from the Malay and Indonesian sentences of the
 * Lingua test data (Apache-2.0) by `npm run train`. The evaluation scores those sentences with
 * odds learned from the other half of them only.
 */
export const MALAY_WORD_ODDS: MalayWordOdds = new Map(Object.entries(trained.odds));
