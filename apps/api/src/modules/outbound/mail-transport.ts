import { Injectable } from '@nestjs/common';
import { SecretBox } from '../../crypto/secret-box';
import type { MailboxEntity } from '../../database/entities';
import { createSmtpTransport } from '../mailboxes/smtp-transport.factory';
import { createImapClient } from '../sync/imap-client.factory';

const SMTP_TIMEOUT_MS = 30_000;

/** Where the copy of a sent message landed on the IMAP server. */
export interface SentCopy {
  folder: string;
  uidValidity: number | null;
  uid: number | null;
}

/**
 * The two network side effects of sending, over the mailbox's own servers: SMTP submission of
 * the prepared bytes, and IMAP APPEND of the same bytes to the Sent folder.
 */
@Injectable()
export class MailTransport {
  constructor(private readonly secrets: SecretBox) {}

  /** Submits `raw` as is; resolves with the server's response line. */
  async submit(mailbox: MailboxEntity, raw: Buffer, to: string[]): Promise<string> {
    const transport = createSmtpTransport(mailbox, this.secrets, SMTP_TIMEOUT_MS);
    try {
      const info = await transport.sendMail({ envelope: { from: mailbox.address, to }, raw });
      return info.response;
    } finally {
      transport.close();
    }
  }

  /**
   * Appends to the folder marked \Sent, else the one named Sent (created when missing), unless
   * a message with our Message-ID is already there: an earlier attempt may have landed without
   * its outcome being recorded (a crash, a lost response), and the copy must exist once.
   */
  async appendToSent(
    mailbox: MailboxEntity,
    raw: Buffer,
    date: Date,
    messageId: string,
  ): Promise<SentCopy> {
    const client = createImapClient(mailbox, this.secrets.decrypt(mailbox.imapPasswordEncrypted));
    client.on('error', () => undefined);
    await client.connect();
    try {
      const folders = await client.list();
      const sent =
        folders.find((folder) => folder.specialUse === '\\Sent') ??
        folders.find((folder) => folder.path.toLowerCase() === 'sent');
      const path = sent?.path ?? 'Sent';
      if (!sent) await client.mailboxCreate(path);
      else {
        const lock = await client.getMailboxLock(path, { readOnly: true });
        try {
          const found = await client.search(
            { header: { 'message-id': `<${messageId}>` } },
            { uid: true },
          );
          if (found && found.length > 0 && client.mailbox) {
            return {
              folder: path,
              uidValidity: Number(client.mailbox.uidValidity),
              uid: found[0]!,
            };
          }
        } finally {
          lock.release();
        }
      }
      const result = await client.append(path, raw, ['\\Seen'], date);
      if (!result) throw new Error(`the server refused to append to ${path}`);
      return {
        folder: result.destination || path,
        uidValidity: result.uidValidity === undefined ? null : Number(result.uidValidity),
        uid: result.uid ?? null,
      };
    } finally {
      await client.logout().catch(() => client.close());
    }
  }
}

/** An error as a rep reads it: SMTP's code and response when there is one. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const details = error as Error & { responseCode?: number; response?: string; code?: string };
  return [details.code, details.responseCode, details.response ?? error.message]
    .filter(Boolean)
    .join(' ')
    .slice(0, 2000);
}
