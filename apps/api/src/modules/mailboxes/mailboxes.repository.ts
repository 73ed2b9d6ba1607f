import { Injectable } from '@nestjs/common';
import { DataSource, type Repository } from 'typeorm';
import { MailboxEntity } from '../../database/entities';

@Injectable()
export class MailboxesRepository {
  private readonly mailboxes: Repository<MailboxEntity>;

  constructor(private readonly dataSource: DataSource) {
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

  /**
   * Deletes the mailbox and its message locations. Its inquiries whose messages sit in another
   * mailbox too move to that one (the lowest id, when several), so they stay listed under a
   * mailbox and can be answered from it; the rest are left without a mailbox, as imported mail.
   */
  delete(id: number): Promise<boolean> {
    const moveInquiries =
      this.dataSource.options.type === 'better-sqlite3'
        ? MOVE_INQUIRIES_SQLITE
        : MOVE_INQUIRIES_MYSQL;
    return this.dataSource.transaction(async (manager) => {
      await manager.query(moveInquiries, [id, id]);
      const { affected } = await manager.delete(MailboxEntity, { id });
      return (affected ?? 0) > 0;
    });
  }
}

/**
 * SQLite has no index on message_locations.message_id, so a subquery per inquiry would scan
 * the other mailboxes' locations once for each; grouped once and joined, they are read once.
 */
const MOVE_INQUIRIES_SQLITE = `
  UPDATE inquiries SET mailbox_id = other.mailbox_id
  FROM (
    SELECT message_id, MIN(mailbox_id) AS mailbox_id FROM message_locations
    WHERE mailbox_id <> ? GROUP BY message_id
  ) AS other
  WHERE inquiries.mailbox_id = ? AND inquiries.message_id = other.message_id`;

/** MySQL finds each inquiry's other locations through the index of their message foreign key. */
const MOVE_INQUIRIES_MYSQL = `
  UPDATE inquiries SET mailbox_id = (
    SELECT MIN(location.mailbox_id) FROM message_locations location
    WHERE location.message_id = inquiries.message_id AND location.mailbox_id <> ?
  )
  WHERE mailbox_id = ?`;
