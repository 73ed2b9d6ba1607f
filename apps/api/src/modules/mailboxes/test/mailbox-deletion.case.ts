import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';
import { mail } from '../../../test/temp-context';
import { MessageIngestService } from '../../ingest/message-ingest.service';

/**
 * Two connections to one account (EU, US) share some messages; EU is deleted and connected
 * again. Every inquiry whose message sits in a connected mailbox belongs to one, so it is
 * listed under that mailbox and can be answered from it: the same on every database (SQLite
 * e2e, MariaDB int).
 */
export async function expectInquiriesToFollowTheirMessages(
  app: INestApplication<App>,
  auth: { Authorization: string },
): Promise<void> {
  const http = () => request(app.getHttpServer());
  const connect = async (name: string): Promise<number> => {
    const created = await http()
      .post('/api/mailboxes')
      .set(auth)
      .send({
        name,
        address: 'sales@seller.example',
        imapHost: '127.0.0.1',
        imapPort: 1,
        imapSecure: false,
        imapUser: 'sales',
        imapPassword: 'unused',
      })
      .expect(201);
    return (created.body as { id: number }).id;
  };
  const ingest = app.get(MessageIngestService);
  const sync = async (mailboxId: number, uid: number, subject: string) => {
    const raw = mail({ subject, messageId: `${subject.replaceAll(' ', '-')}@buyer.example` });
    await ingest.ingestRaw(raw, { kind: 'imap', mailboxId, folder: 'INBOX', uidValidity: 1, uid });
  };
  const mailboxOf = async (): Promise<Record<string, number | null>> => {
    const page = await http().get('/api/inquiries').set(auth).expect(200);
    const items = (page.body as { items: Array<{ subject: string; mailboxId: number | null }> })
      .items;
    return Object.fromEntries(items.map((item) => [item.subject, item.mailboxId]));
  };
  const listedUnder = async (mailboxId: number): Promise<string[]> => {
    const page = await http().get('/api/inquiries').query({ mailboxId }).set(auth).expect(200);
    return (page.body as { items: Array<{ subject: string }> }).items
      .map((item) => item.subject)
      .sort();
  };

  const eu = await connect('Sales EU');
  const us = await connect('Sales US');
  await sync(eu, 1, 'in both first in EU');
  await sync(us, 1, 'in both first in EU');
  await sync(us, 2, 'in both first in US');
  await sync(eu, 2, 'in both first in US');
  await sync(eu, 3, 'in EU only');
  await http()
    .post('/api/imports')
    .set(auth)
    .attach('file', mail({ subject: 'imported', messageId: 'imported@buyer.example' }), 'a.eml')
    .expect(201);

  await http().delete(`/api/mailboxes/${eu}`).set(auth).expect(204);

  expect(await mailboxOf()).toEqual({
    'in both first in EU': us,
    'in both first in US': us,
    'in EU only': null,
    imported: null,
  });
  expect(await listedUnder(us)).toEqual(['in both first in EU', 'in both first in US']);

  const euAgain = await connect('Sales EU');
  for (const [uid, subject] of [
    'in both first in EU',
    'in both first in US',
    'in EU only',
  ].entries())
    await sync(euAgain, uid + 1, subject);

  expect(await mailboxOf()).toEqual({
    'in both first in EU': us,
    'in both first in US': us,
    'in EU only': euAgain,
    imported: null,
  });
  expect(await listedUnder(euAgain)).toEqual(['in EU only']);
}
