import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { MalformedMessageError } from './malformed-message.error';
import { attachmentContent } from './mime-parts.reader';
import { parseMessage } from './parse-message';

function message(headers: string[], body: Buffer | string): Buffer {
  return Buffer.concat([
    Buffer.from(`${headers.join('\r\n')}\r\n\r\n`, 'latin1'),
    Buffer.isBuffer(body) ? body : Buffer.from(body),
  ]);
}

const BASE = [
  'From: Buyer <buyer@example.com>',
  'To: sales@qiaolanstone.com',
  'Subject: inquiry',
  'Date: Wed, 6 Nov 2024 15:20:31 +0800',
  'MIME-Version: 1.0',
];
const PLAIN = 'Content-Type: text/plain; charset=utf-8';
const HTML = 'Content-Type: text/html; charset=utf-8';

/** A message of multipart `type` whose parts are each given as header lines, '' and body lines. */
function multipart(type: string, parts: string[][]): Buffer {
  return message(
    [...BASE, `Content-Type: ${type}; boundary="part"`],
    [...parts.flatMap((part) => ['--part', ...part]), '--part--', ''].join('\r\n'),
  );
}

describe('parseMessage charsets', () => {
  const cases: Array<{
    label: string;
    declared: string | undefined;
    encodeAs: string;
    text: string;
  }> = [
    {
      label: 'GB2312 with a GB18030-only character',
      declared: 'gb2312',
      encodeAs: 'gb18030',
      text: '您好，我们需要石英石台面 300 片，镕铭公司',
    },
    { label: 'GBK', declared: 'gbk', encodeAs: 'gbk', text: '询价：大理石地砖，FOB厦门' },
    { label: 'Big5', declared: 'big5', encodeAs: 'big5', text: '詢價：花崗岩檯面，請報價' },
    {
      label: 'ISO-2022-JP',
      declared: 'iso-2022-jp',
      encodeAs: 'iso-2022-jp',
      text: 'お見積りをお願いします。人工大理石',
    },
    {
      label: 'EUC-KR',
      declared: 'euc-kr',
      encodeAs: 'euc-kr',
      text: '견적을 요청합니다. 석영 상판',
    },
    {
      label: 'KOI8-R',
      declared: 'koi8-r',
      encodeAs: 'koi8-r',
      text: 'Просим выслать коммерческое предложение',
    },
    {
      label: 'windows-1251',
      declared: 'windows-1251',
      encodeAs: 'windows-1251',
      text: 'Здравствуйте, нужна цена на гранит',
    },
    {
      label: 'windows-1252 quotes under an ISO-8859-1 label',
      declared: 'iso-8859-1',
      encodeAs: 'windows-1252',
      text: '“Preço” für Stück – café',
    },
    {
      label: 'ISO-8859-2',
      declared: 'iso-8859-2',
      encodeAs: 'iso-8859-2',
      text: 'Prosimy o wycenę płyt kwarcowych, zażółć',
    },
    {
      label: 'ISO-8859-9',
      declared: 'iso-8859-9',
      encodeAs: 'iso-8859-9',
      text: 'Fiyat teklifi için teşekkürler, ğüşıöç',
    },
    {
      label: 'GBK declared as UTF-8',
      declared: 'utf-8',
      encodeAs: 'gb18030',
      text: '我们是深圳的采购代理公司，需要报价，请尽快回复我们，谢谢您的合作与支持',
    },
    {
      label: 'windows-1251 with no charset',
      declared: undefined,
      encodeAs: 'windows-1251',
      text: 'Здравствуйте! Просим прислать прайс-лист на гранитные плиты и условия доставки.',
    },
    {
      label: 'Big5 under an unknown label',
      declared: 'x-chinese-big5',
      encodeAs: 'big5',
      text: '您好，我們是台灣的進口商，想詢問花崗岩檯面的價格與交期，謝謝。',
    },
  ];

  it.each(cases)('decodes $label', async ({ declared, encodeAs, text }) => {
    const body =
      encodeAs === 'iso-2022-jp' ? Buffer.from(jisEncode(text)) : iconv.encode(text, encodeAs);
    const type =
      declared === undefined
        ? 'Content-Type: text/plain'
        : `Content-Type: text/plain; charset="${declared}"`;
    const parsed = await parseMessage(
      message([...BASE, type, 'Content-Transfer-Encoding: 8bit'], body),
    );
    expect(parsed.text.trim()).toBe(text);
  });

  it('reports an undecodable body in problems and keeps best-effort text', async () => {
    const parsed = await parseMessage(
      message(
        [...BASE, 'Content-Type: text/plain; charset=utf-8'],
        Buffer.from([0x68, 0x69, 0x20, 0xff, 0xfe, 0x20, 0x6f, 0x6b]),
      ),
    );
    expect(parsed.text).toContain('hi');
    expect(parsed.text).toContain('ok');
    expect(parsed.problems.some((problem) => problem.part === 'body')).toBe(true);
  });

  it('decodes a part mislabelled UTF-8 by detection and leaves its header as the sender wrote it', async () => {
    const text = 'Здравствуйте, нужна цена на гранитные плиты и мраморные столешницы';
    const parsed = await parseMessage(
      message(
        [...BASE, 'Content-Type: text/plain; charset=utf-8'],
        iconv.encode(text, 'windows-1251'),
      ),
    );
    expect(parsed.text.trim()).toBe(text);
    expect(parsed.headers).toContainEqual({
      name: 'content-type',
      value: 'text/plain; charset=utf-8',
    });
    expect(parsed.problems).toEqual([
      { part: 'body', reason: 'declared charset "utf-8": decoded as detected windows-1251' },
    ]);
  });

  it('turns broken UTF-16 into replacement characters, never half a surrogate pair', async () => {
    // A high surrogate followed by a letter instead of its low half, then one byte too many.
    const body = Buffer.from([0x00, 0x68, 0x00, 0x69, 0xd8, 0x3d, 0x00, 0x21, 0x00]);
    const parsed = await parseMessage(
      message([...BASE, 'Content-Type: text/plain; charset=utf-16be'], body),
    );
    expect(parsed.text.isWellFormed()).toBe(true);
    expect(parsed.text).toMatch(/^hi\uFFFD!/);
  });

  it.each([
    {
      label: 'GB2312 encoded word',
      raw: `=?gb2312?B?${iconv.encode('询价单', 'gb18030').toString('base64')}?=`,
      expected: '询价单',
    },
    {
      label: 'split UTF-8 encoded words',
      raw: '=?utf-8?B?5oql?= =?utf-8?B?5Lu3?=',
      expected: '报价',
    },
    {
      label: 'Q-encoded KOI8-R',
      raw: '=?koi8-r?Q?=F0=D2=C9=D7=C5=D4_=CD=C9=D2?=',
      expected: 'Привет мир',
    },
    {
      label: 'raw 8-bit GBK header',
      raw: iconv.encode('石材报价请求，急需回复，谢谢', 'gb18030').toString('latin1'),
      expected: '石材报价请求，急需回复，谢谢',
    },
    {
      label: 'encoded word with an unknown charset',
      raw: `=?x-bogus?B?${iconv.encode('Цена на гранит и мрамор', 'windows-1251').toString('base64')}?=`,
      expected: 'Цена на гранит и мрамор',
    },
  ])('decodes the subject from a $label', async ({ raw, expected }) => {
    const parsed = await parseMessage(message(['From: a@example.com', `Subject: ${raw}`], 'body'));
    expect(parsed.subject).toBe(expected);
  });
});

/** ISO-2022-JP by hand (iconv-lite cannot encode it): JIS X 0208 bytes between ESC $ B and ESC ( B. */
function jisEncode(text: string): Buffer {
  const sjis = iconv.encode(text, 'shift_jis');
  const out: number[] = [0x1b, 0x24, 0x42];
  for (let i = 0; i < sjis.length; i += 2) {
    let high = sjis[i] as number;
    let low = sjis[i + 1] as number;
    high = (high <= 0x9f ? high - 0x70 : high - 0xb0) * 2 - 1;
    if (low >= 0x9f) {
      high++;
      low -= 0x7e;
    } else low -= low >= 0x80 ? 0x20 : 0x1f;
    out.push(high, low);
  }
  out.push(0x1b, 0x28, 0x42);
  return Buffer.from(out);
}

describe('parseMessage dates', () => {
  it.each([
    { date: 'Wed, 6 Nov 2024 15:20:31 +0800', offset: 480, iso: '2024-11-06T07:20:31.000Z' },
    { date: 'Tue, 8 Oct 2024 09:42:17 -0500', offset: -300, iso: '2024-10-08T14:42:17.000Z' },
    { date: 'Mon, 3 Feb 2025 10:00:00 -1600', offset: -960, iso: '2025-02-04T02:00:00.000Z' },
    { date: 'Fri, 13 Sep 2002 08:01:01 PDT', offset: -420, iso: '2002-09-13T15:01:01.000Z' },
  ])('keeps $date with offset $offset', async ({ date, offset, iso }) => {
    const parsed = await parseMessage(message(['From: a@example.com', `Date: ${date}`], 'x'));
    expect(parsed.dateRaw).toBe(date);
    expect(parsed.dateOffsetMinutes).toBe(offset);
    expect(parsed.date?.toISOString()).toBe(iso);
  });

  it('reports a date it cannot read', async () => {
    const parsed = await parseMessage(
      message(['From: a@example.com', 'Date: sometime yesterday'], 'x'),
    );
    expect(parsed.date).toBeUndefined();
    expect(parsed.problems).toContainEqual({
      part: 'header:date',
      reason: 'unreadable date "sometime yesterday"',
    });
  });
});

describe('parseMessage content', () => {
  it('extracts anchors with visible text and bare URLs with lower-cased hosts', async () => {
    const raw = multipart('multipart/alternative', [
      [
        PLAIN,
        '',
        'Sign in at https://Login.Tradenexa-Secure.COM/verify?u=sales@qiaolanstone.com or www.Example.org',
      ],
      [
        HTML,
        '',
        '<p>View <a href="http://203.0.113.9/po.html">Tradenexa &amp; Order</a> and <a href="https://BIT.LY/x">here</a></p>',
      ],
    ]);
    const parsed = await parseMessage(raw);
    expect(parsed.links).toEqual([
      { url: 'http://203.0.113.9/po.html', host: '203.0.113.9', text: 'Tradenexa & Order' },
      { url: 'https://BIT.LY/x', host: 'bit.ly', text: 'here' },
      {
        url: 'https://Login.Tradenexa-Secure.COM/verify?u=sales@qiaolanstone.com',
        host: 'login.tradenexa-secure.com',
        text: '',
      },
      { url: 'www.Example.org', host: 'www.example.org', text: '' },
    ]);
    expect(parsed.html).toContain('<a href="http://203.0.113.9/po.html">');
  });

  it('lists attachments with sha256 and the inline flag', async () => {
    const raw = multipart('multipart/related', [
      [HTML, '', '<img src="cid:logo@x">'],
      [
        'Content-Type: image/png',
        'Content-ID: <logo@x>',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('png-bytes').toString('base64'),
      ],
      [
        'Content-Type: text/html; name="PO_8823.pdf.html"',
        'Content-Disposition: attachment; filename="PO_8823.pdf.html"',
        '',
        '<form></form>',
      ],
    ]);
    const parsed = await parseMessage(raw);
    expect(parsed.attachments).toEqual([
      expect.objectContaining({
        contentType: 'image/png',
        inline: true,
        contentId: 'logo@x',
        size: 9,
        sha256: createHash('sha256').update('png-bytes').digest('hex'),
      }),
      expect.objectContaining({ filename: 'PO_8823.pdf.html', inline: false }),
    ]);
  });

  it('gives the content of an attachment by the SHA-256 it reported', async () => {
    const pdf = Buffer.from('%PDF-1.4 drawing of the slab layout');
    const raw = multipart('multipart/mixed', [
      [PLAIN, '', 'Drawing attached.'],
      [
        'Content-Type: application/octet-stream; name="layout.pdf"',
        'Content-Disposition: attachment; filename="layout.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        pdf.toString('base64'),
      ],
    ]);
    const [attachment] = (await parseMessage(raw)).attachments;
    expect(attachment).toMatchObject({ filename: 'layout.pdf', contentType: 'application/pdf' });
    expect(await attachmentContent(raw, attachment?.sha256 ?? '')).toEqual(pdf);
    expect(await attachmentContent(raw, 'f'.repeat(64))).toBeUndefined();
  });

  it('shows a forwarded message inline with its own sender, subject and date', async () => {
    const raw = multipart('multipart/mixed', [
      [PLAIN, '', 'See the buyer mail below.'],
      [
        'Content-Type: message/rfc822',
        'Content-Disposition: inline',
        '',
        'From: =?utf-8?B?5byg5Lyf?= <Zhang.Wei@Example.cn>',
        'Subject: RFQ granite',
        'Date: Mon, 4 Nov 2024 09:00:00 +0800',
        '',
        'Please quote 300 m2.',
      ],
    ]);
    const parsed = await parseMessage(raw);
    expect(parsed.text).toBe(
      [
        'See the buyer mail below.',
        '',
        'From: "张伟" <zhang.wei@example.cn>',
        'Subject: RFQ granite',
        'Date: Mon, 04 Nov 2024 01:00:00 GMT',
        '',
        'Please quote 300 m2.',
      ].join('\n'),
    );
    expect(parsed.attachments).toEqual([]);
  });

  it.each([
    {
      container: 'multipart/mixed',
      sibling: [
        'Content-Type: application/pdf; name="drawing.pdf"',
        'Content-Disposition: attachment; filename="drawing.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        'JVBERi0=',
      ],
    },
    {
      container: 'multipart/related',
      sibling: [
        'Content-Type: image/png',
        'Content-ID: <logo@x>',
        'Content-Transfer-Encoding: base64',
        '',
        'iVBORw0=',
      ],
    },
  ])('derives text from the only HTML body inside $container', async ({ container, sibling }) => {
    const raw = multipart(container, [
      [
        HTML,
        '',
        '<html><body><p>Please quote <b>300 slabs</b></p><p>FOB Xiamen &amp; CIF Lagos</p></body></html>',
      ],
      sibling,
    ]);
    const parsed = await parseMessage(raw);
    expect(parsed.text).toContain('Please quote 300 slabs');
    expect(parsed.text).toContain('FOB Xiamen & CIF Lagos');
    expect(parsed.text).not.toContain('<p>');
    expect(parsed.html).toContain('<b>300 slabs</b>');
  });

  it('keeps the text/plain part when HTML is its alternative', async () => {
    const raw = multipart('multipart/mixed', [
      [
        'Content-Type: multipart/alternative; boundary="a"',
        '',
        '--a',
        PLAIN,
        '',
        'Plain words',
        '--a',
        HTML,
        '',
        '<p>Markup words</p>',
        '--a--',
      ],
    ]);
    const parsed = await parseMessage(raw);
    expect(parsed.text.trim()).toBe('Plain words');
  });

  it.each([
    {
      order: 'HTML, then a plain footer',
      parts: ['html', 'plain'],
      text: /Quote 300 slabs[\s\S]*List footer/,
    },
    {
      order: 'plain, then HTML',
      parts: ['plain', 'html'],
      text: /List footer[\s\S]*Quote 300 slabs/,
    },
  ])(
    'keeps the text of HTML beside a plain part that is not its alternative: $order',
    async ({ parts, text }) => {
      const bodies: Record<string, string[]> = {
        html: [HTML, '', '<p>Quote <b>300 slabs</b></p>'],
        plain: [PLAIN, '', 'List footer'],
      };
      const raw = multipart(
        'multipart/mixed',
        parts.map((part) => bodies[part] ?? []),
      );
      const parsed = await parseMessage(raw);
      expect(parsed.text).toMatch(text);
      expect(parsed.text).not.toContain('<b>');
    },
  );

  it('tells an alternative by the message structure, not by header-like lines in a body', async () => {
    const raw = multipart('multipart/mixed', [
      [
        PLAIN,
        '',
        'Our mail server rejected your message, headers were:',
        'Content-Type: multipart/alternative; boundary="x"',
      ],
      [HTML, '', '<p>Quote <b>300 slabs</b> FOB Xiamen</p>'],
    ]);
    const parsed = await parseMessage(raw);
    expect(parsed.text).toMatch(/headers were:[\s\S]*Quote 300 slabs FOB Xiamen/);
  });

  it('recovers a body that has no blank line before it', async () => {
    const parsed = await parseMessage(
      Buffer.from('From: a@example.com\r\nSubject: hi\r\nPlease quote 20 pallets.\r\n'),
    );
    expect(parsed.subject).toBe('hi');
    expect(parsed.text).toContain('Please quote 20 pallets.');
    expect(parsed.problems[0]?.part).toBe('structure');
  });

  it.each([
    { label: 'empty input', raw: Buffer.alloc(0), reason: 'the input is empty' },
    { label: 'whitespace only', raw: Buffer.from('\r\n \r\n'), reason: 'the input is empty' },
    {
      label: 'binary garbage',
      raw: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x00]),
      reason: 'the input does not start with header fields ("Name: value" lines)',
    },
  ])('rejects $label with MalformedMessageError', async ({ raw, reason }) => {
    const error = await parseMessage(raw).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MalformedMessageError);
    expect((error as MalformedMessageError).reason).toBe(reason);
  });
});
