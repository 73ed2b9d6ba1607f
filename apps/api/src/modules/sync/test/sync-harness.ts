import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import type { DovecotServer } from '@inquiry/test-support';
import { type AppConfig, loadConfig } from '../../../config/app-config';
import { CoreModule } from '../../../core.module';
import { SecretBox } from '../../../crypto/secret-box';
import { MailboxEntity, MessageEntity, MessageLocationEntity, QuarantinedMessageEntity } from '../../../database/entities';
import { SyncModule } from '../sync.module';

/** A fresh database on the run's MariaDB (TEST_DB_URL), so each test file starts empty. */
export async function createTestDatabase(serverUrl = process.env.TEST_DB_URL): Promise<string> {
  if (!serverUrl) throw new Error('TEST_DB_URL is not set: run through jest.int.config.js (its globalSetup starts MariaDB)');
  const name = `sync_${randomBytes(4).toString('hex')}`;
  const connection = await createConnection(serverUrl);
  try {
    await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await connection.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface SyncStack {
  app: INestApplicationContext;
  config: AppConfig;
  dataSource: DataSource;
  /** Environment that makes a worker process use the same database, blobs and key. */
  env: Record<string, string>;
  createMailbox(dovecot: DovecotServer, user: string, password: string, folders?: string[]): Promise<number>;
  close(): Promise<void>;
}

/** The service's core and sync modules on `dbUrl`, blobs and secret key under a temp dir. */
export async function startSyncStack(dbUrl: string, extraEnv: Record<string, string> = {}): Promise<SyncStack> {
  const dir = await mkdtemp(join(tmpdir(), 'inquiry-sync-'));
  const env = {
    DB_URL: dbUrl,
    BLOB_DIR: join(dir, 'blobs'),
    SECRET_KEY: randomBytes(32).toString('hex'),
    DEMO_INBOX: 'off',
    SYNC_WORKER: 'off',
    IMAP_LEASE_SECONDS: '10',
    IMAP_POLL_SECONDS: '2',
    ...extraEnv,
  };
  const config = loadConfig(env);
  const app = await NestFactory.createApplicationContext(
    { module: class SyncTestModule {}, imports: [CoreModule.forRoot(config), SyncModule] },
    { logger: ['error'] },
  );
  app.enableShutdownHooks();
  const dataSource = app.get(DataSource);
  const secrets = app.get(SecretBox);
  return {
    app,
    config,
    dataSource,
    env,
    async createMailbox(dovecot, user, password, folders) {
      await dovecot.addUser(user, password);
      const now = new Date();
      const saved = await dataSource.getRepository(MailboxEntity).save({
        name: user,
        address: `${user}@example.org`,
        imapHost: dovecot.host,
        imapPort: dovecot.port,
        imapSecure: false,
        imapUser: user,
        imapPasswordEncrypted: secrets.encrypt(password),
        smtpHost: null,
        smtpPort: null,
        smtpSecure: null,
        smtpUser: null,
        smtpPasswordEncrypted: null,
        folders: folders ?? null,
        enabled: true,
        leaseOwner: null,
        leaseExpiresAt: null,
        lastSuccessAt: null,
        lastError: null,
        lastErrorAt: null,
        consecutiveFailures: 0,
        createdAt: now,
        updatedAt: now,
      });
      return saved.id;
    },
    async close() {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface StoredCounts {
  /** Locations of the folder under its current UIDVALIDITY, by UID. */
  uids: number[];
  quarantinedUids: number[];
  messages: number;
}

/** What the database holds for one folder of a mailbox under the given UIDVALIDITY. */
export async function storedFor(dataSource: DataSource, mailboxId: number, folder: string, uidValidity: number): Promise<StoredCounts> {
  const where = { mailboxId, folder, uidValidity };
  const locations = await dataSource.getRepository(MessageLocationEntity).find({ where, select: { uid: true } });
  const quarantined = await dataSource.getRepository(QuarantinedMessageEntity).find({ where, select: { uid: true } });
  return {
    uids: locations.map((location) => location.uid).sort((a, b) => a - b),
    quarantinedUids: quarantined.map((row) => row.uid!).sort((a, b) => a - b),
    messages: await dataSource.getRepository(MessageEntity).count(),
  };
}

/** UIDVALIDITY and UIDs of a folder as the server has them now. */
export async function serverUids(dovecot: DovecotServer, user: string, folder: string): Promise<{ uidValidity: number; uids: number[] }> {
  const status = await dovecot.doveadm(['-f', 'flow', 'mailbox', 'status', '-u', user, 'uidvalidity', folder]);
  const uidValidity = Number(/uidvalidity=(\d+)/.exec(status)?.[1]);
  const listing = await dovecot.doveadm(['-f', 'flow', 'fetch', '-u', user, 'uid', 'mailbox', folder, 'all']);
  const uids = [...listing.matchAll(/uid=(\d+)/g)].map((match) => Number(match[1])).sort((a, b) => a - b);
  return { uidValidity, uids };
}

/** Polls `probe` until it returns true, failing with `what` after `timeoutMs`. */
export async function eventually(what: string, probe: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
}
