import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { LARGE_TEXT } from './columns';
import { ENTITIES } from './entities';
import { MYSQL_MIGRATIONS } from './migrations/mysql';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * SQLite's LIKE and LOWER fold ASCII letters only, so `KUGELHÄHNE` would miss `Kugelhähne`;
 * text search compares through this function, which folds every script. MySQL and MariaDB
 * need none: the tables' utf8mb4_unicode_ci collation already ignores case.
 */
export const SQLITE_UNICODE_LOWER = 'unicode_lower';

/** The part of better-sqlite3's connection used here (TypeORM types it as `any`). */
interface SqliteConnection {
  function(
    name: string,
    options: { deterministic: boolean },
    implementation: (value: unknown) => unknown,
  ): void;
}

/**
 * The one place that knows the two dialects. Schema changes come from migrations only
 * (never `synchronize`); the caller runs them (`runMigrations`) once the source is up.
 */
function createDataSource(database: DatabaseConfig): DataSource {
  const common = {
    entities: ENTITIES,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'schema_migrations',
    // Failed queries are rethrown and reported by whoever handles them (a lost insert race
    // is expected and handled), so TypeORM itself only logs warnings and migrations.
    logging: ['warn', 'migration'],
  } satisfies Partial<DataSourceOptions>;

  if (database.type === 'sqlite') {
    if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
    const dataSource = new DataSource({
      ...common,
      type: 'better-sqlite3',
      database: database.path,
      migrations: SQLITE_MIGRATIONS,
      enableWAL: database.path !== ':memory:',
      // API, CLI and sync may share the file; wait for a writer instead of failing with SQLITE_BUSY.
      timeout: 10_000,
      prepareDatabase: (connection: SqliteConnection) =>
        connection.function(SQLITE_UNICODE_LOWER, { deterministic: true }, (value) =>
          typeof value === 'string' ? value.toLowerCase() : value,
        ),
    });
    // SQLite stores any declared type; admitting MySQL's name keeps one set of entities.
    dataSource.driver.supportedDataTypes.push(LARGE_TEXT);
    return dataSource;
  }

  return new DataSource({
    ...common,
    type: database.type,
    url: database.url,
    migrations: MYSQL_MIGRATIONS,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    supportBigNumbers: true,
    poolSize: 10,
  });
}

/**
 * TypeORM reads MariaDB's catalogue differently from MySQL's (column defaults, JSON), and
 * `mysql://` URLs commonly point at MariaDB, so the server decides which driver mode to use.
 */
async function detectServerType(url: string): Promise<'mysql' | 'mariadb'> {
  const connection = await createConnection(url);
  try {
    const [rows] = await connection.query(
      'SELECT VERSION() AS version, @@auto_increment_increment AS step',
    );
    const row = (rows as Array<{ version: string; step: number | string }>)[0];
    // Rows inserted together learn their ids as the first id plus their position, which only
    // holds when ids step by one (multi-primary setups interleave them).
    if (Number(row?.step ?? 1) !== 1) {
      throw new Error(
        `the MySQL server sets auto_increment_increment to ${row?.step}; the service needs 1 (ids of rows inserted together are consecutive)`,
      );
    }
    return /mariadb/i.test(row?.version ?? '') ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}

/** Connects and brings the schema up to date. */
export async function openDatabase(database: DatabaseConfig): Promise<DataSource> {
  const resolved: DatabaseConfig =
    database.type === 'sqlite'
      ? database
      : { type: await detectServerType(database.url), url: database.url };
  const dataSource = createDataSource(resolved);
  await dataSource.initialize();
  try {
    await withMigrationLock(dataSource, () => dataSource.runMigrations({ transaction: 'each' }));
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

const MIGRATION_LOCK = 'inquiry_schema_migrations';
const MIGRATION_LOCK_TIMEOUT_SECONDS = 300;

/**
 * Several API and worker processes may start together against one MySQL; a named lock lets
 * one of them migrate while the others wait and then find nothing pending. SQLite serialises
 * writers by itself.
 */
async function withMigrationLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  if (dataSource.options.type === 'better-sqlite3') return work();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [row] = (await runner.query('SELECT GET_LOCK(?, ?) AS acquired', [
      MIGRATION_LOCK,
      MIGRATION_LOCK_TIMEOUT_SECONDS,
    ])) as Array<{ acquired: number | string | null }>;
    if (Number(row?.acquired) !== 1) {
      throw new Error(
        `another process held the migration lock for ${MIGRATION_LOCK_TIMEOUT_SECONDS} s`,
      );
    }
    try {
      return await work();
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [MIGRATION_LOCK]);
    }
  } finally {
    await runner.release();
  }
}
