import { money, type Quote, type QuoteInput } from '@inquiry/templates';
import type { QuoteEntity, StoredQuoteLine } from '../../database/entities';
import type { QuoteLineDto } from './quotes.dto';

/** A stored revision as the templates package's quote model (prices as exact Money). */
export function toQuoteModel(entity: QuoteEntity): Quote {
  return {
    number: entity.number,
    revision: entity.revision,
    ...(entity.revisionReason ? { revisionReason: entity.revisionReason } : {}),
    issuedOn: entity.issuedOn,
    validUntil: entity.validUntil,
    timeZone: entity.timeZone,
    currency: entity.currency,
    buyer: { name: entity.buyerName, company: entity.buyerCompany },
    lines: toModelLines(entity.lines, entity.currency),
    incoterm: {
      code: entity.incotermCode as Quote['incoterm']['code'],
      namedPlace: entity.incotermPlace,
    },
    portOfLoading: entity.portOfLoading,
    paymentTerms: entity.paymentTerms,
    packing: entity.packing,
    leadTimeDays: { min: entity.leadTimeMinDays, max: entity.leadTimeMaxDays },
    ...(entity.notes ? { notes: entity.notes } : {}),
  };
}

export function toModelLines(
  lines: readonly StoredQuoteLine[],
  currency: string,
): QuoteInput['lines'] {
  return lines.map((line) => ({
    ...line,
    priceBreaks: line.priceBreaks.map((priceBreak) => ({
      minQuantity: priceBreak.minQuantity,
      unitPrice: money(priceBreak.unitPrice, currency),
    })),
  }));
}

export function toStoredLines(lines: readonly QuoteLineDto[]): StoredQuoteLine[] {
  return lines.map((line) => ({
    product: line.product,
    model: line.model,
    specs: line.specs,
    quantity: line.quantity,
    moq: line.moq,
    hsCode: line.hsCode,
    priceBreaks: line.priceBreaks.map(({ minQuantity, unitPrice }) => ({ minQuantity, unitPrice })),
  }));
}

/** How mails name the quote: its number, with the revision once it has been revised. */
export function quoteReference(quote: Pick<QuoteEntity, 'number' | 'revision'>): string {
  return quote.revision > 0 ? `${quote.number}-R${quote.revision}` : quote.number;
}

/** The products a quote covers, each once, as a mail's subject names them. */
export function quotedProducts(quote: Pick<QuoteEntity, 'lines'>): string {
  return [...new Set(quote.lines.map((line) => line.product))].join(', ');
}
