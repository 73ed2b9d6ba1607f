import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { MailboxSyncRepository } from './mailbox-sync.repository';
import { MailboxSyncSession } from './mailbox-sync.session';
import { MailboxSyncer } from './mailbox-syncer';

/**
 * The sync worker of this process (when SYNC_WORKER is on): keeps claiming every enabled
 * mailbox whose lease is free or expired and runs a session for each one it wins. Any number
 * of processes can do this against one database; the lease decides who syncs what, and a
 * mailbox whose worker died is picked up once its lease runs out.
 */
@Injectable()
export class MailboxSyncProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailboxSyncProcessor.name);
  private readonly sessions = new Map<number, MailboxSyncSession>();
  private claimTimer: NodeJS.Timeout | undefined;
  private claiming: Promise<void> | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly repository: MailboxSyncRepository,
    private readonly syncer: MailboxSyncer,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.syncWorker) return;
    this.logger.log(`sync worker ${this.config.workerId} started`);
    this.claimTimer = setInterval(() => void this.claim(), this.claimIntervalMs());
    void this.claim();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.claimTimer);
    await this.claiming;
    await Promise.all([...this.sessions.values()].map((session) => session.stop()));
  }

  /** The live session for a mailbox this process holds, if any. */
  sessionFor(mailboxId: number): MailboxSyncSession | undefined {
    return this.sessions.get(mailboxId);
  }

  /** Free leases are looked for a few times per lease period, so a dead worker's are taken over soon. */
  private claimIntervalMs(): number {
    return Math.max(1000, (this.config.imapLeaseSeconds * 1000) / 4);
  }

  private claim(): Promise<void> {
    this.claiming ??= this.claimFreeMailboxes()
      .catch((error: unknown) => this.logger.warn(`claiming mailboxes failed: ${String(error)}`))
      .finally(() => {
        this.claiming = undefined;
      });
    return this.claiming;
  }

  private async claimFreeMailboxes(): Promise<void> {
    const now = new Date();
    for (const mailboxId of await this.repository.findUnleased(now)) {
      if (this.sessions.has(mailboxId)) continue;
      if (
        !(await this.repository.acquireLease(
          mailboxId,
          this.config.workerId,
          now,
          this.syncer.leaseUntil(now),
        ))
      )
        continue;
      const mailbox = await this.repository.findMailbox(mailboxId);
      if (!mailbox) continue;
      const session = new MailboxSyncSession(
        mailbox,
        this.syncer,
        this.repository,
        { pollSeconds: this.config.imapPollSeconds, leaseSeconds: this.config.imapLeaseSeconds },
        () => this.sessions.delete(mailboxId),
      );
      this.sessions.set(mailboxId, session);
      this.logger.log(`mailbox ${mailboxId}: leased, syncing`);
      session.start();
    }
  }
}
