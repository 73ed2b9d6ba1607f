import { Logger } from '@nestjs/common';
import type { ImapFlow } from 'imapflow';
import type { MailboxEntity } from '../../database/entities';
import { isFolderRefusal } from './imap-errors';
import type { MailboxSyncRepository } from './mailbox-sync.repository';
import type { MailboxSyncer, SyncReport } from './mailbox-syncer';
import { LeaseLostError, mailboxNotFound } from './sync.errors';

const BACKOFF_BASE_MS = 1_000;
const BACKOFF_MAX_MS = 5 * 60_000;
/**
 * A refused password does not mend itself, and providers lock accounts that keep trying one;
 * editing the mailbox wakes the sync at once, so retries of a failed login can wait longer.
 */
const LOGIN_BACKOFF_MAX_MS = 30 * 60_000;

/** Exponential backoff with jitter: 1 s, 2 s, 4 s ... capped at 5 minutes (or `maxMs`). */
export function backoffMs(
  consecutiveFailures: number,
  random = Math.random,
  maxMs = BACKOFF_MAX_MS,
): number {
  const exponential = Math.min(maxMs, BACKOFF_BASE_MS * 2 ** Math.max(0, consecutiveFailures - 1));
  return Math.round(exponential * (0.75 + random() * 0.5));
}

interface Waiter {
  resolve(report: SyncReport): void;
  reject(error: unknown): void;
}

export interface SessionTiming {
  pollSeconds: number;
  leaseSeconds: number;
}

/**
 * A worker's hold on one mailbox for as long as it keeps the lease: syncs everything missed
 * (backfill), then waits on IDLE in the first folder (new mail wakes it at once) or for the
 * poll interval, and syncs again. Failures are recorded and retried with backoff; the
 * mailbox is never given up on, only handed over when another worker owns the lease. Each
 * pass reads the mailbox's settings afresh, so an edit (password, server, folders) counts from
 * the next pass, and a mailbox disabled or deleted meanwhile is let go.
 */
export class MailboxSyncSession {
  private readonly logger = new Logger(MailboxSyncSession.name);
  private client: ImapFlow | undefined;
  private stopped = false;
  private waiters: Waiter[] = [];
  private wake: (() => void) | undefined;
  private renewTimer: NodeJS.Timeout | undefined;
  private finished: Promise<void> | undefined;

  constructor(
    private mailbox: MailboxEntity,
    private readonly syncer: MailboxSyncer,
    private readonly repository: MailboxSyncRepository,
    private readonly timing: SessionTiming,
    private readonly onEnd: () => void,
  ) {}

  start(): void {
    this.renewTimer = setInterval(() => void this.renew(), (this.timing.leaseSeconds * 1000) / 3);
    this.finished = this.loop().finally(() => this.onEnd());
  }

  /** Runs a pass now (or right after the one in progress) and resolves with its report. */
  syncNow(): Promise<SyncReport> {
    return new Promise<SyncReport>((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.wake?.();
    });
  }

  /** The mailbox's settings changed: the session reads them now instead of after its wait. */
  reload(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.finished;
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      const waiters = this.waiters.splice(0);
      try {
        const mailbox = await this.repository.findMailbox(this.mailbox.id);
        if (!mailbox) {
          for (const waiter of waiters) waiter.reject(mailboxNotFound(this.mailbox.id));
          break;
        }
        // A sync asked for explicitly still runs on a disabled mailbox, then it is let go.
        if (!mailbox.enabled && waiters.length === 0) break;
        if (signsInDifferently(this.mailbox, mailbox)) await this.disconnect();
        this.mailbox = mailbox;
        const report = await this.syncer.syncPass(mailbox, await this.connected());
        failures = 0;
        for (const waiter of waiters) waiter.resolve(report);
        if (!mailbox.enabled) break;
        await this.waitForMail();
      } catch (error) {
        for (const waiter of waiters) waiter.reject(error);
        if (error instanceof LeaseLostError) break;
        failures += 1;
        await this.disconnect();
        const loginRefused = (error as { authenticationFailed?: boolean }).authenticationFailed;
        const delay = backoffMs(
          failures,
          Math.random,
          loginRefused ? LOGIN_BACKOFF_MAX_MS : BACKOFF_MAX_MS,
        );
        this.logger.warn(
          `mailbox ${this.mailbox.id}: retrying in ${Math.round(delay / 1000)} s (failure ${failures})`,
        );
        await this.pause(delay);
      }
    }
    clearInterval(this.renewTimer);
    for (const waiter of this.waiters.splice(0))
      waiter.reject(new Error(`sync of mailbox ${this.mailbox.id} stopped`));
    await this.disconnect();
    await this.repository
      .releaseLease(this.mailbox.id, this.syncer.workerId)
      .catch(() => undefined);
  }

  private async connected(): Promise<ImapFlow> {
    if (this.client?.usable) return this.client;
    await this.disconnect();
    try {
      const client = await this.syncer.connect(this.mailbox);
      client.on('close', () => this.wake?.());
      this.client = client;
      return client;
    } catch (error) {
      await this.syncer.recordFailure(this.mailbox.id, error);
      throw error;
    }
  }

  private async disconnect(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    if (client.usable) await client.logout().catch(() => client.close());
    else client.close();
  }

  /** Sleeps until new mail (IDLE), the poll interval, a sync request or stop. */
  private async waitForMail(): Promise<void> {
    const client = this.client;
    const idleFolder = this.syncer.foldersOf(this.mailbox)[0];
    if (client?.usable && idleFolder && client.capabilities.has('IDLE')) {
      // With a folder selected imapflow enters IDLE on its own; EXISTS then wakes us. A folder
      // the server refuses was reported by the pass; the wait then polls.
      await client.mailboxOpen(idleFolder, { readOnly: true }).catch((error: unknown) => {
        if (!isFolderRefusal(error)) throw error;
      });
    }
    const onExists = () => this.wake?.();
    client?.on('exists', onExists);
    try {
      await this.pause(this.timing.pollSeconds * 1000);
    } finally {
      client?.off('exists', onExists);
    }
  }

  private pause(ms: number): Promise<void> {
    if (this.stopped || this.waiters.length > 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private async renew(): Promise<void> {
    try {
      if (
        !(await this.repository.renewLease(
          this.mailbox.id,
          this.syncer.workerId,
          this.syncer.leaseUntil(),
        ))
      ) {
        this.logger.warn(
          `mailbox ${this.mailbox.id}: lease gone (taken over, or the mailbox was deleted); stopping`,
        );
        this.stopped = true;
        this.wake?.();
      }
    } catch (error) {
      // The database may be briefly away; the lease has slack for the next attempt.
      this.logger.warn(`mailbox ${this.mailbox.id}: lease renewal failed: ${String(error)}`);
    }
  }
}

/** Whether the new settings sign in elsewhere or otherwise, so the open connection is stale. */
function signsInDifferently(before: MailboxEntity, after: MailboxEntity): boolean {
  return (
    before.imapHost !== after.imapHost ||
    before.imapPort !== after.imapPort ||
    before.imapSecure !== after.imapSecure ||
    before.imapUser !== after.imapUser ||
    before.imapPasswordEncrypted !== after.imapPasswordEncrypted
  );
}
