import { checkSqliteMigrations } from './schema-drift';

describe('SQLite migrations', () => {
  it('build exactly the schema the entities describe', async () => {
    await expect(checkSqliteMigrations()).resolves.toEqual([]);
  });
});
