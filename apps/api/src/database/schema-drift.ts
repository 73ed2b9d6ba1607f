import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { openDatabase } from './data-source.factory';

/** SQL that TypeORM would still run to make the database match the entities; empty when they agree. */
async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((query) => query.query);
}

/** Migrates a fresh, throw-away SQLite file and reports what the entities still want changed. */
export async function checkSqliteMigrations(): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'inquiry-schema-'));
  try {
    return await checkMigrations({ type: 'sqlite', path: join(dir, 'check.sqlite') });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Same on MySQL/MariaDB, in a fresh database created next to the one `serverUrl` names (the
 * account needs CREATE/DROP DATABASE) so the check never depends on what a test left behind.
 */
export async function checkMysqlMigrations(serverUrl: string): Promise<string[]> {
  const name = `inquiry_schema_check_${randomUUID().slice(0, 8)}`;
  const admin = await createConnection(serverUrl);
  try {
    await admin.query(
      `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const type = url.protocol === 'mariadb:' ? 'mariadb' : 'mysql';
    return await checkMigrations({ type, url: url.toString() });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  }
}

async function checkMigrations(database: DatabaseConfig): Promise<string[]> {
  const dataSource = await openDatabase(database);
  try {
    return await pendingSchemaChanges(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
