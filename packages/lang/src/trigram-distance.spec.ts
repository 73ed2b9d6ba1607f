import { francAll } from 'franc';
import { FRANC_CODES, type TradeLanguage } from './languages';
import { hasTrigramModel, trigramScores } from './trigram-distance';

const LATIN: readonly TradeLanguage[] = [
  'en',
  'es',
  'pt',
  'fr',
  'de',
  'tr',
  'it',
  'pl',
  'nl',
  'vi',
  'id',
  'ms',
];

describe('trigramScores', () => {
  it.each([
    ['Could you quote FOB Xiamen for 3 containers of white marble slabs?', LATIN],
    ['Necesitamos precio de encimeras de cuarzo, 120 m² para un proyecto.', LATIN],
    ['Kami ingin memesan meja granit untuk pejabat kami.', LATIN],
    ['Доброго дня, надішліть, будь ласка, ціни на стільниці.', ['ru', 'uk']],
    ['سلام، لطفا قیمت سنگ گرانیت را بفرستید.', ['ar', 'fa']],
  ] as const)('scores %s as franc does among the same candidates', (text, pool) => {
    const expected = new Map(
      francAll(text, { only: pool.map((language) => FRANC_CODES[language]), minLength: 1 }),
    );
    const scores = trigramScores(text, pool);
    expect(scores.size).toBe(pool.length);
    for (const language of pool) {
      expect(scores.get(language)).toBeCloseTo(expected.get(FRANC_CODES[language]) ?? -1, 12);
    }
  });

  it('gives the nearest model a score of 1', () => {
    const scores = trigramScores('Wir brauchen ein Angebot für Granitplatten.', LATIN);
    expect([...scores].sort((a, b) => b[1] - a[1])[0]).toEqual(['de', 1]);
  });

  it('leaves out languages franc has no trigram model for', () => {
    expect(hasTrigramModel('ja')).toBe(false);
    expect([...trigramScores('カタログ', ['ja', 'zh']).keys()]).toEqual([]);
  });
});
