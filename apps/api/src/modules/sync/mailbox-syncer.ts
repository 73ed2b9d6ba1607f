import { Injectable, Logger } from '@nestjs/common';
import type { ImapFlow } from 'imapflow';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { SecretBox } from '../../crypto/secret-box';
import { BlobStore } from '../../storage/blob-store';
import type { MailboxEntity } from '../../database/entities';
import type { BatchOutcome, IngestItem } from '../ingest/ingest.types';
import { MessageIngestService, type PreparedBatch } from '../ingest/message-ingest.service';
import { PendingTriageService } from '../ingest/pending-triage.service';
import { createImapClient } from './imap-client.factory';
import { describeImapError, isFolderRefusal } from './imap-errors';
import {
  syncFolder,
  type FetchedMessage,
  type FolderCursor,
  type FolderSyncResult,
} from './imap-folder-sync';
import { MailboxSyncRepository } from './mailbox-sync.repository';
import { LeaseLostError } from './sync.errors';
import { describeError, isTransientError } from './transient-error';

/**
 * Messages per FETCH, and per ingestion batch (one transaction): large enough that the
 * database round trips of a batch are few per message, small enough to redo cheaply.
 */
const BATCH_SIZE = 100;
/** And at most this much mail per batch, so large attachments cannot pile up in memory. */
const BATCH_BYTES = 32 * 1024 * 1024;
/**
 * A message whose ingestion throws (rather than being quarantined by the pipeline) is retried
 * with its pass this many times before it is quarantined, so one bad message cannot stall its
 * folder. Errors of the database, disk or network do not count: those retry until they pass.
 */
const MAX_INGEST_ATTEMPTS = 3;

/** A downloaded batch, parsed and ready to be written. */
interface FolderBatch {
  messages: FetchedMessage[];
  ownAddresses: string[];
  prepared: PreparedBatch;
}

export interface FolderReport {
  folder: string;
  skipped: boolean;
  fullResync: boolean;
  fetched: number;
  /** The server refused the folder (missing, not readable); the other folders were synced. */
  error?: string;
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
        let result: FolderSyncResult;
        try {
          result = await syncFolder(client, {
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
            prepareBatch: (messages) => this.prepareBatch(mailbox.id, folder, messages),
            prepareWhileStoring: this.ingest.preparesBesideWrites,
            batchBytes: BATCH_BYTES,
            storeBatch: (batch, cursor) => this.storeBatch(mailbox.id, folder, batch, cursor),
            saveCursor: (cursor) =>
              this.repository.saveCursor(mailbox.id, folder, cursor, new Date()),
            checkpoint,
          });
        } catch (error) {
          // One folder the server refuses (renamed, deleted, a typo) must not hold up the rest.
          if (!isFolderRefusal(error)) throw error;
          folders.push({
            folder,
            skipped: false,
            fullResync: false,
            fetched: 0,
            error: describeImapError(error),
          });
          continue;
        }
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
      const refused = folders.filter((folder) => folder.error !== undefined);
      if (refused.length > 0)
        await this.recordFailure(
          mailbox.id,
          refused.map((folder) => `folder ${folder.folder}: ${folder.error}`).join('; '),
        );
      else await this.repository.recordSuccess(mailbox.id, new Date());
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

  /** Parses the batch and makes its rows, while the batch before is being written. */
  private async prepareBatch(
    mailboxId: number,
    folder: string,
    messages: FetchedMessage[],
  ): Promise<FolderBatch> {
    const ownAddresses = await this.ingest.ownAddresses();
    return {
      messages,
      ownAddresses,
      prepared: await this.ingest.prepareBatch(this.itemsOf(mailboxId, folder, messages), {
        deferTriage: true,
        ownAddresses,
      }),
    };
  }

  /**
   * Writes the batch and saves the cursor that covers it in the same transaction. A message
   * whose ingestion fails is retried with later passes (the pass fails, the cursor stays), and
   * quarantined once it has failed MAX_INGEST_ATTEMPTS times; then the messages of its
   * conversation that waited for it are ingested and the cursor moves on.
   */
  private async storeBatch(
    mailboxId: number,
    folder: string,
    { messages, ownAddresses, prepared }: FolderBatch,
    cursor: FolderCursor,
  ): Promise<void> {
    const saveCursor = (manager?: EntityManager) =>
      this.repository.saveCursor(mailboxId, folder, cursor, new Date(), manager);
    let pending = messages;
    let outcomes = await this.ingest.writeBatch(prepared, saveCursor);
    for (;;) {
      const waiting = pending.filter((_, index) => outcomes[index]!.status === 'held');
      const failures = await this.settleFailures(mailboxId, folder, pending, outcomes);
      if (failures.length > 0) throw failures[0];
      if (waiting.length === 0) break;
      pending = waiting;
      outcomes = await this.ingest.ingestBatch(this.itemsOf(mailboxId, folder, pending), {
        deferTriage: true,
        ownAddresses,
        commitWith: saveCursor,
      });
    }
    // A message given up on was quarantined apart from the batch, which was then not complete.
    if (outcomes.some((outcome) => outcome.status === 'failed')) await saveCursor();
  }

  private itemsOf(mailboxId: number, folder: string, messages: FetchedMessage[]): IngestItem[] {
    return messages.map((message) => ({
      raw: message.raw,
      origin: originOf(mailboxId, folder, message),
    }));
  }

  /**
   * Counts each failed message's attempt, quarantining it when it has failed too often, and
   * returns the errors to retry later. Errors of the database, disk or network never count.
   */
  private async settleFailures(
    mailboxId: number,
    folder: string,
    messages: FetchedMessage[],
    outcomes: BatchOutcome[],
  ): Promise<unknown[]> {
    const retry: unknown[] = [];
    for (const [index, outcome] of outcomes.entries()) {
      const message = messages[index]!;
      const position = `${mailboxId}/${folder}/${message.uidValidity}/${message.uid}`;
      if (outcome.status === 'held') continue;
      // Imports list what they quarantine in their report; the worker has only its log.
      if (outcome.status === 'quarantined')
        this.logger.warn(
          `mailbox ${mailboxId} ${folder} UID ${message.uid} quarantined: ${outcome.reason}`,
        );
      if (outcome.status !== 'failed') {
        this.failedAttempts.delete(position);
        continue;
      }
      const { error } = outcome;
      if (isTransientError(error)) {
        retry.push(error);
        continue;
      }
      const attempts = (this.failedAttempts.get(position) ?? 0) + 1;
      if (attempts < MAX_INGEST_ATTEMPTS) {
        this.failedAttempts.set(position, attempts);
        retry.push(error);
        continue;
      }
      this.failedAttempts.delete(position);
      const reason = `ingestion failed ${attempts} times: ${describeError(error)}`;
      this.logger.warn(`mailbox ${mailboxId} ${folder} UID ${message.uid} quarantined: ${reason}`);
      await this.repository.quarantine(
        originOf(mailboxId, folder, message),
        await this.blobs.put(message.raw),
        reason,
        new Date(),
      );
    }
    return retry;
  }

  /** Health is best effort: when the database itself is what failed, the log still tells. */
  async recordFailure(mailboxId: number, error: unknown): Promise<void> {
    const message = describeImapError(error);
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

function originOf(mailboxId: number, folder: string, message: FetchedMessage) {
  return {
    kind: 'imap' as const,
    mailboxId,
    folder,
    uidValidity: message.uidValidity,
    uid: message.uid,
  };
}
