import { DomainError, ErrorCode } from '../../common/domain-error';
import { describeImapError } from './imap-errors';

/**
 * The lease is gone: another worker took the mailbox over, or it was deleted. The current
 * pass stops without touching its cursor.
 */
export class LeaseLostError extends Error {
  constructor(readonly mailboxId: number) {
    super(
      `the sync lease on mailbox ${mailboxId} is gone (taken over by another worker, or the mailbox was deleted)`,
    );
    this.name = 'LeaseLostError';
  }
}

export const mailboxNotFound = (mailboxId: number) =>
  new DomainError(ErrorCode.MailboxNotFound, `mailbox ${mailboxId} does not exist`);

export const mailboxBusy = (mailboxId: number, owner: string | null, until: Date | null) =>
  new DomainError(
    ErrorCode.MailboxBusy,
    `mailbox ${mailboxId} is being synced by worker ${owner ?? 'unknown'}` +
      (until ? ` (lease until ${until.toISOString()})` : ''),
  );

export const mailboxUnreachable = (mailboxId: number, host: string, port: number, cause: unknown) =>
  new DomainError(
    ErrorCode.MailboxUnreachable,
    `mailbox ${mailboxId}: cannot sign in to ${host}:${port}: ${describeImapError(cause)}`,
  );

/** A pass that failed after signing in: the server went away, or the database did. */
export const mailboxSyncFailed = (mailboxId: number, cause: unknown) =>
  new DomainError(
    ErrorCode.MailboxUnreachable,
    `mailbox ${mailboxId}: the sync failed and is retried in the background: ${describeImapError(cause)}`,
  );
