import Decimal from 'decimal.js';

/**
 * An exact amount of money. Amounts are decimals (never binary floats) so that unit prices
 * such as USD 0.035 per piece multiply out to the cent.
 */
export interface Money {
  readonly amount: Decimal;
  readonly currency: string;
}

export class MoneyError extends Error {
  override readonly name = 'MoneyError';
}

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;
const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));

export function assertCurrency(currency: string): string {
  if (!/^[A-Z]{3}$/.test(currency) || !knownCurrencies.has(currency)) {
    throw new MoneyError(`unknown ISO 4217 currency code "${currency}"`);
  }
  return currency;
}

/**
 * ISO 4217 codes CLDR knows that name no money goods are priced in: precious metals, the IMF's
 * and regional units of account, bond-market units, and the test and "no currency" codes.
 */
const NOT_TRADE_CURRENCIES: ReadonlySet<string> = new Set([
  'XAG',
  'XAU',
  'XPD',
  'XPT',
  'XBA',
  'XBB',
  'XBC',
  'XBD',
  'XDR',
  'XSU',
  'XUA',
  'XTS',
  'XXX',
]);

/**
 * Why `code` cannot be the currency a company quotes or charges in, or undefined when it can:
 * it must be an ISO 4217 code (capitals) of a currency in circulation. Fund codes (BOV, CLF,
 * USN…) and the X-codes above are refused; the CFA francs, CFP franc and East Caribbean dollar
 * are real money and pass.
 */
export function tradeCurrencyProblem(code: string): string | undefined {
  if (!/^[A-Z]{3}$/.test(code)) return 'must be a three-letter ISO 4217 code such as USD';
  if (NOT_TRADE_CURRENCIES.has(code))
    return `${code} is a metal, unit of account or test code, not money goods are priced in; use a currency such as USD`;
  if (!knownCurrencies.has(code))
    return `${code} is not a currency in circulation (ISO 4217 fund codes are not accepted); use a currency such as USD`;
  return undefined;
}

/** Builds Money from a decimal string or Decimal; numbers are refused because they are floats. */
export function money(amount: string | Decimal, currency: string): Money {
  if (typeof amount === 'string' && !DECIMAL_TEXT.test(amount)) {
    throw new MoneyError(`amount "${amount}" is not a plain decimal number such as "1234.50"`);
  }
  if (!(amount instanceof Decimal) && typeof amount !== 'string') {
    throw new MoneyError(
      'amount must be a decimal string or a Decimal, not a floating-point number',
    );
  }
  return { amount: new Decimal(amount), currency: assertCurrency(currency) };
}

/** Builds Money from integer minor units (cents for USD, yen for JPY). */
export function moneyFromMinor(minorUnits: bigint, currency: string): Money {
  const digits = currencyDigits(currency);
  return {
    amount: new Decimal(minorUnits.toString()).dividedBy(new Decimal(10).pow(digits)),
    currency,
  };
}

export function isMoney(value: unknown): value is Money {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Money>;
  return Decimal.isDecimal(candidate.amount) && typeof candidate.currency === 'string';
}

/** Number of minor-unit digits of a currency according to CLDR (2 for USD, 0 for JPY, 3 for KWD). */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', {
    style: 'currency',
    currency: assertCurrency(currency),
  }).resolvedOptions().maximumFractionDigits as number;
}

/** Rounds half-up to the currency's minor unit, the way invoices are rounded. */
export function roundToMinor(value: Money): Money {
  return {
    amount: value.amount.toDecimalPlaces(currencyDigits(value.currency), Decimal.ROUND_HALF_UP),
    currency: value.currency,
  };
}

export function toMinorUnits(value: Money): bigint {
  const rounded = roundToMinor(value);
  return BigInt(
    rounded.amount.times(new Decimal(10).pow(currencyDigits(value.currency))).toFixed(0),
  );
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) {
    throw new MoneyError(`cannot add ${a.currency} and ${b.currency}`);
  }
  return { amount: a.amount.plus(b.amount), currency: a.currency };
}

export function multiplyMoney(value: Money, factor: number | Decimal): Money {
  if (typeof factor === 'number' && !Number.isInteger(factor)) {
    throw new MoneyError('multiply money by an integer quantity or a Decimal');
  }
  return { amount: value.amount.times(factor), currency: value.currency };
}

export function zeroMoney(currency: string): Money {
  return { amount: new Decimal(0), currency: assertCurrency(currency) };
}

/**
 * Formats with Intl.NumberFormat from the decimal string, so no float conversion happens even for
 * amounts beyond 2^53 minor units. Shows at least the currency's minor digits and keeps extra
 * precision that unit prices carry (USD 0.035).
 */
export function formatMoney(value: Money, locale: string): string {
  const digits = currencyDigits(value.currency);
  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: value.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: Math.max(digits, value.amount.decimalPlaces()),
  });
  // Intl.NumberFormat v3 formats decimal strings exactly; the lib typings only list number | bigint.
  return formatter.format(value.amount.toFixed() as unknown as number);
}
