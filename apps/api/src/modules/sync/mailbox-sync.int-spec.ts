import { startDovecot, type DovecotServer } from '@inquiry/test-support';
import { normaliseMessageId } from '../ingest/dedup-key';
import { InquiryTriageService } from '../ingest/inquiry-triage.service';
import { MailboxSyncService } from './mailbox-sync.service';
import { loadSpamAssassinCorpus } from './test/spamassassin-corpus';
import {
  createTestDatabase,
  serverMessageIds,
  serverUids,
  startSyncStack,
  storedFor,
  type SyncStack,
} from './test/sync-harness';

describe('IMAP sync against Dovecot and MariaDB', () => {
  let dovecot: DovecotServer;
  let stack: SyncStack;
  let sync: MailboxSyncService;
  let corpus: Buffer[];

  beforeAll(async () => {
    [dovecot, corpus] = await Promise.all([startDovecot(), loadSpamAssassinCorpus()]);
    stack = await startSyncStack(await createTestDatabase());
    sync = stack.app.get(MailboxSyncService);
  });
  afterAll(async () => {
    await stack?.close();
    await dovecot?.stop();
  });

  it('syncs 2,000 messages completely, then fetches only what is new, and survives a UIDVALIDITY reset', async () => {
    const mailboxId = await stack.createMailbox(dovecot, 'sales', 'pw');
    await dovecot.appendMessages('sales', 'INBOX', corpus.slice(0, 2000));

    const first = await sync.syncNow(mailboxId);
    expect(first.folders[0]).toMatchObject({ folder: 'INBOX', fetched: 2000, fullResync: true });
    const server = await serverUids(dovecot, 'sales', 'INBOX');
    const afterFirst = await storedFor(stack.dataSource, mailboxId, 'INBOX', server.uidValidity);
    expect([...afterFirst.uids, ...afterFirst.quarantinedUids].sort((a, b) => a - b)).toEqual(
      server.uids,
    );

    // Stored first, triaged after: by the end of the pass every inquiry was triaged, each once.
    const [triage]: Array<{ inquiries: number | string; pending: number | string }> =
      await stack.dataSource.query(
        'SELECT COUNT(*) AS inquiries, COUNT(*) - COUNT(triaged_at) AS pending FROM inquiries WHERE mailbox_id = ?',
        [mailboxId],
      );
    expect(Number(triage?.pending)).toBe(0);
    expect(first.triaged).toBe(Number(triage?.inquiries));
    expect(first.triaged).toBeGreaterThan(1900);

    const second = await sync.syncNow(mailboxId);
    expect(second.folders[0]).toMatchObject({ skipped: true, fetched: 0 });
    expect(second.triaged).toBe(0);

    await dovecot.appendMessages('sales', 'INBOX', corpus.slice(2000, 2050));
    const third = await sync.syncNow(mailboxId);
    expect(third.folders[0]).toMatchObject({ fetched: 50, fullResync: false });
    const afterNew = await storedFor(stack.dataSource, mailboxId, 'INBOX', server.uidValidity);
    expect(afterNew.uids.length + afterNew.quarantinedUids.length).toBe(2050);
    expect(afterNew.messages).toBeGreaterThan(afterFirst.messages);

    const validity = await dovecot.resetUidValidity('sales', 'INBOX');
    const resync = await sync.syncNow(mailboxId);
    expect(resync.folders[0]).toMatchObject({ fullResync: true, fetched: 2050 });
    const renumbered = await serverUids(dovecot, 'sales', 'INBOX');
    const afterReset = await storedFor(stack.dataSource, mailboxId, 'INBOX', validity);
    expect([...afterReset.uids, ...afterReset.quarantinedUids].sort((a, b) => a - b)).toEqual(
      renumbered.uids,
    );
    expect(afterReset.messages).toBe(afterNew.messages);

    const status = await sync.getStatus(mailboxId);
    expect(status).toMatchObject({
      messagesOnServer: 2050,
      consecutiveFailures: 0,
      lastError: null,
    });
    expect(status.messagesStored + status.messagesQuarantined).toBe(2050);
  });

  it('quarantines a message whose ingestion keeps throwing after 3 passes, while a database outage is retried however long it lasts', async () => {
    const mailboxId = await stack.createMailbox(dovecot, 'poison', 'pw');
    // Mail no other test stored, so that it is parsed rather than found stored by Message-ID.
    await dovecot.appendMessages('poison', 'INBOX', corpus.slice(2100, 2130));
    // The poison message makes ingestion code throw as a bug would; the other stands for a
    // database outage that lasts as long as the test says.
    const onServer = await serverMessageIds(dovecot, 'poison', 'pw', 'INBOX');
    expect([onServer.get(7), onServer.get(12)]).toEqual([expect.any(String), expect.any(String)]);
    const triage = stack.app.get(InquiryTriageService);
    const isRelayed = triage.isRelayed.bind(triage);
    let databaseDown = true;
    let poisonAttempts = 0;
    jest.spyOn(triage, 'isRelayed').mockImplementation((message) => {
      const messageId = normaliseMessageId(message.messageId);
      if (messageId === onServer.get(7)) {
        poisonAttempts += 1;
        throw new TypeError("Cannot read properties of undefined (reading 'address')");
      }
      if (messageId === onServer.get(12) && databaseDown) {
        throw Object.assign(new Error('Connection lost: The server closed the connection.'), {
          code: 'PROTOCOL_CONNECTION_LOST',
          fatal: true,
        });
      }
      return isRelayed(message);
    });
    try {
      for (let pass = 1; pass <= 5; pass += 1)
        await expect(sync.syncNow(mailboxId)).rejects.toThrow();
      const server = await serverUids(dovecot, 'poison', 'INBOX');
      const stuck = await storedFor(stack.dataSource, mailboxId, 'INBOX', server.uidValidity);
      expect(stuck.quarantinedUids).toEqual([7]);
      expect(stuck.uids).not.toContain(12);

      databaseDown = false;
      await sync.syncNow(mailboxId);
      const done = await storedFor(stack.dataSource, mailboxId, 'INBOX', server.uidValidity);
      expect(done.uids).toEqual(server.uids.filter((uid) => uid !== 7));
      expect(done.quarantinedUids).toEqual([7]);
      const [row]: Array<{ reason: string }> = await stack.dataSource.query(
        'SELECT reason FROM quarantined_messages WHERE mailbox_id = ? AND uid = 7',
        [mailboxId],
      );
      expect(row?.reason).toBe(
        "ingestion failed 3 times: TypeError: Cannot read properties of undefined (reading 'address')",
      );
      expect((await sync.getStatus(mailboxId)).messagesQuarantined).toBe(1);

      // Past the quarantined message for good: new mail is fetched alone, the poison never again.
      await dovecot.appendMessages('poison', 'INBOX', corpus.slice(2130, 2131));
      const next = await sync.syncNow(mailboxId);
      expect(next.folders[0]).toMatchObject({ fetched: 1, fullResync: false });
      expect(poisonAttempts).toBe(3);
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('stores a message found in INBOX and in another folder once, with both locations', async () => {
    const mailboxId = await stack.createMailbox(dovecot, 'export', 'pw', ['INBOX', 'Archive']);
    const shared = Buffer.from(
      'From: Buyer <buyer@importer.example>\r\nTo: export@example.org\r\nSubject: RFQ 40ft container\r\n' +
        'Message-ID: <rfq-shared-1@importer.example>\r\nDate: Mon, 3 Nov 2025 10:00:00 +0000\r\n\r\n' +
        'Please quote CIF Hamburg for 2,000 units.\r\n',
    );
    await dovecot.appendMessages('export', 'INBOX', [shared]);
    await dovecot.appendMessages('export', 'Archive', [shared]);
    const before = await storedFor(stack.dataSource, mailboxId, 'INBOX', 0);

    const report = await sync.syncNow(mailboxId);

    expect(report.folders.map((folder) => folder.fetched)).toEqual([1, 1]);
    const inbox = await serverUids(dovecot, 'export', 'INBOX');
    const archive = await serverUids(dovecot, 'export', 'Archive');
    const inInbox = await storedFor(stack.dataSource, mailboxId, 'INBOX', inbox.uidValidity);
    const inArchive = await storedFor(stack.dataSource, mailboxId, 'Archive', archive.uidValidity);
    expect(inInbox.uids).toEqual(inbox.uids);
    expect(inArchive.uids).toEqual(archive.uids);
    expect(inArchive.messages - before.messages).toBe(1);
  });
});
