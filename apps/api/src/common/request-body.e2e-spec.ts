import request from 'supertest';
import { type E2eApp, startE2eApp } from '../test/e2e-app';

describe('request bodies the API cannot read (e2e)', () => {
  let e2e: E2eApp;
  let auth: { Authorization: string };
  const http = () => request(e2e.app.getHttpServer());

  beforeAll(async () => {
    e2e = await startE2eApp();
    auth = { Authorization: `Bearer ${e2e.token}` };
  });
  afterAll(async () => {
    await e2e.close();
  });

  it('answers malformed JSON with 400 in the usual error format, naming the body', async () => {
    const response = await http()
      .patch('/api/inquiries/1/assignee')
      .set(auth)
      .set('Content-Type', 'application/json')
      .send('{bad')
      .expect(400);
    expect(response.body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'body', reason: expect.stringContaining('JSON') }],
    });
  });

  it('answers a deeply nested body with 400 naming the body, and keeps serving', async () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const response = await http()
      .patch('/api/inquiries/1/assignee')
      .set(auth)
      .set('Content-Type', 'application/json')
      .send(deep)
      .expect(400);
    expect(response.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'body', reason: 'body nests deeper than 32 levels' }],
    });
    await http().get('/api/health').expect(200);
  });

  it('still reads a body nested as deep as the limit', async () => {
    let nested: unknown = 'x';
    for (let level = 0; level < 31; level += 1) nested = { a: nested };
    const response = await http()
      .patch('/api/inquiries/1/assignee')
      .set(auth)
      .send({ assignee: nested })
      .expect(400);
    expect(response.body.fields).toEqual(
      expect.arrayContaining([{ field: 'assignee', reason: 'assignee must be a string' }]),
    );
  });

  it.each([
    ['{"assignee":"mei","__proto__":{"admin":true}}', '__proto__'],
    ['{"assignee":{"constructor":"x"}}', 'assignee.constructor'],
  ])('refuses %s by naming the reserved key, not by dropping it unsaid', async (body, field) => {
    const response = await http()
      .patch('/api/inquiries/1/assignee')
      .set(auth)
      .set('Content-Type', 'application/json')
      .send(body)
      .expect(400);
    expect(response.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field, reason: expect.stringContaining('reserved name') }],
    });
  });
});
