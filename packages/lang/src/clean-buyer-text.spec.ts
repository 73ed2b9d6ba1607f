import { cleanBuyerText } from './clean-buyer-text';

describe('cleanBuyerText', () => {
  it.each([
    ['an English attribution', 'On Mon, 3 Mar 2025 at 10:12, Ana <ana@x.es> wrote:'],
    ['a Spanish attribution', 'El lun, 3 mar 2025 a las 10:12, Ana <ana@x.es> escribió:'],
    ['a French attribution', 'Le lun. 3 mars 2025 à 10:12, Ana <ana@x.fr> a écrit :'],
    ['a German attribution', 'Am Mo., 3. März 2025 um 10:12 Uhr schrieb Ana <ana@x.de>:'],
    ['an Outlook separator', '-----Original Message-----'],
    [
      'a Chinese Outlook header',
      '发件人: sales@qiaolanstone.com\n发送时间: 2025年3月3日 10:12\n收件人: buyer@x.cn\n主题: 报价',
    ],
    [
      'a Taiwanese Outlook header',
      '寄件者: Sales\n寄件日期: 2025年3月3日\n收件者: buyer\n主旨: 報價',
    ],
    [
      'an English Outlook header',
      'From: Sales\nSent: Monday, March 3, 2025 10:12 AM\nTo: buyer\nSubject: RE: quote',
    ],
  ])('drops everything from %s on', (_name, opener) => {
    const text = `Buyer's own words here\n\n${opener}\nQuoted supplier text that must go`;
    expect(cleanBuyerText(text)).toBe("Buyer's own words here");
  });

  it('drops quoted lines, links, e-mail addresses, numbers and model codes', () => {
    const text =
      '> old text\nPlease quote 500 pcs of QZ-3021 60x60cm, see https://x.example/p?id=4 or write to a.b@x.com';
    expect(cleanBuyerText(text)).toBe('Please quote pcs of , see or write to');
  });

  it('drops whole codes however their parts are joined, and keeps the words beside them', () => {
    expect(cleanBuyerText('Sizes 60x60cm,80×80 and 1,200.5 m² (QZ-3021/B), tiles-only')).toBe(
      'Sizes and ( ), tiles-only',
    );
    expect(cleanBuyerText('Item A1, item 2B-x and 3.')).toBe('Item , item and .');
  });

  it.each([
    ['公共设施建设费将被收取20年。', '公共设施建设费将被收取 年。'],
    ['届出者数は26％増の51万人。', '届出者数は ％増の 万人。'],
    ['ส่งภายใน3วัน', 'ส่งภายใน วัน'],
  ])('drops only the number from %s, where words run together', (text, cleaned) => {
    expect(cleanBuyerText(text)).toBe(cleaned);
  });

  it('drops the signature after a sign-off and legal footers', () => {
    const text = [
      'Necesitamos 3 contenedores de granito.',
      'Saludos cordiales',
      'John Smith',
      'Purchasing Manager, ACME Trading LLC',
    ].join('\n');
    expect(cleanBuyerText(text)).toBe('Necesitamos contenedores de granito.');
    expect(
      cleanBuyerText('Hola\n\nThis message is confidential and intended solely for the addressee.'),
    ).toBe('Hola');
  });

  it('keeps a first paragraph that only sounds like a footer', () => {
    const text =
      'Our scanner flagged a virus in your last attachment, please resend the catalogue.';
    expect(cleanBuyerText(text)).toBe(text);
  });

  it('keeps a thank-you in the middle of a long body', () => {
    const body = [
      'Hello,',
      'Thanks',
      ...Array.from(
        { length: 14 },
        (_, i) => `line of request number ${String.fromCharCode(97 + i)}`,
      ),
    ];
    expect(cleanBuyerText(body.join('\n'))).toContain('Thanks');
  });
});
