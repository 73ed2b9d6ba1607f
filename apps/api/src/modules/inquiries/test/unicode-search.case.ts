import request from 'supertest';
import type { App } from 'supertest/types';
import { mail } from '../../../test/temp-context';

/**
 * Imports a German and Russian inquiry and finds it by words in other letter cases, as a
 * rep types them: the same on every database (SQLite e2e, MariaDB int).
 */
export async function expectSearchIgnoresLetterCase(
  server: App,
  auth: { Authorization: string },
): Promise<void> {
  const raw = mail({
    from: 'Dmitri Sokolov <dmitri@sokolov.example>',
    subject: 'Anfrage Kugelhähne',
    date: 'Sun, 08 Mar 2026 09:00:00 +0000',
    messageId: 'unicode-case@sokolov.example',
    body: 'Bitte um Angebot für 300 Kugelhähne DN25. Также нужны шаровые краны.',
  });
  await request(server).post('/api/imports').set(auth).attach('file', raw, 'case.eml').expect(201);
  for (const q of ['KUGELHÄHNE', 'kugelhähne', 'ШАРОВЫЕ КРАНЫ', 'Шаровые']) {
    const found = await request(server).get('/api/inquiries').query({ q }).set(auth).expect(200);
    const subjects = (found.body as { items: Array<{ subject: string }> }).items.map(
      (item) => item.subject,
    );
    expect({ q, subjects }).toEqual({ q, subjects: ['Anfrage Kugelhähne'] });
  }
}
