import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiTokenEntity, MailboxEntity, MessageEntity } from '../../database/entities';

@Injectable()
export class DemoRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Nothing a user made yet: no messages, no mailboxes, no tokens. */
  async isPristine(): Promise<boolean> {
    const [messages, mailboxes, tokens] = await Promise.all([
      this.dataSource.getRepository(MessageEntity).count({ take: 1 }),
      this.dataSource.getRepository(MailboxEntity).count({ take: 1 }),
      this.dataSource.getRepository(ApiTokenEntity).count({ take: 1 }),
    ]);
    return messages + mailboxes + tokens === 0;
  }

  /**
   * Deletes the demo messages (their inquiries and locations go by cascade), then the
   * threads and contacts nothing refers to any more. Returns how many messages went.
   */
  removeDemo(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const { affected } = await manager.delete(MessageEntity, { demo: true });
      await manager.query(
        'DELETE FROM threads WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.thread_id = threads.id)',
      );
      await manager.query(
        'DELETE FROM contacts WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.contact_id = contacts.id) ' +
          'AND NOT EXISTS (SELECT 1 FROM inquiries i WHERE i.contact_id = contacts.id)',
      );
      return affected ?? 0;
    });
  }
}
