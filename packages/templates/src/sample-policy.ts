import {
  addMoney,
  assertCurrency,
  multiplyMoney,
  roundToMinor,
  zeroMoney,
  type Money,
} from './money';

/**
 * A company's sample rules. The usual ladder: free samples up to a small value (the buyer pays
 * the freight), paid samples whose fee is credited against a first order above a quantity, and a
 * catalogue or datasheet when a physical sample is not justified.
 */
export interface SamplePolicy {
  readonly currency: string;
  /** Samples worth up to this much (inclusive) are free of charge; zero disables free samples. */
  readonly freeUpToValue: Money;
  /** Above the free limit, the buyer pays the sample's value; omit to offer a catalogue instead. */
  readonly paid?: {
    /** The fee is credited against the buyer's first order of at least this many units. */
    readonly creditOnOrderOfAtLeast: number;
  };
  /** Physical samples only go to buyers the rep has checked (company, website, history). */
  readonly requireVerifiedBuyer: boolean;
}

export interface SampleRequestItem {
  readonly sku: string;
  readonly description: string;
  readonly quantity: number;
  /** Cost value of one sample unit. */
  readonly unitValue: Money;
}

export interface SampleRequest {
  readonly items: readonly SampleRequestItem[];
  readonly buyerVerified: boolean;
  /** The buyer's DHL/FedEx/UPS account, if given; freight then goes on it. */
  readonly buyerCourierAccount?: { readonly carrier: string; readonly accountNumber: string };
  /** The buyer said they will not pay even the freight: a warning sign, answered with a catalogue. */
  readonly buyerRefusesFreight?: boolean;
}

export type SampleOfferKind = 'free' | 'paid' | 'catalogue';
export type FreightPayer = 'buyer-courier-account' | 'freight-collect';

export type SampleOfferReason =
  | 'within-free-value'
  | 'above-free-value'
  | 'above-free-value-no-paid-samples'
  | 'buyer-not-verified'
  | 'buyer-refuses-freight';

export interface SampleOffer {
  readonly kind: SampleOfferKind;
  readonly reason: SampleOfferReason;
  /** The physical items offered; empty for a catalogue offer. */
  readonly items: readonly SampleRequestItem[];
  readonly sampleValue: Money;
  /** What the buyer pays for the samples themselves (freight is separate). */
  readonly fee: Money;
  /** Who pays the freight; absent when nothing physical is shipped. */
  readonly freight?: {
    readonly payer: FreightPayer;
    readonly carrier?: string;
    readonly accountNumber?: string;
  };
  readonly credit?: { readonly amount: Money; readonly onOrderOfAtLeast: number };
}

export class SamplePolicyError extends Error {
  override readonly name = 'SamplePolicyError';
}

export function applySamplePolicy(policy: SamplePolicy, request: SampleRequest): SampleOffer {
  const currency = assertCurrency(policy.currency);
  if (policy.freeUpToValue.currency !== currency) {
    throw new SamplePolicyError(
      `policy.freeUpToValue is in ${policy.freeUpToValue.currency}, policy currency is ${currency}`,
    );
  }
  if (
    policy.paid &&
    (!Number.isSafeInteger(policy.paid.creditOnOrderOfAtLeast) ||
      policy.paid.creditOnOrderOfAtLeast < 1)
  ) {
    throw new SamplePolicyError(
      'policy.paid.creditOnOrderOfAtLeast must be a positive whole quantity',
    );
  }
  if (request.items.length === 0) throw new SamplePolicyError('request.items is empty');
  const sampleValue = roundToMinor(
    request.items.reduce((sum, item, index) => {
      if (!Number.isSafeInteger(item.quantity) || item.quantity < 1) {
        throw new SamplePolicyError(
          `request.items[${index}].quantity must be a positive whole number`,
        );
      }
      if (item.unitValue.currency !== currency) {
        throw new SamplePolicyError(
          `request.items[${index}].unitValue is in ${item.unitValue.currency}, policy currency is ${currency}`,
        );
      }
      return addMoney(sum, multiplyMoney(item.unitValue, item.quantity));
    }, zeroMoney(currency)),
  );
  const none = zeroMoney(currency);
  const catalogue = (reason: SampleOfferReason): SampleOffer => ({
    kind: 'catalogue',
    reason,
    items: [],
    sampleValue,
    fee: none,
  });

  if (policy.requireVerifiedBuyer && !request.buyerVerified) return catalogue('buyer-not-verified');
  if (request.buyerRefusesFreight) return catalogue('buyer-refuses-freight');

  const freight = request.buyerCourierAccount
    ? { payer: 'buyer-courier-account' as const, ...request.buyerCourierAccount }
    : { payer: 'freight-collect' as const };
  if (
    sampleValue.amount.lessThanOrEqualTo(policy.freeUpToValue.amount) &&
    policy.freeUpToValue.amount.greaterThan(0)
  ) {
    return {
      kind: 'free',
      reason: 'within-free-value',
      items: request.items,
      sampleValue,
      fee: none,
      freight,
    };
  }
  if (!policy.paid) return catalogue('above-free-value-no-paid-samples');
  return {
    kind: 'paid',
    reason: 'above-free-value',
    items: request.items,
    sampleValue,
    fee: sampleValue,
    freight,
    credit: { amount: sampleValue, onOrderOfAtLeast: policy.paid.creditOnOrderOfAtLeast },
  };
}
