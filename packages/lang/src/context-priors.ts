import { isTradeLanguage, type TradeLanguage } from './languages';

/** Hints from outside the text: where the sender is and what the message declares. */
export interface DetectionContext {
  /** ISO 3166-1 alpha-2 country of the sender (from IP, ccTLD or phone number). */
  country?: string;
  /** Declared MIME charset, e.g. `gb2312`, `windows-1251`. */
  charset?: string;
  /** Content-Language header, e.g. `pt-BR`. */
  contentLanguage?: string;
}

const COUNTRY_LANGUAGES: Readonly<Record<string, readonly TradeLanguage[]>> = {
  US: ['en'],
  GB: ['en'],
  IE: ['en'],
  AU: ['en'],
  NZ: ['en'],
  CA: ['en', 'fr'],
  ZA: ['en'],
  NG: ['en'],
  KE: ['en'],
  GH: ['en'],
  PH: ['en'],
  SG: ['en', 'zh', 'ms'],
  IN: ['hi', 'en'],
  PK: ['en'],
  CN: ['zh'],
  TW: ['zh'],
  HK: ['zh', 'en'],
  MO: ['zh'],
  ES: ['es'],
  MX: ['es'],
  AR: ['es'],
  CO: ['es'],
  CL: ['es'],
  PE: ['es'],
  VE: ['es'],
  EC: ['es'],
  GT: ['es'],
  CU: ['es'],
  BO: ['es'],
  DO: ['es'],
  HN: ['es'],
  PY: ['es'],
  SV: ['es'],
  NI: ['es'],
  CR: ['es'],
  PA: ['es'],
  UY: ['es'],
  PR: ['es', 'en'],
  BR: ['pt'],
  PT: ['pt'],
  AO: ['pt'],
  MZ: ['pt'],
  FR: ['fr'],
  BE: ['nl', 'fr'],
  CH: ['de', 'fr', 'it'],
  LU: ['fr', 'de'],
  MA: ['ar', 'fr'],
  DZ: ['ar', 'fr'],
  TN: ['ar', 'fr'],
  SN: ['fr'],
  CI: ['fr'],
  CM: ['fr', 'en'],
  DE: ['de'],
  AT: ['de'],
  RU: ['ru'],
  BY: ['ru'],
  KZ: ['ru'],
  KG: ['ru'],
  UA: ['uk', 'ru'],
  SA: ['ar'],
  AE: ['ar'],
  EG: ['ar'],
  QA: ['ar'],
  KW: ['ar'],
  BH: ['ar'],
  OM: ['ar'],
  JO: ['ar'],
  LB: ['ar'],
  IQ: ['ar'],
  SY: ['ar'],
  LY: ['ar'],
  SD: ['ar'],
  YE: ['ar'],
  TR: ['tr'],
  IT: ['it'],
  PL: ['pl'],
  NL: ['nl'],
  SR: ['nl'],
  JP: ['ja'],
  KR: ['ko'],
  VN: ['vi'],
  TH: ['th'],
  ID: ['id'],
  MY: ['ms'],
  BN: ['ms'],
  IR: ['fa'],
  AF: ['fa'],
  IL: ['he'],
};

const CHARSET_LANGUAGES: ReadonlyArray<readonly [RegExp, readonly TradeLanguage[]]> = [
  [/^(gb2312|gbk|gb18030|big5|big5-hkscs|hz-gb-2312)$/, ['zh']],
  [/^(iso-2022-jp|shift_jis|sjis|euc-jp|windows-31j)$/, ['ja']],
  [/^(euc-kr|ks_c_5601-1987|iso-2022-kr)$/, ['ko']],
  [/^(windows-1251|koi8-r|iso-8859-5)$/, ['ru', 'uk']],
  [/^koi8-u$/, ['uk']],
  [/^(windows-1256|iso-8859-6)$/, ['ar', 'fa']],
  [/^(windows-1255|iso-8859-8(-i)?)$/, ['he']],
  [/^(windows-874|tis-620|iso-8859-11)$/, ['th']],
  [/^(windows-1254|iso-8859-9)$/, ['tr']],
  [/^(windows-1250|iso-8859-2)$/, ['pl']],
  [/^windows-1258$/, ['vi']],
];

/** Languages the context makes more likely; a small bonus that only tips close calls. */
export function contextLanguages(context: DetectionContext | undefined): Set<TradeLanguage> {
  const favoured = new Set<TradeLanguage>();
  if (!context) return favoured;
  for (const language of COUNTRY_LANGUAGES[context.country?.toUpperCase() ?? ''] ?? []) {
    favoured.add(language);
  }
  const charset = context.charset?.toLowerCase();
  if (charset) {
    for (const language of CHARSET_LANGUAGES.find(([pattern]) => pattern.test(charset))?.[1] ??
      []) {
      favoured.add(language);
    }
  }
  for (const tag of context.contentLanguage?.split(',') ?? []) {
    const primary = tag.trim().split('-')[0]?.toLowerCase() ?? '';
    if (isTradeLanguage(primary)) favoured.add(primary);
  }
  return favoured;
}
