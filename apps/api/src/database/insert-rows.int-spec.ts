import { createTestDatabase } from '../modules/sync/test/sync-harness';
import { openDatabase } from './data-source.factory';
import { insertRowsCases } from './test/insert-rows.cases';

describe('insertRows on MariaDB', () => {
  insertRowsCases(async () => openDatabase({ type: 'mysql', url: await createTestDatabase() }));
});
