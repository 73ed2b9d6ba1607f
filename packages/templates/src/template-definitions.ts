import { money } from './money';

export type VariableType = 'text' | 'integer' | 'money' | 'date' | 'signature';

/** Declared variables of one template; `buyerName` and `rep` are common to all of them. */
export interface TemplateDefinition {
  readonly id: string;
  readonly variables: Readonly<Record<string, VariableType>>;
  /** Values a preview or a test can render the template with. */
  readonly sample?: Readonly<Record<string, unknown>>;
}

/** The rep's signature: every message closes with all of it. */
export interface Signature {
  readonly name: string;
  readonly title: string;
  readonly company: string;
  readonly phone: string;
  readonly email: string;
  readonly website: string;
}

export const SIGNATURE_FIELDS: readonly (keyof Signature)[] = [
  'name',
  'title',
  'company',
  'phone',
  'email',
  'website',
];

export const COMMON_VARIABLES: Readonly<Record<string, VariableType>> = {
  buyerName: 'text',
  rep: 'signature',
};

const sampleRep: Signature = {
  name: 'Chen Jing',
  title: 'Export Sales Manager',
  company: 'Ningbo Brightway Lighting Co., Ltd.',
  phone: '+86 574 8765 4321',
  email: 'chen.jing@brightway-lighting.com',
  website: 'www.brightway-lighting.com',
};

const sampleCommon = { buyerName: 'Maria Santos', rep: sampleRep };

export const SHIPPED_DEFINITIONS: readonly TemplateDefinition[] = [
  {
    id: 'first-reply',
    variables: { product: 'text', quantity: 'integer', quoteDate: 'date' },
    sample: {
      ...sampleCommon,
      product: 'LED Panel 600x600 40W',
      quantity: 2000,
      quoteDate: '2026-11-25',
    },
  },
  {
    id: 'request-details',
    variables: { product: 'text' },
    sample: { ...sampleCommon, product: 'LED Panel 600x600 40W' },
  },
  {
    id: 'sample-offer',
    variables: {
      product: 'text',
      sampleFee: 'money',
      creditQuantity: 'integer',
      dispatchDays: 'integer',
    },
    sample: {
      ...sampleCommon,
      product: 'LED Panel 600x600 40W',
      sampleFee: money('85.00', 'USD'),
      creditQuantity: 1000,
      dispatchDays: 3,
    },
  },
  {
    id: 'sample-offer-free',
    variables: { product: 'text', freeUpTo: 'money', dispatchDays: 'integer' },
    sample: {
      ...sampleCommon,
      product: 'LED Panel 600x600 40W',
      freeUpTo: money('100.00', 'USD'),
      dispatchDays: 3,
    },
  },
  {
    id: 'sample-offer-catalogue',
    variables: { product: 'text' },
    sample: { ...sampleCommon, product: 'LED Panel 600x600 40W' },
  },
  {
    id: 'quote-cover',
    variables: {
      product: 'text',
      quoteNumber: 'text',
      incoterm: 'text',
      totalAmount: 'money',
      validUntil: 'date',
    },
    sample: {
      ...sampleCommon,
      product: 'LED Panel 600x600 40W',
      quoteNumber: 'Q-2026-0147',
      incoterm: 'FOB Ningbo',
      totalAmount: money('23960.00', 'USD'),
      validUntil: '2026-12-31',
    },
  },
  {
    id: 'follow-up-1',
    variables: { product: 'text', quoteNumber: 'text', quoteDate: 'date' },
    sample: {
      ...sampleCommon,
      product: 'LED Panel 600x600 40W',
      quoteNumber: 'Q-2026-0147',
      quoteDate: '2026-11-20',
    },
  },
  {
    id: 'follow-up-2',
    variables: { product: 'text', quoteNumber: 'text', validUntil: 'date' },
    sample: {
      ...sampleCommon,
      product: 'LED Panel 600x600 40W',
      quoteNumber: 'Q-2026-0147',
      validUntil: '2026-12-31',
    },
  },
  {
    id: 'follow-up-3',
    variables: { product: 'text', quoteNumber: 'text' },
    sample: { ...sampleCommon, product: 'LED Panel 600x600 40W', quoteNumber: 'Q-2026-0147' },
  },
  {
    id: 'holiday-greeting',
    variables: { holidayName: 'text', officeClosedFrom: 'date', officeReopensOn: 'date' },
    sample: {
      ...sampleCommon,
      holidayName: 'Chinese New Year',
      officeClosedFrom: '2027-02-04',
      officeReopensOn: '2027-02-15',
    },
  },
  {
    id: 'out-of-office',
    variables: { returnDate: 'date', colleagueName: 'text', colleagueEmail: 'text' },
    sample: {
      ...sampleCommon,
      returnDate: '2026-12-07',
      colleagueName: 'Li Wei',
      colleagueEmail: 'li.wei@brightway-lighting.com',
    },
  },
  {
    id: 'price-change',
    variables: { product: 'text', changePercent: 'integer', effectiveDate: 'date' },
    sample: {
      ...sampleCommon,
      product: 'LED Panel 600x600 40W',
      changePercent: 6,
      effectiveDate: '2027-01-01',
    },
  },
  {
    id: 'acknowledgement',
    variables: { topic: 'text', answerBy: 'date' },
    sample: { ...sampleCommon, topic: 'LED Panel 600x600 40W', answerBy: '2026-11-26' },
  },
  {
    id: 'polite-decline',
    variables: { product: 'text' },
    sample: { ...sampleCommon, product: 'Solar Street Light 200W' },
  },
  {
    id: 'dispute-acknowledge',
    variables: { orderNumber: 'text', replyBy: 'date' },
    sample: { ...sampleCommon, orderNumber: 'PO-88213', replyBy: '2026-11-25' },
  },
  {
    id: 'dispute-propose-solution',
    variables: { orderNumber: 'text', refundAmount: 'money' },
    sample: { ...sampleCommon, orderNumber: 'PO-88213', refundAmount: money('1240.00', 'USD') },
  },
  {
    id: 'dispute-request-evidence',
    variables: { orderNumber: 'text', evidenceDeadline: 'date' },
    sample: { ...sampleCommon, orderNumber: 'PO-88213', evidenceDeadline: '2026-11-28' },
  },
];
