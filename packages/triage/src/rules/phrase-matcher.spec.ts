import { findPhrases, phraseMatcher } from './phrase-matcher';

const WORD = 'a-z0-9\\u00c0-\\u024f\\u0400-\\u04ff';

/** What the family's expression finds when tried at every position: the behaviour to keep. */
function everywhere(phrases: readonly string[], text: string, limit = 6): string[] {
  const pattern = new RegExp(`(?:${phrases.join('|')})(?![${WORD}])`, 'gu');
  const found = new Set<string>();
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match.index > 0 && new RegExp(`[${WORD}]`).test(text[match.index - 1]!)) {
      pattern.lastIndex = match.index + 1;
      continue;
    }
    found.add(match[0].trim());
    if (found.size >= limit) break;
  }
  return [...found];
}

const FAMILIES: Record<string, readonly string[]> = {
  'whole words and word runs': [
    'make (big |extra )?money',
    'refinanc\\w*',
    'guarantee(d)?',
    'price ?list',
  ],
  'short stems': ["don'?t (delay|miss)", 'we.ll pay', 'e-?mail (list|database)', 're-?enter'],
  'leading groups': [
    '(registration|licen[cs]e) (fee|charge)',
    '(re)?design your website',
    '(we|our company) (also )?produce',
  ],
  digits: ['\\d{2,4} ?(mm|cm)', '\\d+ ?(pcs|pieces)', '100 ?% (free|guaranteed)'],
  symbols: ['\\$\\$+', '!!+', '\\.cn\\b', 'usd ?\\d+'],
  'other scripts': ['点击这里', '免费', 'бесплатно', 'نقدم لكم'],
  'a class first': ['[a-z]{1,4}-\\d{2,5}', 'hs code'],
  'repeated groups': ['(ha)+', '(ab)*c', '(very ){0,2}good', '(re){1,2}order'],
  'optional digits': ['\\d?pcs', '\\d*kg', 'x\\d{0,2}y'],
  'escaped brackets': ['[\\]x]yz|nope', 'ok(?:[|]|!)'],
  'wide characters': ['💰?cash', '𠀀?字'],
};

const TEXTS = [
  'make money fast! make big money!! refinance now, guaranteed. our price list and pricelist.',
  "don't delay, dont miss it. we'll pay and well pay. e-mail list, email database; re-enter, reenter.",
  'licence fee, registration charge, redesign your website, we also produce tiles; our company produce',
  '600x600 mm, 120cm, 20 pcs, 1000 pieces, a20mm, x100% free, 100 % guaranteed',
  'send $$$ now!!! visit shop.cn or site.com.cn; usd 25, usd25, unusd 5',
  '点击这里 获取免费样品 бесплатно и небесплатно نقدم لكم',
  'model ab-1234 and xyzw-99 with hs code 6907; abcde-123',
  '',
  'no phrase in this one at all',
  'haha hahaha ababc abc c ha; very very good, good; reorder rereorder',
  'pcs 5pcs 25pcs kg 3kg 100kg xy x1y x12y',
  ']yz xyz nope ok| ok! ok',
  '💰cash cash 𠀀字 字',
];

describe('phrase families', () => {
  for (const [name, phrases] of Object.entries(FAMILIES)) {
    it(`finds what the expression finds everywhere: ${name}`, () => {
      const matcher = phraseMatcher(phrases);
      for (const text of TEXTS)
        expect(findPhrases(matcher, text)).toEqual(everywhere(phrases, text));
    });
  }

  it('finds a phrase only where a word begins and ends', () => {
    const matcher = phraseMatcher(['money', 'free']);
    expect(findPhrases(matcher, 'moneyless freeware, free money')).toEqual(['free', 'money']);
  });

  it('stops at the limit', () => {
    const matcher = phraseMatcher(['a\\w*']);
    expect(findPhrases(matcher, 'alpha apple avocado apricot', 2)).toEqual(['alpha', 'apple']);
  });

  it('sees families compiled after a text was first read', () => {
    const first = phraseMatcher(['first phrase']);
    const text = 'the first phrase and the late phrase';
    expect(findPhrases(first, text)).toEqual(['first phrase']);
    const late = phraseMatcher(['late phrase']);
    expect(findPhrases(late, text)).toEqual(['late phrase']);
  });
});
