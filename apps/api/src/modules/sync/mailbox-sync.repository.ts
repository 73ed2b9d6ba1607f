import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import {
  MailboxEntity,
  MailboxFolderStateEntity,
  MessageLocationEntity,
  QuarantinedMessageEntity,
} from '../../database/entities';
import type { FolderCursor } from './imap-folder-sync';

export interface ImapPosition {
  mailboxId: number;
  folder: string;
  uidValidity: number;
  uid: number;
}

export interface FolderCounts {
  folder: string;
  stored: number;
  quarantined: number;
}

/** Every query of IMAP sync: leases, cursors and health. */
@Injectable()
export class MailboxSyncRepository {
  constructor(private readonly dataSource: DataSource) {}

  findMailbox(id: number): Promise<MailboxEntity | null> {
    return this.dataSource.getRepository(MailboxEntity).findOneBy({ id });
  }

  /** Enabled mailboxes nobody holds a live lease on. */
  async findUnleased(now: Date): Promise<number[]> {
    const rows = await this.dataSource
      .getRepository(MailboxEntity)
      .createQueryBuilder('mailbox')
      .select('mailbox.id', 'id')
      .where('mailbox.enabled = :enabled', { enabled: true })
      .andWhere(
        new Brackets((free) =>
          free
            .where('mailbox.lease_owner IS NULL')
            .orWhere('mailbox.lease_expires_at < :now', { now }),
        ),
      )
      .orderBy('mailbox.id')
      .getRawMany<{ id: number | string }>();
    return rows.map((row) => Number(row.id));
  }

  /**
   * Takes or extends the lease in one atomic UPDATE: it only matches when the lease is free,
   * expired or already ours, so of two workers racing for it exactly one sees a row change.
   */
  async acquireLease(mailboxId: number, owner: string, now: Date, until: Date): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(MailboxEntity)
      .set({ leaseOwner: owner, leaseExpiresAt: until })
      .where('id = :mailboxId', { mailboxId })
      .andWhere(
        new Brackets((free) =>
          free
            .where('lease_owner IS NULL')
            .orWhere('lease_expires_at < :now', { now })
            .orWhere('lease_owner = :owner', { owner }),
        ),
      )
      .execute();
    return result.affected === 1;
  }

  /** Extends a lease we still hold; false means another worker has taken it over. */
  async renewLease(mailboxId: number, owner: string, until: Date): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(MailboxEntity)
      .set({ leaseExpiresAt: until })
      .where('id = :mailboxId AND lease_owner = :owner', { mailboxId, owner })
      .execute();
    return result.affected === 1;
  }

  async releaseLease(mailboxId: number, owner: string): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(MailboxEntity)
      .set({ leaseOwner: null, leaseExpiresAt: null })
      .where('id = :mailboxId AND lease_owner = :owner', { mailboxId, owner })
      .execute();
  }

  async recordSuccess(mailboxId: number, at: Date): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(MailboxEntity)
      .set({ lastSuccessAt: at, consecutiveFailures: 0 })
      .where('id = :mailboxId', { mailboxId })
      .execute();
  }

  async recordFailure(mailboxId: number, error: string, at: Date): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(MailboxEntity)
      .set({
        lastError: error.slice(0, 2000),
        lastErrorAt: at,
        consecutiveFailures: () => 'consecutive_failures + 1',
      })
      .where('id = :mailboxId', { mailboxId })
      .execute();
  }

  async folderStates(mailboxId: number): Promise<MailboxFolderStateEntity[]> {
    return this.dataSource
      .getRepository(MailboxFolderStateEntity)
      .find({ where: { mailboxId }, order: { folder: 'ASC' } });
  }

  /** `manager`: the transaction to save it in, with the batch of messages it covers. */
  async saveCursor(
    mailboxId: number,
    folder: string,
    cursor: FolderCursor,
    at: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.getRepository(MailboxFolderStateEntity).upsert(
      {
        mailboxId,
        folder,
        uidValidity: cursor.uidValidity,
        highestUid: cursor.highestUid,
        highestModseq: cursor.highestModseq,
        messagesOnServer: cursor.messagesOnServer,
        lastSyncedAt: at,
      },
      { conflictPaths: ['mailboxId', 'folder'], skipUpdateIfNoValuesChanged: false },
    );
  }

  isQuarantined({ mailboxId, folder, uidValidity, uid }: ImapPosition): Promise<boolean> {
    return this.dataSource
      .getRepository(QuarantinedMessageEntity)
      .existsBy({ mailboxId, folder, uidValidity, uid });
  }

  /** Quarantines the message at an IMAP position, once: a position already quarantined is left as it is. */
  async quarantine(
    position: ImapPosition,
    rawSha256: string,
    reason: string,
    at: Date,
  ): Promise<void> {
    if (await this.isQuarantined(position)) return;
    const { mailboxId, folder, uidValidity, uid } = position;
    await this.dataSource.getRepository(QuarantinedMessageEntity).insert({
      mailboxId,
      folder,
      uidValidity,
      uid,
      importSource: null,
      rawSha256,
      reason: reason.slice(0, 2000),
      createdAt: at,
    });
  }

  /** Messages of each folder stored or quarantined under the folder's current UIDVALIDITY. */
  async folderCounts(
    mailboxId: number,
    states: MailboxFolderStateEntity[],
  ): Promise<FolderCounts[]> {
    return Promise.all(
      states.map(async (state) => {
        const where = { mailboxId, folder: state.folder, uidValidity: state.uidValidity };
        const [stored, quarantined] = await Promise.all([
          this.dataSource.getRepository(MessageLocationEntity).countBy(where),
          this.dataSource.getRepository(QuarantinedMessageEntity).countBy(where),
        ]);
        return { folder: state.folder, stored, quarantined };
      }),
    );
  }
}
