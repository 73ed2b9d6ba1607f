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
    expect(scores).toHaveLength(pool.length);
    pool.forEach((language, i) => {
      expect(scores[i]).toBeCloseTo(expected.get(FRANC_CODES[language]) ?? -1, 12);
    });
  });

  it('gives the nearest model a score of 1', () => {
    const scores = [...trigramScores('Wir brauchen ein Angebot für Granitplatten.', LATIN)];
    expect(Math.max(...scores)).toBe(1);
    expect(LATIN[scores.indexOf(1)]).toBe('de');
  });

  it('scores languages franc has no trigram model for as 0', () => {
    expect(hasTrigramModel('ja')).toBe(false);
    expect([...trigramScores('カタログ', ['ja', 'zh'])]).toEqual([0, 0]);
    expect([...trigramScores('Wir brauchen ein Angebot für Granitplatten.', ['ja', 'de'])]).toEqual(
      [0, 1],
    );
  });
});
