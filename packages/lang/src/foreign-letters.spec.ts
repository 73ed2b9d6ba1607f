import { foreignLanguages, languageBit } from './foreign-letters';
import { TRADE_LANGUAGES, type TradeLanguage } from './languages';

function foreignTo(word: string): TradeLanguage[] {
  const bits = foreignLanguages(word);
  return (['en', 'es', 'de', 'pl', 'tr', 'vi', 'ru', 'uk', 'ar', 'fa'] as const).filter(
    (language) => (bits & languageBit(language)) !== 0,
  );
}

describe('foreignLanguages', () => {
  it.each([
    ['quote', []],
    ["don't", []],
    ['año', ['en', 'de', 'pl', 'tr', 'vi']],
    ['größe', ['en', 'es', 'pl', 'tr', 'vi']],
    ["l'été", ['en', 'es', 'de', 'pl', 'tr', 'vi']],
    ['більше', ['en', 'es', 'de', 'pl', 'tr', 'vi', 'ru']],
    ['объём', ['en', 'es', 'de', 'pl', 'tr', 'vi', 'uk']],
    ['پیشنهاد', ['en', 'es', 'de', 'pl', 'tr', 'vi', 'ar']],
  ] as const)('finds %s spelt with letters foreign to %j', (word, languages) => {
    expect(foreignTo(word)).toEqual(languages);
  });
});

describe('languageBit', () => {
  it('gives every trade language its own bit of one 32-bit set', () => {
    const bits = TRADE_LANGUAGES.map(languageBit);
    expect(TRADE_LANGUAGES.length).toBeLessThanOrEqual(32);
    expect(new Set(bits).size).toBe(TRADE_LANGUAGES.length);
    expect(bits.every((bit) => bit !== 0 && (bit & (bit - 1)) === 0)).toBe(true);
  });
});
