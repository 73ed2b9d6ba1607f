import { buildFuzzCorpus } from '@inquiry/mail/fuzz';
import { startDovecot, type DovecotServer } from '@inquiry/test-support';
import { loadSpamAssassinCorpus } from './test/spamassassin-corpus';
import {
  createTestDatabase,
  eventually,
  folderSynced,
  serverMessageIds,
  serverUids,
  startSyncStack,
  startWorkerProcess,
  storedPositions,
  type SyncStack,
  type WorkerProcess,
} from './test/sync-harness';

const FUZZ_SEED = 20_251_123;

/** Worker processes (the real entry point) against one MariaDB database and Dovecot. */
describe('sync worker processes', () => {
  let dovecot: DovecotServer;
  let stack: SyncStack;
  let corpus: Buffer[];
  const workers: WorkerProcess[] = [];

  const startWorker = (name: string): WorkerProcess => {
    const worker = startWorkerProcess(stack, name);
    workers.push(worker);
    return worker;
  };

  beforeAll(async () => {
    [dovecot, corpus] = await Promise.all([startDovecot(), loadSpamAssassinCorpus()]);
    stack = await startSyncStack(await createTestDatabase());
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
  });
  afterAll(async () => {
    await stack?.close();
    await dovecot?.stop();
  });

  it('two workers on one 2,000-message mailbox: one holds the lease and ingests, nothing is stored twice', async () => {
    const mailboxId = await stack.createMailbox(dovecot, 'shared', 'pw');
    await dovecot.appendMessages('shared', 'INBOX', corpus.slice(0, 2000));
    const pair = [startWorker('worker-a'), startWorker('worker-b')];
    const owners = new Set<string>();

    await eventually('the mailbox fully synced', async () => {
      const [row]: Array<{ lease_owner: string | null }> = await stack.dataSource.query(
        'SELECT lease_owner FROM mailboxes WHERE id = ?',
        [mailboxId],
      );
      if (row?.lease_owner) owners.add(row.lease_owner);
      return folderSynced(stack.dataSource, dovecot, 'shared', mailboxId, 'INBOX');
    });

    const server = await serverUids(dovecot, 'shared', 'INBOX');
    const onServer = await serverMessageIds(dovecot, 'shared', 'pw', 'INBOX');
    const stored = await storedPositions(stack.dataSource, mailboxId, 'INBOX', server.uidValidity);
    const storedUids = [...stored.messageIdAt.keys()];
    expect([...storedUids, ...stored.quarantinedUids].sort((a, b) => a - b)).toEqual(server.uids);
    expect(
      storedUids.filter((uid) => (stored.messageIdAt.get(uid) ?? undefined) !== onServer.get(uid)),
    ).toEqual([]);
    expect(stored.duplicateMessageIds).toEqual([]);
    expect(owners.size).toBe(1);
    const leased = pair.filter((worker) =>
      worker.output().includes(`mailbox ${mailboxId}: leased, syncing`),
    );
    expect(leased.map((worker) => worker.workerId)).toEqual([...owners]);
    expect(pair.every((worker) => worker.running())).toBe(true);
  });

  it('stores or quarantines with a reason each of 1,000 malformed messages, and the worker keeps running', async () => {
    const seeds = [0, 1, 2, 1500, 2100, 2500].map((index) => corpus[index]!);
    const fuzzed = buildFuzzCorpus(seeds, 1000, FUZZ_SEED);
    const mailboxId = await stack.createMailbox(dovecot, 'fuzz', 'pw');
    await dovecot.appendMessages(
      'fuzz',
      'INBOX',
      fuzzed.map((message) => message.raw),
    );
    const worker = startWorker('worker-fuzz');

    await eventually(
      'every fuzzed message handled',
      () => folderSynced(stack.dataSource, dovecot, 'fuzz', mailboxId, 'INBOX'),
      300_000,
    );

    const server = await serverUids(dovecot, 'fuzz', 'INBOX');
    expect(server.uids).toHaveLength(1000);
    const stored = await storedPositions(stack.dataSource, mailboxId, 'INBOX', server.uidValidity);
    expect([...stored.messageIdAt.keys(), ...stored.quarantinedUids].sort((a, b) => a - b)).toEqual(
      server.uids,
    );
    const reasons: Array<{ reason: string }> = await stack.dataSource.query(
      'SELECT reason FROM quarantined_messages WHERE mailbox_id = ?',
      [mailboxId],
    );
    expect(reasons.filter((row) => row.reason.trim() === '')).toEqual([]);
    expect(worker.running()).toBe(true);
    expect(worker.output()).not.toMatch(/Sync worker failed|Unhandled|uncaught/i);
  }, 360_000);
});
