import request from 'supertest';
import { type E2eApp, startE2eApp } from '../../test/e2e-app';
import { mail } from '../../test/temp-context';
import { createTestDatabase } from '../sync/test/sync-harness';

describe('inquiry search on MariaDB (int)', () => {
  let e2e: E2eApp;
  let auth: { Authorization: string };
  const http = () => request(e2e.app.getHttpServer());

  beforeAll(async () => {
    e2e = await startE2eApp({ DB_URL: await createTestDatabase() });
    auth = { Authorization: `Bearer ${e2e.token}` };
  });
  afterAll(async () => {
    await e2e.close();
  });

  it('finds text whatever the case of its letters, in any script', async () => {
    const raw = mail({
      from: 'Dmitri Sokolov <dmitri@sokolov.example>',
      subject: 'Anfrage Kugelhähne',
      messageId: 'unicode-case@sokolov.example',
      body: 'Bitte um Angebot für 300 Kugelhähne DN25. Также нужны шаровые краны.',
    });
    await http().post('/api/imports').set(auth).attach('file', raw, 'case.eml').expect(201);
    for (const q of ['KUGELHÄHNE', 'kugelhähne', 'ШАРОВЫЕ КРАНЫ', 'Шаровые']) {
      const found = await http().get('/api/inquiries').query({ q }).set(auth).expect(200);
      expect(items(found)).toEqual(['Anfrage Kugelhähne']);
    }
  });
});

function items(response: { body: unknown }): string[] {
  return (response.body as { items: Array<{ subject: string }> }).items.map((item) => item.subject);
}
