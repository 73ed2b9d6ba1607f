import request from 'supertest';
import { type E2eApp, startE2eApp } from '../../test/e2e-app';

describe('health and authentication (e2e)', () => {
  let e2e: E2eApp;
  beforeAll(async () => {
    e2e = await startE2eApp();
  });
  afterAll(async () => {
    await e2e.close();
  });

  it('answers health without a token', async () => {
    const response = await request(e2e.app.getHttpServer()).get('/api/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', database: 'better-sqlite3' });
  });

  it('refuses other routes without a token, with a Bearer challenge', async () => {
    const response = await request(e2e.app.getHttpServer()).get('/api/inquiries').expect(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
  });

  it('refuses a wrong token', async () => {
    await request(e2e.app.getHttpServer())
      .get('/api/inquiries')
      .set('Authorization', 'Bearer inq_not-a-real-token')
      .expect(401);
  });

  it('serves the OpenAPI document', async () => {
    const response = await request(e2e.app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(response.body.paths['/api/health'].get.security).toEqual([]);
    expect(response.body.paths['/api/inquiries'].get.security).toEqual([{ bearer: [] }]);
  });
});
