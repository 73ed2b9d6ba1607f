/** ISO 639-1 codes of the languages the exporter's buyers write in. */
export const TRADE_LANGUAGES = [
  'en',
  'zh',
  'es',
  'pt',
  'fr',
  'de',
  'ru',
  'ar',
  'tr',
  'it',
  'pl',
  'nl',
  'ja',
  'ko',
  'vi',
  'th',
  'id',
  'ms',
  'hi',
  'uk',
  'fa',
  'he',
] as const;

export type TradeLanguage = (typeof TRADE_LANGUAGES)[number];

/** franc speaks ISO 639-3; these are the macro-language members franc models for each code. */
export const FRANC_CODES: Record<TradeLanguage, string> = {
  en: 'eng',
  zh: 'cmn',
  es: 'spa',
  pt: 'por',
  fr: 'fra',
  de: 'deu',
  ru: 'rus',
  ar: 'arb',
  tr: 'tur',
  it: 'ita',
  pl: 'pol',
  nl: 'nld',
  ja: 'jpn',
  ko: 'kor',
  vi: 'vie',
  th: 'tha',
  id: 'ind',
  ms: 'zlm',
  hi: 'hin',
  uk: 'ukr',
  fa: 'pes',
  he: 'heb',
};

export const FROM_FRANC: ReadonlyMap<string, TradeLanguage> = new Map(
  TRADE_LANGUAGES.map((language) => [FRANC_CODES[language], language]),
);

export function isTradeLanguage(code: string): code is TradeLanguage {
  return (TRADE_LANGUAGES as readonly string[]).includes(code);
}
