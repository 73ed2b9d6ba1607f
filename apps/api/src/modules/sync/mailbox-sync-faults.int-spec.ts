import {
  startDovecot,
  startMariaDb,
  type DovecotServer,
  type MariaDbServer,
} from '@inquiry/test-support';
import { loadSpamAssassinCorpus } from './test/spamassassin-corpus';
import {
  eventually,
  folderSynced,
  positionsHandled,
  serverMessageIds,
  serverUids,
  startSyncStack,
  startWorkerProcess,
  storedPositions,
  type SyncStack,
  type WorkerProcess,
} from './test/sync-harness';

/**
 * Messages per faulted mailbox: enough that the fault lands in the middle of the sync, with most
 * of the mailbox still to fetch and store when the first batch of 100 is in.
 */
const MAILBOX_SIZE = 900;
/** The fault is injected once this many messages are in: after the first batch. */
const FAULT_AFTER = 100;

/**
 * Worker processes (the real entry point) syncing Dovecot into a MariaDB of their own, with
 * the IMAP server, the worker and the database each taken away in the middle of a sync.
 */
describe('IMAP sync under faults', () => {
  let dovecot: DovecotServer;
  let mariadb: MariaDbServer;
  let stack: SyncStack;
  let corpus: Buffer[];
  const workers: WorkerProcess[] = [];

  const startWorker = (name: string): WorkerProcess => {
    const worker = startWorkerProcess(stack, name);
    workers.push(worker);
    return worker;
  };

  /** A mailbox of `MAILBOX_SIZE` corpus messages starting at `offset`, so each test syncs different mail. */
  const seededMailbox = async (user: string, offset: number): Promise<number> => {
    const mailboxId = await stack.createMailbox(dovecot, user, 'pw');
    await dovecot.appendMessages(user, 'INBOX', corpus.slice(offset, offset + MAILBOX_SIZE));
    return mailboxId;
  };

  const midSync = (mailboxId: number) =>
    eventually(
      `${FAULT_AFTER} messages of mailbox ${mailboxId} in`,
      async () => (await positionsHandled(stack.dataSource, mailboxId)) >= FAULT_AFTER,
    );

  /** Waits for the sync to finish, then checks every server message is in the database exactly once. */
  const expectEverythingOnce = async (user: string, mailboxId: number) => {
    await eventually(`mailbox ${mailboxId} fully synced`, () =>
      folderSynced(stack.dataSource, dovecot, user, mailboxId, 'INBOX'),
    );
    const server = await serverUids(dovecot, user, 'INBOX');
    const onServer = await serverMessageIds(dovecot, user, 'pw', 'INBOX');
    const stored = await storedPositions(stack.dataSource, mailboxId, 'INBOX', server.uidValidity);
    const storedUids = [...stored.messageIdAt.keys()].sort((a, b) => a - b);
    expect([...storedUids, ...stored.quarantinedUids].sort((a, b) => a - b)).toEqual(server.uids);
    expect(storedUids.filter((uid) => stored.quarantinedUids.includes(uid))).toEqual([]);
    const mismatched = storedUids.filter(
      (uid) => (stored.messageIdAt.get(uid) ?? undefined) !== onServer.get(uid),
    );
    expect(mismatched).toEqual([]);
    expect(stored.duplicateMessageIds).toEqual([]);
  };

  beforeAll(async () => {
    [dovecot, mariadb, corpus] = await Promise.all([
      startDovecot(),
      startMariaDb({ database: 'faults' }),
      loadSpamAssassinCorpus(3 * MAILBOX_SIZE),
    ]);
    stack = await startSyncStack(mariadb.url);
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop('SIGKILL')));
  });
  afterAll(async () => {
    await stack?.close();
    await Promise.all([dovecot?.stop(), mariadb?.stop()]);
  });

  it('finishes the sync when Dovecot goes down in the middle and comes back', async () => {
    const mailboxId = await seededMailbox('imap-down', 0);
    const worker = startWorker('worker-imap');
    await midSync(mailboxId);
    await dovecot.shutdown();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await dovecot.restart();
    await expectEverythingOnce('imap-down', mailboxId);
    expect(worker.running()).toBe(true);
    expect(worker.output()).toMatch(/mailbox \d+: retrying in/);
  });

  it('picks the sync up in a new worker after the first is killed (SIGKILL) in the middle', async () => {
    const mailboxId = await seededMailbox('worker-killed', MAILBOX_SIZE);
    const first = startWorker('worker-killed-1');
    await midSync(mailboxId);
    await first.stop('SIGKILL');
    const handledAtKill = await positionsHandled(stack.dataSource, mailboxId);
    expect(handledAtKill).toBeLessThan(MAILBOX_SIZE);
    const second = startWorker('worker-killed-2');
    await expectEverythingOnce('worker-killed', mailboxId);
    expect(second.output()).toContain(`mailbox ${mailboxId}: leased, syncing`);
  });

  it('finishes the sync when MariaDB crashes in the middle and is restarted', async () => {
    const mailboxId = await seededMailbox('db-down', 2 * MAILBOX_SIZE);
    const worker = startWorker('worker-db');
    await midSync(mailboxId);
    await mariadb.kill();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await mariadb.restart();
    await expectEverythingOnce('db-down', mailboxId);
    expect(worker.running()).toBe(true);
    expect(worker.output()).toMatch(/mailbox \d+: retrying in/);
  });
});
