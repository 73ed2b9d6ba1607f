import { type E2eApp, startE2eApp } from '../../test/e2e-app';
import { createTestDatabase } from '../sync/test/sync-harness';
import { expectInquiriesToFollowTheirMessages } from './test/mailbox-deletion.case';

describe('mailboxes on MariaDB (int)', () => {
  let e2e: E2eApp;
  let auth: { Authorization: string };

  beforeAll(async () => {
    e2e = await startE2eApp({ DB_URL: await createTestDatabase() });
    auth = { Authorization: `Bearer ${e2e.token}` };
  });
  afterAll(async () => {
    await e2e.close();
  });

  it('moves inquiries of a deleted mailbox to a connected one holding their messages', async () => {
    await expectInquiriesToFollowTheirMessages(e2e.app, auth);
  });
});
