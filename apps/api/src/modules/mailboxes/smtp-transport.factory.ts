import { createTransport, type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { SecretBox } from '../../crypto/secret-box';
import type { MailboxEntity } from '../../database/entities';

/** A transport to the mailbox's SMTP server; every wait on it gives up after `timeoutMs`. */
export function createSmtpTransport(
  mailbox: MailboxEntity,
  secrets: SecretBox,
  timeoutMs: number,
): Transporter<SMTPTransport.SentMessageInfo> {
  if (!mailbox.smtpHost || !mailbox.smtpPort) throw new Error('the mailbox has no SMTP server');
  return createTransport({
    host: mailbox.smtpHost,
    port: mailbox.smtpPort,
    secure: mailbox.smtpSecure ?? true,
    auth: mailbox.smtpUser
      ? {
          user: mailbox.smtpUser,
          pass: mailbox.smtpPasswordEncrypted ? secrets.decrypt(mailbox.smtpPasswordEncrypted) : '',
        }
      : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
}
