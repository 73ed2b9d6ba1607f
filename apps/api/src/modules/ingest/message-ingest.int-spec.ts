import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import {
  InquiryEntity,
  MessageEntity,
  MessageLocationEntity,
  ThreadEntity,
} from '../../database/entities';
import { createCliContext } from '../../service-context';
import { mail } from '../../test/temp-context';
import { MessageIngestService } from './message-ingest.service';

/**
 * Two service processes' worth of ingestion (separate DataSources and connection pools)
 * against one fresh MariaDB database, racing on the same messages.
 */
describe('MessageIngestService on MariaDB', () => {
  let dir: string;
  let databaseUrl: string;
  let dropDatabase: () => Promise<void>;
  const contexts: INestApplicationContext[] = [];

  beforeAll(async () => {
    const serverUrl = process.env.TEST_DB_URL;
    if (!serverUrl)
      throw new Error('TEST_DB_URL is not set: run through jest.int.config.js (it starts MariaDB)');
    const name = `inquiry_ingest_${randomUUID().slice(0, 8)}`;
    const admin = await createConnection(serverUrl);
    await admin.query(
      `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    dropDatabase = async () => {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    };
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dir = await mkdtemp(join(tmpdir(), 'inquiry-ingest-int-'));
    // Both start at once, as two processes would: one migrates, the other waits for it.
    contexts.push(
      ...(await Promise.all(
        [0, 1].map(() =>
          createCliContext({
            DB_URL: databaseUrl,
            BLOB_DIR: join(dir, 'blobs'),
            SECRET_KEY: 'ab'.repeat(32),
            DEMO_INBOX: 'off',
          }),
        ),
      )),
    );
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await dropDatabase();
    await rm(dir, { recursive: true, force: true });
  });

  const count = (entity: new () => object) =>
    contexts[0]!.get(DataSource).getRepository(entity).count();

  it('applied each migration once although both processes started together', async () => {
    const rows = await contexts[0]!
      .get(DataSource)
      .query<Array<{ name: string }>>('SELECT name FROM schema_migrations');
    const names = rows.map((row) => row.name);
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names).size).toBe(names.length);
  });

  it('stores each message once when two workers ingest the same mail at the same time', async () => {
    const messages = Array.from({ length: 20 }, (_, index) =>
      mail({
        messageId: `race-${index}@buyer.example`,
        from: `Buyer ${index % 4} <buyer${index % 4}@buyer.example>`,
        subject: `Inquiry ${index % 5}`,
      }),
    );
    const [first, second] = contexts.map((context) => context.get(MessageIngestService));
    await Promise.all(
      messages.flatMap((raw, index) => [
        first!.ingestRaw(raw, { kind: 'import', source: `a/${index}.eml` }),
        second!.ingestRaw(raw, { kind: 'import', source: `b/${index}.eml` }),
      ]),
    );
    expect(await count(MessageEntity)).toBe(20);
    expect(await count(InquiryEntity)).toBe(20);
    expect(await count(ThreadEntity)).toBeLessThanOrEqual(20);
  });

  it('stores mail whose Date no DATETIME column can hold', async () => {
    const ingest = contexts[0]!.get(MessageIngestService);
    for (const date of [
      'Mon, 01 Jan 0001 00:00:00 +0000',
      'Fri, 31 Dec 99999 23:59:59 +0000',
      'yesterday-ish',
    ]) {
      const result = await ingest.ingestRaw(
        mail({ messageId: `date-${date.length}@odd.example`, date }),
        {
          kind: 'import',
          source: 'odd-dates.mbox',
        },
      );
      expect(result.status).toBe('stored');
    }
  });

  it('stores a body larger than MEDIUMTEXT and a sender address longer than any real one', async () => {
    const line = `${'x'.repeat(998)}\r\n`;
    const body = line.repeat(Math.ceil((17 * 1024 * 1024) / line.length));
    const result = await contexts[0]!
      .get(MessageIngestService)
      .ingestRaw(
        mail({ messageId: 'huge@odd.example', from: `${'a'.repeat(400)}@odd.example`, body }),
        { kind: 'import', source: 'huge.eml' },
      );
    expect(result.status).toBe('stored');
    const stored = await contexts[0]!.get(DataSource).getRepository(MessageEntity).findOneByOrFail({
      messageId: 'huge@odd.example',
    });
    expect(stored.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ part: 'text' })]),
    );
    expect(stored.contactId).toBeNull();
  });

  it('records every IMAP location of a message that two mailboxes receive concurrently', async () => {
    const db = contexts[0]!.get(DataSource);
    const now = new Date();
    const mailboxIds: number[] = [];
    for (const address of ['eu@seller.example', 'us@seller.example']) {
      const result = await db.query(
        'INSERT INTO mailboxes (name, address, imap_host, imap_port, imap_secure, imap_user, imap_password_encrypted, ' +
          'enabled, consecutive_failures, created_at, updated_at) VALUES (?, ?, ?, 993, 1, ?, ?, 1, 0, ?, ?)',
        [address, address, 'imap.seller.example', address, 'v1:unused', now, now],
      );
      mailboxIds.push((result as { insertId: number }).insertId);
    }
    const raw = mail({ messageId: 'shared@buyer.example', subject: 'Sent to both offices' });
    const results = await Promise.all(
      contexts.flatMap((context, worker) =>
        mailboxIds.map((mailboxId) =>
          context.get(MessageIngestService).ingestRaw(raw, {
            kind: 'imap',
            mailboxId,
            folder: worker === 0 ? 'INBOX' : 'Archive',
            uidValidity: 1,
            uid: 7,
          }),
        ),
      ),
    );
    expect(results.filter((result) => result.status === 'stored')).toHaveLength(1);
    const stored = await db
      .getRepository(MessageEntity)
      .findOneByOrFail({ messageId: 'shared@buyer.example' });
    expect(await db.getRepository(MessageLocationEntity).countBy({ messageId: stored.id })).toBe(4);
  });
});
