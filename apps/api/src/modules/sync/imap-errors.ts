/** What imapflow adds to an error when the server answered a command with NO, BAD or BYE. */
interface ImapCommandError {
  code?: string;
  responseStatus?: string;
  responseText?: string;
  authenticationFailed?: boolean;
  mailboxMissing?: boolean;
}

/** imapflow's message when all it knows is that the server said no. */
const GENERIC_MESSAGE = 'Command failed';
/** Dovecot closes its answers with the time they took: `(0.001 + 0.000 secs).` */
const SERVER_TIMING = /\s*\([\d.+ ]+secs\)\.?$/;

/**
 * The server refused a command on one folder (it does not exist, or may not be read) while
 * the connection itself is fine, so the other folders can still be synced.
 */
export function isFolderRefusal(error: unknown): boolean {
  const details = error as ImapCommandError | null;
  if (!details || details.authenticationFailed) return false;
  return (
    details.code === 'NotFound' ||
    details.mailboxMissing === true ||
    details.responseStatus === 'NO'
  );
}

/**
 * One line for the mailbox's health and the API: imapflow's own message is often only
 * "Command failed", the server's reason is in its response text.
 */
export function describeImapError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { authenticationFailed } = error as ImapCommandError;
  const reason = (error as ImapCommandError).responseText?.replace(SERVER_TIMING, '');
  if (authenticationFailed) return `authentication failed${reason ? `: ${reason}` : ''}`;
  if (!reason || error.message.includes(reason)) return error.message;
  return error.message === GENERIC_MESSAGE ? reason : `${error.message}: ${reason}`;
}
