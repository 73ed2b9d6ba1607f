import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatMoney } from './money';
import { fontSetFor } from './pdf-fonts';
import { quoteTotals, reviseQuote, currentRevision, createQuote } from './quote.model';
import { renderQuotePdf } from './quote-pdf.renderer';
import { TemplateCatalog } from './template-catalog';
import { ensurePoppler } from './test/poppler';
import { letterhead, quoteInput, sampleQuote } from './test/quote.fixture';

const catalog = new TemplateCatalog();
const BIDI_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
let dir: string;

beforeAll(() => {
  ensurePoppler();
  dir = mkdtempSync(join(tmpdir(), 'quote-pdf-'));
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pdfFile(locale: string, quote = sampleQuote()): Promise<string> {
  const file = join(dir, `${locale}-${quote.revision}.pdf`);
  writeFileSync(file, await renderQuotePdf(quote, locale, letterhead));
  return file;
}

function extract(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .replace(BIDI_MARKS, '')
    .replace(/[\u00a0\u202f]/g, ' ');
}

/** Words with their boxes, as drawn: Arabic words come out in visual (reversed) letter order. */
function words(file: string): { text: string; xMin: number; yMin: number; xMax: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
  });
  return [
    ...html.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
    ),
  ].map((m) => ({
    text: m[4]!.replace(BIDI_MARKS, ''),
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
  }));
}

/** poppler writes the two letters of a lam-alef ligature in reverse order when it extracts Arabic. */
function asExtracted(text: string, locale: string): string {
  const plain = text.replace(BIDI_MARKS, '').replace(/[\u00a0\u202f]/g, ' ');
  return locale === 'ar' ? plain.replace(/ل([\u0622\u0623\u0625\u0627])/g, '$1ل') : plain;
}

describe('renderQuotePdf', () => {
  it.each([
    ['en', /[A-Za-z]/, 'NotoSans-Regular'],
    ['zh-CN', /\p{Script=Han}/u, 'NotoSansHans-Regular'],
    ['ar', /\p{Script=Arabic}/u, 'NotoNaskhArabic'],
    ['ru', /\p{Script=Cyrillic}/u, 'NotoSans-Regular'],
  ])(
    '%s: line items, totals and validity in the buyer’s language, fonts embedded',
    async (locale, script, fontName) => {
      const quote = sampleQuote();
      const file = await pdfFile(locale);
      const text = extract(file);
      const label = (key: Parameters<TemplateCatalog['quoteLabel']>[1]): string =>
        asExtracted(catalog.quoteLabel(locale, key), locale);
      const validUntil = new Intl.DateTimeFormat(locale, {
        dateStyle: 'long',
        timeZone: 'UTC',
      }).format(new Date('2026-12-31T00:00:00Z'));
      const totals = quoteTotals(quote);

      for (const expected of [
        label('title'),
        label('total'),
        label('validUntil'),
        label('unitPrice'),
        label('portOfLoading'),
        'LED Panel 600x600 40W',
        'BW-P6060-40',
        'Emergency Driver 3h',
        '9405.42',
        'FOB Ningbo',
        'T/T 30/70',
        asExtracted(formatMoney(totals.total, locale), locale),
        ...totals.lines.map((line) => asExtracted(formatMoney(line.amount, locale), locale)),
        asExtracted(validUntil, locale),
      ]) {
        // poppler rebuilds the logical order of Arabic lines word by word and may move a colon
        // between the words of a value, so for Arabic each word is looked for on its own.
        for (const part of locale === 'ar' ? expected.split(' ') : [expected])
          expect(text).toContain(part);
      }
      expect(text.replace(/[\s\d\p{P}\p{S}]/gu, '')).toMatch(script);
      expect(text).toContain('宁波明途照明有限公司');

      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
      const embedded = fonts.split('\n').filter((row) => row.includes(fontName));
      expect(embedded.length).toBeGreaterThan(0);
      for (const row of embedded) expect(row).toMatch(/\byes\s+yes\s+yes\b/);
    },
    60_000,
  );

  it('lays Arabic out right to left: first word rightmost, table columns mirrored', async () => {
    const [ar, en] = await Promise.all([pdfFile('ar'), pdfFile('en')]);
    const arWords = words(ar);
    const find = (list: typeof arWords, text: string) => {
      const visual = /\p{Script=Arabic}/u.test(text) ? [...text].reverse().join('') : text;
      const word = list.find((w) => w.text === visual);
      if (!word) throw new Error(`"${text}" not found in ${list.map((w) => w.text).join(' ')}`);
      return word;
    };
    // عرض سعر ("price offer"): the first word stands to the right of the second.
    expect(find(arWords, 'عرض').xMin).toBeGreaterThan(find(arWords, 'سعر').xMax);
    expect(find(arWords, 'عرض').xMax).toBeGreaterThan(500);
    expect(find(arWords, 'المنتج').xMin).toBeGreaterThan(find(arWords, 'المبلغ').xMax);

    const enWords = words(en);
    expect(find(enWords, 'Product').xMax).toBeLessThan(find(enWords, 'Amount').xMin);
    // Amounts keep their own order inside the Arabic page.
    expect(extract(ar)).toContain('24,955.25 US$');
  }, 60_000);

  it('prints a locale without a script of its own in Latin first, whatever its name', () => {
    for (const locale of ['de', 'constructor', 'toString']) {
      expect(fontSetFor(locale).faces[0]?.regular).toMatch(/NotoSans-Regular\.ttf$/);
    }
  });

  it('says which font file is missing', async () => {
    const fonts = {
      faces: [{ regular: join(dir, 'missing.ttf'), bold: join(dir, 'missing.ttf') }],
    };
    await expect(renderQuotePdf(sampleQuote(), 'en', letterhead, { fonts })).rejects.toThrow(
      `font file not found: ${join(dir, 'missing.ttf')}`,
    );
  });

  it('prints the revision number of a revised quote', async () => {
    const revised = currentRevision(
      reviseQuote(createQuote(quoteInput), { paymentTerms: 'L/C at sight' }, 'buyer asked for L/C'),
    );
    const text = extract(await pdfFile('de', revised));
    expect(text).toContain('Revision: 1');
    expect(text).toContain('L/C at sight');
    expect(text).toContain('Gültig bis: 31. Dezember 2026');
  }, 60_000);
});
