import type { TradeLanguage } from './languages';

export interface ReplyLocaleOptions {
  /** ISO 3166-1 alpha-2 country of the sender, when known. */
  country?: string;
  /** Locales the reply templates exist in; the answer falls back along the chain to one of them. */
  available?: readonly string[];
}

/** The locale a reply to a buyer writing this language should use when nothing else is known. */
const DEFAULT_LOCALE: Record<TradeLanguage, string> = {
  en: 'en-US',
  zh: 'zh-CN',
  es: 'es-ES',
  pt: 'pt-PT',
  fr: 'fr-FR',
  de: 'de-DE',
  ru: 'ru-RU',
  ar: 'ar-SA',
  tr: 'tr-TR',
  it: 'it-IT',
  pl: 'pl-PL',
  nl: 'nl-NL',
  ja: 'ja-JP',
  ko: 'ko-KR',
  vi: 'vi-VN',
  th: 'th-TH',
  id: 'id-ID',
  ms: 'ms-MY',
  hi: 'hi-IN',
  uk: 'uk-UA',
  fa: 'fa-IR',
  he: 'he-IL',
};

/** Regional variants worth their own template, keyed by language then sender country. */
const REGIONAL_LOCALE: Partial<Record<TradeLanguage, Readonly<Record<string, string>>>> = {
  en: { GB: 'en-GB', IE: 'en-GB', AU: 'en-AU', NZ: 'en-AU', IN: 'en-IN', ZA: 'en-GB' },
  pt: { BR: 'pt-BR', AO: 'pt-PT', MZ: 'pt-PT' },
  zh: { TW: 'zh-TW', HK: 'zh-HK', MO: 'zh-HK', SG: 'zh-SG' },
  es: Object.fromEntries(
    [
      'MX',
      'AR',
      'CO',
      'CL',
      'PE',
      'VE',
      'EC',
      'GT',
      'CU',
      'BO',
      'DO',
      'HN',
      'PY',
      'SV',
      'NI',
      'CR',
      'PA',
      'UY',
      'PR',
      'US',
    ].map((country) => [country, 'es-419']),
  ),
  fr: { CA: 'fr-CA', BE: 'fr-BE', CH: 'fr-CH' },
  de: { AT: 'de-AT', CH: 'de-CH' },
  nl: { BE: 'nl-BE' },
  ar: { EG: 'ar-EG', AE: 'ar-AE', MA: 'ar-MA', DZ: 'ar-DZ', TN: 'ar-TN' },
  ms: { BN: 'ms-BN', SG: 'ms-SG' },
  fa: { AF: 'fa-AF' },
};

/**
 * The locale to draft a reply in: the regional variant for the sender's country, else the
 * language's default, else (when `available` is given) the first of the chain
 * regional → default → bare language → en-US → en that a template exists for.
 * `und` answers English, the lingua franca of the trade.
 */
export function replyLocale(
  language: TradeLanguage | 'und',
  options: ReplyLocaleOptions = {},
): string {
  const chain: string[] = [];
  if (language !== 'und') {
    const regional = REGIONAL_LOCALE[language]?.[options.country?.toUpperCase() ?? ''];
    if (regional) chain.push(regional);
    chain.push(DEFAULT_LOCALE[language], language);
  }
  chain.push('en-US', 'en');
  const available = options.available;
  if (!available) return chain[0] ?? 'en-US';
  const lower = new Map(available.map((locale) => [locale.toLowerCase(), locale]));
  for (const locale of chain) {
    const match = lower.get(locale.toLowerCase());
    if (match) return match;
  }
  return available[0] ?? 'en-US';
}
