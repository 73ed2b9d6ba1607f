import { createHash } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import { startDovecot, type DovecotServer } from '@inquiry/test-support';
import { syncFolder, type FolderCursor, type FolderSyncResult } from './imap-folder-sync';
import { loadSpamAssassinCorpus } from './test/spamassassin-corpus';

const sha256 = (text: string) => createHash('sha256').update(text, 'latin1').digest('hex');

/** The folder sync on its own, against real Dovecot, with an in-memory store and cursor. */
describe('syncFolder', () => {
  let dovecot: DovecotServer;
  let client: ImapFlow;
  let corpus: Buffer[];
  const stored = new Map<string, Buffer>();
  let cursor: FolderCursor | undefined;
  let checkpoints = 0;

  const pass = (batchSize = 100): Promise<FolderSyncResult> =>
    syncFolder(client, {
      folder: 'INBOX',
      cursor,
      batchSize,
      batchBytes: 1024 * 1024 * 1024,
      prepareBatch: (messages) => Promise.resolve(messages),
      prepareWhileStoring: true,
      storeBatch: (messages, next) => {
        for (const message of messages)
          stored.set(`${message.uidValidity}/${message.uid}`, message.raw);
        cursor = next;
        return Promise.resolve();
      },
      saveCursor: (next) => {
        cursor = next;
        return Promise.resolve();
      },
      checkpoint: () => {
        checkpoints += 1;
        return Promise.resolve();
      },
    });

  const connect = async (): Promise<ImapFlow> => {
    const fresh = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      auth: { user: 'sales', pass: 'pw' },
      logger: false,
    });
    fresh.on('error', () => undefined);
    await fresh.connect();
    return fresh;
  };

  beforeAll(async () => {
    [dovecot, corpus] = await Promise.all([startDovecot(), loadSpamAssassinCorpus(2100)]);
    await dovecot.addUser('sales', 'pw');
    await dovecot.appendMessages('sales', 'INBOX', corpus.slice(0, 2000));
    client = await connect();
  });
  afterAll(async () => {
    await client?.logout();
    await dovecot?.stop();
  });

  it('downloads every message byte for byte on the first pass, in batches', async () => {
    const result = await pass();
    expect(result).toMatchObject({ skipped: false, fullResync: true, fetched: 2000 });
    expect(checkpoints).toBe(20);
    expect(cursor).toMatchObject({ highestUid: 2000, messagesOnServer: 2000 });
    // IMAP delivers CRLF line ends whatever the maildir holds; the bytes are otherwise the same.
    const digests = (raws: Buffer[]) =>
      raws.map((raw) => sha256(raw.toString('latin1').replace(/\r\n/g, '\n'))).sort();
    expect(digests([...stored.values()])).toEqual(digests(corpus.slice(0, 2000)));
  });

  it('skips an unchanged folder on STATUS alone', async () => {
    expect(await pass()).toMatchObject({ skipped: true, fetched: 0 });
  });

  it('fetches only new messages', async () => {
    await dovecot.appendMessages('sales', 'INBOX', corpus.slice(2000, 2050));
    expect(await pass()).toMatchObject({ skipped: false, fullResync: false, fetched: 50 });
    expect(cursor?.highestUid).toBe(2050);
  });

  it('starts over when UIDVALIDITY changes', async () => {
    const validity = await dovecot.resetUidValidity('sales', 'INBOX');
    // Dovecot drops sessions that had the folder open when its UIDVALIDITY changes.
    client.close();
    client = await connect();
    const result = await pass(500);
    expect(result).toMatchObject({ fullResync: true, fetched: 2050 });
    expect(cursor?.uidValidity).toBe(validity);
    expect([...stored.keys()].filter((key) => key.startsWith(`${validity}/`))).toHaveLength(2050);
  });

  it('prepares a batch only once the one before is stored when preparing must wait', async () => {
    const events: string[] = [];
    let prepared = 0;
    let storing = 0;
    const result = await syncFolder(client, {
      folder: 'INBOX',
      cursor: undefined,
      batchSize: 400,
      batchBytes: 1024 * 1024 * 1024,
      prepareBatch: (messages) => {
        events.push(`prepare ${prepared++}`);
        return Promise.resolve(messages.length);
      },
      prepareWhileStoring: false,
      storeBatch: async () => {
        const batch = storing++;
        events.push(`store ${batch}`);
        // A store that takes a while: a prepare started early would land in between.
        await new Promise((resolve) => setTimeout(resolve, 20));
        events.push(`stored ${batch}`);
      },
      saveCursor: () => Promise.resolve(),
      checkpoint: () => Promise.resolve(),
    });
    expect(result.fetched).toBe(2050);
    const batches = storing;
    expect(batches).toBe(6);
    expect(events).toEqual(
      Array.from({ length: batches }, (_, i) => [
        `prepare ${i}`,
        `store ${i}`,
        `stored ${i}`,
      ]).flat(),
    );
  });

  it('ends a batch at its byte budget, a larger message going alone', async () => {
    const sizes: number[][] = [];
    const budget = 64 * 1024;
    const result = await syncFolder(client, {
      folder: 'INBOX',
      cursor: undefined,
      batchSize: 1000,
      batchBytes: budget,
      prepareBatch: (messages) => Promise.resolve(messages.map((message) => message.raw.length)),
      prepareWhileStoring: true,
      storeBatch: (batch) => {
        sizes.push(batch);
        return Promise.resolve();
      },
      saveCursor: () => Promise.resolve(),
      checkpoint: () => Promise.resolve(),
    });
    expect(result.fetched).toBe(2050);
    expect(sizes.flat()).toHaveLength(2050);
    const total = sizes.flat().reduce((sum, size) => sum + size, 0);
    expect(sizes.length).toBeGreaterThanOrEqual(Math.ceil(total / budget));
    for (const batch of sizes)
      if (batch.length > 1)
        expect(batch.reduce((sum, size) => sum + size, 0)).toBeLessThanOrEqual(budget);
  });

  it('resumes after the last stored batch when a pass is cut short', async () => {
    await dovecot.appendMessages('sales', 'INBOX', corpus.slice(2050, 2100));
    const before = cursor!;
    let batches = 0;
    await expect(
      syncFolder(client, {
        folder: 'INBOX',
        cursor: before,
        batchSize: 20,
        batchBytes: 1024 * 1024 * 1024,
        prepareBatch: () => Promise.resolve(),
        prepareWhileStoring: true,
        storeBatch: (_, next) => {
          cursor = next;
          return Promise.resolve();
        },
        saveCursor: (next) => {
          cursor = next;
          return Promise.resolve();
        },
        checkpoint: () =>
          ++batches === 2 ? Promise.reject(new Error('lease lost')) : Promise.resolve(),
      }),
    ).rejects.toThrow('lease lost');
    expect(cursor!.highestUid).toBe(before.highestUid + 40);
    expect(await pass()).toMatchObject({ fetched: 10 });
  });
});
