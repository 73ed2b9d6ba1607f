import { TRADE_LANGUAGES, type TradeLanguage } from './languages';

/**
 * Letters each language's alphabet lacks: a word spelt with one is very unlikely to be in that
 * language. Latin-script languages list the non-ASCII letters they do use instead.
 */
const LATIN_LETTERS: Partial<Record<TradeLanguage, string>> = {
  en: '',
  es: 'áéíóúüñ',
  pt: 'áâãàçéêíóôõúü',
  fr: 'àâæçéèêëîïôœùûüÿ',
  de: 'äöüß',
  it: 'àèéìíîòóùú',
  nl: 'áéèêëïíóöüú',
  pl: 'ąćęłńóśźż',
  // ý stands for ı in Turkish read with the wrong charset (see repairTurkishCharset).
  tr: 'âçğıîöşüûý',
  vi: 'àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ',
  id: '',
  ms: '',
};

const FOREIGN_LETTERS: Partial<Record<TradeLanguage, RegExp>> = {
  ru: /[іїєґ]/u,
  uk: /[ыэъё]/u,
  ar: /[پچژگکی]/u,
  fa: /[يكىة]/u,
};

/** The bit that stands for a language in a set of trade languages held as one integer. */
export function languageBit(language: TradeLanguage): number {
  return 1 << TRADE_LANGUAGES.indexOf(language);
}

const FOREIGN: ReadonlyArray<readonly [number, RegExp]> = [
  ...Object.entries(FOREIGN_LETTERS),
  ...Object.entries(LATIN_LETTERS).map(([language, own]) => [
    language,
    new RegExp(`[^a-z${own}]`, 'u'),
  ]),
].map(([language, pattern]) => [languageBit(language as TradeLanguage), pattern as RegExp]);

const cache = new Map<number, number>();

/** The languages whose alphabet lacks the letter, as bits (see languageBit). */
function foreignTo(codePoint: number): number {
  const known = cache.get(codePoint);
  if (known !== undefined) return known;
  const letter = String.fromCodePoint(codePoint);
  let languages = 0;
  for (const [bit, pattern] of FOREIGN) {
    if (pattern.test(letter)) languages |= bit;
  }
  if (cache.size < 20_000) cache.set(codePoint, languages);
  return languages;
}

const APOSTROPHES = new Set([0x27, 0x2019]);

/**
 * The languages (as bits, see languageBit) whose alphabet lacks a letter of the lower-case word.
 * Worked out letter by letter, each letter once, since running every language's pattern over
 * every word made this a large part of scoring.
 */
export function foreignLanguages(word: string): number {
  let languages = 0;
  // Plain ASCII words fit every alphabet in the pools; only the rest need the letter check.
  let plain = true;
  for (let i = 0; i < word.length; i += 1) {
    const code = word.codePointAt(i) ?? 0;
    if (code > 0xffff) i += 1;
    if (code >= 0x61 && code <= 0x7a) continue;
    if (!APOSTROPHES.has(code)) plain = false;
    languages |= foreignTo(code);
  }
  return plain ? 0 : languages;
}
