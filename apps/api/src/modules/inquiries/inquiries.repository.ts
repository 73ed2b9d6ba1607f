import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, type SelectQueryBuilder } from 'typeorm';
import { SQLITE_UNICODE_LOWER } from '../../database/data-source.factory';
import { ContactEntity, InquiryEntity, MessageEntity } from '../../database/entities';
import { effectiveSlaSql, effectiveTierSql } from './effective-triage';
import type { InquirySort } from './inquiries.dto';

export interface InquiryFilter {
  status?: string;
  verdict?: string;
  tier?: string;
  language?: string;
  mailboxId?: number;
  /** null: unassigned only. */
  assignee?: string | null;
  q?: string;
  from?: Date;
  to?: Date;
}

/** Position after the last row of a page: its sort value and id (the tie-breaker). */
export interface PageCursor {
  value: Date | null;
  id: number;
}

export interface InquiryRow {
  inquiry: InquiryEntity;
  message: Pick<MessageEntity, 'id' | 'subject' | 'fromAddress' | 'fromName'>;
  snippet: string;
}

const SNIPPET_LENGTH = 200;
/** Sorts inquiries without an SLA (tier D) after every real deadline. */
const NO_DEADLINE = new Date('9999-12-31T00:00:00Z');

@Injectable()
export class InquiriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get sqlite(): boolean {
    return this.dataSource.options.type === 'better-sqlite3';
  }

  async page(
    filter: InquiryFilter,
    sort: InquirySort,
    limit: number,
    after?: PageCursor,
  ): Promise<InquiryRow[]> {
    const query = this.dataSource
      .getRepository(InquiryEntity)
      .createQueryBuilder('i')
      .innerJoin(MessageEntity, 'm', 'm.id = i.message_id')
      .addSelect(['m.id', 'm.subject', 'm.fromAddress', 'm.fromName'])
      .addSelect(`SUBSTR(m.text, 1, ${SNIPPET_LENGTH})`, 'snippet');
    applyFilter(query, filter, this.sqlite);

    const descending = sort.startsWith('-');
    const column = sort.endsWith('slaDueAt')
      ? `COALESCE(${effectiveSlaSql('i')}, :noDeadline)`
      : 'i.received_at';
    query.setParameter('noDeadline', NO_DEADLINE);
    if (after) {
      const op = descending ? '<' : '>';
      query.andWhere(
        new Brackets((where) =>
          where
            .where(`${column} ${op} :afterValue`)
            .orWhere(`(${column} = :afterValue AND i.id ${op} :afterId)`),
        ),
        { afterValue: after.value ?? NO_DEADLINE, afterId: after.id },
      );
    }
    const direction = descending ? 'DESC' : 'ASC';
    query.orderBy(column, direction).addOrderBy('i.id', direction).limit(limit);

    const { entities, raw } =
      await query.getRawAndEntities<Record<string, string | number | null>>();
    const rows = new Map(raw.map((row) => [Number(row.i_id), row]));
    return entities.map((inquiry) => {
      const row = rows.get(inquiry.id) ?? {};
      return {
        inquiry,
        message: {
          id: inquiry.messageId,
          subject: String(row.m_subject ?? ''),
          fromAddress:
            row.m_from_address === undefined || row.m_from_address === null
              ? null
              : String(row.m_from_address),
          fromName: String(row.m_from_name ?? ''),
        },
        snippet: String(row.snippet ?? ''),
      };
    });
  }

  findById(id: number): Promise<InquiryEntity | null> {
    return this.dataSource.getRepository(InquiryEntity).findOneBy({ id });
  }

  findMessage(id: number): Promise<MessageEntity | null> {
    return this.dataSource.getRepository(MessageEntity).findOneBy({ id });
  }

  findContact(id: number): Promise<ContactEntity | null> {
    return this.dataSource.getRepository(ContactEntity).findOneBy({ id });
  }

  threadMessages(threadId: number): Promise<MessageEntity[]> {
    return this.dataSource.getRepository(MessageEntity).find({
      select: {
        id: true,
        subject: true,
        fromAddress: true,
        fromName: true,
        sentAt: true,
        outgoing: true,
        text: true,
        createdAt: true,
      },
      where: { threadId },
      order: { sentAt: 'ASC', id: 'ASC' },
    });
  }

  async update(id: number, values: Partial<InquiryEntity>): Promise<void> {
    await this.dataSource.getRepository(InquiryEntity).update({ id }, values);
  }
}

function applyFilter(
  query: SelectQueryBuilder<InquiryEntity>,
  filter: InquiryFilter,
  sqlite: boolean,
): void {
  if (filter.status) query.andWhere('i.status = :status', { status: filter.status });
  if (filter.verdict)
    query.andWhere('COALESCE(i.verdict_override, i.verdict) = :verdict', {
      verdict: filter.verdict,
    });
  if (filter.tier) query.andWhere(`${effectiveTierSql('i')} = :tier`, { tier: filter.tier });
  if (filter.language) query.andWhere('i.language = :language', { language: filter.language });
  if (filter.mailboxId !== undefined)
    query.andWhere('i.mailbox_id = :mailboxId', { mailboxId: filter.mailboxId });
  if (filter.assignee === null) query.andWhere('i.assignee IS NULL');
  else if (filter.assignee !== undefined)
    query.andWhere('i.assignee = :assignee', { assignee: filter.assignee });
  if (filter.from) query.andWhere('i.received_at >= :from', { from: filter.from });
  if (filter.to) query.andWhere('i.received_at < :to', { to: filter.to });
  if (filter.q) {
    // `!` rather than backslash: MySQL and SQLite read a backslash in a literal differently.
    const pattern = `%${filter.q.toLowerCase().replace(/[!%_]/g, (char) => `!${char}`)}%`;
    query.andWhere(
      new Brackets((where) => {
        for (const column of ['m.subject', 'm.from_address', 'm.from_name', 'm.text']) {
          const folded = sqlite ? `${SQLITE_UNICODE_LOWER}(${column})` : column;
          where.orWhere(`${folded} LIKE :pattern ESCAPE '!'`, { pattern });
        }
      }),
    );
  }
}
