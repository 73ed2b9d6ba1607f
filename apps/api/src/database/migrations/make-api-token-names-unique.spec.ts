import { MakeApiTokenNamesUnique1796000000300 } from './sqlite/1796000000300-MakeApiTokenNamesUnique';
import { upgradeWith } from './test/sqlite-migration';

describe('MakeApiTokenNamesUnique (SQLite)', () => {
  it('keeps every token of a shared name, renaming all but the oldest', async () => {
    await upgradeWith(
      MakeApiTokenNamesUnique1796000000300,
      async (old) => {
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
      },
      async (migrated) => {
        const rows = await migrated.query<unknown[]>(
          'SELECT "id", "name", "token_hash" AS "hash" FROM "api_tokens" ORDER BY "id"',
        );
        await expect(
          migrated.query(
            'INSERT INTO "api_tokens" ("name", "token_hash", "role", "created_at") VALUES (\'bob\', \'b2\', \'admin\', datetime())',
          ),
        ).rejects.toThrow(/UNIQUE/);
        expect(rows).toEqual([
          { id: 1, name: 'alice', hash: 'a1' },
          { id: 2, name: 'bob', hash: 'b1' },
          { id: 3, name: 'alice #3', hash: 'a2' },
          { id: 4, name: 'alice #4', hash: 'a3' },
        ]);
      },
    );
  });
});
