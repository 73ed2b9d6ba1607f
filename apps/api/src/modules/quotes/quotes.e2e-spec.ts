import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMessage } from '@inquiry/mail';
import { type SmtpSink, startSmtpServer } from '@inquiry/test-support';
import request from 'supertest';
import { type E2eApp, startE2eApp } from '../../test/e2e-app';
import { mail } from '../../test/temp-context';
import { DataSource } from 'typeorm';
import { QuoteEntity } from '../../database/entities';
import {
  createSmtpOnlyMailbox,
  receive,
  saveProfile,
  spanishInquiry,
} from '../drafts/test/reply-fixtures';
import { FollowUpsService } from '../follow-ups/follow-ups.service';

const DAY_MS = 86_400_000;
const utcDate = (daysAhead: number): string =>
  new Date(Date.now() + daysAhead * DAY_MS).toISOString().slice(0, 10);
/** Days 3 and 7 from today are office holidays; no weekend, so the test holds on any weekday. */
const HOLIDAYS = [utcDate(3), utcDate(7)];

const QUOTE = {
  currency: 'USD',
  buyerCompany: 'Iluminaciones Ruiz S.L.',
  lines: [
    {
      product: 'LED Panel 600x600 40W',
      model: 'BW-P6060-40',
      specs: ['4000K', 'CE/RoHS'],
      quantity: 2000,
      moq: 500,
      hsCode: '9405.42',
      priceBreaks: [
        { minQuantity: 500, unitPrice: '12.40' },
        { minQuantity: 1000, unitPrice: '11.855' },
      ],
    },
    {
      product: 'Mounting kit',
      model: 'MK-1',
      specs: [],
      quantity: 2000,
      moq: 100,
      hsCode: '7326.90',
      priceBreaks: [{ minQuantity: 100, unitPrice: '0.035' }],
    },
  ],
  incoterm: { code: 'FOB', namedPlace: 'Ningbo' },
  portOfLoading: 'Ningbo',
  paymentTerms: 'T/T 30% deposit, 70% against copy of B/L',
  packing: '10 pcs per carton',
  leadTimeDays: { min: 25, max: 30 },
  validUntil: '2099-12-31',
  timeZone: 'Asia/Shanghai',
};

interface Quote {
  id: number;
  number: string;
  revision: number;
  supersedesId: number | null;
  supersededById: number | null;
  total: string;
  lines: Array<{ unitPrice: string; amount: string }>;
  expired: boolean;
  locale: string;
  sentAt: string | null;
  paymentTerms: string;
  followUpDays: number[];
}

describe('quotes and follow-ups (e2e)', () => {
  let e2e: E2eApp;
  let sink: SmtpSink;
  let auth: { Authorization: string };
  let mailboxId: number;
  let uid = 0;
  const http = () => request(e2e.app.getHttpServer());

  const newInquiry = () =>
    receive(e2e.app, spanishInquiry(`rfq-${++uid}@buyer.example`), mailboxId, uid);
  const createQuote = async (inquiryId: number, body: object = QUOTE): Promise<Quote> =>
    (await http().post(`/api/inquiries/${inquiryId}/quotes`).set(auth).send(body).expect(201))
      .body as Quote;

  beforeAll(async () => {
    sink = await startSmtpServer();
    const dir = await mkdtemp(join(tmpdir(), 'inquiry-quotes-'));
    const calendarFile = join(dir, 'calendar.json');
    await writeFile(
      calendarFile,
      JSON.stringify({ timeZone: 'UTC', weekend: [], holidays: HOLIDAYS }),
    );
    e2e = await startE2eApp({ BUSINESS_CALENDAR: calendarFile, FOLLOW_UP_DAYS: '4,9,15' }, dir);
    auth = { Authorization: `Bearer ${e2e.token}` };
    await saveProfile(e2e.app, e2e.token);
    mailboxId = await createSmtpOnlyMailbox(e2e.app, e2e.token, sink);
  });
  afterAll(async () => {
    await e2e?.close();
    await sink?.stop();
  });

  it('prices lines by their price break with exact money, in the buyer language', async () => {
    const quote = await createQuote(await newInquiry());
    expect(quote.number).toMatch(/^Q-\d{4}-\d{4}$/);
    expect(quote).toMatchObject({ revision: 0, supersedesId: null, expired: false, locale: 'es' });
    expect(quote.lines).toEqual([
      expect.objectContaining({ unitPrice: '11.855', amount: '23710.00' }),
      expect.objectContaining({ unitPrice: '0.035', amount: '70.00' }),
    ]);
    expect(quote.total).toBe('23780.00');
  });

  it('keeps the old quote when revising, and only the latest revision can be revised', async () => {
    const first = await createQuote(await newInquiry());
    const revised = await http()
      .post(`/api/quotes/${first.id}/revisions`)
      .set(auth)
      .send({ reason: 'Buyer asked for L/C', paymentTerms: 'L/C at sight' })
      .expect(201);
    expect(revised.body).toMatchObject({
      number: first.number,
      revision: 1,
      supersedesId: first.id,
      paymentTerms: 'L/C at sight',
      total: first.total,
    });
    const old = await http().get(`/api/quotes/${first.id}`).set(auth).expect(200);
    expect(old.body).toMatchObject({
      revision: 0,
      paymentTerms: QUOTE.paymentTerms,
      supersededById: (revised.body as Quote).id,
    });

    const again = await http()
      .post(`/api/quotes/${first.id}/revisions`)
      .set(auth)
      .send({ reason: 'again' })
      .expect(409);
    expect(again.body).toMatchObject({ code: 'QUOTE_SUPERSEDED' });
    await http().post(`/api/quotes/${first.id}/drafts`).set(auth).send({}).expect(409);
  });

  it("chases on the company's follow-up days unless the quote names its own", async () => {
    expect((await createQuote(await newInquiry())).followUpDays).toEqual([4, 9, 15]);
    const own = await createQuote(await newInquiry(), { ...QUOTE, followUpDays: [2, 5] });
    expect(own.followUpDays).toEqual([2, 5]);
  });

  it('marks a quote expired once its validity date has passed in its time zone', async () => {
    const inquiryId = await newInquiry();
    const quote = await createQuote(inquiryId, {
      ...QUOTE,
      issuedOn: '2026-01-05',
      validUntil: '2026-01-31',
    });
    expect(quote.expired).toBe(true);
    const response = await http()
      .post(`/api/quotes/${quote.id}/drafts`)
      .set(auth)
      .send({})
      .expect(409);
    expect(response.body).toMatchObject({ code: 'QUOTE_EXPIRED' });
  });

  it('renders the quotation PDF', async () => {
    const quote = await createQuote(await newInquiry());
    const pdf = await http()
      .get(`/api/quotes/${quote.id}/pdf?locale=zh-CN`)
      .set(auth)
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('sends the cover mail with the PDF, schedules follow-ups, and cancels them when the buyer replies', async () => {
    const inquiryId = await newInquiry();
    const quote = await createQuote(inquiryId, { ...QUOTE, followUpDays: [3, 7, 14] });
    const draft = await http()
      .post(`/api/quotes/${quote.id}/drafts`)
      .set(auth)
      .send({})
      .expect(201);
    const draftBody = draft.body as {
      id: number;
      kind: string;
      locale: string;
      subject: string;
      attachments: Array<{ filename: string }>;
    };
    expect(draftBody).toMatchObject({ kind: 'quote-cover', locale: 'es' });
    expect(draftBody.subject).toContain(quote.number);
    expect(draftBody.attachments).toEqual([
      expect.objectContaining({ filename: `${quote.number}.pdf` }),
    ]);
    await http().post(`/api/drafts/${draftBody.id}/approve`).set(auth).send({}).expect(201);
    const sent = await http().post(`/api/drafts/${draftBody.id}/send`).set(auth).expect(200);
    expect(sent.body).toMatchObject({ state: 'sent' });

    const delivered = await parseMessage(sink.messages[sink.messages.length - 1]!.raw);
    expect(delivered.attachments).toEqual([
      expect.objectContaining({ filename: `${quote.number}.pdf`, contentType: 'application/pdf' }),
    ]);
    const stored = await http().get(`/api/quotes/${quote.id}`).set(auth).expect(200);
    expect((stored.body as Quote).sentAt).not.toBeNull();

    const followUps = e2e.app.get(FollowUpsService);
    const inTenDays = new Date(Date.now() + 10 * 86_400_000);
    const due = await followUps.list({}, 'e2e', inTenDays);
    const mine = due.filter((entry) => entry.quoteId === quote.id);
    expect(mine.map((entry) => [entry.step, entry.urgency])).toEqual([
      [1, 'overdue'],
      [2, 'overdue'],
    ]);
    const listed = await http().get('/api/follow-ups?aheadDays=30').set(auth).expect(200);
    const scheduled = (
      listed.body as { items: Array<{ quoteId: number; dueAt: string }> }
    ).items.filter((i) => i.quoteId === quote.id);
    // Holidays on days 3 and 7 push the first two chases to the next working day.
    expect(scheduled.map((i) => i.dueAt.slice(0, 10))).toEqual([
      utcDate(4),
      utcDate(8),
      utcDate(14),
    ]);
    expect(
      (
        (await http().get('/api/follow-ups').set(auth).expect(200)).body as {
          items: Array<{ quoteId: number }>;
        }
      ).items.filter((i) => i.quoteId === quote.id),
    ).toEqual([]);

    await receive(
      e2e.app,
      mail({
        from: 'Ana Ruiz <ana.ruiz@buyer.example>',
        subject: `Re: ${draftBody.subject}`,
        messageId: `answer-${uid}@buyer.example`,
        inReplyTo: (sent.body as { messageId: string }).messageId,
        date: new Date().toUTCString(),
        body: 'Gracias, lo revisamos y les contestamos.',
      }),
      mailboxId,
      ++uid,
    );
    const afterReply = await followUps.list({}, 'e2e', inTenDays);
    expect(afterReply.filter((entry) => entry.quoteId === quote.id)).toEqual([]);
  });

  it('marks a follow-up done', async () => {
    const inquiryId = await newInquiry();
    const quote = await createQuote(inquiryId, { ...QUOTE, followUpDays: [1] });
    const draft = await http()
      .post(`/api/quotes/${quote.id}/drafts`)
      .set(auth)
      .send({ locale: 'en' })
      .expect(201);
    const draftId = (draft.body as { id: number }).id;
    await http().post(`/api/drafts/${draftId}/approve`).set(auth).send({}).expect(201);
    await http().post(`/api/drafts/${draftId}/send`).set(auth).expect(200);
    const listed = await http().get('/api/follow-ups?aheadDays=2').set(auth).expect(200);
    const [entry] = (listed.body as { items: Array<{ id: number; quoteId: number }> }).items.filter(
      (item) => item.quoteId === quote.id,
    );
    const done = await http().post(`/api/follow-ups/${entry!.id}/done`).set(auth).expect(200);
    expect(done.body).toMatchObject({ status: 'done' });
    await http().post('/api/follow-ups/999999/done').set(auth).expect(404);
  });

  /** Sends the cover mail of a quote revision and returns when it went out. */
  const sendCover = async (quoteId: number): Promise<void> => {
    const draft = await http().post(`/api/quotes/${quoteId}/drafts`).set(auth).send({}).expect(201);
    const draftId = (draft.body as { id: number }).id;
    await http().post(`/api/drafts/${draftId}/approve`).set(auth).send({}).expect(201);
    await http().post(`/api/drafts/${draftId}/send`).set(auth).expect(200);
  };
  type FollowUp = {
    id: number;
    quoteId: number;
    step: number;
    status: string;
    cancelledReason: string | null;
    quoteValidUntil: string;
    quoteExpired: boolean;
  };
  const followUpsOf = (quoteId: number): Promise<FollowUp[]> =>
    e2e.app.get(FollowUpsService).forQuotes([quoteId]);

  it('drafts the chase mail of a follow-up from its quote, in the buyer language', async () => {
    const quote = await createQuote(await newInquiry(), { ...QUOTE, followUpDays: [3, 7, 14] });
    await sendCover(quote.id);
    const [first, , third] = await followUpsOf(quote.id);
    const chase = await http().post(`/api/follow-ups/${first!.id}/drafts`).set(auth).send({});
    expect(chase.status).toBe(201);
    const draft = chase.body as {
      templateId: string;
      locale: string;
      subject: string;
      text: string;
    };
    expect(draft).toMatchObject({ templateId: 'follow-up-1', locale: 'es' });
    expect(draft.subject).toBe(
      `Seguimiento: cotización ${quote.number} de LED Panel 600x600 40W, Mounting kit`,
    );
    const sentOn = new Intl.DateTimeFormat('es', { dateStyle: 'long', timeZone: 'Asia/Shanghai' });
    expect(draft.text).toContain(`enviada el ${sentOn.format(new Date())}`);
    const last = await http()
      .post(`/api/follow-ups/${third!.id}/drafts`)
      .set(auth)
      .send({ locale: 'en' })
      .expect(201);
    expect(last.body).toMatchObject({ templateId: 'follow-up-3', locale: 'en' });
    expect((last.body as { text: string }).text).toContain(quote.number);
    await http().post('/api/follow-ups/999999/drafts').set(auth).send({}).expect(404);
    await http()
      .post(`/api/follow-ups/${first!.id}/drafts`)
      .set(auth)
      .send({ locale: 'xx' })
      .expect(400);
  });

  it('retires the follow-ups of a revision once the next revision is sent', async () => {
    const quote = await createQuote(await newInquiry(), { ...QUOTE, followUpDays: [3, 7] });
    await sendCover(quote.id);
    const revised = (
      await http()
        .post(`/api/quotes/${quote.id}/revisions`)
        .set(auth)
        .send({ reason: 'Buyer asked for L/C', paymentTerms: 'L/C at sight' })
        .expect(201)
    ).body as Quote;
    expect((await followUpsOf(quote.id)).map((f) => f.status)).toEqual(['pending', 'pending']);

    await sendCover(revised.id);
    expect(await followUpsOf(quote.id)).toEqual([
      expect.objectContaining({ status: 'cancelled', cancelledReason: 'superseded by revision 1' }),
      expect.objectContaining({ status: 'cancelled', cancelledReason: 'superseded by revision 1' }),
    ]);
    expect((await followUpsOf(revised.id)).map((f) => [f.step, f.status])).toEqual([
      [1, 'pending'],
      [2, 'pending'],
    ]);
  });

  it('shows which followed-up quotes have expired and will not chase them', async () => {
    const quote = await createQuote(await newInquiry(), { ...QUOTE, followUpDays: [3] });
    await sendCover(quote.id);
    const [before] = await followUpsOf(quote.id);
    expect(before).toMatchObject({ quoteValidUntil: '2099-12-31', quoteExpired: false });
    await e2e.app
      .get(DataSource)
      .getRepository(QuoteEntity)
      .update(quote.id, { validUntil: '2026-01-31' });
    const listed = await http().get('/api/follow-ups?aheadDays=30').set(auth).expect(200);
    expect(
      (listed.body as { items: FollowUp[] }).items.find((f) => f.quoteId === quote.id),
    ).toMatchObject({
      quoteValidUntil: '2026-01-31',
      quoteExpired: true,
    });
    const refused = await http()
      .post(`/api/follow-ups/${before!.id}/drafts`)
      .set(auth)
      .send({})
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'QUOTE_EXPIRED' });
  });

  it.each([
    [
      'a float-looking price',
      { lines: [{ ...QUOTE.lines[0], priceBreaks: [{ minQuantity: 500, unitPrice: 12.4 }] }] },
      'lines.0.priceBreaks.0.unitPrice',
    ],
    ['an unknown Incoterm', { incoterm: { code: 'DAT', namedPlace: 'Valencia' } }, 'incoterm.code'],
    ['a bad HS code', { lines: [{ ...QUOTE.lines[0], hsCode: '94' }] }, 'lines.0.hsCode'],
    [
      'a quantity below the MOQ',
      { lines: [{ ...QUOTE.lines[0], quantity: 100 }] },
      'lines[0].quantity',
    ],
    ['an unknown currency', { currency: 'XYZ' }, 'currency'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
    ['validity before issue', { issuedOn: '2026-02-01', validUntil: '2026-01-01' }, 'validUntil'],
    ['falling follow-up days', { followUpDays: [7, 3] }, 'followUpDays'],
    ['follow-up days beyond a year', { followUpDays: [3, 100000] }, 'followUpDays'],
    ['a precious metal for currency', { currency: 'XAU' }, 'currency'],
    ['a test code for currency', { currency: 'XTS' }, 'currency'],
    ['"no currency" for currency', { currency: 'XXX' }, 'currency'],
    ['a fund code for currency', { currency: 'BOV' }, 'currency'],
    ['a unit of account for currency', { currency: 'CLF' }, 'currency'],
    ['next-day dollars for currency', { currency: 'USN' }, 'currency'],
    ['a buyer company of blanks', { buyerCompany: '   ' }, 'buyerCompany'],
    ['no lines', { lines: [] }, 'lines'],
  ])('answers %s with 400 naming the field', async (_case, change, field) => {
    const response = await http()
      .post(`/api/inquiries/${await newInquiry()}/quotes`)
      .set(auth)
      .send({ ...QUOTE, ...change })
      .expect(400);
    expect(
      (response.body as { fields: Array<{ field: string }> }).fields.map((f) => f.field),
    ).toContain(field);
  });

  it('takes a currency code in lower case and quotes in it', async () => {
    const quote = await createQuote(await newInquiry(), { ...QUOTE, currency: 'usd' });
    expect(quote).toMatchObject({ currency: 'USD', total: '23780.00' });
  });

  it("asks for buyerCompany when the inquiry does not tell the buyer's company", async () => {
    const withoutCompany: Partial<typeof QUOTE> = { ...QUOTE };
    delete withoutCompany.buyerCompany;
    const response = await http()
      .post(`/api/inquiries/${await newInquiry()}/quotes`)
      .set(auth)
      .send(withoutCompany)
      .expect(400);
    expect((response.body as { fields: unknown[] }).fields).toEqual([
      { field: 'buyerCompany', reason: expect.stringContaining("buyer's company is not known") },
    ]);
    const doc = await http().get('/api/docs-json').expect(200);
    const body = (
      doc.body as {
        components: {
          schemas: Record<string, { properties: Record<string, { description?: string }> }>;
        };
      }
    ).components.schemas['CreateQuoteDto']!;
    expect(body.properties['buyerCompany']!.description).toMatch(/required when/i);
  });

  it('answers 400 for a revision without a reason and 404 for unknown quotes', async () => {
    const quote = await createQuote(await newInquiry());
    const response = await http()
      .post(`/api/quotes/${quote.id}/revisions`)
      .set(auth)
      .send({ packing: 'pallets' })
      .expect(400);
    const fields = (response.body as { fields: Array<{ field: string }> }).fields.map(
      (f) => f.field,
    );
    expect(new Set(fields)).toEqual(new Set(['reason']));
    await http().get('/api/quotes/999999').set(auth).expect(404);
    await http().get('/api/quotes/999999/pdf').set(auth).expect(404);
    await http().post('/api/inquiries/999999/quotes').set(auth).send(QUOTE).expect(404);
  });
});
