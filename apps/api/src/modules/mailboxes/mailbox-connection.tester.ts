import { Injectable } from '@nestjs/common';
import { SecretBox } from '../../crypto/secret-box';
import type { MailboxEntity } from '../../database/entities';
import { createImapClient } from '../sync/imap-client.factory';
import { createSmtpTransport } from './smtp-transport.factory';

export interface ConnectionCheck {
  ok: boolean;
  error?: string;
}

const SMTP_TIMEOUT_MS = 15_000;

/** Signs in to the mailbox's servers and out again, changing nothing on them. */
@Injectable()
export class MailboxConnectionTester {
  constructor(private readonly secrets: SecretBox) {}

  async testImap(mailbox: MailboxEntity): Promise<ConnectionCheck> {
    const client = createImapClient(mailbox, this.secrets.decrypt(mailbox.imapPasswordEncrypted));
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.logout();
      return { ok: true };
    } catch (error) {
      client.close();
      return { ok: false, error: describe(error) };
    }
  }

  async testSmtp(mailbox: MailboxEntity): Promise<ConnectionCheck | null> {
    if (!mailbox.smtpHost || !mailbox.smtpPort) return null;
    const transport = createSmtpTransport(mailbox, this.secrets, SMTP_TIMEOUT_MS);
    try {
      await transport.verify();
      return { ok: true };
    } catch (error) {
      return { ok: false, error: describe(error) };
    } finally {
      transport.close();
    }
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const details = error as Error & { responseText?: string; code?: string };
  return [details.code, details.responseText ?? error.message].filter(Boolean).join(': ');
}
