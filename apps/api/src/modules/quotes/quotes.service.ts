import { Injectable } from '@nestjs/common';
import {
  calendarDateIn,
  createQuote,
  currencyDigits,
  currentRevision,
  followUpSchedule,
  FollowUpScheduleError,
  formatIncoterm,
  isExpired,
  type Quote,
  type QuoteInput,
  QuoteValidationError,
  quoteTotals,
  renderQuotePdf,
  reviseQuote,
} from '@inquiry/templates';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { AppConfig } from '../../config/app-config';
import type { QuoteEntity } from '../../database/entities';
import { isUniqueViolation } from '../../database/unique-violation';
import { BlobStore } from '../../storage/blob-store';
import type { DraftResponseDto } from '../drafts/drafts.dto';
import { DraftsService } from '../drafts/drafts.service';
import { asValidationError } from '../drafts/reply.errors';
import {
  quotedProducts,
  quoteReference,
  toModelLines,
  toQuoteModel,
  toStoredLines,
} from './quote-model.mapping';
import type { CreateQuoteDto, QuoteResponseDto, ReviseQuoteDto } from './quotes.dto';
import { type NewQuote, QuotesRepository } from './quotes.repository';

/**
 * RFQ answers: quotes with exact money, revisions that keep what was sent, validity computed
 * in the seller's time zone when read (so "expired" is never stale and needs no job), and
 * the PDF plus cover mail in the buyer's language.
 */
@Injectable()
export class QuotesService {
  constructor(
    private readonly repository: QuotesRepository,
    private readonly drafts: DraftsService,
    private readonly blobs: BlobStore,
    private readonly config: AppConfig,
  ) {}

  async create(
    inquiryId: number,
    dto: CreateQuoteDto,
    rep: string,
    now = new Date(),
  ): Promise<QuoteResponseDto> {
    const inquiry = await this.drafts.inquiry(inquiryId);
    const buyer = {
      name: dto.buyerName ?? (inquiry.contact?.name?.trim() || inquiry.message.fromName.trim()),
      company: dto.buyerCompany ?? inquiry.contact?.company?.trim() ?? '',
    };
    if (buyer.name === '') throw unknownBuyer('buyerName', "the buyer's name");
    if (buyer.company === '') throw unknownBuyer('buyerCompany', "the buyer's company");
    const quote = validated(() =>
      currentRevision(
        createQuote({
          number: 'new',
          issuedOn: dto.issuedOn ?? calendarDateIn(now, dto.timeZone),
          validUntil: dto.validUntil,
          timeZone: dto.timeZone,
          currency: dto.currency,
          buyer,
          lines: toModelLines(toStoredLines(dto.lines), dto.currency),
          incoterm: {
            code: dto.incoterm.code as QuoteInput['incoterm']['code'],
            namedPlace: dto.incoterm.namedPlace,
          },
          portOfLoading: dto.portOfLoading,
          paymentTerms: dto.paymentTerms,
          packing: dto.packing,
          leadTimeDays: { min: dto.leadTimeDays.min, max: dto.leadTimeDays.max },
          ...(dto.notes ? { notes: dto.notes } : {}),
        }),
      ),
    );
    const saved = await this.repository.insertFirstIssue({
      ...this.columns(quote, followUpDays(dto.followUpDays ?? this.config.followUpDays)),
      inquiryId,
      supersedesId: null,
      locale: dto.locale ?? this.drafts.buyerLocale(inquiry),
      createdBy: rep,
      sentAt: null,
      createdAt: now,
    });
    return this.toResponse(saved, null, now);
  }

  /** A new revision superseding the latest one; the earlier one stays exactly as it was. */
  async revise(
    id: number,
    dto: ReviseQuoteDto,
    rep: string,
    now = new Date(),
  ): Promise<QuoteResponseDto> {
    const current = await this.latest(id);
    const {
      reason,
      locale,
      followUpDays: days,
      buyerName,
      buyerCompany,
      lines,
      incoterm,
      leadTimeDays,
      ...plain
    } = dto;
    const changes: Partial<Omit<QuoteInput, 'number'>> = {
      ...withoutUndefined(plain),
      ...(buyerName || buyerCompany
        ? {
            buyer: {
              name: buyerName ?? current.buyerName,
              company: buyerCompany ?? current.buyerCompany,
            },
          }
        : {}),
      ...(lines ? { lines: toModelLines(toStoredLines(lines), current.currency) } : {}),
      ...(incoterm
        ? {
            incoterm: {
              code: incoterm.code as QuoteInput['incoterm']['code'],
              namedPlace: incoterm.namedPlace,
            },
          }
        : {}),
      ...(leadTimeDays ? { leadTimeDays: { min: leadTimeDays.min, max: leadTimeDays.max } } : {}),
    };
    const history = { number: current.number, revisions: [toQuoteModel(current)] };
    const next = validated(() => currentRevision(reviseQuote(history, changes, reason)));
    try {
      const saved = await this.repository.insertRevision({
        ...this.columns(next, days ? followUpDays(days) : current.followUpDays),
        number: current.number,
        inquiryId: current.inquiryId,
        supersedesId: current.id,
        locale: locale ?? current.locale,
        createdBy: rep,
        sentAt: null,
        createdAt: now,
      });
      return this.toResponse(saved, null, now);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw superseded(current, await this.repository.successorOf(current.id));
    }
  }

  async get(id: number, now = new Date()): Promise<QuoteResponseDto> {
    const quote = await this.find(id);
    return this.toResponse(quote, await this.repository.successorOf(id), now);
  }

  async ofInquiry(inquiryId: number, now = new Date()): Promise<QuoteResponseDto[]> {
    await this.drafts.inquiry(inquiryId);
    const quotes = await this.repository.ofInquiry(inquiryId);
    const successors = new Map(
      quotes.filter((q) => q.supersedesId !== null).map((q) => [q.supersedesId!, q.id]),
    );
    return quotes.map((quote) => this.toResponse(quote, successors.get(quote.id) ?? null, now));
  }

  /** The quotation PDF, letterhead from the quoting rep's profile. */
  async pdf(id: number, locale?: string): Promise<{ filename: string; content: Buffer }> {
    const quote = await this.find(id);
    const profile = await this.drafts.profileOf(quote.createdBy);
    const content = await renderQuotePdf(toQuoteModel(quote), locale ?? quote.locale, {
      companyName: profile.company,
      addressLines: profile.addressLines,
      phone: profile.phone,
      email: profile.email,
      website: profile.website,
    });
    return {
      filename: `${quote.number}${quote.revision > 0 ? `-R${quote.revision}` : ''}.pdf`,
      content,
    };
  }

  /** The cover mail with the PDF attached, as a draft to review, approve and send. */
  async coverDraft(
    id: number,
    locale: string | undefined,
    rep: string,
    now = new Date(),
  ): Promise<DraftResponseDto> {
    const quote = await this.latest(id);
    if (isExpired(quote, now)) {
      throw new DomainError(
        ErrorCode.QuoteExpired,
        `quote ${quote.number} expired on ${quote.validUntil}; revise it with a new validity date first`,
      );
    }
    const language = locale ?? quote.locale;
    const pdf = await this.pdf(id, language);
    const model = toQuoteModel(quote);
    return this.drafts.create({
      inquiryId: quote.inquiryId,
      kind: 'quote-cover',
      templateId: 'quote-cover',
      locale: language,
      quoteId: quote.id,
      rep,
      variables: {
        product: quotedProducts(quote),
        quoteNumber: quoteReference(quote),
        incoterm: formatIncoterm(model.incoterm),
        totalAmount: quoteTotals(model).total,
        validUntil: quote.validUntil,
      },
      attachments: [
        {
          filename: pdf.filename,
          contentType: 'application/pdf',
          sha256: await this.blobs.put(pdf.content),
          size: pdf.content.length,
        },
      ],
    });
  }

  private async find(id: number): Promise<QuoteEntity> {
    const quote = await this.repository.findById(id);
    if (!quote) throw new DomainError(ErrorCode.QuoteNotFound, `quote ${id} does not exist`);
    return quote;
  }

  private async latest(id: number): Promise<QuoteEntity> {
    const quote = await this.find(id);
    const successor = await this.repository.successorOf(id);
    if (successor !== null) throw superseded(quote, successor);
    return quote;
  }

  private columns(
    quote: Quote,
    days: number[],
  ): Omit<
    NewQuote,
    'inquiryId' | 'supersedesId' | 'locale' | 'createdBy' | 'sentAt' | 'createdAt'
  > {
    const digits = currencyDigits(quote.currency);
    return {
      revision: quote.revision,
      revisionReason: quote.revisionReason ?? null,
      currency: quote.currency,
      buyerName: quote.buyer.name,
      buyerCompany: quote.buyer.company,
      lines: quote.lines.map((line) => ({
        product: line.product,
        model: line.model,
        specs: [...line.specs],
        quantity: line.quantity,
        moq: line.moq,
        hsCode: line.hsCode,
        priceBreaks: line.priceBreaks.map((b) => ({
          minQuantity: b.minQuantity,
          unitPrice: b.unitPrice.amount.toFixed(),
        })),
      })),
      incotermCode: quote.incoterm.code,
      incotermPlace: quote.incoterm.namedPlace,
      portOfLoading: quote.portOfLoading,
      paymentTerms: quote.paymentTerms,
      packing: quote.packing,
      leadTimeMinDays: quote.leadTimeDays.min,
      leadTimeMaxDays: quote.leadTimeDays.max,
      issuedOn: quote.issuedOn,
      validUntil: quote.validUntil,
      timeZone: quote.timeZone,
      notes: quote.notes ?? null,
      totalAmount: quoteTotals(quote).total.amount.toFixed(digits),
      followUpDays: days,
    };
  }

  private toResponse(
    quote: QuoteEntity,
    supersededById: number | null,
    now: Date,
  ): QuoteResponseDto {
    const model = toQuoteModel(quote);
    const digits = currencyDigits(quote.currency);
    const priced = quoteTotals(model).lines;
    return {
      id: quote.id,
      inquiryId: quote.inquiryId,
      number: quote.number,
      revision: quote.revision,
      supersedesId: quote.supersedesId,
      supersededById,
      revisionReason: quote.revisionReason,
      currency: quote.currency,
      buyer: { name: quote.buyerName, company: quote.buyerCompany },
      lines: quote.lines.map((line, index) => ({
        ...line,
        unitPrice: priced[index]!.unitPrice.amount.toFixed(),
        amount: priced[index]!.amount.amount.toFixed(digits),
      })),
      total: quote.totalAmount,
      incoterm: { code: quote.incotermCode, namedPlace: quote.incotermPlace },
      portOfLoading: quote.portOfLoading,
      paymentTerms: quote.paymentTerms,
      packing: quote.packing,
      leadTimeDays: { min: quote.leadTimeMinDays, max: quote.leadTimeMaxDays },
      issuedOn: quote.issuedOn,
      validUntil: quote.validUntil,
      timeZone: quote.timeZone,
      expired: isExpired(quote, now),
      notes: quote.notes,
      locale: quote.locale,
      followUpDays: quote.followUpDays,
      sentAt: quote.sentAt,
      createdBy: quote.createdBy,
      createdAt: quote.createdAt,
    };
  }
}

/** Fields the client left out must not overwrite the previous revision's values. */
function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined),
  ) as Partial<T>;
}

/** Model errors as a 400 on the request's own field names (`buyerCompany`, not `buyer.company`). */
function validated<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof QuoteValidationError && BUYER_FIELDS.has(error.field)) {
      throw asValidationError(
        new QuoteValidationError(BUYER_FIELDS.get(error.field)!, error.reason),
      );
    }
    throw asValidationError(error);
  }
}

const BUYER_FIELDS: ReadonlyMap<string, string> = new Map([
  ['buyer.name', 'buyerName'],
  ['buyer.company', 'buyerCompany'],
]);

function unknownBuyer(field: 'buyerName' | 'buyerCompany', what: string): DomainError {
  const reason = `is required: ${what} is not known from the inquiry`;
  return new DomainError(ErrorCode.ValidationFailed, `${field}: ${reason}`, [{ field, reason }]);
}

function followUpDays(chosen: number[]): number[] {
  try {
    followUpSchedule(new Date(), chosen);
  } catch (error) {
    if (!(error instanceof FollowUpScheduleError)) throw error;
    throw new DomainError(ErrorCode.ValidationFailed, `followUpDays: ${error.message}`, [
      { field: 'followUpDays', reason: error.message },
    ]);
  }
  return chosen;
}

function superseded(quote: QuoteEntity, successor: number | null): DomainError {
  return new DomainError(
    ErrorCode.QuoteSuperseded,
    `quote ${quote.number} revision ${quote.revision} has been superseded${successor === null ? '' : ` by quote ${successor}`}; work on the latest revision`,
  );
}
