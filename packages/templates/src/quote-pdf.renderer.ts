import PDFDocument from 'pdfkit';
import { formatMoney } from './money';
import { localeDirection } from './locales';
import { fontSetFor, type PdfFontSet } from './pdf-fonts';
import { PdfTextWriter, type TextBox, type TextStyle } from './pdf-text.layout';
import { formatIncoterm } from './incoterms';
import { quoteTotals, validateQuote, type Quote } from './quote.model';
import { TemplateCatalog } from './template-catalog';

/** The seller's details printed at the top of every quotation. */
export interface Letterhead {
  readonly companyName: string;
  readonly addressLines: readonly string[];
  readonly phone: string;
  readonly email: string;
  readonly website: string;
}

export interface QuotePdfOptions {
  /** A catalog with the company's overrides of the PDF labels; the shipped one otherwise. */
  readonly catalog?: TemplateCatalog;
  /** Fonts to use instead of the shipped Noto fonts. */
  readonly fonts?: PdfFontSet;
}

const PAGE = { width: 595.28, height: 841.89, margin: 48 };
const BODY: TextStyle = { size: 9 };
const SMALL: TextStyle = { size: 8, color: '#444444' };
const BOLD: TextStyle = { size: 9, bold: true };
const RULE_COLOR = '#999999';

let defaultCatalog: TemplateCatalog | undefined;

/**
 * Renders a quotation in the buyer's language: letterhead, quote number and revision, dates,
 * line items with specs, price breaks, MOQ and HS code, the total, and the trade terms. Right
 * to left for Arabic; fonts are embedded (subset) so CJK and Arabic print on any viewer.
 */
export async function renderQuotePdf(
  quote: Quote,
  locale: string,
  letterhead: Letterhead,
  options: QuotePdfOptions = {},
): Promise<Buffer> {
  validateQuote(quote);
  const catalog = options.catalog ?? (defaultCatalog ??= new TemplateCatalog());
  const lng = catalog.resolveLocale(locale);
  const label = catalog.quoteLabel.bind(catalog, lng);
  const dir = localeDirection(lng);
  const sep = label('separator');
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    autoFirstPage: true,
    lang: lng,
    info: {
      Title: `${label('title')} ${quote.number}`,
      Author: letterhead.companyName,
      CreationDate: new Date(`${quote.issuedOn}T00:00:00Z`),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const writer = new PdfTextWriter(doc, options.fonts ?? fontSetFor(lng), dir);
  const number = new Intl.NumberFormat(lng);
  const date = (value: string): string =>
    new Intl.DateTimeFormat(lng, { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${value}T00:00:00Z`),
    );
  const contentWidth = PAGE.width - 2 * PAGE.margin;
  const full: TextBox = { x: PAGE.margin, width: contentWidth, align: 'start' };
  const bottom = PAGE.height - PAGE.margin;
  let y = PAGE.margin;

  y += writer.draw(letterhead.companyName, y, full, { size: 15, bold: true });
  y += writer.draw(
    [
      ...letterhead.addressLines,
      [letterhead.phone, letterhead.email, letterhead.website].map(isolate).join(' · '),
    ]
      .map(isolate)
      .join('\n'),
    y,
    full,
    SMALL,
  );
  y = rule(doc, y + 6);
  y += writer.draw(label('title'), y + 4, full, { size: 18, bold: true }) + 8;

  const half = contentWidth / 2;
  const metaStart: TextBox = {
    x: dir === 'ltr' ? PAGE.margin : PAGE.margin + half,
    width: half,
    align: 'start',
  };
  const metaEnd: TextBox = {
    x: dir === 'ltr' ? PAGE.margin + half : PAGE.margin,
    width: half,
    align: 'start',
  };
  const meta = [
    `${label('number')}${sep}${isolate(quote.number)}`,
    ...(quote.revision > 0 ? [`${label('revision')}${sep}${quote.revision}`] : []),
    `${label('issued')}${sep}${isolate(date(quote.issuedOn))}`,
    `${label('validUntil')}${sep}${isolate(date(quote.validUntil))}`,
  ].join('\n');
  const buyer = `${label('buyer')}${sep.trimEnd()}\n${isolate(quote.buyer.name)}\n${isolate(quote.buyer.company)}`;
  const metaHeight = Math.max(
    writer.draw(meta, y, metaStart, BODY),
    writer.draw(buyer, y, metaEnd, BODY),
  );
  y += metaHeight + 12;

  const columns = tableColumns(contentWidth, dir);
  const header = ['#', label('product'), label('quantity'), label('unitPrice'), label('amount')];
  const drawHeader = (top: number): number => {
    const height = Math.max(
      ...header.map((text, i) => writer.measure(text, cell(columns, i), BOLD)),
    );
    doc.rect(PAGE.margin, top - 2, contentWidth, height + 4).fill('#eeeeee');
    header.forEach((text, i) => writer.draw(text, top, cell(columns, i), BOLD));
    return top + height + 6;
  };
  y = drawHeader(y);

  const totals = quoteTotals(quote);
  totals.lines.forEach((priced, index) => {
    const { line } = priced;
    const details = [
      `${label('model')}${sep}${isolate(line.model)}`,
      ...(line.specs.length > 0
        ? [`${label('specs')}${sep}${line.specs.map(isolate).join('; ')}`]
        : []),
      `${label('priceBreaks')}${sep}${line.priceBreaks
        .map((b) =>
          label('priceBreak', {
            quantity: isolate(number.format(b.minQuantity)),
            price: leftToRight(formatMoney(b.unitPrice, lng)),
          }),
        )
        .join(' | ')}`,
      `${label('moq')}${sep}${isolate(number.format(line.moq))} · ${label('hsCode')}${sep}${isolate(line.hsCode)}`,
    ].join('\n');
    const cells = [
      String(index + 1),
      number.format(line.quantity),
      formatMoney(priced.unitPrice, lng),
      formatMoney(priced.amount, lng),
    ].map(leftToRight);
    const productBox = cell(columns, 1);
    const height = Math.max(
      writer.measure(line.product, productBox, BOLD) + writer.measure(details, productBox, SMALL),
      ...cells.map((text) => writer.measure(text, cell(columns, 0), BODY)),
    );
    if (y + height > bottom) {
      doc.addPage();
      y = drawHeader(PAGE.margin);
    }
    writer.draw(cells[0] ?? '', y, cell(columns, 0), BODY);
    const productHeight = writer.draw(line.product, y, productBox, BOLD);
    writer.draw(details, y + productHeight, productBox, SMALL);
    [2, 3, 4].forEach((column, i) =>
      writer.draw(cells[i + 1] ?? '', y, cell(columns, column), BODY),
    );
    y = rule(doc, y + height + 4) + 4;
  });

  const totalBox: TextBox = { x: PAGE.margin, width: contentWidth, align: 'end' };
  y +=
    writer.draw(
      `${label('total')} (${quote.currency})${sep}${leftToRight(formatMoney(totals.total, lng))}`,
      y,
      totalBox,
      { size: 11, bold: true },
    ) + 10;

  const terms: [string, string][] = [
    [label('incoterm'), formatIncoterm(quote.incoterm)],
    [label('portOfLoading'), quote.portOfLoading],
    [label('paymentTerms'), quote.paymentTerms],
    [label('packing'), quote.packing],
    [
      label('leadTime'),
      label('leadTimeDays', {
        min: isolate(number.format(quote.leadTimeDays.min)),
        max: isolate(number.format(quote.leadTimeDays.max)),
      }),
    ],
    [label('validUntil'), date(quote.validUntil)],
    ...(quote.notes ? ([[label('notes'), quote.notes]] as [string, string][]) : []),
  ];
  for (const [name, value] of terms) {
    const text = `${name}${sep}${isolate(value)}`;
    const height = writer.measure(text, full, BODY);
    if (y + height > bottom) {
      doc.addPage();
      y = PAGE.margin;
    }
    y += writer.draw(text, y, full, BODY);
  }

  doc.end();
  return finished;
}

/**
 * Wraps a value in a first-strong isolate so that, inside an Arabic line, a phone number, model
 * code or amount keeps its own left-to-right order instead of being split up by the bidi algorithm.
 */
function isolate(value: string): string {
  return `\u2068${value}\u2069`;
}

/** Amounts always read left to right, also in Arabic ("11.95 US$", never "$US 11.95"). */
function leftToRight(value: string): string {
  return `\u2066${value}\u2069`;
}

function rule(doc: PDFKit.PDFDocument, y: number): number {
  doc
    .moveTo(PAGE.margin, y)
    .lineTo(PAGE.width - PAGE.margin, y)
    .lineWidth(0.5)
    .strokeColor(RULE_COLOR)
    .stroke();
  return y + 4;
}

interface Column {
  readonly x: number;
  readonly width: number;
  readonly align: TextBox['align'];
}

/** Item no., product, quantity, unit price, amount; mirrored for right-to-left documents. */
function tableColumns(contentWidth: number, dir: 'ltr' | 'rtl'): Column[] {
  const shares = [0.05, 0.47, 0.12, 0.17, 0.19];
  const aligns: TextBox['align'][] = ['start', 'start', 'end', 'end', 'end'];
  let offset = 0;
  return shares.map((share, i) => {
    const width = share * contentWidth;
    const x = dir === 'ltr' ? PAGE.margin + offset : PAGE.width - PAGE.margin - offset - width;
    offset += width;
    return { x: x + 3, width: width - 6, align: aligns[i] ?? 'start' };
  });
}

function cell(columns: readonly Column[], index: number): TextBox {
  const column = columns[index];
  if (!column) throw new RangeError(`no table column ${index}`);
  return column;
}
