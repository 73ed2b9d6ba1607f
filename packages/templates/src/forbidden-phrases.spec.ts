import ar from './forbidden/ar.json';
import { ForbiddenPhraseChecker, checkForbiddenPhrases } from './forbidden-phrases';
import { SUPPORTED_LOCALES } from './locales';
import { TemplateCatalog } from './template-catalog';
import { SHIPPED_DEFINITIONS } from './template-definitions';

const catalog = new TemplateCatalog();
const checker = new ForbiddenPhraseChecker();
const lists = Object.fromEntries(
  SUPPORTED_LOCALES.map((locale) => [locale, checker.phrases(locale)]),
);

describe('forbidden phrases', () => {
  it.each(SUPPORTED_LOCALES)('%s has phrases for every category', (locale) => {
    const categories = new Set(lists[locale]!.map((entry) => entry.category));
    expect([...categories].sort()).toEqual(['arguing', 'contempt', 'impatience', 'refusal']);
  });

  const planted = SUPPORTED_LOCALES.flatMap((locale) =>
    lists[locale]!.map((entry) => [locale, entry.phrase, entry] as const),
  );

  it.each(planted)('%s catches "%s" planted in a real reply', (locale, _phrase, entry) => {
    const definition = SHIPPED_DEFINITIONS.find((d) => d.id === 'dispute-propose-solution')!;
    const reply = catalog.render(definition.id, locale, definition.sample!).text;
    const written = entry.phrase.replace(/\*$/, '');
    const paragraphs = reply.split('\n\n');
    const draft = [paragraphs[0], `${written}. ${paragraphs[1]}`, ...paragraphs.slice(2)].join(
      '\n\n',
    );

    const hits = checkForbiddenPhrases(draft, locale);
    const hit = hits.find((h) => h.phrase === entry.phrase);
    expect(hit).toEqual(
      expect.objectContaining({
        category: entry.category,
        suggestion: entry.suggestion,
        locale,
        match: written,
      }),
    );
    expect(draft.slice(hit!.index, hit!.index + written.length)).toBe(written);
  });

  it.each([
    ['en', 'Sorry, that is IMPOSSIBLE for this batch.', 'IMPOSSIBLE'],
    ['en', 'ｎｏｔ ｏｕｒ ｐｒｏｂｌｅｍ, please ask the carrier.', 'ｎｏｔ ｏｕｒ ｐｒｏｂｌｅｍ'],
    ['en', 'I   already\ntold you the price.', 'I   already\ntold you'],
    ['en', 'You obviously don’t understand the spec.', 'You obviously don’t understand'],
    ['es', 'Eso es IMPOSIBLE.', 'IMPOSIBLE'],
    ['fr', 'C’EST EVIDENT, non ?', 'C’EST EVIDENT'],
    ['de', 'Das ist unmoglich.', 'unmoglich'],
    ['de', 'Das ist UNMÖGLICH.', 'UNMÖGLICH'],
    ['pt-BR', 'Isso é impossivel agora.', 'impossivel'],
    ['tr', 'Bu fiyat İMKANSIZDIR.', 'İMKANSIZ'],
    ['ar', 'هذا مُسْتَحِيل حاليا', 'مُسْتَحِيل'],
    ['zh-CN', '这个交期不可能。', '不可能'],
    ['ja', 'その納期は無理です。', '無理です'],
    ['ko', '그 가격은 불가능합니다.', '불가능'],
    ['ru', 'Это НЕВОЗМОЖНО.', 'НЕВОЗМОЖНО'],
    ['pl', 'To NIEMOŻLIWE.', 'NIEMOŻLIWE'],
    ['vi', 'Việc đó KHÔNG THỂ NÀO làm được.', 'KHÔNG THỂ NÀO'],
  ])('%s matches "%s" regardless of case, width and accents', (locale, draft, match) => {
    expect(checkForbiddenPhrases(draft, locale).map((hit) => hit.match)).toContain(match);
  });

  it.each([
    ['en', 'We ship to Norway every week.'],
    ['en', 'The impossibleness claim is in the report.'],
    ['nl', 'Dat klopt, nietwaar?'],
  ])('%s does not flag "%s" (word boundaries)', (locale, draft) => {
    expect(checkForbiddenPhrases(draft, locale)).toEqual([]);
  });

  it('also checks English phrases in a draft written in another language', () => {
    const hits = checkForbiddenPhrases('Estimado cliente: no way, lo siento.', 'es');
    expect(hits).toEqual([
      expect.objectContaining({ phrase: 'no way', locale: 'en', category: 'refusal' }),
    ]);
  });

  it('suggests the replacement in the language of the phrase', () => {
    const [hit] = checkForbiddenPhrases('Это не наша проблема.', 'ru');
    expect(hit?.suggestion).toBe('Давайте вместе найдём решение.');
  });

  it('takes a company’s own phrases', () => {
    const company = new ForbiddenPhraseChecker({
      en: [{ phrase: 'as per my last email', category: 'impatience', suggestion: 'To recap,' }],
    });
    expect(company.check('As per my last email, the MOQ is 500.', 'en')).toHaveLength(1);
    expect(checkForbiddenPhrases('As per my last email, the MOQ is 500.', 'en')).toEqual([]);
  });

  it('refuses a phrase with an unknown category', () => {
    expect(
      () =>
        new ForbiddenPhraseChecker({
          en: [{ phrase: 'whatever', category: 'rude' as never, suggestion: '' }],
        }),
    ).toThrow(/unknown category "rude"/);
  });

  it('ships the Arabic list written in Arabic script', () => {
    expect(
      ar.every(
        (entry) =>
          /\p{Script=Arabic}/u.test(entry.phrase) && /\p{Script=Arabic}/u.test(entry.suggestion),
      ),
    ).toBe(true);
  });
});
