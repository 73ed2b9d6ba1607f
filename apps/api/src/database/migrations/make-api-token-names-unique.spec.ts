import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { MakeApiTokenNamesUnique1796000000300 } from './sqlite/1796000000300-MakeApiTokenNamesUnique';
import { SQLITE_MIGRATIONS } from './sqlite';

describe('MakeApiTokenNamesUnique (SQLite)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'inquiry-migration-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function open(migrations: Array<(typeof SQLITE_MIGRATIONS)[number]>): Promise<DataSource> {
    return new DataSource({
      type: 'better-sqlite3',
      database: join(dir, 'inquiry.sqlite'),
      migrations,
      migrationsTableName: 'schema_migrations',
    }).initialize();
  }

  it('keeps every token of a shared name, renaming all but the oldest', async () => {
    const before = SQLITE_MIGRATIONS.indexOf(MakeApiTokenNamesUnique1796000000300);
    const old = await open(SQLITE_MIGRATIONS.slice(0, before));
    await old.runMigrations();
    for (const [name, hash] of [
      ['alice', 'a1'],
      ['bob', 'b1'],
      ['alice', 'a2'],
      ['alice', 'a3'],
    ])
      await old.query(
        'INSERT INTO "api_tokens" ("name", "token_hash", "role", "created_at") VALUES (?, ?, \'admin\', datetime())',
        [name, hash],
      );
    await old.destroy();

    const migrated = await open(SQLITE_MIGRATIONS);
    await migrated.runMigrations();
    const rows = await migrated.query<unknown[]>(
      'SELECT "id", "name", "token_hash" AS "hash" FROM "api_tokens" ORDER BY "id"',
    );
    await expect(
      migrated.query(
        'INSERT INTO "api_tokens" ("name", "token_hash", "role", "created_at") VALUES (\'bob\', \'b2\', \'admin\', datetime())',
      ),
    ).rejects.toThrow(/UNIQUE/);
    await migrated.destroy();
    expect(rows).toEqual([
      { id: 1, name: 'alice', hash: 'a1' },
      { id: 2, name: 'bob', hash: 'b1' },
      { id: 3, name: 'alice #3', hash: 'a2' },
      { id: 4, name: 'alice #4', hash: 'a3' },
    ]);
  });
});
