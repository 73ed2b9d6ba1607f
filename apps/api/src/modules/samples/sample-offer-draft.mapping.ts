import type { Money, SampleOffer, SampleRequestItem } from '@inquiry/templates';

/** What the offer mail needs beyond the offer itself: the company policy's terms. */
export interface SampleDraftTerms {
  freeUpTo: Money;
  dispatchDays: number;
}

export interface SampleDraftTemplate {
  templateId: 'sample-offer' | 'sample-offer-free' | 'sample-offer-catalogue';
  variables: Record<string, unknown>;
}

/**
 * The mail that goes with an offer. A catalogue offer ships nothing, so the product it names is
 * the one the buyer asked about (`requested`), not the offer's (empty) items.
 */
export function sampleOfferDraft(
  offer: SampleOffer,
  requested: readonly SampleRequestItem[],
  terms: SampleDraftTerms,
): SampleDraftTemplate {
  switch (offer.kind) {
    case 'paid':
      if (!offer.credit) throw new Error('a paid sample offer always carries its credit terms');
      return {
        templateId: 'sample-offer',
        variables: {
          product: productsOf(offer.items),
          sampleFee: offer.fee,
          creditQuantity: offer.credit.onOrderOfAtLeast,
          dispatchDays: terms.dispatchDays,
        },
      };
    case 'free':
      return {
        templateId: 'sample-offer-free',
        variables: {
          product: productsOf(offer.items),
          freeUpTo: terms.freeUpTo,
          dispatchDays: terms.dispatchDays,
        },
      };
    case 'catalogue':
      return {
        templateId: 'sample-offer-catalogue',
        variables: { product: productsOf(requested) },
      };
  }
}

function productsOf(items: readonly SampleRequestItem[]): string {
  return [...new Set(items.map((item) => item.description))].join(', ');
}
