import { ImapFlow } from 'imapflow';
import type { MailboxEntity } from '../../database/entities';

/** A server silent this long (ms) counts as gone, so a dead connection fails instead of hanging. */
const SOCKET_TIMEOUT_MS = 60_000;
const CONNECT_TIMEOUT_MS = 15_000;
/**
 * Idle this long (ms) with a folder open, the client enters IDLE, from which the server tells
 * of new mail at once; imapflow's default of 15 s would leave new inquiries unseen that long.
 */
const AUTO_IDLE_DELAY_MS = 1_000;

export function createImapClient(mailbox: MailboxEntity, password: string): ImapFlow {
  return new ImapFlow({
    host: mailbox.imapHost,
    port: mailbox.imapPort,
    secure: mailbox.imapSecure,
    auth: { user: mailbox.imapUser, pass: password },
    logger: false,
    connectionTimeout: CONNECT_TIMEOUT_MS,
    greetingTimeout: CONNECT_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
    autoIdleDelay: AUTO_IDLE_DELAY_MS,
  });
}
