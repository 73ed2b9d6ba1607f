export enum SyncErrorCode {
  MailboxNotFound = 'MAILBOX_NOT_FOUND',
  MailboxDisabled = 'MAILBOX_DISABLED',
  MailboxBusy = 'MAILBOX_SYNC_BUSY',
  LeaseLost = 'MAILBOX_LEASE_LOST',
}

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export const mailboxNotFound = (mailboxId: number) =>
  new SyncError(SyncErrorCode.MailboxNotFound, `mailbox ${mailboxId} does not exist`);

export const mailboxDisabled = (mailboxId: number) =>
  new SyncError(SyncErrorCode.MailboxDisabled, `mailbox ${mailboxId} is disabled`);

export const mailboxBusy = (mailboxId: number, owner: string | null, until: Date | null) =>
  new SyncError(
    SyncErrorCode.MailboxBusy,
    `mailbox ${mailboxId} is being synced by worker ${owner ?? 'unknown'}` +
      (until ? ` (lease until ${until.toISOString()})` : ''),
  );

export const leaseLost = (mailboxId: number) =>
  new SyncError(SyncErrorCode.LeaseLost, `the sync lease on mailbox ${mailboxId} was taken over by another worker`);
