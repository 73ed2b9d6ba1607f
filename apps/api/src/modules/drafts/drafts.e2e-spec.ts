import request from 'supertest';
import { type E2eApp, startE2eApp } from '../../test/e2e-app';
import { mail } from '../../test/temp-context';
import { receive, saveProfile, SENDER_PROFILE, spanishInquiry } from './test/reply-fixtures';

interface Draft {
  id: number;
  recipients: Array<{ address: string }>;
  templateId: string;
  locale: string;
  dir: string;
  subject: string;
  text: string;
  status: string;
  flags: Array<{ phrase: string; category: string; suggestion: string; match: string }>;
  override: { by: string; at: string; reason: string } | null;
  approvedBy: string | null;
  choice?: { templateId: string; reason: string; next: string | null };
}

describe('drafts (e2e)', () => {
  let e2e: E2eApp;
  let auth: { Authorization: string };
  const http = () => request(e2e.app.getHttpServer());
  let sequence = 0;

  const newInquiry = (raw?: Buffer): Promise<number> =>
    receive(e2e.app, raw ?? spanishInquiry(`es-${++sequence}@buyer.example`), null, ++sequence);
  const propose = async (inquiryId: number, body: object = {}): Promise<Draft> =>
    (await http().post(`/api/inquiries/${inquiryId}/drafts`).set(auth).send(body).expect(201))
      .body as Draft;

  beforeAll(async () => {
    e2e = await startE2eApp();
    auth = { Authorization: `Bearer ${e2e.token}` };
  });
  afterAll(async () => {
    await e2e.close();
  });

  it('asks for a signature before the first draft, and keeps it per rep', async () => {
    const inquiryId = await newInquiry();
    const missing = await http()
      .post(`/api/inquiries/${inquiryId}/drafts`)
      .set(auth)
      .send({})
      .expect(409);
    expect(missing.body).toMatchObject({ code: 'SENDER_PROFILE_MISSING' });

    await saveProfile(e2e.app, e2e.token);
    const profile = await http().get('/api/sender-profile').set(auth).expect(200);
    expect(profile.body).toEqual({ rep: 'e2e', ...SENDER_PROFILE });
  });

  it('rejects an incomplete signature with the field and the reason', async () => {
    const response = await http()
      .put('/api/sender-profile')
      .set(auth)
      .send({ ...SENDER_PROFILE, email: 'not-an-address', phone: '' })
      .expect(400);
    const fields = (response.body as { fields: Array<{ field: string }> }).fields.map(
      (f) => f.field,
    );
    expect(fields).toEqual(expect.arrayContaining(['email', 'phone']));
  });

  it('proposes a Spanish draft for a Spanish buyer, greeting them by name and signed in full', async () => {
    await saveProfile(e2e.app, e2e.token);
    const draft = await propose(await newInquiry());
    expect(draft).toMatchObject({ locale: 'es', dir: 'ltr', status: 'editing', flags: [] });
    expect(draft.choice?.reason).toBeTruthy();
    expect(draft.text).toMatch(/^Estimado\/a Ana Ruiz:/);
    expect(draft.text).toContain('panel LED 600x600');
    for (const part of [SENDER_PROFILE.fullName, SENDER_PROFILE.phone, SENDER_PROFILE.website]) {
      expect(draft.text).toContain(part);
    }
    expect(draft.text).not.toMatch(/\{\{|templates\./);
  });

  it('lets the rep choose the language and switch it later', async () => {
    await saveProfile(e2e.app, e2e.token);
    const inquiryId = await newInquiry();
    const german = await propose(inquiryId, { locale: 'de', templateId: 'request-details' });
    expect(german.locale).toBe('de');
    expect(german.text).toMatch(/Ana Ruiz/);

    const arabic = await http()
      .patch(`/api/drafts/${german.id}`)
      .set(auth)
      .send({ locale: 'ar' })
      .expect(200);
    expect(arabic.body).toMatchObject({ locale: 'ar', dir: 'rtl', templateId: 'request-details' });
    expect((arabic.body as Draft).text).not.toBe(german.text);
    expect((arabic.body as Draft).text).toMatch(/[\u0600-\u06FF]/);
  });

  it('flags forbidden phrases on save and requires a recorded override to approve', async () => {
    await saveProfile(e2e.app, e2e.token);
    const draft = await propose(await newInquiry());
    const edited = await http()
      .patch(`/api/drafts/${draft.id}`)
      .set(auth)
      .send({ text: `${draft.text}\n\nUn plazo de 10 días es imposible.` })
      .expect(200);
    expect((edited.body as Draft).flags).toEqual([
      expect.objectContaining({ phrase: 'imposible', category: 'refusal', match: 'imposible' }),
    ]);

    const refused = await http()
      .post(`/api/drafts/${draft.id}/approve`)
      .set(auth)
      .send({})
      .expect(409);
    expect(refused.body).toMatchObject({
      code: 'DRAFT_FLAGGED',
      details: [expect.objectContaining({ phrase: 'imposible' })],
    });

    const approved = await http()
      .post(`/api/drafts/${draft.id}/approve`)
      .set(auth)
      .send({ overrideReason: 'The buyer asked for a yes or no on 10 days.' })
      .expect(201);
    expect(approved.body).toMatchObject({
      status: 'approved',
      approvedBy: 'e2e',
      override: { by: 'e2e', reason: 'The buyer asked for a yes or no on 10 days.' },
    });

    const reEdited = await http()
      .patch(`/api/drafts/${draft.id}`)
      .set(auth)
      .send({ text: draft.text })
      .expect(200);
    expect(reEdited.body).toMatchObject({
      status: 'editing',
      flags: [],
      override: null,
      approvedBy: null,
    });
  });

  it('approves a clean draft without an override', async () => {
    await saveProfile(e2e.app, e2e.token);
    const draft = await propose(await newInquiry());
    const approved = await http()
      .post(`/api/drafts/${draft.id}/approve`)
      .set(auth)
      .send({})
      .expect(201);
    expect(approved.body).toMatchObject({ status: 'approved', override: null });
  });

  it('proposes no sales reply once a rep marks the inquiry as spam', async () => {
    await saveProfile(e2e.app, e2e.token);
    const inquiryId = await newInquiry();
    await http()
      .patch(`/api/inquiries/${inquiryId}/verdict`)
      .set(auth)
      .send({ verdict: 'spam' })
      .expect(200);
    const response = await http()
      .post(`/api/inquiries/${inquiryId}/drafts`)
      .set(auth)
      .send({})
      .expect(409);
    expect(response.body).toMatchObject({ code: 'NO_SALES_REPLY' });
    const declined = await propose(inquiryId, { templateId: 'polite-decline' });
    expect(declined.templateId).toBe('polite-decline');
  });

  it('acknowledges a sample request and points to the sample offer', async () => {
    await saveProfile(e2e.app, e2e.token);
    const inquiryId = await newInquiry(
      mail({
        from: 'Paul Martin <paul@martin.example>',
        subject: 'Sample request: LED panel 600x600',
        messageId: `sample-${++sequence}@martin.example`,
        body: 'Hello,\r\n\r\nCould you send us a sample of your 600x600 LED panel before we order?\r\n\r\nPaul Martin',
      }),
    );
    const draft = await propose(inquiryId);
    expect(draft).toMatchObject({
      templateId: 'acknowledgement',
      choice: { next: 'sample-offer' },
    });
  });

  it.each([
    ['an unknown locale', { locale: 'xx' }, 'locale'],
    ['an unknown template', { templateId: 'no-such-template' }, 'templateId'],
    [
      'a template variable of the wrong type',
      { templateId: 'first-reply', variables: { quantity: 'many' } },
      'variables.quantity',
    ],
    ['a missing template variable', { templateId: 'quote-cover' }, 'variables.quoteNumber'],
    ['an unknown field', { colour: 'blue' }, 'colour'],
  ])('answers %s with 400 naming the field', async (_case, body, field) => {
    await saveProfile(e2e.app, e2e.token);
    const response = await http()
      .post(`/api/inquiries/${await newInquiry()}/drafts`)
      .set(auth)
      .send(body)
      .expect(400);
    expect(
      (response.body as { fields: Array<{ field: string }> }).fields.map((f) => f.field),
    ).toContain(field);
  });

  it.each([
    ['locale', { locale: null }],
    ['subject', { subject: null }],
    ['text', { text: null }],
  ])('answers null for %s with 400 naming it, keeping the edited draft', async (field, change) => {
    await saveProfile(e2e.app, e2e.token);
    const draft = await propose(await newInquiry());
    const editedText = `${draft.text}\n\nPD: El plazo incluye el transporte a Ningbo.`;
    await http().patch(`/api/drafts/${draft.id}`).set(auth).send({ text: editedText }).expect(200);
    const response = await http()
      .patch(`/api/drafts/${draft.id}`)
      .set(auth)
      .send(change)
      .expect(400);
    expect((response.body as { fields: Array<{ field: string }> }).fields).toEqual([
      { field, reason: `${field} must not be null` },
    ]);
    const kept = await http().get(`/api/drafts/${draft.id}`).set(auth).expect(200);
    expect(kept.body).toMatchObject({ locale: 'es', subject: draft.subject, text: editedText });
  });

  it.each([
    [
      'a negative sample fee',
      { sampleFee: { amount: '-25.00', currency: 'USD' } },
      'sampleFee',
      /must not be negative/,
    ],
    ['a negative credit quantity', { creditQuantity: -1 }, 'creditQuantity', /zero or more/],
    ['negative dispatch days', { dispatchDays: -2 }, 'dispatchDays', /zero or more/],
    [
      'a sample fee without currency',
      { sampleFee: '25.00' },
      'sampleFee',
      /must be \{amount, currency\}/,
    ],
    [
      'a sample fee in an unknown currency',
      { sampleFee: { amount: '25.00', currency: 'usd' } },
      'sampleFee',
      /currency code "usd"/,
    ],
  ])('answers %s with 400 naming the variable', async (_case, change, variable, reason) => {
    await saveProfile(e2e.app, e2e.token);
    const response = await http()
      .post(`/api/inquiries/${await newInquiry()}/drafts`)
      .set(auth)
      .send({
        templateId: 'sample-offer',
        locale: 'de',
        variables: {
          sampleFee: { amount: '25.00', currency: 'USD' },
          creditQuantity: 1000,
          dispatchDays: 3,
          ...change,
        },
      })
      .expect(400);
    expect((response.body as { fields: Array<{ field: string }> }).fields).toEqual([
      { field: `variables.${variable}`, reason: expect.stringMatching(reason) },
    ]);
  });

  it('answers a negative quantity with 400 naming the variable', async () => {
    await saveProfile(e2e.app, e2e.token);
    const response = await http()
      .post(`/api/inquiries/${await newInquiry()}/drafts`)
      .set(auth)
      .send({ templateId: 'first-reply', variables: { quantity: -5 } })
      .expect(400);
    expect((response.body as { fields: Array<{ field: string }> }).fields).toEqual([
      { field: 'variables.quantity', reason: expect.stringContaining('zero or more') },
    ]);
  });

  it('answers a variable the named template does not have with 400 naming it', async () => {
    await saveProfile(e2e.app, e2e.token);
    const response = await http()
      .post(`/api/inquiries/${await newInquiry()}/drafts`)
      .set(auth)
      .send({ templateId: 'first-reply', variables: { quantiy: 500 } })
      .expect(400);
    expect((response.body as { fields: Array<{ field: string }> }).fields).toEqual([
      {
        field: 'variables.quantiy',
        reason: expect.stringMatching(/not a variable of template first-reply .*quantity/),
      },
    ]);
  });

  it('takes the confirmed recipients in any order', async () => {
    await saveProfile(e2e.app, e2e.token);
    const inquiryId = await newInquiry(
      spanishInquiry(`two-reply-to-${++sequence}@buyer.example`, [
        'Reply-To: other@gmail.com, ana.compras@gmail.com',
      ]),
    );
    const draft = await propose(inquiryId);
    expect(draft).toMatchObject({
      recipients: [{ address: 'other@gmail.com' }, { address: 'ana.compras@gmail.com' }],
      warnings: [expect.objectContaining({ code: 'reply-to-mismatch' })],
    });
    const partial = await http()
      .post(`/api/drafts/${draft.id}/approve`)
      .set(auth)
      .send({ confirmRecipient: 'ana.compras@gmail.com' })
      .expect(400);
    expect(partial.body).toMatchObject({ fields: [{ field: 'confirmRecipient' }] });
    const approved = await http()
      .post(`/api/drafts/${draft.id}/approve`)
      .set(auth)
      .send({ confirmRecipient: 'Ana.Compras@gmail.com,other@gmail.com' })
      .expect(201);
    expect(approved.body).toMatchObject({
      status: 'approved',
      recipientConfirmation: { recipients: 'other@gmail.com, ana.compras@gmail.com', by: 'e2e' },
    });
  });

  it('answers 400 for an empty edit and a non-numeric id, 404 for unknown drafts and inquiries', async () => {
    await saveProfile(e2e.app, e2e.token);
    const draft = await propose(await newInquiry());
    const empty = await http()
      .patch(`/api/drafts/${draft.id}`)
      .set(auth)
      .send({ subject: '' })
      .expect(400);
    expect(empty.body).toMatchObject({ fields: [expect.objectContaining({ field: 'subject' })] });
    await http().get('/api/drafts/abc').set(auth).expect(400);
    await http().get('/api/drafts/999999').set(auth).expect(404);
    await http().post('/api/inquiries/999999/drafts').set(auth).send({}).expect(404);
    await http().get('/api/drafts/1').expect(401);
  });

  it('documents every answering route in the OpenAPI document', async () => {
    const response = await http().get('/api/docs-json').expect(200);
    const paths = Object.keys((response.body as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/inquiries/{id}/drafts',
        '/api/drafts/{id}',
        '/api/drafts/{id}/approve',
        '/api/drafts/{id}/send',
        '/api/drafts/{id}/outbound',
        '/api/outbound',
        '/api/sender-profile',
        '/api/inquiries/{id}/quotes',
        '/api/quotes/{id}',
        '/api/quotes/{id}/revisions',
        '/api/quotes/{id}/pdf',
        '/api/quotes/{id}/drafts',
        '/api/sample-policy',
        '/api/inquiries/{id}/sample-offers',
        '/api/sample-offers/{id}',
        '/api/follow-ups',
        '/api/follow-ups/{id}/done',
        '/api/follow-ups/{id}/drafts',
      ]),
    );
  });

  it('lists the drafts of an inquiry, newest first', async () => {
    await saveProfile(e2e.app, e2e.token);
    const inquiryId = await newInquiry();
    const first = await propose(inquiryId);
    const second = await propose(inquiryId, { locale: 'en' });
    const list = await http().get(`/api/inquiries/${inquiryId}/drafts`).set(auth).expect(200);
    expect((list.body as Draft[]).map((d) => d.id)).toEqual([second.id, first.id]);
  });
});
