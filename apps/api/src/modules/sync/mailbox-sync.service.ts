import { Injectable } from '@nestjs/common';
import { MailboxSyncProcessor } from './mailbox-sync.processor';
import { MailboxSyncRepository } from './mailbox-sync.repository';
import { MailboxSyncer, type SyncReport } from './mailbox-syncer';
import { DomainError } from '../../common/domain-error';
import {
  LeaseLostError,
  mailboxBusy,
  mailboxNotFound,
  mailboxSyncFailed,
  mailboxUnreachable,
} from './sync.errors';

export interface FolderSyncStatus {
  folder: string;
  uidValidity: number;
  highestUid: number;
  lastSyncedAt: Date | null;
  messagesOnServer: number | null;
  messagesStored: number;
  messagesQuarantined: number;
}

export interface MailboxSyncStatus {
  mailboxId: number;
  enabled: boolean;
  lastSuccessAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  consecutiveFailures: number;
  /** Worker holding the lease now, null when nobody is syncing the mailbox. */
  syncingWorker: string | null;
  messagesOnServer: number;
  messagesStored: number;
  messagesQuarantined: number;
  folders: FolderSyncStatus[];
}

/** What the API offers about sync: run one now, and how healthy a mailbox's sync is. */
@Injectable()
export class MailboxSyncService {
  constructor(
    private readonly repository: MailboxSyncRepository,
    private readonly syncer: MailboxSyncer,
    private readonly processor: MailboxSyncProcessor,
  ) {}

  /**
   * Syncs the mailbox now. In a worker that holds it, the running session does the pass;
   * otherwise this process takes the lease for one pass (also for a disabled mailbox, which
   * only opts out of background sync). A mailbox another worker holds is reported busy.
   */
  async syncNow(mailboxId: number): Promise<SyncReport> {
    try {
      return await this.syncOnce(mailboxId);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      if (error instanceof LeaseLostError) {
        const current = await this.repository.findMailbox(mailboxId);
        if (!current) throw mailboxNotFound(mailboxId);
        throw mailboxBusy(mailboxId, current.leaseOwner, current.leaseExpiresAt);
      }
      throw mailboxSyncFailed(mailboxId, error);
    }
  }

  /** The mailbox's settings changed: a session of this process reads them at once. */
  reload(mailboxId: number): void {
    this.processor.sessionFor(mailboxId)?.reload();
  }

  private async syncOnce(mailboxId: number): Promise<SyncReport> {
    const session = this.processor.sessionFor(mailboxId);
    if (session) return session.syncNow();

    const mailbox = await this.repository.findMailbox(mailboxId);
    if (!mailbox) throw mailboxNotFound(mailboxId);
    const now = new Date();
    if (
      !(await this.repository.acquireLease(
        mailboxId,
        this.syncer.workerId,
        now,
        this.syncer.leaseUntil(now),
      ))
    ) {
      const current = await this.repository.findMailbox(mailboxId);
      throw mailboxBusy(mailboxId, current?.leaseOwner ?? null, current?.leaseExpiresAt ?? null);
    }
    try {
      let client;
      try {
        client = await this.syncer.connect(mailbox);
      } catch (error) {
        await this.syncer.recordFailure(mailboxId, error);
        throw mailboxUnreachable(mailboxId, mailbox.imapHost, mailbox.imapPort, error);
      }
      try {
        return await this.syncer.syncPass(mailbox, client);
      } finally {
        await client.logout().catch(() => client.close());
      }
    } finally {
      await this.repository.releaseLease(mailboxId, this.syncer.workerId);
    }
  }

  async getStatus(mailboxId: number): Promise<MailboxSyncStatus> {
    const mailbox = await this.repository.findMailbox(mailboxId);
    if (!mailbox) throw mailboxNotFound(mailboxId);
    const states = await this.repository.folderStates(mailboxId);
    const counts = new Map(
      (await this.repository.folderCounts(mailboxId, states)).map((count) => [count.folder, count]),
    );
    const folders = states.map((state) => ({
      folder: state.folder,
      uidValidity: state.uidValidity,
      highestUid: state.highestUid,
      lastSyncedAt: state.lastSyncedAt,
      messagesOnServer: state.messagesOnServer,
      messagesStored: counts.get(state.folder)?.stored ?? 0,
      messagesQuarantined: counts.get(state.folder)?.quarantined ?? 0,
    }));
    const leased =
      mailbox.leaseOwner !== null &&
      mailbox.leaseExpiresAt !== null &&
      mailbox.leaseExpiresAt > new Date();
    return {
      mailboxId,
      enabled: mailbox.enabled,
      lastSuccessAt: mailbox.lastSuccessAt,
      lastError: mailbox.lastError,
      lastErrorAt: mailbox.lastErrorAt,
      consecutiveFailures: mailbox.consecutiveFailures,
      syncingWorker: leased ? mailbox.leaseOwner : null,
      messagesOnServer: folders.reduce((sum, folder) => sum + (folder.messagesOnServer ?? 0), 0),
      messagesStored: folders.reduce((sum, folder) => sum + folder.messagesStored, 0),
      messagesQuarantined: folders.reduce((sum, folder) => sum + folder.messagesQuarantined, 0),
      folders,
    };
  }
}
