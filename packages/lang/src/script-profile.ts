/** Writing systems that decide or narrow the language on their own. */
export type Script =
  'latin' | 'cyrillic' | 'arabic' | 'hebrew' | 'devanagari' | 'thai' | 'hangul' | 'kana' | 'han';

const SCRIPT_PATTERNS: ReadonlyArray<readonly [Script, RegExp]> = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
  ['thai', /\p{Script=Thai}/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['han', /\p{Script=Han}/u],
];

export type ScriptCounts = Partial<Record<Script, number>>;

export interface ScriptProfile {
  counts: ScriptCounts;
  letters: number;
  /** The script with most letters; Han mixed with a share of kana is Japanese writing, so it counts as kana. */
  dominant: Script | undefined;
}

/**
 * Latin words turn up inside text in every other script (brands, model names, English terms) and
 * the reverse is rare, so a Latin letter counts for less when choosing the dominant script.
 */
const LATIN_WEIGHT = 0.5;

const cache = new Map<string, Script | null>();

function scriptOf(char: string): Script | null {
  const known = cache.get(char);
  if (known !== undefined) return known;
  const found = SCRIPT_PATTERNS.find(([, pattern]) => pattern.test(char))?.[0] ?? null;
  if (cache.size < 20_000) cache.set(char, found);
  return found;
}

export function scriptProfile(text: string): ScriptProfile {
  const counts: ScriptCounts = {};
  let letters = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    // ASCII is the hot path for Latin-script text: skip the regex lookups.
    const script: Script | null =
      code < 0x80
        ? (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a
          ? 'latin'
          : null
        : scriptOf(char);
    if (script === null) continue;
    counts[script] = (counts[script] ?? 0) + 1;
    letters += 1;
  }
  return profileOf(counts, letters);
}

/** The profile of texts joined by line breaks, from the profile of each: no need to count again. */
export function joinedProfile(profiles: readonly ScriptProfile[]): ScriptProfile {
  const counts: ScriptCounts = {};
  let letters = 0;
  for (const profile of profiles) {
    for (const [script, count] of Object.entries(profile.counts) as Array<[Script, number]>) {
      counts[script] = (counts[script] ?? 0) + count;
    }
    letters += profile.letters;
  }
  return profileOf(counts, letters);
}

function profileOf(counts: ScriptCounts, letters: number): ScriptProfile {
  let dominant: Script | undefined;
  let best = 0;
  for (const [script, count] of Object.entries(counts) as Array<[Script, number]>) {
    const weighed = script === 'latin' ? count * LATIN_WEIGHT : count;
    if (weighed > best) {
      best = weighed;
      dominant = script;
    }
  }
  const kana = counts.kana ?? 0;
  if (
    (dominant === 'han' || dominant === 'kana') &&
    kana > 0 &&
    kana >= 0.05 * (kana + (counts.han ?? 0))
  ) {
    dominant = 'kana';
  }
  return { counts, letters, dominant };
}
