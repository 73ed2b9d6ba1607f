import request from 'supertest';
import { DataSource } from 'typeorm';
import { SamplePolicyEntity } from '../../database/entities';
import { type E2eApp, startE2eApp } from '../../test/e2e-app';
import { receive, saveProfile, spanishInquiry } from '../drafts/test/reply-fixtures';

const POLICY = {
  currency: 'USD',
  freeUpToValue: '30.00',
  creditOnOrderOfAtLeast: 1000,
  requireVerifiedBuyer: true,
  dispatchDays: 3,
};

const PANEL = {
  sku: 'BW-P6060-40',
  description: 'LED Panel 600x600 40W',
  quantity: 2,
  unitValue: '42.50',
};
const CLIP = { sku: 'MK-1', description: 'Mounting clip', quantity: 3, unitValue: '1.20' };

describe('sample policy and offers (e2e)', () => {
  let e2e: E2eApp;
  let auth: { Authorization: string };
  let uid = 0;
  const http = () => request(e2e.app.getHttpServer());
  const newInquiry = () =>
    receive(e2e.app, spanishInquiry(`sample-${++uid}@buyer.example`), null, uid);
  const offer = async (body: object, status: number) =>
    http()
      .post(`/api/inquiries/${await newInquiry()}/sample-offers`)
      .set(auth)
      .send(body)
      .expect(status);

  beforeAll(async () => {
    e2e = await startE2eApp();
    auth = { Authorization: `Bearer ${e2e.token}` };
    await saveProfile(e2e.app, e2e.token);
  });
  afterAll(async () => {
    await e2e.close();
  });

  it('needs a policy before offering samples', async () => {
    const response = await offer({ items: [PANEL], buyerVerified: true }, 409);
    expect(response.body).toMatchObject({ code: 'SAMPLE_POLICY_MISSING' });
    await http().get('/api/sample-policy').set(auth).expect(409);
  });

  it('stores the policy with who changed it', async () => {
    const saved = await http().put('/api/sample-policy').set(auth).send(POLICY).expect(200);
    expect(saved.body).toMatchObject({ ...POLICY, updatedBy: 'e2e' });
    const read = await http().get('/api/sample-policy').set(auth).expect(200);
    expect(read.body).toMatchObject(POLICY);
  });

  it('offers paid samples above the free value, credited on an order, with a Spanish offer mail', async () => {
    await http().put('/api/sample-policy').set(auth).send(POLICY).expect(200);
    const response = await offer(
      {
        items: [PANEL],
        buyerVerified: true,
        buyerCourierAccount: { carrier: 'DHL', accountNumber: '960123456' },
      },
      201,
    );
    const body = response.body as {
      offer: Record<string, unknown>;
      draft: { kind: string; locale: string; text: string; sampleOfferId: number };
    };
    expect(body.offer).toMatchObject({
      kind: 'paid',
      reason: 'above-free-value',
      sampleValue: '85.00',
      fee: '85.00',
      freightPayer: 'buyer-courier-account',
      courier: 'DHL',
      courierAccount: '960123456',
      creditOnOrderOfAtLeast: 1000,
    });
    expect(body.draft).toMatchObject({
      kind: 'sample-offer',
      templateId: 'sample-offer',
      locale: 'es',
      sampleOfferId: body.offer.id,
    });
    expect(body.draft.text).toContain('85,00');
    expect(body.draft.text).toContain('1000');
    const stored = await http()
      .get(`/api/sample-offers/${String(body.offer.id)}`)
      .set(auth)
      .expect(200);
    expect(stored.body).toMatchObject({ kind: 'paid', fee: '85.00' });
  });

  it('gives samples within the free value for nothing, freight collect', async () => {
    await http().put('/api/sample-policy').set(auth).send(POLICY).expect(200);
    const response = await offer({ items: [CLIP], buyerVerified: true }, 201);
    expect(response.body).toMatchObject({
      offer: {
        kind: 'free',
        fee: '0.00',
        sampleValue: '3.60',
        freightPayer: 'freight-collect',
        creditOnOrderOfAtLeast: null,
      },
      draft: { kind: 'sample-offer', templateId: 'sample-offer-free', locale: 'es' },
    });
    const text = (response.body as { draft: { text: string } }).draft.text;
    expect(text).toContain('Mounting clip');
    // The free allowance of the policy, in Spanish number format, and freight on the buyer.
    expect(text).toContain('30,00');
    expect(text).toMatch(/portes debidos/);
    expect(text).toMatch(/muestras sin cargo/);
  });

  it('offers a catalogue to an unverified buyer or one refusing to pay freight', async () => {
    await http().put('/api/sample-policy').set(auth).send(POLICY).expect(200);
    const unverified = await offer({ items: [PANEL], buyerVerified: false }, 201);
    expect(unverified.body).toMatchObject({
      offer: { kind: 'catalogue', reason: 'buyer-not-verified', items: [], fee: '0.00' },
      draft: { kind: 'sample-offer', templateId: 'sample-offer-catalogue', locale: 'es' },
    });
    const catalogueMail = (unverified.body as { draft: { subject: string; text: string } }).draft;
    // Names the product asked about although nothing physical is offered, and asks for specs.
    expect(catalogueMail.subject).toContain('LED Panel 600x600 40W');
    expect(catalogueMail.text).toMatch(/catálogo, la ficha técnica/);
    expect(catalogueMail.text).toMatch(/especificaciones, la cantidad/);
    const refuses = await offer(
      { items: [CLIP], buyerVerified: true, buyerRefusesFreight: true },
      201,
    );
    expect(refuses.body).toMatchObject({
      offer: { kind: 'catalogue', reason: 'buyer-refuses-freight' },
      draft: { templateId: 'sample-offer-catalogue' },
    });
  });

  it.each([
    ['a policy with a float value', 'put', { ...POLICY, freeUpToValue: 30 }, 'freeUpToValue'],
    ['a policy with an unknown currency', 'put', { ...POLICY, currency: 'ABC' }, 'currency'],
    ['a policy priced in gold', 'put', { ...POLICY, currency: 'XAU' }, 'currency'],
    ['a policy in a test currency', 'put', { ...POLICY, currency: 'XTS' }, 'currency'],
    ['an offer without items', 'post', { items: [], buyerVerified: true }, 'items'],
    [
      'an item with a zero quantity',
      'post',
      { items: [{ ...PANEL, quantity: 0 }], buyerVerified: true },
      'items.0.quantity',
    ],
    ['an offer without buyerVerified', 'post', { items: [PANEL] }, 'buyerVerified'],
  ])('answers %s with 400 naming the field', async (_case, method, body, field) => {
    await http().put('/api/sample-policy').set(auth).send(POLICY).expect(200);
    const response =
      method === 'put'
        ? await http().put('/api/sample-policy').set(auth).send(body).expect(400)
        : await offer(body, 400);
    expect(
      (response.body as { fields: Array<{ field: string }> }).fields.map((f) => f.field),
    ).toContain(field);
  });

  it('takes a policy currency in lower case and offers samples in it', async () => {
    const saved = await http()
      .put('/api/sample-policy')
      .set(auth)
      .send({ ...POLICY, currency: 'usd' })
      .expect(200);
    expect(saved.body).toMatchObject({ currency: 'USD' });
    const response = await offer({ items: [PANEL], buyerVerified: true }, 201);
    expect(response.body).toMatchObject({ offer: { kind: 'paid', currency: 'USD', fee: '85.00' } });
  });

  it('keeps offering samples under a policy stored with a lower-case currency', async () => {
    await http().put('/api/sample-policy').set(auth).send(POLICY).expect(200);
    const policies = e2e.app.get(DataSource).getRepository(SamplePolicyEntity);
    for (const policy of await policies.find())
      await policies.update(policy.id, { currency: 'usd' });
    const response = await offer({ items: [PANEL], buyerVerified: true }, 201);
    expect(response.body).toMatchObject({ offer: { kind: 'paid', currency: 'USD', fee: '85.00' } });
  });

  it('offers no samples on an inquiry marked as a scam until a rep marks it clean', async () => {
    await http().put('/api/sample-policy').set(auth).send(POLICY).expect(200);
    const inquiryId = await newInquiry();
    const send = () =>
      http()
        .post(`/api/inquiries/${inquiryId}/sample-offers`)
        .set(auth)
        .send({ items: [CLIP], buyerVerified: true });
    await http()
      .patch(`/api/inquiries/${inquiryId}/verdict`)
      .set(auth)
      .send({ verdict: 'scam' })
      .expect(200);
    const refused = await send().expect(409);
    expect(refused.body).toMatchObject({ code: 'NO_SALES_REPLY' });
    const drafts = await http().get(`/api/inquiries/${inquiryId}/drafts`).set(auth).expect(200);
    expect(drafts.body).toEqual([]);

    await http()
      .patch(`/api/inquiries/${inquiryId}/verdict`)
      .set(auth)
      .send({ verdict: 'clean' })
      .expect(200);
    const offered = await send().expect(201);
    expect(offered.body).toMatchObject({ offer: { kind: 'free' } });
  });

  it('answers 404 for unknown offers and inquiries', async () => {
    await http().get('/api/sample-offers/999999').set(auth).expect(404);
    await http()
      .post('/api/inquiries/999999/sample-offers')
      .set(auth)
      .send({ items: [PANEL], buyerVerified: true })
      .expect(404);
  });
});
