import { Injectable } from '@nestjs/common';
import { DataSource, type Repository } from 'typeorm';
import { MailboxEntity } from '../../database/entities';

@Injectable()
export class MailboxesRepository {
  private readonly mailboxes: Repository<MailboxEntity>;

  constructor(dataSource: DataSource) {
    this.mailboxes = dataSource.getRepository(MailboxEntity);
  }

  list(): Promise<MailboxEntity[]> {
    return this.mailboxes.find({ order: { id: 'ASC' } });
  }

  findById(id: number): Promise<MailboxEntity | null> {
    return this.mailboxes.findOneBy({ id });
  }

  create(values: Omit<MailboxEntity, 'id'>): Promise<MailboxEntity> {
    return this.mailboxes.save(this.mailboxes.create(values));
  }

  async update(id: number, values: Partial<MailboxEntity>): Promise<void> {
    await this.mailboxes.update({ id }, values);
  }

  async delete(id: number): Promise<boolean> {
    const { affected } = await this.mailboxes.delete({ id });
    return (affected ?? 0) > 0;
  }
}
