import { Injectable } from '@nestjs/common';
import { TRIAGE_RULES } from '@inquiry/triage';
import { DomainError, ErrorCode } from '../../common/domain-error';
import type { InquiryEntity, InquiryStatus, MessageEntity, Verdict } from '../../database/entities';
import { effectiveSlaDueAt, effectiveTier } from './effective-triage';
import {
  type InquiryDetailDto,
  type InquiryPageDto,
  type InquirySort,
  type InquirySummaryDto,
  type ListInquiriesQueryDto,
  type SignalDto,
  UNASSIGNED,
} from './inquiries.dto';
import { type InquiryRow, InquiriesRepository, type PageCursor } from './inquiries.repository';

const DEFAULT_PAGE_SIZE = 25;
const EXPLANATIONS = new Map(TRIAGE_RULES.map((rule) => [rule.id, rule.explanation]));

@Injectable()
export class InquiriesService {
  constructor(private readonly repository: InquiriesRepository) {}

  async list(query: ListInquiriesQueryDto): Promise<InquiryPageDto> {
    const sort = query.sort ?? '-receivedAt';
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.repository.page(
      {
        status: query.status,
        verdict: query.verdict,
        tier: query.tier,
        language: query.language,
        mailboxId: query.mailboxId,
        assignee: query.assignee === UNASSIGNED ? null : query.assignee,
        q: query.q,
        from: query.from,
        to: query.to,
      },
      sort,
      limit + 1,
      query.cursor === undefined ? undefined : decodeCursor(query.cursor, sort),
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const sortValue = (row: InquiryRow): Date | null =>
      sort.endsWith('slaDueAt') ? effectiveSlaDueAt(row.inquiry) : row.inquiry.receivedAt;
    return {
      items: items.map((row) => summary(row.inquiry, row.message, row.snippet)),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor({ value: sortValue(last), id: last.inquiry.id }, sort)
          : null,
    };
  }

  async get(id: number): Promise<InquiryDetailDto> {
    const inquiry = await this.find(id);
    const message = await this.repository.findMessage(inquiry.messageId);
    if (!message)
      throw new DomainError(ErrorCode.MessageNotFound, `message of inquiry ${id} is missing`);
    const [contact, thread] = await Promise.all([
      inquiry.contactId === null ? null : this.repository.findContact(inquiry.contactId),
      inquiry.threadId === null ? [message] : this.repository.threadMessages(inquiry.threadId),
    ]);
    return {
      ...summary(inquiry, message, message.text.slice(0, 200)),
      to: message.to,
      cc: message.cc,
      text: message.text,
      html: message.html,
      attachments: message.attachments.map(({ filename, contentType, size, sha256, inline }) => ({
        filename,
        contentType,
        size,
        sha256,
        inline,
      })),
      signals: (inquiry.signals ?? []).map((signal): SignalDto => ({
        ...signal,
        explanation: EXPLANATIONS.get(signal.id) ?? null,
      })),
      verdictOverride:
        inquiry.verdictOverride && inquiry.verdictOverrideBy && inquiry.verdictOverrideAt
          ? {
              verdict: inquiry.verdictOverride,
              by: inquiry.verdictOverrideBy,
              at: inquiry.verdictOverrideAt,
            }
          : null,
      contact: contact && {
        id: contact.id,
        address: contact.address,
        name: contact.name,
        company: contact.company,
        country: contact.country,
      },
      thread: thread.map((entry) => ({
        id: entry.id,
        subject: entry.subject,
        from: entry.fromAddress ? { address: entry.fromAddress, name: entry.fromName } : null,
        sentAt: entry.sentAt,
        outgoing: entry.outgoing,
        text: entry.text,
      })),
      decodeProblems: message.problems,
    };
  }

  async assign(id: number, assignee: string | null): Promise<InquiryDetailDto> {
    await this.find(id);
    await this.repository.update(id, { assignee, updatedAt: new Date() });
    return this.get(id);
  }

  async changeStatus(id: number, status: InquiryStatus): Promise<InquiryDetailDto> {
    await this.find(id);
    await this.repository.update(id, { status, updatedAt: new Date() });
    return this.get(id);
  }

  /** Kept apart from triage's verdict, with who and when, so corrections can train the rules. */
  async overrideVerdict(
    id: number,
    verdict: Verdict | null,
    by: string,
  ): Promise<InquiryDetailDto> {
    await this.find(id);
    const now = new Date();
    await this.repository.update(id, {
      verdictOverride: verdict,
      verdictOverrideBy: verdict === null ? null : by,
      verdictOverrideAt: verdict === null ? null : now,
      updatedAt: now,
    });
    return this.get(id);
  }

  private async find(id: number): Promise<InquiryEntity> {
    const inquiry = await this.repository.findById(id);
    if (!inquiry) throw new DomainError(ErrorCode.InquiryNotFound, `inquiry ${id} does not exist`);
    return inquiry;
  }
}

function summary(
  inquiry: InquiryEntity,
  message: Pick<MessageEntity, 'id' | 'subject' | 'fromAddress' | 'fromName'>,
  snippet: string,
): InquirySummaryDto {
  return {
    id: inquiry.id,
    status: inquiry.status,
    assignee: inquiry.assignee,
    verdict: inquiry.verdictOverride ?? inquiry.verdict,
    triageVerdict: inquiry.verdict,
    scores:
      inquiry.spamScore === null || inquiry.scamScore === null || inquiry.spyScore === null
        ? null
        : { spam: inquiry.spamScore, scam: inquiry.scamScore, spy: inquiry.spyScore },
    tier: effectiveTier(inquiry),
    language: inquiry.language,
    slaDueAt: effectiveSlaDueAt(inquiry),
    receivedAt: inquiry.receivedAt,
    mailboxId: inquiry.mailboxId,
    threadId: inquiry.threadId,
    messageId: message.id,
    subject: message.subject,
    from: message.fromAddress ? { address: message.fromAddress, name: message.fromName } : null,
    snippet: snippet.replace(/\s+/g, ' ').trim(),
  };
}

/** Opaque to clients; carries the sort it belongs to so it cannot be replayed under another. */
function encodeCursor(cursor: PageCursor, sort: InquirySort): string {
  const payload = [sort, cursor.value?.toISOString() ?? null, cursor.id];
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

function decodeCursor(raw: string, sort: InquirySort): PageCursor {
  const invalid = new DomainError(
    ErrorCode.ValidationFailed,
    'cursor is not one this API issued for this sort',
    [{ field: 'cursor', reason: 'must be the nextCursor of a previous page with the same sort' }],
  );
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalid;
  const [cursorSort, value, id] = parsed as [unknown, unknown, unknown];
  if (cursorSort !== sort) throw invalid;
  if (typeof id !== 'number' || !Number.isInteger(id)) throw invalid;
  if (value === null) return { value: null, id };
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw invalid;
  return { value: new Date(value), id };
}
