import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';
import { parseMessage } from '@inquiry/mail';
import {
  type DovecotServer,
  type SmtpSink,
  startDovecot,
  startSmtpServer,
} from '@inquiry/test-support';
import { SENDER_PROFILE, sentFolder, startService } from './e2e-service';

const BUYER_MESSAGE_ID = 'consulta-7781@iluminaciones-ruiz.example';
const SPANISH_INQUIRY = Buffer.from(
  [
    'From: Ana Ruiz <ana.ruiz@iluminaciones-ruiz.example>',
    'To: Ventas <sales@seller.example>',
    'Subject: Consulta: 2000 unidades de panel LED 600x600',
    'Date: Mon, 02 Mar 2026 09:15:00 +0100',
    `Message-ID: <${BUYER_MESSAGE_ID}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Estimados señores:',
    '',
    'Somos distribuidores de iluminación en Valencia. Necesitamos 2000 unidades de paneles LED',
    'de 600x600 mm, 40 W, 4000 K, con certificado CE, entrega CIF Valencia.',
    '¿Podrían enviarnos su mejor precio y el plazo de entrega?',
    '',
    'Atentamente,',
    'Ana Ruiz',
    'Departamento de Compras, Iluminaciones Ruiz S.L.',
    '',
  ].join('\r\n'),
  'utf8',
);

describe('a Spanish inquiry answered for real: Dovecot in, SMTP out, copy in Sent', () => {
  let dovecot: DovecotServer;
  let smtp: SmtpSink;
  let app: INestApplication<App>;
  let dir: string;
  let auth: { Authorization: string };
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    [dovecot, smtp] = await Promise.all([
      startDovecot(),
      startSmtpServer({ users: { 'sales@seller.example': 'smtp-secret' } }),
    ]);
    await dovecot.addUser('sales', 'imap-secret');
    await dovecot.appendMessages('sales', 'INBOX', [SPANISH_INQUIRY]);
    dir = await mkdtemp(join(tmpdir(), 'inquiry-reply-e2e-'));
    ({ app, auth } = await startService(dir));
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all([dovecot?.stop(), smtp?.stop()]);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('syncs, drafts in Spanish, sends exactly one threaded reply, files it in Sent, and a retry sends nothing', async () => {
    const mailbox = await http()
      .post('/api/mailboxes')
      .set(auth)
      .send({
        name: 'Ventas',
        address: 'sales@seller.example',
        imapHost: dovecot.host,
        imapPort: dovecot.port,
        imapSecure: false,
        imapUser: 'sales',
        imapPassword: 'imap-secret',
        smtpHost: smtp.host,
        smtpPort: smtp.port,
        smtpSecure: false,
        smtpUser: 'sales@seller.example',
        smtpPassword: 'smtp-secret',
      })
      .expect(201);
    const mailboxId = (mailbox.body as { id: number }).id;
    const synced = await http().post(`/api/mailboxes/${mailboxId}/sync`).set(auth).expect(200);
    expect(synced.body).toMatchObject({
      folders: [expect.objectContaining({ folder: 'INBOX', fetched: 1 })],
    });

    const inquiries = await http().get('/api/inquiries').set(auth).expect(200);
    const [inquiry] = (
      inquiries.body as { items: Array<{ id: number; language: string | null; subject: string }> }
    ).items;
    expect(inquiry).toMatchObject({
      language: 'es',
      subject: 'Consulta: 2000 unidades de panel LED 600x600',
    });

    await http().put('/api/sender-profile').set(auth).send(SENDER_PROFILE).expect(200);
    const proposed = await http()
      .post(`/api/inquiries/${inquiry!.id}/drafts`)
      .set(auth)
      .send({})
      .expect(201);
    const draft = proposed.body as {
      id: number;
      locale: string;
      subject: string;
      text: string;
      flags: unknown[];
    };
    expect(draft).toMatchObject({ locale: 'es', flags: [] });
    expect(draft.text).toMatch(/^Estimado\/a Ana Ruiz:/);
    await http().post(`/api/drafts/${draft.id}/approve`).set(auth).send({}).expect(201);

    const key = `reply-${draft.id}`;
    const first = await http()
      .post(`/api/drafts/${draft.id}/send`)
      .set(auth)
      .set('Idempotency-Key', key)
      .expect(200);
    const outbound = first.body as {
      state: string;
      messageId: string;
      sentFolder: string | null;
      storedMessageId: number | null;
    };
    expect(outbound).toMatchObject({ state: 'sent', sentFolder: 'Sent', appendError: null });

    expect(smtp.messages).toHaveLength(1);
    const delivered = smtp.messages[0]!;
    expect(delivered).toMatchObject({
      from: 'sales@seller.example',
      to: ['ana.ruiz@iluminaciones-ruiz.example'],
      user: 'sales@seller.example',
    });
    const reply = await parseMessage(delivered.raw);
    expect(reply.messageId).toBe(outbound.messageId);
    expect(reply.inReplyTo).toBe(BUYER_MESSAGE_ID);
    expect(reply.references).toEqual([BUYER_MESSAGE_ID]);
    expect(reply.subject).toBe(draft.subject);
    expect(reply.text).toContain('Estimado/a Ana Ruiz:');
    expect(reply.text).toContain('> Somos distribuidores de iluminación en Valencia.');

    const copies = await sentFolder(dovecot, 'sales', 'imap-secret');
    expect(copies.map((copy) => copy.messageId)).toEqual([`<${outbound.messageId}>`]);
    expect((await parseMessage(copies[0]!.raw)).inReplyTo).toBe(BUYER_MESSAGE_ID);

    const retried = await http()
      .post(`/api/drafts/${draft.id}/send`)
      .set(auth)
      .set('Idempotency-Key', key)
      .expect(200);
    const retriedWithoutKey = await http()
      .post(`/api/drafts/${draft.id}/send`)
      .set(auth)
      .expect(200);
    for (const retry of [retried, retriedWithoutKey]) {
      expect(retry.body).toMatchObject({
        state: 'sent',
        messageId: outbound.messageId,
        attempts: 1,
      });
    }
    expect(smtp.messages).toHaveLength(1);
    expect(await sentFolder(dovecot, 'sales', 'imap-secret')).toHaveLength(1);

    const detail = await http().get(`/api/inquiries/${inquiry!.id}`).set(auth).expect(200);
    const thread = detail.body as {
      status: string;
      thread: Array<{ id: number; outgoing: boolean }>;
    };
    expect(thread.status).toBe('replied');
    expect(thread.thread).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: outbound.storedMessageId, outgoing: true }),
      ]),
    );
  });
});
