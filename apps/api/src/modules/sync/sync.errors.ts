import { DomainError, ErrorCode } from '../../common/domain-error';

/** Another worker took the mailbox over; the current pass stops without touching its cursor. */
export class LeaseLostError extends Error {
  constructor(readonly mailboxId: number) {
    super(`the sync lease on mailbox ${mailboxId} was taken over by another worker`);
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
    `mailbox ${mailboxId}: cannot sign in to ${host}:${port}: ${cause instanceof Error ? cause.message : String(cause)}`,
  );
