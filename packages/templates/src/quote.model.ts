import {
  addMoney,
  assertCurrency,
  multiplyMoney,
  roundToMinor,
  zeroMoney,
  type Money,
} from './money';
import { IncotermError, incoterm, type Incoterm } from './incoterms';

export interface PriceBreak {
  /** This unit price applies from this quantity upwards. */
  readonly minQuantity: number;
  readonly unitPrice: Money;
}

export interface QuoteLineItem {
  readonly product: string;
  readonly model: string;
  readonly specs: readonly string[];
  readonly quantity: number;
  readonly priceBreaks: readonly PriceBreak[];
  readonly moq: number;
  readonly hsCode: string;
}

export interface QuoteInput {
  readonly number: string;
  /** Calendar dates (YYYY-MM-DD) in the seller's time zone. */
  readonly issuedOn: string;
  readonly validUntil: string;
  /** IANA zone the validity date is counted in: a quote is valid through the end of that day. */
  readonly timeZone: string;
  readonly currency: string;
  readonly buyer: { readonly name: string; readonly company: string };
  readonly lines: readonly QuoteLineItem[];
  readonly incoterm: Incoterm;
  readonly portOfLoading: string;
  readonly paymentTerms: string;
  readonly packing: string;
  readonly leadTimeDays: { readonly min: number; readonly max: number };
  readonly notes?: string;
}

export interface Quote extends QuoteInput {
  readonly revision: number;
  readonly revisionReason?: string;
}

/** A quote and every revision of it, oldest first; revising never overwrites what was sent. */
export interface QuoteHistory {
  readonly number: string;
  readonly revisions: readonly Quote[];
}

export interface PricedLine {
  readonly line: QuoteLineItem;
  readonly unitPrice: Money;
  readonly amount: Money;
}

export interface QuoteTotals {
  readonly lines: readonly PricedLine[];
  readonly total: Money;
}

/** A quote field that fails validation, named by its path (`lines[1].quantity`). */
export class QuoteValidationError extends Error {
  override readonly name = 'QuoteValidationError';

  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HS_CODE = /^\d{4}\.?\d{2}(\.?\d{2}){0,2}$/;

export function createQuote(input: QuoteInput): QuoteHistory {
  const quote: Quote = { ...input, revision: 0 };
  validateQuote(quote);
  return { number: quote.number, revisions: [quote] };
}

export function currentRevision(history: QuoteHistory): Quote {
  const latest = history.revisions[history.revisions.length - 1];
  if (!latest)
    throw new QuoteValidationError('revisions', 'a quote history holds at least one revision');
  return latest;
}

/** Issues a new revision; earlier revisions stay in the history exactly as sent. */
export function reviseQuote(
  history: QuoteHistory,
  changes: Partial<Omit<QuoteInput, 'number'>>,
  reason: string,
): QuoteHistory {
  if (reason.trim() === '')
    throw new QuoteValidationError('reason', 'say why the quote is revised');
  const previous = currentRevision(history);
  const next: Quote = {
    ...previous,
    ...changes,
    number: previous.number,
    revision: previous.revision + 1,
    revisionReason: reason,
  };
  validateQuote(next);
  return { number: history.number, revisions: [...history.revisions, next] };
}

export function validateQuote(quote: Quote): void {
  const fail = (field: string, reason: string): never => {
    throw new QuoteValidationError(field, reason);
  };
  const text = (field: string, value: string): void => {
    if (typeof value !== 'string' || value.trim() === '') fail(field, 'is required');
  };
  text('number', quote.number);
  text('buyer.name', quote.buyer?.name);
  text('buyer.company', quote.buyer?.company);
  text('portOfLoading', quote.portOfLoading);
  text('paymentTerms', quote.paymentTerms);
  text('packing', quote.packing);
  try {
    assertCurrency(quote.currency);
  } catch (error) {
    fail('currency', (error as Error).message);
  }
  for (const field of ['issuedOn', 'validUntil'] as const) {
    const value = quote[field];
    const parsed = new Date(`${value}T00:00:00Z`);
    if (
      !CALENDAR_DATE.test(value) ||
      Number.isNaN(parsed.getTime()) ||
      parsed.toISOString().slice(0, 10) !== value
    ) {
      fail(field, `"${value}" is not a YYYY-MM-DD date`);
    }
  }
  if (quote.validUntil < quote.issuedOn) fail('validUntil', 'is before the issue date');
  try {
    new Intl.DateTimeFormat('en', { timeZone: quote.timeZone });
  } catch {
    fail('timeZone', `"${quote.timeZone}" is not an IANA time zone`);
  }
  try {
    incoterm(quote.incoterm?.code ?? '', quote.incoterm?.namedPlace ?? '');
  } catch (error) {
    if (error instanceof IncotermError) fail('incoterm', error.message);
    throw error;
  }
  const { min, max } = quote.leadTimeDays ?? {};
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min < 0 || max < min) {
    fail('leadTimeDays', 'needs whole days with 0 <= min <= max');
  }
  if (quote.lines.length === 0) fail('lines', 'a quote needs at least one line item');
  quote.lines.forEach((line, index) => validateLine(line, `lines[${index}]`, quote.currency, fail));
}

function validateLine(
  line: QuoteLineItem,
  at: string,
  currency: string,
  fail: (field: string, reason: string) => never,
): void {
  for (const field of ['product', 'model'] as const) {
    if (line[field].trim() === '') fail(`${at}.${field}`, 'is required');
  }
  if (!HS_CODE.test(line.hsCode))
    fail(`${at}.hsCode`, `"${line.hsCode}" is not an HS code (6 to 10 digits, e.g. 9405.42)`);
  for (const field of ['quantity', 'moq'] as const) {
    if (!Number.isSafeInteger(line[field]) || line[field] < 1)
      fail(`${at}.${field}`, 'must be a positive whole number');
  }
  if (line.quantity < line.moq)
    fail(`${at}.quantity`, `${line.quantity} is below the MOQ of ${line.moq}`);
  if (line.priceBreaks.length === 0) fail(`${at}.priceBreaks`, 'needs at least one price');
  let previous: PriceBreak | undefined;
  line.priceBreaks.forEach((priceBreak, index) => {
    const field = `${at}.priceBreaks[${index}]`;
    if (priceBreak.unitPrice.currency !== currency)
      fail(
        `${field}.unitPrice`,
        `is in ${priceBreak.unitPrice.currency}, the quote is in ${currency}`,
      );
    if (!priceBreak.unitPrice.amount.isPositive() || priceBreak.unitPrice.amount.isZero())
      fail(`${field}.unitPrice`, 'must be above zero');
    if (previous && priceBreak.minQuantity <= previous.minQuantity)
      fail(`${field}.minQuantity`, 'breaks must rise in quantity');
    previous = priceBreak;
  });
  if ((line.priceBreaks[0]?.minQuantity ?? 0) > line.moq)
    fail(`${at}.priceBreaks[0].minQuantity`, 'the first break must start at or below the MOQ');
}

/** The price break that applies to a quantity: the one with the highest minimum not above it. */
export function unitPriceFor(line: QuoteLineItem, quantity = line.quantity): Money {
  const applicable = line.priceBreaks.filter((priceBreak) => priceBreak.minQuantity <= quantity);
  const chosen = applicable[applicable.length - 1];
  if (!chosen)
    throw new QuoteValidationError('quantity', `${quantity} is below the first price break`);
  return chosen.unitPrice;
}

/** Line amounts are rounded to the currency's minor unit, then summed, as on an invoice. */
export function quoteTotals(quote: Quote): QuoteTotals {
  const lines = quote.lines.map((line) => {
    const unitPrice = unitPriceFor(line);
    return { line, unitPrice, amount: roundToMinor(multiplyMoney(unitPrice, line.quantity)) };
  });
  const total = lines.reduce(
    (sum, priced) => addMoney(sum, priced.amount),
    zeroMoney(quote.currency),
  );
  return { lines, total };
}

/** The calendar date of an instant in a time zone, as YYYY-MM-DD. */
export function calendarDateIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** A quote is valid through the whole of its validity date in its own time zone. */
export function isExpired(quote: Pick<Quote, 'validUntil' | 'timeZone'>, now: Date): boolean {
  return calendarDateIn(now, quote.timeZone) > quote.validUntil;
}
