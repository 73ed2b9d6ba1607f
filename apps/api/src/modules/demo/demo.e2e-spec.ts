import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ContactEntity, MessageEntity, ThreadEntity } from '../../database/entities';
import { type E2eApp, startE2eApp } from '../../test/e2e-app';

describe('demo inbox (e2e)', () => {
  it('is imported on a pristine database, triaged, removable, and not re-imported after removal', async () => {
    const first: E2eApp = await startE2eApp({ DEMO_INBOX: 'on' });
    const auth = { Authorization: `Bearer ${first.token}` };
    const list = await request(first.app.getHttpServer())
      .get('/api/inquiries')
      .query({ limit: 100 })
      .set(auth)
      .expect(200);
    const items = list.body.items as Array<{ verdict: string | null; language: string | null }>;
    expect(items).toHaveLength(12);
    for (const item of items) expect(item.verdict).toMatch(/^(clean|spam|scam|spy)$/);
    expect(new Set(items.map((item) => item.language))).toEqual(
      new Set(['es', 'de', 'fr', 'pt', 'ar', 'ru', 'en', 'tr']),
    );
    const russian = await request(first.app.getHttpServer())
      .get('/api/inquiries')
      .query({ language: 'ru' })
      .set(auth)
      .expect(200);
    expect((russian.body.items as Array<{ subject: string }>).map((item) => item.subject)).toEqual([
      'Запрос цены: кабель ВВГнг 3x2,5, 20 км',
    ]);
    const db = first.app.get(DataSource);
    expect(await db.getRepository(MessageEntity).countBy({ demo: false })).toBe(0);

    const removed = await request(first.app.getHttpServer())
      .delete('/api/demo')
      .set(auth)
      .expect(200);
    expect(removed.body).toEqual({ removedMessages: 12 });
    const after = await request(first.app.getHttpServer())
      .get('/api/inquiries')
      .set(auth)
      .expect(200);
    expect(after.body.items).toEqual([]);
    expect(await db.getRepository(ContactEntity).count()).toBe(0);
    expect(await db.getRepository(ThreadEntity).count()).toBe(0);
    await first.close(true);

    const restarted = await startE2eApp({ DEMO_INBOX: 'on' }, first.dir);
    try {
      expect(await restarted.app.get(DataSource).getRepository(MessageEntity).count()).toBe(0);
    } finally {
      await restarted.close();
    }
  });

  it('keeps real mail when the demo is removed', async () => {
    const e2e = await startE2eApp({ DEMO_INBOX: 'on' });
    try {
      const auth = { Authorization: `Bearer ${e2e.token}` };
      const raw = Buffer.from(
        'From: Real Buyer <buyer@real.example>\r\nTo: sales@demo-factory.example\r\nSubject: Real inquiry\r\n' +
          'Message-ID: <real-1@real.example>\r\nDate: Mon, 23 Nov 2026 08:00:00 +0000\r\n\r\nPlease quote 100 pcs.\r\n',
      );
      await request(e2e.app.getHttpServer())
        .post('/api/imports')
        .set(auth)
        .attach('file', raw, 'real.eml')
        .expect(201);
      await request(e2e.app.getHttpServer()).delete('/api/demo').set(auth).expect(200);
      const left = await request(e2e.app.getHttpServer())
        .get('/api/inquiries')
        .set(auth)
        .expect(200);
      expect((left.body.items as Array<{ subject: string }>).map((item) => item.subject)).toEqual([
        'Real inquiry',
      ]);
    } finally {
      await e2e.close();
    }
  });

  it('gives the first user of the embedded database a working token, saved beside it', async () => {
    const e2e = await startE2eApp({ DEMO_INBOX: 'on' });
    try {
      const file = join(e2e.dir, 'local-token');
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      const token = (await readFile(file, 'utf8')).trim();
      const list = await request(e2e.app.getHttpServer())
        .get('/api/inquiries')
        .set({ Authorization: `Bearer ${token}` })
        .expect(200);
      expect(list.body.items).toHaveLength(12);
    } finally {
      await e2e.close();
    }
  });

  it('is not imported when DEMO_INBOX is off', async () => {
    const e2e = await startE2eApp({ DEMO_INBOX: 'off' });
    try {
      expect(await e2e.app.get(DataSource).getRepository(MessageEntity).count()).toBe(0);
    } finally {
      await e2e.close();
    }
  });
});
