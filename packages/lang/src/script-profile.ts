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

const LATIN = SCRIPT_PATTERNS.findIndex(([script]) => script === 'latin');
/** A character of no script in SCRIPT_PATTERNS, and one not looked up yet. */
const NO_SCRIPT = -1;
const UNSEEN = -2;

/**
 * Per character of the Basic Multilingual Plane, its script's position in SCRIPT_PATTERNS, filled
 * in as characters turn up: an array read instead of a map lookup for every letter.
 */
const bmpScripts = new Int8Array(0x10000).fill(UNSEEN);
const astralScripts = new Map<number, number>();

function lookUpScript(codePoint: number): number {
  const char = String.fromCodePoint(codePoint);
  return SCRIPT_PATTERNS.findIndex(([, pattern]) => pattern.test(char));
}

function scriptAt(codePoint: number): number {
  // ASCII is the hot path for Latin-script text.
  if (codePoint < 0x80) {
    return (codePoint | 0x20) >= 0x61 && (codePoint | 0x20) <= 0x7a ? LATIN : NO_SCRIPT;
  }
  if (codePoint <= 0xffff) {
    let script = bmpScripts[codePoint] ?? UNSEEN;
    if (script === UNSEEN) {
      script = lookUpScript(codePoint);
      bmpScripts[codePoint] = script;
    }
    return script;
  }
  let script = astralScripts.get(codePoint);
  if (script === undefined) {
    script = lookUpScript(codePoint);
    if (astralScripts.size < 20_000) astralScripts.set(codePoint, script);
  }
  return script;
}

export function scriptProfile(text: string): ScriptProfile {
  const tally = SCRIPT_PATTERNS.map(() => 0);
  // Scripts in the order they first appear, which is the order `counts` lists them in.
  const seen: number[] = [];
  let letters = 0;
  for (let i = 0; i < text.length; i += 1) {
    const codePoint = text.codePointAt(i) ?? 0;
    if (codePoint > 0xffff) i += 1;
    const script = scriptAt(codePoint);
    if (script === NO_SCRIPT) continue;
    if (tally[script] === 0) seen.push(script);
    tally[script] = (tally[script] ?? 0) + 1;
    letters += 1;
  }
  const counts: ScriptCounts = {};
  for (const script of seen) {
    const [name] = SCRIPT_PATTERNS[script] ?? [];
    if (name) counts[name] = tally[script];
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
