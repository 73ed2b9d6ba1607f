import { Injectable } from '@nestjs/common';
import { DataSource, In, LessThanOrEqual } from 'typeorm';
import { FollowUpEntity, QuoteEntity } from '../../database/entities';
import { isUniqueViolation } from '../../database/unique-violation';

@Injectable()
export class FollowUpsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findQuote(id: number): Promise<QuoteEntity | null> {
    return this.dataSource.getRepository(QuoteEntity).findOneBy({ id });
  }

  /** Inserts each step once: scheduling the same quote again changes nothing. */
  async insertSteps(steps: Array<Omit<FollowUpEntity, 'id' | 'quote' | 'thread'>>): Promise<void> {
    const repository = this.dataSource.getRepository(FollowUpEntity);
    for (const step of steps) {
      try {
        await repository.insert(step);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
  }

  /**
   * Cancels pending follow-ups whose thread has a buyer message stored after the quote mail
   * (by message id; by time when the mail could not be stored). One statement, so any number
   * of schedulers may run it at once.
   */
  async cancelAnswered(now: Date): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(FollowUpEntity)
      .set({ status: 'cancelled', cancelledReason: 'buyer replied', closedAt: now })
      .where('status = :pending', { pending: 'pending' })
      .andWhere(
        'EXISTS (SELECT 1 FROM messages m WHERE m.thread_id = follow_ups.thread_id AND NOT m.outgoing AND ' +
          '(m.id > follow_ups.sent_message_id OR (follow_ups.sent_message_id IS NULL AND m.created_at > follow_ups.quote_sent_at)))',
      )
      .execute();
    return result.affected ?? 0;
  }

  /**
   * A revision that went out replaces the chase of the earlier ones: they would otherwise
   * remind the rep about prices the buyer no longer has in front of them.
   */
  async cancelSuperseded(quote: QuoteEntity, now: Date): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(FollowUpEntity)
      .set({
        status: 'cancelled',
        cancelledReason: `superseded by revision ${quote.revision}`,
        closedAt: now,
      })
      .where('status = :pending', { pending: 'pending' })
      .andWhere(
        'quote_id IN (SELECT q.id FROM quotes q WHERE q.number = :number AND q.revision < :revision)',
        { number: quote.number, revision: quote.revision },
      )
      .execute();
    return result.affected ?? 0;
  }

  pendingDueBy(rep: string | undefined, until: Date): Promise<FollowUpEntity[]> {
    return this.dataSource.getRepository(FollowUpEntity).find({
      where: { status: 'pending', dueAt: LessThanOrEqual(until), ...(rep ? { rep } : {}) },
      relations: { quote: true },
      order: { dueAt: 'ASC', id: 'ASC' },
    });
  }

  forQuotes(quoteIds: number[]): Promise<FollowUpEntity[]> {
    if (quoteIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(FollowUpEntity).find({
      where: { quoteId: In(quoteIds) },
      relations: { quote: true },
      order: { step: 'ASC' },
    });
  }

  findById(id: number): Promise<FollowUpEntity | null> {
    return this.dataSource
      .getRepository(FollowUpEntity)
      .findOne({ where: { id }, relations: { quote: true } });
  }

  async close(id: number, by: string, at: Date): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(FollowUpEntity)
      .update({ id, status: 'pending' }, { status: 'done', closedAt: at, closedBy: by });
    return (result.affected ?? 0) > 0;
  }
}
