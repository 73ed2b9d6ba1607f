import { Injectable, Logger } from '@nestjs/common';
import type { ImapFlow } from 'imapflow';
import { AppConfig } from '../../config/app-config';
import { SecretBox } from '../../crypto/secret-box';
import { BlobStore } from '../../storage/blob-store';
import type { MailboxEntity } from '../../database/entities';
import type { IngestOptions } from '../ingest/ingest.types';
import { MessageIngestService } from '../ingest/message-ingest.service';
import { PendingTriageService } from '../ingest/pending-triage.service';
import { createImapClient } from './imap-client.factory';
import { syncFolder, type FetchedMessage, type FolderSyncResult } from './imap-folder-sync';
import { ingestLanes, plainMessageId, runLanes } from './ingest-lanes';
import { MailboxSyncRepository } from './mailbox-sync.repository';
import { LeaseLostError } from './sync.errors';
import { describeError, isTransientError } from './transient-error';

/** Messages per FETCH: large enough to keep the connection busy, small enough to redo cheaply. */
const BATCH_SIZE = 100;
/**
 * Messages of a batch ingested side by side. Ingestion waits on the database and the disk for
 * a good part of each message, so a few in flight keep the CPU busy; related messages still go
 * one after the other (see ingestLanes).
 */
const INGEST_CONCURRENCY = 4;
/**
 * A message whose ingestion throws (rather than being quarantined by the pipeline) is retried
 * with its pass this many times before it is quarantined, so one bad message cannot stall its
 * folder. Errors of the database, disk or network do not count: those retry until they pass.
 */
const MAX_INGEST_ATTEMPTS = 3;

export interface FolderReport {
  folder: string;
  skipped: boolean;
  fullResync: boolean;
  fetched: number;
}

export interface SyncReport {
  mailboxId: number;
  folders: FolderReport[];
  /** From the start of the pass until every folder was fetched and stored (inquiries pending triage). */
  ingestedMs: number;
  /** Inquiries triaged after the folders were stored. */
  triaged: number;
  durationMs: number;
}

/**
 * One sync pass over a leased mailbox: every configured folder in turn, each message piped
 * through ingestion, the cursor saved after each stored batch, the lease renewed as it goes;
 * then the inquiries stored on the way are triaged, so the fetch loop never waits for triage.
 * Health (last success, last error, consecutive failures) is recorded either way.
 */
@Injectable()
export class MailboxSyncer {
  private readonly logger = new Logger(MailboxSyncer.name);
  /** Failed ingestion attempts per message position (mailbox/folder/UIDVALIDITY/UID) in this process. */
  private readonly failedAttempts = new Map<string, number>();
  /**
   * Mailboxes whose pending inquiries this process has looked for: after that, only a pass
   * that stored something has new ones, which keeps a no-change pass to the STATUS round trips.
   */
  private readonly pendingChecked = new Set<number>();

  constructor(
    private readonly config: AppConfig,
    private readonly repository: MailboxSyncRepository,
    private readonly ingest: MessageIngestService,
    private readonly pendingTriage: PendingTriageService,
    private readonly secrets: SecretBox,
    private readonly blobs: BlobStore,
  ) {}

  get workerId(): string {
    return this.config.workerId;
  }

  leaseUntil(now = new Date()): Date {
    return new Date(now.getTime() + this.config.imapLeaseSeconds * 1000);
  }

  foldersOf(mailbox: MailboxEntity): string[] {
    return mailbox.folders && mailbox.folders.length > 0
      ? mailbox.folders
      : this.config.syncFolders;
  }

  async connect(mailbox: MailboxEntity): Promise<ImapFlow> {
    const client = createImapClient(mailbox, this.secrets.decrypt(mailbox.imapPasswordEncrypted));
    // Without a listener a dropped connection would be an uncaught 'error' event; the pass
    // that was using it fails on its own and is retried.
    client.on('error', (error: Error) =>
      this.logger.warn(`mailbox ${mailbox.id}: IMAP ${error.message}`),
    );
    await client.connect();
    return client;
  }

  /** Runs one pass with `client`, which the caller connected and will close. */
  async syncPass(mailbox: MailboxEntity, client: ImapFlow): Promise<SyncReport> {
    const started = Date.now();
    const checkpoint = async () => {
      if (!(await this.repository.renewLease(mailbox.id, this.workerId, this.leaseUntil()))) {
        throw new LeaseLostError(mailbox.id);
      }
    };
    try {
      const states = new Map(
        (await this.repository.folderStates(mailbox.id)).map((state) => [state.folder, state]),
      );
      const folders: FolderReport[] = [];
      for (const folder of this.foldersOf(mailbox)) {
        const state = states.get(folder);
        const result: FolderSyncResult = await syncFolder(client, {
          folder,
          cursor: state
            ? {
                uidValidity: state.uidValidity,
                highestUid: state.highestUid,
                highestModseq: state.highestModseq,
                messagesOnServer: state.messagesOnServer ?? -1,
              }
            : undefined,
          batchSize: BATCH_SIZE,
          storeBatch: (messages) => this.storeBatch(mailbox.id, folder, messages),
          saveCursor: (cursor) =>
            this.repository.saveCursor(mailbox.id, folder, cursor, new Date()),
          checkpoint,
        });
        folders.push({
          folder,
          skipped: result.skipped,
          fullResync: result.fullResync,
          fetched: result.fetched,
        });
      }
      const ingestedMs = Date.now() - started;
      let triaged = 0;
      if (!this.pendingChecked.has(mailbox.id) || folders.some((folder) => folder.fetched > 0)) {
        triaged = await this.pendingTriage.triagePending(mailbox.id, checkpoint);
        this.pendingChecked.add(mailbox.id);
      }
      await this.repository.recordSuccess(mailbox.id, new Date());
      return {
        mailboxId: mailbox.id,
        folders,
        ingestedMs,
        triaged,
        durationMs: Date.now() - started,
      };
    } catch (error) {
      await this.recordFailure(mailbox.id, error);
      throw error;
    }
  }

  /**
   * What the batch needs from the database is read once for all of it: the positions already
   * handled (a batch cut short is fetched again), the messages stored already under their
   * Message-ID (another folder, or a UIDVALIDITY reset) and our own addresses.
   */
  private async storeBatch(
    mailboxId: number,
    folder: string,
    fetched: FetchedMessage[],
  ): Promise<void> {
    const uidValidity = fetched[0]?.uidValidity ?? 0;
    const [handled, ownAddresses] = await Promise.all([
      this.repository.handledUids(
        mailboxId,
        folder,
        uidValidity,
        fetched.map((message) => message.uid),
      ),
      this.ingest.ownAddresses(),
    ]);
    const messages = fetched.filter((message) => !handled.has(message.uid));
    const messageIds = messages.map((message) => plainMessageId(message.raw));
    const stored = await this.ingest.storedByMessageId([
      ...new Set(messageIds.filter((id) => id !== undefined)),
    ]);
    const lanes = ingestLanes(messages.map((message) => message.raw));
    const results = await runLanes(lanes, INGEST_CONCURRENCY, (index) => {
      const messageId = messageIds[index];
      const lookup =
        messageId === undefined
          ? undefined
          : { messageId, storedAs: stored.get(messageId) ?? null };
      return this.storeMessage(mailboxId, folder, messages[index]!, ownAddresses, lookup);
    });
    const failure = results.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
  }

  private async storeMessage(
    mailboxId: number,
    folder: string,
    message: FetchedMessage,
    ownAddresses: string[],
    messageIdLookup: IngestOptions['messageIdLookup'],
  ): Promise<void> {
    const origin = {
      kind: 'imap' as const,
      mailboxId,
      folder,
      uidValidity: message.uidValidity,
      uid: message.uid,
    };
    const position = `${mailboxId}/${folder}/${message.uidValidity}/${message.uid}`;
    try {
      await this.ingest.ingestRaw(message.raw, origin, {
        deferTriage: true,
        ownAddresses,
        positionChecked: true,
        messageIdLookup,
      });
      this.failedAttempts.delete(position);
    } catch (error) {
      if (isTransientError(error)) throw error;
      const attempts = (this.failedAttempts.get(position) ?? 0) + 1;
      if (attempts < MAX_INGEST_ATTEMPTS) {
        this.failedAttempts.set(position, attempts);
        throw error;
      }
      this.failedAttempts.delete(position);
      const reason = `ingestion failed ${attempts} times: ${describeError(error)}`;
      this.logger.warn(`mailbox ${mailboxId} ${folder} UID ${message.uid} quarantined: ${reason}`);
      await this.repository.quarantine(
        origin,
        await this.blobs.put(message.raw),
        reason,
        new Date(),
      );
    }
  }

  /** Health is best effort: when the database itself is what failed, the log still tells. */
  async recordFailure(mailboxId: number, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    this.logger.warn(`mailbox ${mailboxId}: sync failed: ${message}`);
    try {
      await this.repository.recordFailure(mailboxId, message, new Date());
    } catch (recordError) {
      this.logger.error(
        `mailbox ${mailboxId}: could not record the failure: ${String(recordError)}`,
      );
    }
  }
}
