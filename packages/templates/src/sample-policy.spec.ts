import { money } from './money';
import {
  applySamplePolicy,
  SamplePolicyError,
  type SamplePolicy,
  type SampleRequest,
} from './sample-policy';

const policy: SamplePolicy = {
  currency: 'USD',
  freeUpToValue: money('30.00', 'USD'),
  paid: { creditOnOrderOfAtLeast: 1000 },
  requireVerifiedBuyer: true,
};

const panel = {
  sku: 'BW-P6060-40',
  description: 'LED Panel 600x600 40W',
  quantity: 2,
  unitValue: money('12.80', 'USD'),
};
const request: SampleRequest = { items: [panel], buyerVerified: true };

describe('applySamplePolicy', () => {
  it('sends samples within the free value free of charge, freight collect', () => {
    const offer = applySamplePolicy(policy, request);
    expect(offer.kind).toBe('free');
    expect(offer.fee.amount.toFixed(2)).toBe('0.00');
    expect(offer.sampleValue.amount.toFixed(2)).toBe('25.60');
    expect(offer.freight).toEqual({ payer: 'freight-collect' });
    expect(offer.credit).toBeUndefined();
  });

  it('puts the freight on the buyer’s courier account when one is given', () => {
    const offer = applySamplePolicy(policy, {
      ...request,
      buyerCourierAccount: { carrier: 'DHL', accountNumber: '960123456' },
    });
    expect(offer.freight).toEqual({
      payer: 'buyer-courier-account',
      carrier: 'DHL',
      accountNumber: '960123456',
    });
  });

  it('charges samples above the free value and credits the fee on a large enough first order', () => {
    const offer = applySamplePolicy(policy, { ...request, items: [{ ...panel, quantity: 3 }] });
    expect(offer.kind).toBe('paid');
    expect(offer.fee).toEqual(money('38.40', 'USD'));
    expect(offer.credit).toEqual({ amount: money('38.40', 'USD'), onOrderOfAtLeast: 1000 });
  });

  it('adds values exactly: 0.10 + 0.20 is within a 0.30 limit', () => {
    const tiny: SamplePolicy = { ...policy, freeUpToValue: money('0.30', 'USD') };
    const items = [
      { sku: 'A', description: 'Washer', quantity: 1, unitValue: money('0.10', 'USD') },
      { sku: 'B', description: 'Screw', quantity: 1, unitValue: money('0.20', 'USD') },
    ];
    expect(applySamplePolicy(tiny, { ...request, items }).kind).toBe('free');
  });

  it('offers a catalogue instead when the company does not sell samples above the free value', () => {
    const offer = applySamplePolicy(
      { ...policy, paid: undefined },
      { ...request, items: [{ ...panel, quantity: 5 }] },
    );
    expect(offer).toEqual(
      expect.objectContaining({
        kind: 'catalogue',
        reason: 'above-free-value-no-paid-samples',
        items: [],
      }),
    );
    expect(offer.freight).toBeUndefined();
  });

  it('offers a catalogue to a buyer the rep has not verified', () => {
    expect(applySamplePolicy(policy, { ...request, buyerVerified: false }).reason).toBe(
      'buyer-not-verified',
    );
    expect(
      applySamplePolicy(
        { ...policy, requireVerifiedBuyer: false },
        { ...request, buyerVerified: false },
      ).kind,
    ).toBe('free');
  });

  it('offers a catalogue to a buyer who refuses to pay even the freight', () => {
    expect(applySamplePolicy(policy, { ...request, buyerRefusesFreight: true })).toEqual(
      expect.objectContaining({ kind: 'catalogue', reason: 'buyer-refuses-freight' }),
    );
  });

  it.each([
    [{ ...request, items: [] }, /request.items is empty/],
    [
      { ...request, items: [{ ...panel, quantity: 1.5 }] },
      /items\[0\].quantity must be a positive whole number/,
    ],
    [
      { ...request, items: [{ ...panel, unitValue: money('80', 'EUR') }] },
      /items\[0\].unitValue is in EUR, policy currency is USD/,
    ],
  ])('rejects a bad request with the field named', (bad, message) => {
    expect(() => applySamplePolicy(policy, bad)).toThrow(SamplePolicyError);
    expect(() => applySamplePolicy(policy, bad)).toThrow(message);
  });
});
