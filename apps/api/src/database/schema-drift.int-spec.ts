import { checkMysqlMigrations } from './schema-drift';

describe('MySQL/MariaDB migrations', () => {
  it('build exactly the schema the entities describe', async () => {
    const serverUrl = process.env.TEST_DB_URL;
    if (!serverUrl)
      throw new Error('TEST_DB_URL is not set: run through jest.int.config.js (it starts MariaDB)');
    await expect(checkMysqlMigrations(serverUrl)).resolves.toEqual([]);
  });
});
