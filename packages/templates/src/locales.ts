export const SUPPORTED_LOCALES = [
  'en',
  'zh-CN',
  'es',
  'pt-BR',
  'fr',
  'de',
  'ru',
  'ar',
  'tr',
  'it',
  'ja',
  'ko',
  'vi',
  'id',
  'pl',
  'nl',
] as const;

export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/** One shipped file per supported locale, under its import name (`zhCN` for `zh-CN`). */
export type PerLocaleFiles<T> = {
  readonly [
    L in SupportedLocale as L extends `${infer Lang}-${infer Region}` ? `${Lang}${Region}` : L
  ]: T;
};

/** Keys the shipped per-locale files by locale tag; a locale without a file fails to compile. */
export function keyedByLocale<T>(files: PerLocaleFiles<T>): Record<SupportedLocale, T> {
  return Object.fromEntries(
    SUPPORTED_LOCALES.map((locale) => [
      locale,
      files[locale.replace('-', '') as keyof PerLocaleFiles<T>],
    ]),
  ) as Record<SupportedLocale, T>;
}

export type TextDirection = 'ltr' | 'rtl';

export const DEFAULT_LOCALE: SupportedLocale = 'en';

const RTL_LOCALES: ReadonlySet<string> = new Set(['ar']);

export function isSupportedLocale(value: string): value is SupportedLocale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

export function localeDirection(locale: string): TextDirection {
  return RTL_LOCALES.has(locale) ? 'rtl' : 'ltr';
}

/**
 * Maps whatever the buyer's language was detected or declared as (`pt`, `pt-PT`, `zh-Hans-CN`,
 * `EN_us`, `zh-TW`) onto the locale we write in: an exact match first, then the language's
 * shipped variant, then the given fallback (English by default). Chinese written in
 * Traditional script maps to zh-CN too, because a Simplified reply is still read, whereas an
 * English one is the wrong language.
 */
export function resolveLocale(
  requested: string | undefined,
  available: readonly string[] = SUPPORTED_LOCALES,
  fallback: string = DEFAULT_LOCALE,
): string {
  if (!requested) return fallback;
  let tag: Intl.Locale;
  try {
    tag = new Intl.Locale(requested.replace(/_/g, '-'));
  } catch {
    return fallback;
  }
  const exact = available.find(
    (candidate) => candidate.toLowerCase() === tag.baseName.toLowerCase(),
  );
  if (exact) return exact;
  const withRegion = tag.region ? `${tag.language}-${tag.region}`.toLowerCase() : undefined;
  const regional =
    withRegion && available.find((candidate) => candidate.toLowerCase() === withRegion);
  if (regional) return regional;
  const sameLanguage = available.find(
    (candidate) => new Intl.Locale(candidate).language === tag.language,
  );
  return sameLanguage ?? fallback;
}
