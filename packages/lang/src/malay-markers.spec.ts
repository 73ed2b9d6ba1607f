import { detectLanguage } from './detect-language';
import { INDONESIAN_WORDS, MALAYSIAN_WORDS } from './malay-markers';

describe('Malaysian and Indonesian marker words', () => {
  it('never lists a word for both standards', () => {
    expect([...MALAYSIAN_WORDS].filter((word) => INDONESIAN_WORDS.has(word))).toEqual([]);
  });

  it.each([
    ['ms', 'Kami mahu tahu kos penghantaran kerana kilang kami di Johor.'],
    ['id', 'Kami mau tahu biaya pengiriman karena pabrik kami di Surabaya.'],
  ])('tips a sentence otherwise shared by both towards %s', (language, text) => {
    expect(detectLanguage(text).language).toBe(language);
  });

  it('does not pull a word other languages share away from them', () => {
    expect(detectLanguage('gratis').language).not.toBe('id');
    expect(detectLanguage('Je voudrais un devis pour des plans de travail.').language).toBe('fr');
  });
});
