import { joinedProfile, scriptProfile } from './script-profile';

describe('scriptProfile', () => {
  it('counts letters by script and calls Han with kana Japanese', () => {
    expect(scriptProfile('見積もりをお願いします, MOQ 500')).toEqual({
      counts: { han: 3, kana: 8, latin: 3 },
      letters: 14,
      dominant: 'kana',
    });
  });

  it('gives joined paragraphs the profile of the text they make up', () => {
    const paragraphs = ['Precio por favor', 'Цена, пожалуйста', '価格を教えてください', 'ok'];
    expect(joinedProfile(paragraphs.map(scriptProfile))).toEqual(
      scriptProfile(paragraphs.join('\n')),
    );
  });
});
