import { Injectable } from '@nestjs/common';
import { calendarDateIn, isExpired, SHIPPED_DEFINITIONS } from '@inquiry/templates';
import { DomainError, ErrorCode } from '../../common/domain-error';
import type { FollowUpEntity, QuoteEntity } from '../../database/entities';
import type { FollowUpResponseDto, FollowUpUrgency, ListFollowUpsQueryDto } from './follow-ups.dto';
import { OfficeCalendar } from '../calendar/office-calendar';
import type { DraftResponseDto } from '../drafts/drafts.dto';
import { DraftsService } from '../drafts/drafts.service';
import { quotedProducts, quoteReference } from '../quotes/quote-model.mapping';
import { FollowUpsRepository } from './follow-ups.repository';

const DAY_MS = 86_400_000;
/** The shipped chases: follow-up-1 to follow-up-3. */
const FOLLOW_UP_TEMPLATES = 3;

/** The quote mail that went out: when, in which thread, and stored as which message. */
export interface SentQuoteMail {
  sentAt: Date;
  threadId: number | null;
  storedMessageId: number | null;
}

/** Chasing sent quotes: the schedule, cancellation when the buyer answers, and each rep's list. */
@Injectable()
export class FollowUpsService {
  constructor(
    private readonly repository: FollowUpsRepository,
    private readonly calendar: OfficeCalendar,
    private readonly drafts: DraftsService,
  ) {}

  /**
   * Creates the reminders for a sent quote, on working days, and retires those of the
   * revisions it replaces; safe to call twice.
   */
  async scheduleForQuote(quote: QuoteEntity, sent: SentQuoteMail, rep: string): Promise<void> {
    const now = new Date();
    await this.repository.cancelSuperseded(quote, now);
    await this.repository.insertSteps(
      this.calendar.followUps(sent.sentAt, quote.followUpDays).map((step) => ({
        quoteId: quote.id,
        inquiryId: quote.inquiryId,
        threadId: sent.threadId,
        rep,
        step: step.step,
        dueAt: step.dueAt,
        quoteSentAt: sent.sentAt,
        sentMessageId: sent.storedMessageId,
        status: 'pending',
        cancelledReason: null,
        closedAt: null,
        closedBy: null,
        createdAt: now,
      })),
    );
  }

  cancelAnswered(now = new Date()): Promise<number> {
    return this.repository.cancelAnswered(now);
  }

  /**
   * Due and overdue follow-ups of a rep. Answered threads are settled first, so the list is
   * right even between two scheduler runs.
   */
  async list(
    query: ListFollowUpsQueryDto,
    caller: string,
    now = new Date(),
  ): Promise<FollowUpResponseDto[]> {
    await this.repository.cancelAnswered(now);
    const rep = query.rep === 'all' ? undefined : (query.rep ?? caller);
    const until = new Date(now.getTime() + (query.aheadDays ?? 0) * DAY_MS);
    return (await this.repository.pendingDueBy(rep, until)).map((entry) => toResponse(entry, now));
  }

  async forQuotes(quoteIds: number[], now = new Date()): Promise<FollowUpResponseDto[]> {
    return (await this.repository.forQuotes(quoteIds)).map((entry) => toResponse(entry, now));
  }

  /**
   * The chase mail for a follow-up, as a draft in the quote's language: the first, second or
   * third follow-up template (the third for any later step), filled from the quote.
   */
  async draft(
    id: number,
    locale: string | undefined,
    rep: string,
    now = new Date(),
  ): Promise<DraftResponseDto> {
    const entry = await this.repository.findById(id);
    if (!entry?.quote) {
      throw new DomainError(ErrorCode.FollowUpNotFound, `follow-up ${id} does not exist`);
    }
    const quote = entry.quote;
    if (isExpired(quote, now)) {
      throw new DomainError(
        ErrorCode.QuoteExpired,
        `quote ${quoteReference(quote)} expired on ${quote.validUntil}; revise it with a new validity date and send the revision instead`,
      );
    }
    const templateId = `follow-up-${Math.min(entry.step, FOLLOW_UP_TEMPLATES)}`;
    const available: Record<string, unknown> = {
      product: quotedProducts(quote),
      quoteNumber: quoteReference(quote),
      quoteDate: calendarDateIn(quote.sentAt ?? entry.quoteSentAt, quote.timeZone),
      validUntil: quote.validUntil,
    };
    const declared = SHIPPED_DEFINITIONS.find((d) => d.id === templateId)?.variables ?? {};
    return this.drafts.create({
      inquiryId: entry.inquiryId,
      kind: 'reply',
      templateId,
      locale: locale ?? quote.locale,
      rep,
      variables: Object.fromEntries(Object.entries(available).filter(([name]) => name in declared)),
    });
  }

  async complete(id: number, by: string, now = new Date()): Promise<FollowUpResponseDto> {
    const entry = await this.repository.findById(id);
    if (!entry) throw new DomainError(ErrorCode.FollowUpNotFound, `follow-up ${id} does not exist`);
    await this.repository.close(id, by, now);
    return toResponse((await this.repository.findById(id))!, now);
  }
}

export function urgencyOf(dueAt: Date, now: Date): FollowUpUrgency {
  if (dueAt.getTime() > now.getTime()) return 'upcoming';
  return now.getTime() - dueAt.getTime() > DAY_MS ? 'overdue' : 'due';
}

function toResponse(entry: FollowUpEntity, now: Date): FollowUpResponseDto {
  return {
    id: entry.id,
    quoteId: entry.quoteId,
    quoteNumber: entry.quote?.number ?? '',
    inquiryId: entry.inquiryId,
    rep: entry.rep,
    step: entry.step,
    dueAt: entry.dueAt,
    status: entry.status,
    urgency: urgencyOf(entry.dueAt, now),
    quoteValidUntil: entry.quote?.validUntil ?? '',
    quoteExpired: entry.quote ? isExpired(entry.quote, now) : false,
    cancelledReason: entry.cancelledReason,
  };
}
