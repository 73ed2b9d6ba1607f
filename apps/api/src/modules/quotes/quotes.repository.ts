import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QuoteEntity } from '../../database/entities';

export type NewQuote = Omit<QuoteEntity, 'id' | 'inquiry' | 'supersedes' | 'number'>;

@Injectable()
export class QuotesRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: number): Promise<QuoteEntity | null> {
    return this.dataSource.getRepository(QuoteEntity).findOneBy({ id });
  }

  ofInquiry(inquiryId: number): Promise<QuoteEntity[]> {
    return this.dataSource
      .getRepository(QuoteEntity)
      .find({ where: { inquiryId }, order: { id: 'ASC' } });
  }

  async successorOf(id: number): Promise<number | null> {
    const next = await this.dataSource
      .getRepository(QuoteEntity)
      .findOne({ select: { id: true }, where: { supersedesId: id } });
    return next?.id ?? null;
  }

  /**
   * A first issue gets its number from its own id (Q-<year>-<id>), so numbers never collide
   * between workers; the insert and the numbering are one transaction.
   */
  insertFirstIssue(quote: NewQuote): Promise<QuoteEntity> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(QuoteEntity);
      const saved = await repository.save(repository.create({ ...quote, number: randomUUID() }));
      const number = `Q-${quote.issuedOn.slice(0, 4)}-${String(saved.id).padStart(4, '0')}`;
      await repository.update({ id: saved.id }, { number });
      return { ...saved, number };
    });
  }

  /** The unique (number, revision) index lets only one revision of a given one win. */
  insertRevision(quote: NewQuote & { number: string }): Promise<QuoteEntity> {
    const repository = this.dataSource.getRepository(QuoteEntity);
    return repository.save(repository.create(quote));
  }
}
