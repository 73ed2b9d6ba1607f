import { NEVER_SYNCED, type MailboxEntity } from '../entities';

/** A fresh, enabled, IMAP-only mailbox row that has never synced; `fields` name its server. */
export function mailboxRow(
  fields: Pick<MailboxEntity, 'address' | 'imapPasswordEncrypted'> & Partial<MailboxEntity>,
): Omit<MailboxEntity, 'id'> {
  const now = new Date();
  return {
    name: fields.address,
    imapHost: 'imap.seller.example',
    imapPort: 993,
    imapSecure: true,
    imapUser: fields.address,
    smtpHost: null,
    smtpPort: null,
    smtpSecure: null,
    smtpUser: null,
    smtpPasswordEncrypted: null,
    folders: null,
    enabled: true,
    ...NEVER_SYNCED,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}
