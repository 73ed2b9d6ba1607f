import { detectLanguage } from './detect-language';
import { trainMalayWordOdds } from './malay-word-odds';

describe('Malay and Indonesian word odds', () => {
  const odds = trainMalayWordOdds(
    ['Kedai itu menjual kain batik.', 'Kain batik dijual di kedai.'],
    ['Pasar itu menjual sayur segar.', 'Sayur segar dijual di pasar.'],
  );

  it('learns which side uses a word, and leaves words seen once out', () => {
    expect(odds.get('batik')).toBeGreaterThan(0);
    expect(odds.get('sayur')).toBeLessThan(0);
    expect(odds.get('menjual')).toBeCloseTo(0, 1);
    expect(odds.has('kedai') && odds.has('itu')).toBe(true);
    expect([...odds.keys()]).not.toContain('segarnya');
  });

  it.each([
    ['ms', 'Kain batik yang indah itu mahal.'],
    ['id', 'Sayur segar yang murah itu enak.'],
  ])('tips a sentence without marker words towards %s', (language, text) => {
    expect(detectLanguage(text, { malayOdds: odds }).language).toBe(language);
  });

  it('moves only the balance between the two standards', () => {
    const strong = new Map([['de', 50]]);
    expect(
      detectLanguage('Je voudrais le prix de la table de marbre.', { malayOdds: strong }).language,
    ).toBe('fr');
  });

  it('leaves texts of up to three words to the word lists', () => {
    const strong = new Map([['batik', 50]]);
    expect(detectLanguage('kain batik', { malayOdds: strong }).language).toBe(
      detectLanguage('kain batik', { malayOdds: new Map() }).language,
    );
  });
});
