import { type E2eApp, startE2eApp } from '../../test/e2e-app';
import { createTestDatabase } from '../sync/test/sync-harness';
import { expectSearchIgnoresLetterCase } from './test/unicode-search.case';

describe('inquiry search on MariaDB (int)', () => {
  let e2e: E2eApp;
  let auth: { Authorization: string };

  beforeAll(async () => {
    e2e = await startE2eApp({ DB_URL: await createTestDatabase() });
    auth = { Authorization: `Bearer ${e2e.token}` };
  });
  afterAll(async () => {
    await e2e.close();
  });

  it('finds text whatever the case of its letters, in any script', async () => {
    await expectSearchIgnoresLetterCase(e2e.app.getHttpServer(), auth);
  });
});
