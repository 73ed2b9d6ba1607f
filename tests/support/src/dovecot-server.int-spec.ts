import { ImapFlow, type StatusObject } from 'imapflow';
import { startDovecot, type DovecotServer } from './dovecot-server';

function message(n: number): Buffer {
  return Buffer.from(
    `From: buyer${n}@example.com\r\nTo: sales@example.org\r\nSubject: Inquiry ${n}\r\n` +
      `Message-ID: <inquiry-${n}@example.com>\r\n\r\nPlease quote 100 pcs of item ${n}.\r\n`,
  );
}

async function withClient<T>(
  server: DovecotServer,
  user: string,
  pass: string,
  work: (client: ImapFlow) => Promise<T>,
): Promise<T> {
  const client = new ImapFlow({
    host: server.host,
    port: server.port,
    secure: false,
    auth: { user, pass },
    logger: false,
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.logout();
  }
}

function folderStatus(server: DovecotServer, folder: string): Promise<StatusObject> {
  return withClient(server, 'alice', 'secret', async (client) => {
    const status = await client.status(folder, {
      messages: true,
      uidNext: true,
      uidValidity: true,
    });
    if (!status) throw new Error(`no STATUS for ${folder}`);
    return status;
  });
}

describe('startDovecot', () => {
  let server: DovecotServer;

  beforeAll(async () => {
    server = await startDovecot();
    await server.addUser('alice', 'secret');
  });
  afterAll(async () => {
    await server.stop();
  });

  it('rejects a wrong password', async () => {
    await expect(withClient(server, 'alice', 'wrong', () => Promise.resolve())).rejects.toThrow();
  });

  it('serves appended messages in order with UIDs, in INBOX and other folders', async () => {
    await server.appendMessages('alice', 'INBOX', [1, 2, 3].map(message));
    await server.appendMessages('alice', 'Quotes', [message(4)]);
    const subjects = await withClient(server, 'alice', 'secret', async (client) => {
      const lock = await client.getMailboxLock('INBOX');
      try {
        const found: string[] = [];
        for await (const item of client.fetch('1:*', { uid: true, envelope: true }))
          found.push(item.envelope?.subject ?? '');
        return found;
      } finally {
        lock.release();
      }
    });
    expect(subjects).toEqual(['Inquiry 1', 'Inquiry 2', 'Inquiry 3']);
    const quotes = await folderStatus(server, 'Quotes');
    expect(quotes.messages).toBe(1);
  });

  it('gives a folder a new UIDVALIDITY and new UIDs on reset, keeping its messages', async () => {
    await server.appendMessages('alice', 'Reset', [5, 6].map(message));
    const before = await folderStatus(server, 'Reset');
    const validity = await server.resetUidValidity('alice', 'Reset');
    const after = await folderStatus(server, 'Reset');
    expect(Number(after.uidValidity)).toBe(validity);
    expect(after.uidValidity).not.toBe(before.uidValidity);
    expect(after.messages).toBe(2);
    expect(after.uidNext).toBeGreaterThan(before.uidNext!);
  });

  it('comes back with its mail after a restart, and is gone for new and open sessions while down', async () => {
    await server.appendMessages('alice', 'Survives', [message(7)]);
    const open = new ImapFlow({
      host: server.host,
      port: server.port,
      secure: false,
      auth: { user: 'alice', pass: 'secret' },
      logger: false,
    });
    open.on('error', () => undefined);
    await open.connect();
    await server.shutdown();
    await expect(open.noop()).rejects.toThrow();
    await expect(withClient(server, 'alice', 'secret', () => Promise.resolve())).rejects.toThrow();
    await server.restart();
    const status = await folderStatus(server, 'Survives');
    expect(status.messages).toBe(1);
  });

  it('seeds thousands of messages quickly enough for sync tests', async () => {
    const raws = Array.from({ length: 2000 }, (_, i) => message(1000 + i));
    await server.appendMessages('alice', 'Bulk', raws);
    const status = await folderStatus(server, 'Bulk');
    expect(status.messages).toBe(2000);
    expect(status.uidNext).toBe(2001);
  });
});
