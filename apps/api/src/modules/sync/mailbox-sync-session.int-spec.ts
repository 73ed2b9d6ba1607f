import { startDovecot, type DovecotServer } from '@inquiry/test-support';
import { DomainError } from '../../common/domain-error';
import { SecretBox } from '../../crypto/secret-box';
import { InquiryEntity, MailboxEntity } from '../../database/entities';
import { mail } from '../../test/temp-context';
import { MailboxSyncProcessor } from './mailbox-sync.processor';
import { MailboxSyncService } from './mailbox-sync.service';
import { createTestDatabase, startSyncStack, type SyncStack } from './test/sync-harness';

const inquiry = (n: number) =>
  mail({
    from: `Buyer ${n} <buyer${n}@importer.example>`,
    subject: `RFQ ${n}: ball valves DN50`,
    messageId: `session-${n}@importer.example`,
    body: `Please quote ${n * 100} pcs of ball valves DN50, FOB Ningbo.`,
  });

/** Polls `check` until it holds, for the background worker's asynchronous steps. */
async function eventually(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('a mailbox whose settings or folders change while it is synced', () => {
  let dovecot: DovecotServer;
  let stack: SyncStack;
  let sync: MailboxSyncService;
  const mailboxes = () => stack.dataSource.getRepository(MailboxEntity);
  const storedInquiries = (mailboxId: number) =>
    stack.dataSource.getRepository(InquiryEntity).countBy({ mailboxId });

  beforeAll(async () => {
    dovecot = await startDovecot();
    // The background worker runs, as in the service.
    stack = await startSyncStack(await createTestDatabase(), { SYNC_WORKER: 'on' });
    sync = stack.app.get(MailboxSyncService);
  });
  afterAll(async () => {
    await stack?.close();
    await dovecot?.stop();
  });

  it('syncs and triages the other folders when the server refuses one, and says which', async () => {
    const id = await stack.createMailbox(dovecot, 'folders', 'pw', ['INBOX', 'No Such Folder']);
    await dovecot.appendMessages('folders', 'INBOX', [inquiry(1), inquiry(2)]);
    const report = await sync.syncNow(id);
    expect(report.folders).toEqual([
      expect.objectContaining({ folder: 'INBOX', fetched: 2 }),
      expect.objectContaining({ folder: 'No Such Folder', fetched: 0, error: expect.any(String) }),
    ]);
    expect(report.triaged).toBe(2);
    const status = await sync.getStatus(id);
    expect(status.lastError).toMatch(/^folder No Such Folder: .+/);
  });

  it('signs in with a corrected password at once, and answers sync-now with the reason meanwhile', async () => {
    const id = await stack.createMailbox(dovecot, 'rotated', 'right-password');
    await dovecot.appendMessages('rotated', 'INBOX', [inquiry(3)]);
    const secrets = stack.app.get(SecretBox);
    await mailboxes().update(id, { imapPasswordEncrypted: secrets.encrypt('wrong-password') });
    await eventually(
      async () => (await sync.getStatus(id)).consecutiveFailures > 0,
      'the wrong password failed',
    );
    const refused = await sync.syncNow(id).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).message).toMatch(/authentication failed/i);

    await mailboxes().update(id, { imapPasswordEncrypted: secrets.encrypt('right-password') });
    sync.reload(id);
    await eventually(
      async () => (await sync.getStatus(id)).lastSuccessAt !== null,
      'a pass succeeded',
    );
    expect(await storedInquiries(id)).toBe(1);
  });

  it('lets go of a mailbox that is disabled or deleted', async () => {
    const processor = stack.app.get(MailboxSyncProcessor);
    const disabled = await stack.createMailbox(dovecot, 'paused', 'pw');
    const deleted = await stack.createMailbox(dovecot, 'removed', 'pw');
    await eventually(
      () => !!processor.sessionFor(disabled) && !!processor.sessionFor(deleted),
      'both mailboxes were taken up',
    );
    await mailboxes().update(disabled, { enabled: false });
    await mailboxes().delete(deleted);
    sync.reload(disabled);
    sync.reload(deleted);
    await eventually(
      () => !processor.sessionFor(disabled) && !processor.sessionFor(deleted),
      'both sessions ended',
    );
    expect((await mailboxes().findOneByOrFail({ id: disabled })).leaseOwner).toBeNull();
    await dovecot.appendMessages('paused', 'INBOX', [inquiry(4)]);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await storedInquiries(disabled)).toBe(0);
  });
});
