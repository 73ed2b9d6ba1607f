import { type SmtpSink, startSmtpServer } from '@inquiry/test-support';
import request from 'supertest';
import { type E2eApp, startE2eApp } from '../../test/e2e-app';
import { mail } from '../../test/temp-context';
import {
  createSmtpOnlyMailbox,
  receive,
  saveProfile,
  spanishInquiry,
} from '../drafts/test/reply-fixtures';
import { FollowUpsService } from '../follow-ups/follow-ups.service';
import { OutboundService } from './outbound.service';
import { createTestDatabase } from '../sync/test/sync-harness';

/** The same guarantees on MariaDB, whose locking and SQL differ from SQLite's. */
describe('sending a quote on MariaDB', () => {
  let e2e: E2eApp;
  let sink: SmtpSink;
  let auth: { Authorization: string };
  const http = () => request(e2e.app.getHttpServer());

  beforeAll(async () => {
    sink = await startSmtpServer();
    e2e = await startE2eApp({ DB_URL: await createTestDatabase() });
    auth = { Authorization: `Bearer ${e2e.token}` };
    await saveProfile(e2e.app, e2e.token);
  });
  afterAll(async () => {
    await e2e?.close();
    await sink?.stop();
  });

  it('delivers once under concurrent sends, schedules follow-ups, and cancels them on the reply', async () => {
    const mailboxId = await createSmtpOnlyMailbox(e2e.app, e2e.token, sink);
    const inquiryId = await receive(
      e2e.app,
      spanishInquiry('rfq-maria@buyer.example'),
      mailboxId,
      1,
    );
    const quote = await http()
      .post(`/api/inquiries/${inquiryId}/quotes`)
      .set(auth)
      .send({
        currency: 'EUR',
        buyerCompany: 'Iluminaciones Ruiz S.L.',
        lines: [
          {
            product: 'LED Panel 600x600 40W',
            model: 'BW-P6060-40',
            specs: ['4000K'],
            quantity: 2000,
            moq: 500,
            hsCode: '9405.42',
            priceBreaks: [{ minQuantity: 500, unitPrice: '10.95' }],
          },
        ],
        incoterm: { code: 'CIF', namedPlace: 'Valencia' },
        portOfLoading: 'Ningbo',
        paymentTerms: 'T/T 30/70',
        packing: '10 pcs per carton',
        leadTimeDays: { min: 25, max: 30 },
        validUntil: '2099-12-31',
        timeZone: 'Asia/Shanghai',
      })
      .expect(201);
    const quoteId = (quote.body as { id: number }).id;
    expect(quote.body).toMatchObject({ total: '21900.00', locale: 'es' });

    const draft = await http().post(`/api/quotes/${quoteId}/drafts`).set(auth).send({}).expect(201);
    const draftId = (draft.body as { id: number }).id;
    await http().post(`/api/drafts/${draftId}/approve`).set(auth).send({}).expect(201);

    const sends = await Promise.all(
      [1, 2, 3].map(() =>
        http().post(`/api/drafts/${draftId}/send`).set(auth).set('Idempotency-Key', `q-${draftId}`),
      ),
    );
    expect(sends.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(sink.messages).toHaveLength(1);
    const final = await http().post(`/api/drafts/${draftId}/send`).set(auth).expect(200);
    expect(final.body).toMatchObject({ state: 'sent', attempts: 1 });
    expect((final.body as { appendError: string | null }).appendError).toMatch(/ECONNREFUSED/);

    // The restart pass retries the Sent copy (IMAP is still down) and never resends.
    expect(await e2e.app.get(OutboundService).finishDelivered(0)).toBe(0);
    const retried = await http().get(`/api/drafts/${draftId}/outbound`).set(auth).expect(200);
    expect(retried.body).toMatchObject({ state: 'sent', attempts: 1, sentFolder: null });
    expect((retried.body as { appendError: string | null }).appendError).toMatch(/ECONNREFUSED/);
    expect(sink.messages).toHaveLength(1);

    const followUps = e2e.app.get(FollowUpsService);
    const later = new Date(Date.now() + 20 * 86_400_000);
    expect((await followUps.list({}, 'e2e', later)).map((entry) => entry.step)).toEqual([1, 2, 3]);

    await receive(
      e2e.app,
      mail({
        from: 'Ana Ruiz <ana.ruiz@buyer.example>',
        subject: 'Re: cotización',
        messageId: 'answer-maria@buyer.example',
        inReplyTo: (final.body as { messageId: string }).messageId,
        date: new Date().toUTCString(),
        body: 'Gracias, lo revisamos.',
      }),
      mailboxId,
      2,
    );
    expect(await followUps.list({}, 'e2e', later)).toEqual([]);
  });
});
