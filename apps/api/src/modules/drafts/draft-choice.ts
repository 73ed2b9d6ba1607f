import type { Tier } from '../../database/entities';

/** What the buyer is asking for, read from the subject and their own text. */
export type InquiryContent = 'sample-request' | 'quote-request' | 'general';

export interface ContentReading {
  content: InquiryContent;
  /** The quantity the buyer names ("2000 pcs", "500 unidades"), when there is one. */
  quantity: number | null;
}

export interface TemplateChoice {
  templateId: 'first-reply' | 'request-details' | 'acknowledgement';
  /** Plain-language reason shown to the rep next to the draft. */
  reason: string;
  /** A sample request is answered with an offer made from the company's sample policy. */
  next: 'sample-offer' | null;
}

const UNITS = [
  'pcs',
  'pc',
  'pieces',
  'piece',
  'units',
  'sets',
  'cartons',
  'unidades',
  'uds',
  'piezas',
  'peças',
  'unidades',
  'pièces',
  'stück',
  'stk',
  'шт',
  'штук',
  'adet',
  'sztuk',
  'szt',
  'stuks',
  'pezzi',
  'cái',
  'buah',
  'unit',
  '个',
  '件',
  '台',
  '套',
  '只',
  '개',
  '個',
  'قطعة',
];
const QUANTITY = new RegExp(
  `(\\d{1,3}(?:[.,  ]\\d{3})+|\\d+)\\s*(?:${UNITS.join('|')})(?![\\p{L}])`,
  'iu',
);

const SAMPLE_WORDS =
  /\b(samples?|muestras?|amostras?|échantillons?|muster|campion[ei]|próbk[ai]|monsters?|numune|sampel|mẫu)\b|образ[ец]|样品|样板|サンプル|샘플|عين[ةه]/iu;
const QUOTE_WORDS =
  /\b(quot(e|ation)|rfq|price|pricing|cotizaci[oó]n|precios?|cota[cç][aã]o|pre[cç]os?|devis|prix|angebot|preis|prezzo|offerta|cena|wycen[ay]|prijs|offerte|fiyat|teklif|báo giá|giá|penawaran|harga)\b|цен[ау]|предложени|报价|价格|見積|価格|견적|가격|سعر|أسعار|عرض/iu;

/** Reads the buyer's request; a mention of samples wins because it changes the answer most. */
export function readInquiryContent(subject: string, text: string): ContentReading {
  const all = `${subject}\n${text}`;
  const match = QUANTITY.exec(all);
  const quantity = match?.[1] ? Number(match[1].replace(/[.,  ]/g, '')) : null;
  const content: InquiryContent = SAMPLE_WORDS.test(all)
    ? 'sample-request'
    : QUOTE_WORDS.test(all)
      ? 'quote-request'
      : 'general';
  return {
    content,
    quantity: quantity !== null && Number.isSafeInteger(quantity) && quantity > 0 ? quantity : null,
  };
}

/**
 * The first answer by tier and content: a specific, high-tier request gets "quotation on its
 * way"; a general one is asked for the details a quotation needs; a sample request is
 * acknowledged while the rep prepares the offer. Tier D (spam, scam, spy) gets no sales reply.
 */
export function chooseTemplate(tier: Tier | null, reading: ContentReading): TemplateChoice | null {
  if (tier === 'D') return null;
  if (reading.content === 'sample-request') {
    return {
      templateId: 'acknowledgement',
      reason:
        'The buyer asks for samples: acknowledge now, then send the offer from the sample policy.',
      next: 'sample-offer',
    };
  }
  const specific = reading.quantity !== null && (tier === 'A' || tier === 'B');
  if (specific) {
    return {
      templateId: 'first-reply',
      reason: `A specific request (${reading.quantity} units, tier ${tier}): confirm the quotation is on its way.`,
      next: null,
    };
  }
  return {
    templateId: 'request-details',
    reason:
      reading.quantity === null
        ? 'No quantity given: ask for the details a quotation needs.'
        : `Tier ${tier ?? 'unknown'}: ask for the details before quoting.`,
    next: null,
  };
}

const SUBJECT_PREFIX =
  /^\s*((re|fw|fwd|aw|wg|sv|vs|rv|enc|tr|antw|odp|ynt|回复|转发|答复)\s*[:：]\s*)+/iu;
const LABEL = /^[^:：]{1,25}[:：]\s*/u;
/**
 * Separators left where the quantity was cut out, and the subject's own end punctuation: the
 * template puts the product mid-sentence ("Kugelhähne DN50 PN40,." otherwise). Closing brackets
 * and quotes stay, they belong to the name.
 */
const EDGE_PUNCTUATION =
  /^[\s,;:.!?¿¡、，。；：！？…\-–—/|]+|[\s,;:.!?¿¡、，。；：！？…\-–—/|]+$/gu;

/** The product as the buyer names it in the subject, without reply prefixes, labels or quantity. */
export function productFromSubject(subject: string): string {
  const withoutPrefix = subject.replace(SUBJECT_PREFIX, '');
  const withoutLabel = withoutPrefix.replace(LABEL, '');
  const product = withoutLabel
    .replace(new RegExp(`${QUANTITY.source}\\s*(of|de|do|da|von|di)?\\s*`, 'iu'), '')
    .replace(EDGE_PUNCTUATION, '');
  return product || withoutPrefix.trim() || subject.trim();
}
