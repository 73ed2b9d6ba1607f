import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { ImapFlow } from 'imapflow';
import type { App } from 'supertest/types';
import { ApiTokensService, createApp, loadConfig } from '@inquiry/api';
import type { DovecotServer } from '@inquiry/test-support';

/** The rep answering in these tests, as the signature and letterhead need them. */
export const SENDER_PROFILE = {
  fullName: 'Chen Jing',
  title: 'Export Sales Manager',
  company: 'Ningbo Brightway Lighting Co., Ltd.',
  phone: '+86 574 8765 4321',
  email: 'sales@seller.example',
  website: 'www.brightway.example',
  addressLines: ['No. 88 Jiangnan Road', 'Ningbo 315000, China'],
};

/**
 * The service on an embedded database under `dir`, as one laptop install runs it, with the
 * sync worker off so each test syncs when it says so. Returns the app and a rep's auth header.
 */
export async function startService(
  dir: string,
): Promise<{ app: INestApplication<App>; auth: { Authorization: string } }> {
  const config = loadConfig({
    DB_URL: `sqlite:${join(dir, 'inquiry.sqlite')}`,
    BLOB_DIR: join(dir, 'blobs'),
    SECRET_KEY_FILE: join(dir, 'secret.key'),
    DEMO_INBOX: 'off',
    SYNC_WORKER: 'off',
    IMPORT_ROOT: dir,
  });
  const app = (await createApp(config, ['error'])) as INestApplication<App>;
  await app.init();
  // A restart on the same folder finds the token of the run before; names are unique.
  const tokens = app.get(ApiTokensService);
  await tokens.revoke('chen');
  const { token } = await tokens.issue('chen');
  return { app, auth: { Authorization: `Bearer ${token}` } };
}

/** What the mailbox's Sent folder holds, read over IMAP as a mail client would (none if absent). */
export async function sentFolder(
  dovecot: DovecotServer,
  user: string,
  pass: string,
): Promise<Array<{ messageId: string; raw: Buffer }>> {
  const client = new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    auth: { user, pass },
    logger: false,
  });
  await client.connect();
  try {
    if (!(await client.list()).some((folder) => folder.path === 'Sent')) return [];
    const lock = await client.getMailboxLock('Sent');
    try {
      const copies: Array<{ messageId: string; raw: Buffer }> = [];
      for await (const message of client.fetch('1:*', { envelope: true, source: true })) {
        copies.push({
          messageId: message.envelope?.messageId ?? '',
          raw: message.source ?? Buffer.alloc(0),
        });
      }
      return copies;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}
