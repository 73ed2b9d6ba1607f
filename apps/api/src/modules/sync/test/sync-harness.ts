import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ImapFlow } from 'imapflow';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { parseMessage } from '@inquiry/mail';
import type { DovecotServer } from '@inquiry/test-support';
import { type AppConfig, loadConfig } from '../../../config/app-config';
import { CoreModule } from '../../../core.module';
import { SecretBox } from '../../../crypto/secret-box';
import {
  MailboxEntity,
  MessageEntity,
  MessageLocationEntity,
  QuarantinedMessageEntity,
} from '../../../database/entities';
import { mailboxRow } from '../../../database/test/mailbox-row';
import { normaliseMessageId } from '../../ingest/dedup-key';
import { SyncModule } from '../sync.module';

const API_ROOT = resolve(__dirname, '../../../..');

/** A fresh database on the run's MariaDB (TEST_DB_URL), so each test file starts empty. */
export async function createTestDatabase(serverUrl = process.env.TEST_DB_URL): Promise<string> {
  if (!serverUrl)
    throw new Error(
      'TEST_DB_URL is not set: run through jest.int.config.js (its globalSetup starts MariaDB)',
    );
  const name = `sync_${randomBytes(4).toString('hex')}`;
  const connection = await createConnection(serverUrl);
  try {
    await connection.query(
      `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
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
  createMailbox(
    dovecot: DovecotServer,
    user: string,
    password: string,
    folders?: string[],
  ): Promise<number>;
  close(): Promise<void>;
}

/** The service's core and sync modules on `dbUrl`, blobs and secret key under a temp dir. */
export async function startSyncStack(
  dbUrl: string,
  extraEnv: Record<string, string> = {},
): Promise<SyncStack> {
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
      const saved = await dataSource.getRepository(MailboxEntity).save(
        mailboxRow({
          name: user,
          address: `${user}@example.org`,
          imapHost: dovecot.host,
          imapPort: dovecot.port,
          imapSecure: false,
          imapUser: user,
          imapPasswordEncrypted: secrets.encrypt(password),
          folders: folders ?? null,
        }),
      );
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
export async function storedFor(
  dataSource: DataSource,
  mailboxId: number,
  folder: string,
  uidValidity: number,
): Promise<StoredCounts> {
  const where = { mailboxId, folder, uidValidity };
  const locations = await dataSource
    .getRepository(MessageLocationEntity)
    .find({ where, select: { uid: true } });
  const quarantined = await dataSource
    .getRepository(QuarantinedMessageEntity)
    .find({ where, select: { uid: true } });
  return {
    uids: locations.map((location) => location.uid).sort((a, b) => a - b),
    quarantinedUids: quarantined.map((row) => row.uid!).sort((a, b) => a - b),
    messages: await dataSource.getRepository(MessageEntity).count(),
  };
}

/** UIDVALIDITY and UIDs of a folder as the server has them now. */
export async function serverUids(
  dovecot: DovecotServer,
  user: string,
  folder: string,
): Promise<{ uidValidity: number; uids: number[] }> {
  const uidValidity = await dovecot.uidValidity(user, folder);
  const listing = await dovecot.doveadm([
    '-f',
    'flow',
    'fetch',
    '-u',
    user,
    'uid',
    'mailbox',
    folder,
    'all',
  ]);
  const uids = [...listing.matchAll(/uid=(\d+)/g)]
    .map((match) => Number(match[1]))
    .sort((a, b) => a - b);
  return { uidValidity, uids };
}

/** Polls `probe` until it returns true, failing with `what` after `timeoutMs`. */
export async function eventually(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
}

/**
 * Message-ID (normalised, undefined when missing) of every message in a folder, by UID, read
 * from each message's source as the service reads it: the server's ENVELOPE keeps what follows
 * the id (`<id> (added by relay)`) where the service takes the id alone.
 */
export async function serverMessageIds(
  dovecot: DovecotServer,
  user: string,
  password: string,
  folder: string,
): Promise<Map<number, string | undefined>> {
  const client = new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    auth: { user, pass: password },
    logger: false,
  });
  await client.connect();
  const lock = await client.getMailboxLock(folder, { readOnly: true });
  try {
    const ids = new Map<number, string | undefined>();
    const sources = new Map<number, Buffer>();
    for await (const message of client.fetch('1:*', { uid: true, source: true }, { uid: true }))
      if (message.source) sources.set(message.uid, message.source);
    for (const [uid, source] of sources) {
      const parsed = await parseMessage(source).catch(() => undefined);
      ids.set(uid, normaliseMessageId(parsed?.messageId));
    }
    return ids;
  } finally {
    lock.release();
    await client.logout();
  }
}

export interface StoredPositions {
  /** Message-ID of the stored message each location points at (null when it has none), by UID. */
  messageIdAt: Map<number, string | null>;
  quarantinedUids: number[];
  /** Stored messages sharing one Message-ID; empty when nothing was stored twice. */
  duplicateMessageIds: string[];
}

/** What the database holds for one folder, read with plain SQL so it is independent of the code under test. */
export async function storedPositions(
  dataSource: DataSource,
  mailboxId: number,
  folder: string,
  uidValidity: number,
): Promise<StoredPositions> {
  const locations: Array<{ uid: number | string; message_id: string | null }> =
    await dataSource.query(
      'SELECT l.uid, m.message_id FROM message_locations l JOIN messages m ON m.id = l.message_id ' +
        'WHERE l.mailbox_id = ? AND l.folder = ? AND l.uid_validity = ?',
      [mailboxId, folder, uidValidity],
    );
  const quarantined: Array<{ uid: number | string }> = await dataSource.query(
    'SELECT uid FROM quarantined_messages WHERE mailbox_id = ? AND folder = ? AND uid_validity = ?',
    [mailboxId, folder, uidValidity],
  );
  const duplicates: Array<{ message_id: string }> = await dataSource.query(
    'SELECT message_id FROM messages WHERE message_id IS NOT NULL GROUP BY message_id HAVING COUNT(*) > 1',
  );
  return {
    messageIdAt: new Map(locations.map((row) => [Number(row.uid), row.message_id])),
    quarantinedUids: quarantined.map((row) => Number(row.uid)).sort((a, b) => a - b),
    duplicateMessageIds: duplicates.map((row) => row.message_id),
  };
}

/** True once every UID the server lists for the folder is stored or quarantined (false while the database is away). */
export async function folderSynced(
  dataSource: DataSource,
  dovecot: DovecotServer,
  user: string,
  mailboxId: number,
  folder: string,
): Promise<boolean> {
  try {
    const server = await serverUids(dovecot, user, folder);
    const stored = await storedFor(dataSource, mailboxId, folder, server.uidValidity);
    const covered = new Set([...stored.uids, ...stored.quarantinedUids]);
    return server.uids.every((uid) => covered.has(uid));
  } catch {
    return false;
  }
}

/** Locations plus quarantined positions of a mailbox so far (0 while the database is away). */
export async function positionsHandled(dataSource: DataSource, mailboxId: number): Promise<number> {
  try {
    const [row]: Array<{ handled: number | string }> = await dataSource.query(
      'SELECT (SELECT COUNT(*) FROM message_locations WHERE mailbox_id = ?) + (SELECT COUNT(*) FROM quarantined_messages WHERE mailbox_id = ?) AS handled',
      [mailboxId, mailboxId],
    );
    return Number(row?.handled ?? 0);
  } catch {
    return 0;
  }
}

export interface WorkerProcess {
  workerId: string;
  child: ChildProcess;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  running(): boolean;
  /** SIGTERM (leases handed back) or SIGKILL (as in a crash); resolves once it has exited. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

/**
 * The worker entry point (`sync-worker.main.ts`) as its own process, run from the sources
 * under test, against the stack's database, blobs and key.
 */
export function startWorkerProcess(stack: SyncStack, workerId: string): WorkerProcess {
  const child = spawn(
    process.execPath,
    ['-r', '@inquiry/test-support/register', 'src/modules/sync/sync-worker.main.ts'],
    {
      cwd: API_ROOT,
      env: { ...process.env, ...stack.env, SYNC_WORKER: 'on', WORKER_ID: workerId, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    workerId,
    child,
    output: () => output,
    running,
    async stop(signal = 'SIGTERM') {
      if (running()) child.kill(signal);
      await exited;
    },
  };
}
