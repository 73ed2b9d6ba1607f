import { describeImapError, isFolderRefusal } from './imap-errors';

const imapError = (message: string, details: Record<string, unknown>) =>
  Object.assign(new Error(message), details);

describe('IMAP errors', () => {
  const missing = imapError('Command failed', {
    responseStatus: 'NO',
    responseText: "Mailbox doesn't exist: Anfragen (0.001 + 0.000 secs).",
    mailboxMissing: true,
  });
  const badLogin = imapError('Command failed', {
    responseStatus: 'NO',
    responseText: 'Authentication failed.',
    authenticationFailed: true,
  });
  const dropped = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });

  it('gives the server reason instead of "Command failed"', () => {
    expect(describeImapError(missing)).toBe("Mailbox doesn't exist: Anfragen");
    expect(describeImapError(badLogin)).toBe('authentication failed: Authentication failed.');
    expect(describeImapError(dropped)).toBe('read ECONNRESET');
  });

  it('takes a refused folder for the folder alone, a refused login or lost connection for all', () => {
    expect(isFolderRefusal(missing)).toBe(true);
    expect(isFolderRefusal(imapError("Mailbox doesn't exist: X", { code: 'NotFound' }))).toBe(true);
    expect(isFolderRefusal(badLogin)).toBe(false);
    expect(isFolderRefusal(dropped)).toBe(false);
  });
});
