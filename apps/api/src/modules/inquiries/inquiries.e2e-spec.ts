import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { InquiryEntity } from '../../database/entities';
import { type E2eApp, startE2eApp } from '../../test/e2e-app';
import { mail } from '../../test/temp-context';
import { expectSearchIgnoresLetterCase } from './test/unicode-search.case';

const BUYERS = [
  {
    from: 'Ana Ruiz <ana@ruiz.example>',
    subject: 'Inquiry: LED panels 600x600',
    date: 'Mon, 02 Mar 2026 09:00:00 +0000',
  },
  {
    from: 'Li Wei <li.wei@hua.example>',
    subject: 'Quotation for stainless valves DN50',
    date: 'Tue, 03 Mar 2026 09:00:00 +0000',
  },
  {
    from: 'Olga Petrova <olga@petrova.example>',
    subject: 'Request: solar inverters 5kW',
    date: 'Wed, 04 Mar 2026 09:00:00 +0000',
  },
  {
    from: 'Jean Dupont <jean@dupont.example>',
    subject: 'Demande de prix: câbles',
    date: 'Thu, 05 Mar 2026 09:00:00 +0000',
  },
  {
    from: 'Carlos Souza <carlos@souza.example>',
    subject: 'Cotação: bombas de água',
    date: 'Fri, 06 Mar 2026 09:00:00 +0000',
  },
];

interface Item {
  id: number;
  subject: string;
  receivedAt: string;
  verdict: string | null;
  tier: string | null;
}

function items(response: { body: unknown }): Item[] {
  return (response.body as { items: Item[] }).items;
}

function mbox(messages: Buffer[]): Buffer {
  return Buffer.concat(
    messages.map((message) =>
      Buffer.concat([
        Buffer.from('From MAILER-DAEMON Mon Mar  2 09:00:00 2026\n'),
        message,
        Buffer.from('\n'),
      ]),
    ),
  );
}

describe('inquiries, imports and messages (e2e)', () => {
  let e2e: E2eApp;
  let auth: { Authorization: string };
  const http = () => request(e2e.app.getHttpServer());

  beforeAll(async () => {
    e2e = await startE2eApp();
    auth = { Authorization: `Bearer ${e2e.token}` };
    const messages = BUYERS.map((buyer, index) =>
      mail({
        ...buyer,
        messageId: `q${index}@buyers.example`,
        body: `Hello, please quote ${buyer.subject}. Regards`,
      }),
    );
    await writeFile(join(e2e.dir, 'takeout.mbox'), mbox(messages));
  });
  afterAll(async () => {
    await e2e.close();
  });

  it('imports an mbox into inquiries, and a re-import changes nothing', async () => {
    const first = await http()
      .post('/api/imports')
      .set(auth)
      .send({ path: 'takeout.mbox' })
      .expect(201);
    expect(first.body).toEqual({
      messages: 5,
      stored: 5,
      duplicates: 0,
      inquiries: 5,
      quarantined: [],
      unreadable: [],
    });
    const again = await http()
      .post('/api/imports')
      .set(auth)
      .send({ path: 'takeout.mbox' })
      .expect(201);
    expect(again.body).toEqual({
      messages: 5,
      stored: 0,
      duplicates: 5,
      inquiries: 0,
      quarantined: [],
      unreadable: [],
    });
    const list = await http().get('/api/inquiries').set(auth).expect(200);
    expect(list.body.items).toHaveLength(5);
  });

  it('imports an uploaded .eml, attachments included, and serves raw bytes and attachment back', async () => {
    const boundary = 'b1';
    const raw = Buffer.from(
      [
        'From: Aiko Tanaka <aiko@tanaka.example>',
        'To: sales@seller.example',
        'Subject: Drawing for custom brackets',
        'Date: Sat, 07 Mar 2026 09:00:00 +0000',
        'Message-ID: <att1@tanaka.example>',
        'MIME-Version: 1.0',
        `Content-Type: multipart/mixed; boundary="${boundary}"`,
        '',
        `--${boundary}`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Please see the attached drawing and quote 500 pcs.',
        `--${boundary}`,
        'Content-Type: text/plain; name="spec.txt"',
        'Content-Disposition: attachment; filename="spec.txt"',
        '',
        'bracket 40x40x3 mm, zinc plated',
        `--${boundary}--`,
        '',
      ].join('\r\n'),
    );
    const upload = await http()
      .post('/api/imports')
      .set(auth)
      .attach('file', raw, 'drawing.eml')
      .expect(201);
    expect(upload.body).toMatchObject({ stored: 1, inquiries: 1 });

    const found = await http().get('/api/inquiries').query({ q: 'brackets' }).set(auth).expect(200);
    const inquiry = await http()
      .get(`/api/inquiries/${found.body.items[0].id}`)
      .set(auth)
      .expect(200);
    expect(inquiry.body.attachments).toEqual([
      expect.objectContaining({ filename: 'spec.txt', inline: false }),
    ]);

    const rawResponse = await http()
      .get(`/api/messages/${inquiry.body.messageId}/raw`)
      .set(auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(rawResponse.headers['content-type']).toContain('message/rfc822');
    expect(Buffer.compare(rawResponse.body as Buffer, raw)).toBe(0);

    const attachment = await http()
      .get(
        `/api/messages/${inquiry.body.messageId}/attachments/${inquiry.body.attachments[0].sha256}`,
      )
      .set(auth)
      .expect(200);
    expect(attachment.text).toContain('bracket 40x40x3 mm');
    await http()
      .get(`/api/messages/${inquiry.body.messageId}/attachments/${'0'.repeat(64)}`)
      .set(auth)
      .expect(404);
  });

  it('finds text whatever the case of its letters, in any script', async () => {
    await expectSearchIgnoresLetterCase(e2e.app.getHttpServer(), auth);
  });

  it('pages through every inquiry with a cursor, newest first, without repeats', async () => {
    const all = await http().get('/api/inquiries').query({ limit: 100 }).set(auth).expect(200);
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await http()
        .get('/api/inquiries')
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .set(auth)
        .expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...items(page).map((item) => item.id));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(items(all).map((item) => item.id));
    const dates = items(all).map((item) => item.receivedAt);
    expect([...dates].sort().reverse()).toEqual(dates);

    const firstPage = await http().get('/api/inquiries').query({ limit: 2 }).set(auth).expect(200);
    const replayed = await http()
      .get('/api/inquiries')
      .query({ limit: 2, sort: 'slaDueAt', cursor: firstPage.body.nextCursor as string })
      .set(auth)
      .expect(400);
    expect(replayed.body.fields).toEqual([expect.objectContaining({ field: 'cursor' })]);

    const ascending = await http()
      .get('/api/inquiries')
      .query({ sort: 'receivedAt', limit: 1 })
      .set(auth)
      .expect(200);
    expect(ascending.body.items[0].subject).toBe('Inquiry: LED panels 600x600');
  });

  it('filters by text, date range, status, assignee, verdict and tier', async () => {
    const byText = await http().get('/api/inquiries').query({ q: 'valves' }).set(auth).expect(200);
    expect(items(byText).map((item) => item.subject)).toEqual([
      'Quotation for stainless valves DN50',
    ]);
    const bySender = await http()
      .get('/api/inquiries')
      .query({ q: 'petrova' })
      .set(auth)
      .expect(200);
    expect(bySender.body.items).toHaveLength(1);
    const noWildcard = await http().get('/api/inquiries').query({ q: '%' }).set(auth).expect(200);
    expect(noWildcard.body.items).toHaveLength(0);

    const range = await http()
      .get('/api/inquiries')
      .query({ from: '2026-03-03T00:00:00Z', to: '2026-03-05T00:00:00Z' })
      .set(auth)
      .expect(200);
    expect(
      items(range)
        .map((item) => item.subject)
        .sort(),
    ).toEqual(['Quotation for stainless valves DN50', 'Request: solar inverters 5kW']);

    const target = byText.body.items[0].id as number;
    await http()
      .patch(`/api/inquiries/${target}/status`)
      .set(auth)
      .send({ status: 'open' })
      .expect(200);
    const assigned = await http()
      .patch(`/api/inquiries/${target}/assignee`)
      .set(auth)
      .send({ assignee: 'mei' })
      .expect(200);
    expect(assigned.body).toMatchObject({ status: 'open', assignee: 'mei' });
    const open = await http().get('/api/inquiries').query({ status: 'open' }).set(auth).expect(200);
    expect(items(open).map((item) => item.id)).toEqual([target]);
    const mine = await http()
      .get('/api/inquiries')
      .query({ assignee: 'mei' })
      .set(auth)
      .expect(200);
    expect(items(mine).map((item) => item.id)).toEqual([target]);
    const unassigned = await http()
      .get('/api/inquiries')
      .query({ assignee: 'none', limit: 100 })
      .set(auth)
      .expect(200);
    expect(items(unassigned).map((item) => item.id)).not.toContain(target);

    const all = await http().get('/api/inquiries').query({ limit: 100 }).set(auth).expect(200);
    for (const key of ['verdict', 'tier'] as const) {
      const value = all.body.items[0][key] as string;
      const filtered = await http()
        .get('/api/inquiries')
        .query({ [key]: value, limit: 100 })
        .set(auth)
        .expect(200);
      const expected = items(all).filter((item) => item[key] === value);
      expect(filtered.body.items).toHaveLength(expected.length);
    }
  });

  it('records a verdict override with who made it, and filters by the effective verdict', async () => {
    const list = await http().get('/api/inquiries').query({ q: 'inverters' }).set(auth).expect(200);
    const id = list.body.items[0].id as number;
    const overridden = await http()
      .patch(`/api/inquiries/${id}/verdict`)
      .set(auth)
      .send({ verdict: 'spy' })
      .expect(200);
    expect(overridden.body.verdict).toBe('spy');
    expect(overridden.body.verdictOverride).toMatchObject({ verdict: 'spy', by: 'e2e' });
    const spies = await http()
      .get('/api/inquiries')
      .query({ verdict: 'spy' })
      .set(auth)
      .expect(200);
    expect(items(spies).map((item) => item.id)).toContain(id);
  });

  it('shows, filters and sorts an overridden inquiry by the tier and deadline the override gives', async () => {
    const ids: number[] = [];
    for (const [index, subject] of [
      'Override: rescued from D',
      'Override: A turned scam',
    ].entries()) {
      const raw = mail({
        subject,
        date: `Mon, 09 Mar 2026 1${index}:00:00 +0000`,
        messageId: `override-${index}@buyer.example`,
        body: 'Please quote 500 pcs.',
      });
      await http().post('/api/imports').set(auth).attach('file', raw, 'o.eml').expect(201);
      const found = await http().get('/api/inquiries').query({ q: subject }).set(auth).expect(200);
      ids.push(items(found)[0]!.id);
    }
    const [rescued, scam] = ids as [number, number];
    // As triage leaves them: a suspected scam in D without a deadline, a strong lead in A.
    const inquiries = e2e.app.get(DataSource).getRepository(InquiryEntity);
    await inquiries.update(rescued, { verdict: 'scam', tier: 'D', slaDueAt: null });
    const deadline = new Date('2026-03-09T13:00:00Z');
    await inquiries.update(scam, { verdict: 'clean', tier: 'A', slaDueAt: deadline });

    const clean = await http()
      .patch(`/api/inquiries/${rescued}/verdict`)
      .set(auth)
      .send({ verdict: 'clean' })
      .expect(200);
    expect(clean.body).toMatchObject({ verdict: 'clean', tier: 'C', slaDueAt: null });
    const flagged = await http()
      .patch(`/api/inquiries/${scam}/verdict`)
      .set(auth)
      .send({ verdict: 'scam' })
      .expect(200);
    expect(flagged.body).toMatchObject({ verdict: 'scam', tier: 'D', slaDueAt: null });

    const inTier = async (tier: string): Promise<number[]> =>
      items(
        await http().get('/api/inquiries').query({ tier, limit: 100 }).set(auth).expect(200),
      ).map((item) => item.id);
    expect(await inTier('C')).toContain(rescued);
    expect(await inTier('D')).not.toContain(rescued);
    expect(await inTier('D')).toContain(scam);
    expect(await inTier('A')).not.toContain(scam);
    const byDeadline = await http()
      .get('/api/inquiries')
      .query({ sort: 'slaDueAt', limit: 100 })
      .set(auth)
      .expect(200);
    const deadlines = (byDeadline.body.items as Array<{ slaDueAt: string | null }>).map(
      (item) => item.slaDueAt ?? '9999',
    );
    expect(deadlines).toEqual([...deadlines].sort());

    const withdrawn = await http()
      .patch(`/api/inquiries/${scam}/verdict`)
      .set(auth)
      .send({ verdict: null })
      .expect(200);
    expect(withdrawn.body).toMatchObject({
      verdict: 'clean',
      tier: 'A',
      slaDueAt: deadline.toISOString(),
    });
    expect(await inTier('A')).toContain(scam);
  });

  it('returns one inquiry with its thread, signals and contact', async () => {
    const list = await http()
      .get('/api/inquiries')
      .query({ q: 'LED panels' })
      .set(auth)
      .expect(200);
    const detail = await http()
      .get(`/api/inquiries/${list.body.items[0].id}`)
      .set(auth)
      .expect(200);
    expect(detail.body.contact).toMatchObject({ address: 'ana@ruiz.example', name: 'Ana Ruiz' });
    expect(detail.body.thread).toEqual([
      expect.objectContaining({ subject: 'Inquiry: LED panels 600x600', outgoing: false }),
    ]);
    expect(Array.isArray(detail.body.signals)).toBe(true);
    for (const signal of detail.body.signals)
      expect(signal.explanation?.en).toEqual(expect.any(String));
    await http().get('/api/inquiries/999999').set(auth).expect(404);
  });

  it.each([
    ['/api/inquiries?limit=0', 'limit'],
    ['/api/inquiries?limit=abc', 'limit'],
    ['/api/inquiries?status=lost', 'status'],
    ['/api/inquiries?from=yesterday', 'from'],
    ['/api/inquiries?from=2026-02-30', 'from'],
    ['/api/inquiries?from=2026-03-01T24:30:00Z', 'from'],
    ['/api/inquiries?from=-1', 'from'],
    ['/api/inquiries?to=1', 'to'],
    ['/api/inquiries?to=0', 'to'],
    ['/api/inquiries?to=1772323200000', 'to'],
    ['/api/inquiries?from=2026-03-05&to=2026-03-03', 'to'],
    ['/api/inquiries?from=2026-03-05T00:00:00Z&to=2026-03-05T00:00:00Z', 'to'],
    ['/api/inquiries?language=Spanish', 'language'],
    ['/api/inquiries?cursor=bm9wZQ', 'cursor'],
    ['/api/inquiries?unknown=1', 'unknown'],
    ['/api/inquiries/abc', 'id'],
    ['/api/inquiries/0x1', 'id'],
    ['/api/inquiries/%20', 'id'],
    ['/api/inquiries/1e3', 'id'],
    ['/api/inquiries/0', 'id'],
    ['/api/inquiries/-1', 'id'],
    ['/api/inquiries/1.0', 'id'],
    ['/api/inquiries/99999999999999999999', 'id'],
  ])('answers GET %s with 400 naming %s', async (path, field) => {
    const response = await http().get(path).set(auth).expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    if (field === 'id')
      expect(response.body.fields).toEqual([
        { field: 'id', reason: 'id must be a positive whole number' },
      ]);
    expect(response.body.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field })]),
    );
  });

  it.each([
    ['status', { status: 'archived' }, 'status'],
    ['assignee', {}, 'assignee'],
    ['verdict', { verdict: 'maybe' }, 'verdict'],
    ['assignee', { assignee: 'none' }, 'assignee'],
    ['assignee', { assignee: ' None ' }, 'assignee'],
  ])('answers PATCH %s with a bad body with 400 naming the field', async (route, body, field) => {
    const list = await http().get('/api/inquiries').query({ limit: 1 }).set(auth).expect(200);
    const response = await http()
      .patch(`/api/inquiries/${list.body.items[0].id}/${route}`)
      .set(auth)
      .send(body)
      .expect(400);
    expect(response.body.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field })]),
    );
    const after = await http().get(`/api/inquiries/${list.body.items[0].id}`).set(auth).expect(200);
    expect(after.body).toMatchObject({
      status: list.body.items[0].status,
      assignee: list.body.items[0].assignee,
      verdict: list.body.items[0].verdict,
    });
  });

  it('reads a date-only range as whole UTC days', async () => {
    const range = await http()
      .get('/api/inquiries')
      .query({ from: '2026-03-03', to: '2026-03-05' })
      .set(auth)
      .expect(200);
    expect(
      items(range)
        .map((item) => item.subject)
        .sort(),
    ).toEqual(['Quotation for stainless valves DN50', 'Request: solar inverters 5kW']);
  });

  it('refuses imports outside IMPORT_ROOT, missing paths and empty requests with 400 on path', async () => {
    for (const body of [{ path: '../../etc' }, { path: 'nope.mbox' }, {}]) {
      const response = await http().post('/api/imports').set(auth).send(body).expect(400);
      expect(response.body.fields).toEqual([expect.objectContaining({ field: 'path' })]);
    }
    await writeFile(join(e2e.dir, 'notes.txt'), 'just some notes, no mail here\n');
    const unreadable = await http()
      .post('/api/imports')
      .set(auth)
      .send({ path: 'notes.txt' })
      .expect(400);
    expect(unreadable.body.message).toContain('notes.txt');
    expect(await readFile(join(e2e.dir, 'notes.txt'), 'utf8')).toContain('notes');
  });

  it('answers alike for missing and existing paths outside IMPORT_ROOT', async () => {
    const codes: unknown[] = [];
    for (const path of ['../../etc/passwd', '../../etc/no-such-file'])
      codes.push(
        (await http().post('/api/imports').set(auth).send({ path }).expect(400)).body.code,
      );
    expect(codes).toEqual(['IMPORT_SOURCE_FORBIDDEN', 'IMPORT_SOURCE_FORBIDDEN']);
  });

  it("refuses to read the service's own database, blobs and key as mail, and keeps working", async () => {
    // IMPORT_ROOT is the folder that holds the database, blobs and secret key here.
    await http().post('/api/imports').set(auth).send({ path: 'takeout.mbox' }).expect(201);
    for (const path of ['.', 'inquiry.sqlite', 'blobs', 'secret.key']) {
      const response = await http().post('/api/imports').set(auth).send({ path }).expect(400);
      expect(response.body.code).toBe('IMPORT_SOURCE_FORBIDDEN');
      expect(response.body.fields).toEqual([
        expect.objectContaining({ field: 'path', reason: expect.stringContaining('database') }),
      ]);
    }
    const [first] = (await http().get('/api/inquiries').set(auth).expect(200)).body.items;
    await http()
      .patch(`/api/inquiries/${first.id}/assignee`)
      .set(auth)
      .send({ assignee: 'mei' })
      .expect(200);
    const after = await http().get(`/api/inquiries/${first.id}`).set(auth).expect(200);
    expect(after.body.assignee).toBe('mei');
  });

  it('imports the rest of a folder past an entry it cannot read, and lists that entry', async () => {
    const folder = join(e2e.dir, 'exports');
    await mkdir(folder);
    const message = (n: number) =>
      mail({
        from: `Buyer ${n} <buyer${n}@folder.example>`,
        subject: `RFQ ${n}`,
        messageId: `folder-${n}@folder.example`,
        body: `Please quote ${n} pallets.`,
      });
    await writeFile(join(folder, 'a.eml'), message(1));
    await writeFile(join(folder, 'b.mbox'), 'exported notes, no mail\n');
    await writeFile(join(folder, 'c.eml'), message(2));
    const report = await http()
      .post('/api/imports')
      .set(auth)
      .send({ path: 'exports' })
      .expect(201);
    expect(report.body).toMatchObject({ messages: 2, stored: 2, quarantined: [] });
    expect(report.body.unreadable).toEqual([
      {
        source: expect.stringContaining('b.mbox'),
        reason: 'not an mbox file: it does not start with a "From " line',
      },
    ]);
  });

  it('needs a token for every route but health', async () => {
    await http().get('/api/inquiries').expect(401);
    await http().post('/api/imports').send({ path: 'takeout.mbox' }).expect(401);
    await http().get('/api/messages/1/raw').expect(401);
    await http().delete('/api/demo').expect(401);
  });
});
