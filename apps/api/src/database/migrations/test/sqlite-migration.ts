import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { SQLITE_MIGRATIONS } from '../sqlite';

type Migration = (typeof SQLITE_MIGRATIONS)[number];

/**
 * Runs a data migration against rows written under the schema before it, as an installation
 * upgrading meets it: `seed` fills a database migrated up to `migration`, `check` reads the
 * database after every migration has run, with what `seed` returned.
 */
export async function upgradeWith<Seeded>(
  migration: Migration,
  seed: (old: DataSource) => Promise<Seeded>,
  check: (migrated: DataSource, seeded: Seeded) => Promise<void>,
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'inquiry-migration-'));
  const open = async (migrations: Migration[]) => {
    const dataSource = await new DataSource({
      type: 'better-sqlite3',
      database: join(dir, 'inquiry.sqlite'),
      migrations,
      migrationsTableName: 'schema_migrations',
    }).initialize();
    await dataSource.runMigrations();
    return dataSource;
  };
  try {
    const before = SQLITE_MIGRATIONS.indexOf(migration);
    if (before < 0) throw new Error(`${migration.name} is not among the SQLite migrations`);
    const old = await open(SQLITE_MIGRATIONS.slice(0, before));
    let seeded: Seeded;
    try {
      seeded = await seed(old);
    } finally {
      await old.destroy();
    }
    const migrated = await open(SQLITE_MIGRATIONS);
    try {
      await check(migrated, seeded);
    } finally {
      await migrated.destroy();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
