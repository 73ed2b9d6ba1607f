import { replyLocale } from './reply-locale';

describe('replyLocale', () => {
  it.each([
    ['pt', 'BR', 'pt-BR'],
    ['pt', 'PT', 'pt-PT'],
    ['pt', undefined, 'pt-PT'],
    ['zh', 'TW', 'zh-TW'],
    ['zh', 'cn', 'zh-CN'],
    ['es', 'MX', 'es-419'],
    ['es', 'ES', 'es-ES'],
    ['en', 'GB', 'en-GB'],
    ['ms', 'MY', 'ms-MY'],
    ['und', 'FR', 'en-US'],
  ] as const)('%s from %s replies in %s', (language, country, locale) => {
    expect(replyLocale(language, { country })).toBe(locale);
  });

  it('falls back along the chain to a locale a template exists for', () => {
    expect(replyLocale('pt', { country: 'BR', available: ['en', 'pt-PT', 'pt'] })).toBe('pt-PT');
    expect(replyLocale('es', { country: 'AR', available: ['en', 'es'] })).toBe('es');
    expect(replyLocale('th', { available: ['en-US', 'zh-CN'] })).toBe('en-US');
  });
});
