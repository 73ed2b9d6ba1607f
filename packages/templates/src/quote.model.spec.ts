import { INCOTERMS_2020, IncotermError, incoterm, parseIncoterm } from './incoterms';
import { money } from './money';
import {
  createQuote,
  currentRevision,
  isExpired,
  quoteTotals,
  reviseQuote,
  unitPriceFor,
  QuoteValidationError,
  type QuoteInput,
} from './quote.model';
import { quoteInput, sampleQuote } from './test/quote.fixture';

describe('Incoterms 2020', () => {
  it.each(Object.keys(INCOTERMS_2020))('accepts %s with a named place', (code) => {
    expect(incoterm(code.toLowerCase(), ' Ningbo ')).toEqual({ code, namedPlace: 'Ningbo' });
  });

  it.each([
    ['DAT', 'Hamburg', /"DAT" is not an Incoterms 2020 rule \(DAT became DPU/],
    ['FOBB', 'Ningbo', /"FOBB" is not an Incoterms 2020 rule/],
    ['C&F', 'Santos', /is not an Incoterms 2020 rule/],
    ['FOB', '  ', /FOB needs a named port/],
    ['DAP', '', /DAP needs a named place/],
  ])('rejects %s %s', (code, place, message) => {
    expect(() => incoterm(code, place)).toThrow(IncotermError);
    expect(() => incoterm(code, place)).toThrow(message);
  });

  it('parses the way buyers write it', () => {
    expect(parseIncoterm('cif Santos, Brazil')).toEqual({
      code: 'CIF',
      namedPlace: 'Santos, Brazil',
    });
    expect(() => parseIncoterm('FOB')).toThrow(/is not "<RULE> <named place>"/);
  });
});

describe('quote maths', () => {
  it('picks the price break for the quoted quantity', () => {
    const [panel] = sampleQuote().lines;
    expect(unitPriceFor(panel!, 999).amount.toFixed(2)).toBe('12.80');
    expect(unitPriceFor(panel!, 1000).amount.toFixed(2)).toBe('11.95');
    expect(unitPriceFor(panel!, 5000).amount.toFixed(2)).toBe('11.20');
  });

  it('totals exactly in the quote currency', () => {
    const totals = quoteTotals(sampleQuote());
    expect(totals.lines.map((line) => line.amount.amount.toFixed(2))).toEqual([
      '23900.00',
      '1055.25',
    ]);
    expect(totals.total).toEqual(money('24955.25', 'USD'));
  });

  it('rounds each line half-up to the cent, as on an invoice', () => {
    const quote = currentRevision(
      createQuote({
        ...quoteInput,
        lines: [
          {
            ...quoteInput.lines[0]!,
            quantity: 3,
            moq: 1,
            priceBreaks: [{ minQuantity: 1, unitPrice: money('0.335', 'USD') }],
          },
        ],
      }),
    );
    expect(quoteTotals(quote).total.amount.toFixed()).toBe('1.01');
  });

  it('keeps yen without decimals', () => {
    const quote = currentRevision(
      createQuote({
        ...quoteInput,
        currency: 'JPY',
        lines: [
          {
            ...quoteInput.lines[0]!,
            quantity: 3,
            moq: 1,
            priceBreaks: [{ minQuantity: 1, unitPrice: money('1333.5', 'JPY') }],
          },
        ],
      }),
    );
    expect(quoteTotals(quote).total.amount.toFixed()).toBe('4001');
  });
});

describe('quote validation', () => {
  const line = quoteInput.lines[0]!;
  it.each<[string, Partial<QuoteInput>, string]>([
    ['lines[0].quantity', { lines: [{ ...line, quantity: 300 }] }, '300 is below the MOQ of 500'],
    ['lines[0].hsCode', { lines: [{ ...line, hsCode: '94-05' }] }, 'is not an HS code'],
    [
      'lines[0].priceBreaks[1].minQuantity',
      { lines: [{ ...line, priceBreaks: [line.priceBreaks[1]!, line.priceBreaks[0]!] }] },
      'breaks must rise',
    ],
    [
      'lines[0].priceBreaks[0].unitPrice',
      { lines: [{ ...line, priceBreaks: [{ minQuantity: 500, unitPrice: money('10', 'EUR') }] }] },
      'is in EUR',
    ],
    ['validUntil', { validUntil: '2026-11-01' }, 'is before the issue date'],
    ['validUntil', { validUntil: '2026-13-01' }, 'is not a YYYY-MM-DD date'],
    ['incoterm', { incoterm: { code: 'DAT' as never, namedPlace: 'Hamburg' } }, 'DAT became DPU'],
    ['timeZone', { timeZone: 'China/Ningbo' }, 'is not an IANA time zone'],
    ['leadTimeDays', { leadTimeDays: { min: 30, max: 25 } }, 'whole days'],
    ['paymentTerms', { paymentTerms: '' }, 'is required'],
    ['lines', { lines: [] }, 'at least one line item'],
  ])('names %s when it is wrong', (field, change, reason) => {
    try {
      createQuote({ ...quoteInput, ...change });
      throw new Error('accepted an invalid quote');
    } catch (error) {
      expect(error).toBeInstanceOf(QuoteValidationError);
      expect((error as QuoteValidationError).field).toBe(field);
      expect((error as QuoteValidationError).reason).toContain(reason);
    }
  });
});

describe('validity', () => {
  const quote = sampleQuote();

  it('is valid through the whole validity date in the seller’s time zone', () => {
    expect(isExpired(quote, new Date('2026-12-31T15:59:59Z'))).toBe(false);
    expect(isExpired(quote, new Date('2026-12-31T16:00:00Z'))).toBe(true);
  });

  it('is not expired on the day it was issued', () => {
    expect(isExpired(quote, new Date('2026-11-23T02:00:00Z'))).toBe(false);
  });
});

describe('revisions', () => {
  it('keeps the quote as sent and adds a numbered revision', () => {
    const history = createQuote(quoteInput);
    const revised = reviseQuote(
      history,
      { validUntil: '2027-01-31', paymentTerms: 'L/C at sight' },
      'buyer asked for L/C',
    );

    expect(revised.revisions).toHaveLength(2);
    expect(revised.revisions[0]).toBe(history.revisions[0]);
    expect(revised.revisions[0]!.paymentTerms).toBe('T/T 30/70');
    expect(currentRevision(revised)).toEqual(
      expect.objectContaining({
        revision: 1,
        paymentTerms: 'L/C at sight',
        validUntil: '2027-01-31',
        revisionReason: 'buyer asked for L/C',
      }),
    );
    expect(history.revisions).toHaveLength(1);
  });

  it('validates the revision and wants a reason', () => {
    const history = createQuote(quoteInput);
    expect(() => reviseQuote(history, { validUntil: '2026-01-01' }, 'extend')).toThrow(
      QuoteValidationError,
    );
    expect(() => reviseQuote(history, { packing: 'pallets' }, ' ')).toThrow(
      /say why the quote is revised/,
    );
  });
});
