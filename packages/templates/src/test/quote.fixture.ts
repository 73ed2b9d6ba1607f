import { money } from '../money';
import { incoterm } from '../incoterms';
import { createQuote, currentRevision, type Quote, type QuoteInput } from '../quote.model';
import type { Letterhead } from '../quote-pdf.renderer';

export const quoteInput: QuoteInput = {
  number: 'Q-2026-0147',
  issuedOn: '2026-11-23',
  validUntil: '2026-12-31',
  timeZone: 'Asia/Shanghai',
  currency: 'USD',
  buyer: { name: 'Maria Santos', company: 'Iluminação Paulista Ltda.' },
  lines: [
    {
      product: 'LED Panel 600x600 40W',
      model: 'BW-P6060-40',
      specs: ['4000K', 'CRI>80', '100-240V AC', 'UGR<19'],
      quantity: 2000,
      priceBreaks: [
        { minQuantity: 500, unitPrice: money('12.80', 'USD') },
        { minQuantity: 1000, unitPrice: money('11.95', 'USD') },
        { minQuantity: 5000, unitPrice: money('11.20', 'USD') },
      ],
      moq: 500,
      hsCode: '9405.42',
    },
    {
      product: 'Emergency Driver 3h',
      model: 'BW-EM3',
      specs: ['3 h backup', 'Li-ion 7.4V'],
      quantity: 150,
      priceBreaks: [{ minQuantity: 100, unitPrice: money('7.035', 'USD') }],
      moq: 100,
      hsCode: '8504.40',
    },
  ],
  incoterm: incoterm('FOB', 'Ningbo'),
  portOfLoading: 'Ningbo',
  paymentTerms: 'T/T 30/70',
  packing: '10 pcs/carton, 62x62x45 cm',
  leadTimeDays: { min: 25, max: 30 },
};

export function sampleQuote(): Quote {
  return currentRevision(createQuote(quoteInput));
}

export const letterhead: Letterhead = {
  companyName: 'Ningbo Brightway Lighting Co., Ltd. 宁波明途照明有限公司',
  addressLines: ['No. 88 Jinhai Road, Beilun District', 'Ningbo 315800, China'],
  phone: '+86 574 8765 4321',
  email: 'sales@brightway-lighting.com',
  website: 'www.brightway-lighting.com',
};
