import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import {
  type DovecotServer,
  type SmtpSink,
  startDovecot,
  startSmtpServer,
} from '@inquiry/test-support';
import { OutboundMessageEntity } from '../../apps/api/src/database/entities';
import { OutboundRecoveryScheduler } from '../../apps/api/src/modules/outbound/outbound-recovery.scheduler';
import { OutboundRepository } from '../../apps/api/src/modules/outbound/outbound.repository';
import { OutboundService } from '../../apps/api/src/modules/outbound/outbound.service';
import { SENDER_PROFILE, sentFolder, startService } from './e2e-service';

function inquiry(messageId: string, product: string): Buffer {
  return Buffer.from(
    [
      'From: Ana Ruiz <ana.ruiz@iluminaciones-ruiz.example>',
      'To: Ventas <sales@seller.example>',
      `Subject: Consulta: 2000 unidades de ${product}`,
      'Date: Mon, 02 Mar 2026 09:15:00 +0100',
      `Message-ID: <${messageId}>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      `Estimados señores: necesitamos 2000 unidades de ${product}, 40 W, con certificado CE,`,
      'entrega CIF Valencia. ¿Podrían enviarnos su mejor precio y el plazo de entrega?',
      '',
      'Atentamente,',
      'Ana Ruiz',
      'Departamento de Compras, Iluminaciones Ruiz S.L.',
      '',
    ].join('\r\n'),
    'utf8',
  );
}

/**
 * The service dies after SMTP accepted a reply and before the Sent copy was recorded; the
 * next start files the copy, exactly once, whether or not the APPEND had already landed.
 */
describe('a reply sent just before a crash still lands in Sent, once', () => {
  let dovecot: DovecotServer;
  let smtp: SmtpSink;
  let dir: string;
  let app: INestApplication<App>;
  let auth: { Authorization: string };
  const http = () => request(app.getHttpServer());

  async function start(): Promise<void> {
    ({ app, auth } = await startService(dir));
  }

  async function sentCopies(): Promise<string[]> {
    return (await sentFolder(dovecot, 'sales', 'imap-secret')).map((copy) => copy.messageId);
  }

  /** An approved draft answering the newest inquiry the sync brought in. */
  async function approvedDraft(mailboxId: number): Promise<number> {
    await http().post(`/api/mailboxes/${mailboxId}/sync`).set(auth).expect(200);
    const list = await http().get('/api/inquiries?sort=-receivedAt').set(auth).expect(200);
    const withDrafts = new Set<number>();
    for (const item of (list.body as { items: Array<{ id: number }> }).items) {
      const drafts = await http().get(`/api/inquiries/${item.id}/drafts`).set(auth).expect(200);
      if ((drafts.body as unknown[]).length > 0) withDrafts.add(item.id);
    }
    const fresh = (list.body as { items: Array<{ id: number }> }).items.find(
      (item) => !withDrafts.has(item.id),
    );
    const draft = await http()
      .post(`/api/inquiries/${fresh!.id}/drafts`)
      .set(auth)
      .send({ templateId: 'first-reply' })
      .expect(201);
    const draftId = (draft.body as { id: number }).id;
    await http().post(`/api/drafts/${draftId}/approve`).set(auth).send({}).expect(201);
    return draftId;
  }

  async function restart(): Promise<void> {
    await app.close();
    await start();
    await app.get(OutboundRecoveryScheduler).settled();
  }

  beforeAll(async () => {
    [dovecot, smtp] = await Promise.all([startDovecot(), startSmtpServer()]);
    await dovecot.addUser('sales', 'imap-secret');
    dir = await mkdtemp(join(tmpdir(), 'inquiry-recovery-e2e-'));
    await start();
    await http().put('/api/sender-profile').set(auth).send(SENDER_PROFILE).expect(200);
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all([dovecot?.stop(), smtp?.stop()]);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('appends on the next start when the process died before the APPEND, then never again', async () => {
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
      })
      .expect(201);
    const mailboxId = (mailbox.body as { id: number }).id;

    // First reply: the process "dies" at the first step after SMTP accepted the message.
    await dovecot.appendMessages('sales', 'INBOX', [inquiry('q1@ruiz.example', 'panel LED')]);
    const firstDraft = await approvedDraft(mailboxId);
    jest
      .spyOn(app.get(OutboundRepository), 'claimAppend')
      .mockRejectedValueOnce(new Error('process killed'));
    await http().post(`/api/drafts/${firstDraft}/send`).set(auth).expect(500);
    expect(smtp.messages).toHaveLength(1);
    expect(await sentCopies()).toEqual([]);

    // Second reply: the APPEND lands, and the process dies before recording it.
    await dovecot.appendMessages('sales', 'INBOX', [inquiry('q2@ruiz.example', 'downlight')]);
    const secondDraft = await approvedDraft(mailboxId);
    const repository = app.get(OutboundRepository);
    const update = repository.update.bind(repository);
    jest.spyOn(repository, 'update').mockImplementation(async (id, changes) => {
      if ('sentFolder' in changes) throw new Error('process killed');
      return update(id, changes);
    });
    await http().post(`/api/drafts/${secondDraft}/send`).set(auth).expect(500);
    jest.restoreAllMocks();
    expect(smtp.messages).toHaveLength(2);
    const rows = app.get(DataSource).getRepository(OutboundMessageEntity);
    const [first, second] = await rows.find({ order: { id: 'ASC' } });
    expect(first).toMatchObject({ state: 'sent', sentFolder: null, storedMessageId: null });
    expect(second).toMatchObject({ state: 'sent', sentFolder: '' });
    expect(await sentCopies()).toEqual([`<${second!.messageIdHeader}>`]);
    // The dead process's claim on the second copy is old by the time the service is back.
    await rows.update(second!.id, { updatedAt: new Date(Date.now() - 3_600_000) });

    await restart();
    expect((await sentCopies()).sort()).toEqual(
      [`<${first!.messageIdHeader}>`, `<${second!.messageIdHeader}>`].sort(),
    );
    for (const draftId of [firstDraft, secondDraft]) {
      const outbound = await http().get(`/api/drafts/${draftId}/outbound`).set(auth).expect(200);
      expect(outbound.body).toMatchObject({
        state: 'sent',
        sentFolder: 'Sent',
        appendError: null,
        storedMessageId: expect.any(Number),
      });
      const draft = await http().get(`/api/drafts/${draftId}`).set(auth).expect(200);
      expect(draft.body).toMatchObject({ status: 'sent' });
    }

    expect(await app.get(OutboundService).finishDelivered(0)).toBe(0);
    await restart();
    await http().post(`/api/drafts/${firstDraft}/send`).set(auth).expect(200);
    expect(await sentCopies()).toHaveLength(2);
    expect(smtp.messages).toHaveLength(2);
  });
});
