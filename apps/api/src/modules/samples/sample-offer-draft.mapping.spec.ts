import {
  applySamplePolicy,
  money,
  type SamplePolicy,
  type SampleRequest,
} from '@inquiry/templates';
import { sampleOfferDraft } from './sample-offer-draft.mapping';

const policy: SamplePolicy = {
  currency: 'USD',
  freeUpToValue: money('30.00', 'USD'),
  paid: { creditOnOrderOfAtLeast: 1000 },
  requireVerifiedBuyer: true,
};
const terms = { freeUpTo: policy.freeUpToValue, dispatchDays: 3 };
const panel = {
  sku: 'P-40',
  description: 'LED Panel 600x600 40W',
  quantity: 2,
  unitValue: money('42.50', 'USD'),
};
const clip = {
  sku: 'MK-1',
  description: 'Mounting clip',
  quantity: 3,
  unitValue: money('1.20', 'USD'),
};

function draftFor(request: SampleRequest) {
  return sampleOfferDraft(applySamplePolicy(policy, request), request.items, terms);
}

describe('sampleOfferDraft', () => {
  it('quotes the fee and the credit quantity of a paid offer', () => {
    const draft = draftFor({ items: [panel, panel], buyerVerified: true });
    expect(draft.templateId).toBe('sample-offer');
    expect(draft.variables).toEqual({
      product: 'LED Panel 600x600 40W',
      sampleFee: money('170.00', 'USD'),
      creditQuantity: 1000,
      dispatchDays: 3,
    });
  });

  it('names the free allowance of a free offer', () => {
    const draft = draftFor({ items: [clip], buyerVerified: true });
    expect(draft).toEqual({
      templateId: 'sample-offer-free',
      variables: { product: 'Mounting clip', freeUpTo: money('30.00', 'USD'), dispatchDays: 3 },
    });
  });

  it('names the requested products in a catalogue offer, which ships none', () => {
    const draft = draftFor({ items: [panel, clip], buyerVerified: false });
    expect(draft).toEqual({
      templateId: 'sample-offer-catalogue',
      variables: { product: 'LED Panel 600x600 40W, Mounting clip' },
    });
  });
});
