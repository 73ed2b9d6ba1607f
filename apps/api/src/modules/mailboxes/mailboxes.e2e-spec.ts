import request from 'supertest';
import { DataSource } from 'typeorm';
import { MailboxEntity } from '../../database/entities';
import { type E2eApp, startE2eApp } from '../../test/e2e-app';
import { expectInquiriesToFollowTheirMessages } from './test/mailbox-deletion.case';

// Port 1 on loopback: nothing listens there, so a connection attempt fails at once.
const CLOSED_PORT = 1;

const mailbox = {
  name: 'Sales',
  address: 'Sales@Seller.example',
  imapHost: '127.0.0.1',
  imapPort: CLOSED_PORT,
  imapSecure: false,
  imapUser: 'sales',
  imapPassword: 'correct horse battery staple',
  smtpHost: '127.0.0.1',
  smtpPort: CLOSED_PORT,
  smtpSecure: false,
  smtpUser: 'sales',
  smtpPassword: 'smtp secret',
  folders: ['INBOX', 'Archive'],
};

describe('mailboxes (e2e)', () => {
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

  it('creates, lists, updates and deletes a mailbox without ever returning a password', async () => {
    const created = await http().post('/api/mailboxes').set(auth).send(mailbox).expect(201);
    expect(created.body).toMatchObject({
      name: 'Sales',
      address: 'sales@seller.example',
      folders: ['INBOX', 'Archive'],
      enabled: true,
    });
    expect(JSON.stringify(created.body)).not.toMatch(/password|correct horse|smtp secret/i);

    const stored = await e2e.app
      .get(DataSource)
      .getRepository(MailboxEntity)
      .findOneByOrFail({ id: created.body.id });
    expect(stored.imapPasswordEncrypted).not.toContain('correct horse');
    expect(stored.smtpPasswordEncrypted).not.toContain('smtp secret');

    const list = await http().get('/api/mailboxes').set(auth).expect(200);
    expect((list.body as Array<{ id: number }>).map((entry) => entry.id)).toContain(
      created.body.id,
    );

    const updated = await http()
      .patch(`/api/mailboxes/${created.body.id}`)
      .set(auth)
      .send({ enabled: false, name: 'Sales EU' })
      .expect(200);
    expect(updated.body).toMatchObject({ enabled: false, name: 'Sales EU', imapHost: '127.0.0.1' });
    const noSmtp = await http()
      .patch(`/api/mailboxes/${created.body.id}`)
      .set(auth)
      .send({ smtpHost: null })
      .expect(200);
    expect(noSmtp.body).toMatchObject({ smtpHost: null, smtpPort: null, smtpUser: null });
    const badPort = await http()
      .patch(`/api/mailboxes/${created.body.id}`)
      .set(auth)
      .send({ imapPort: 'x' })
      .expect(400);
    expect(badPort.body.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'imapPort' })]),
    );

    await http().delete(`/api/mailboxes/${created.body.id}`).set(auth).expect(204);
    await http().get(`/api/mailboxes/${created.body.id}`).set(auth).expect(404);
    await http().delete(`/api/mailboxes/${created.body.id}`).set(auth).expect(404);
  });

  it('moves inquiries of a deleted mailbox to a connected one holding their messages', async () => {
    await expectInquiriesToFollowTheirMessages(e2e.app, auth);
  });

  it('rejects an incomplete or wrong mailbox with 400 naming each field', async () => {
    const response = await http()
      .post('/api/mailboxes')
      .set(auth)
      .send({
        ...mailbox,
        imapHost: undefined,
        imapPort: 70000,
        address: 'not-an-address',
        folders: ['INBOX', ''],
      })
      .expect(400);
    const fields = (response.body.fields as Array<{ field: string }>).map(
      (problem) => problem.field,
    );
    expect(fields).toEqual(expect.arrayContaining(['imapHost', 'imapPort', 'address', 'folders']));
    for (const problem of response.body.fields) expect(problem.reason).toEqual(expect.any(String));
  });

  it.each([
    'name',
    'address',
    'imapHost',
    'imapPort',
    'imapSecure',
    'imapUser',
    'imapPassword',
    'smtpPort',
    'smtpSecure',
    'smtpUser',
    'smtpPassword',
    'enabled',
  ])(
    'refuses %s: null on update with 400 naming it, and keeps the mailbox as it was',
    async (field) => {
      const created = await http().post('/api/mailboxes').set(auth).send(mailbox).expect(201);
      const response = await http()
        .patch(`/api/mailboxes/${created.body.id}`)
        .set(auth)
        .send({ [field]: null })
        .expect(400);
      expect(response.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: [{ field, reason: expect.any(String) }],
      });
      const after = await http().get(`/api/mailboxes/${created.body.id}`).set(auth).expect(200);
      expect(after.body).toEqual(created.body);
    },
  );

  it('removes the SMTP settings only together, and refuses a half SMTP server', async () => {
    const { smtpHost, smtpPort, smtpSecure, smtpUser, smtpPassword, ...imapOnly } = mailbox;
    const noPort = await http()
      .post('/api/mailboxes')
      .set(auth)
      .send({ ...imapOnly, smtpHost })
      .expect(400);
    expect(noPort.body.fields).toEqual([
      { field: 'smtpPort', reason: expect.stringContaining('smtpHost') },
    ]);
    const noHost = await http()
      .post('/api/mailboxes')
      .set(auth)
      .send({ ...imapOnly, smtpPort, smtpUser, smtpPassword })
      .expect(400);
    expect(noHost.body.fields).toEqual([
      { field: 'smtpPort', reason: expect.stringContaining('smtpHost') },
      { field: 'smtpUser', reason: expect.stringContaining('smtpHost') },
      { field: 'smtpPassword', reason: expect.stringContaining('smtpHost') },
    ]);

    const imap = await http().post('/api/mailboxes').set(auth).send(imapOnly).expect(201);
    const halfAdded = await http()
      .patch(`/api/mailboxes/${imap.body.id}`)
      .set(auth)
      .send({ smtpHost, smtpUser })
      .expect(400);
    expect(halfAdded.body.fields).toEqual([
      { field: 'smtpPort', reason: expect.stringContaining('smtpHost') },
    ]);
    const added = await http()
      .patch(`/api/mailboxes/${imap.body.id}`)
      .set(auth)
      .send({ smtpHost, smtpPort, smtpSecure })
      .expect(200);
    expect(added.body).toMatchObject({ smtpHost, smtpPort, smtpSecure, smtpUser: null });
    const test = await http().post(`/api/mailboxes/${imap.body.id}/test`).set(auth).expect(200);
    expect(test.body.smtp).toEqual({ ok: false, error: expect.any(String) });

    const removed = await http()
      .patch(`/api/mailboxes/${imap.body.id}`)
      .set(auth)
      .send({ smtpHost: null })
      .expect(200);
    expect(removed.body).toMatchObject({
      smtpHost: null,
      smtpPort: null,
      smtpSecure: null,
      smtpUser: null,
    });
    const portWithoutHost = await http()
      .patch(`/api/mailboxes/${imap.body.id}`)
      .set(auth)
      .send({ smtpPort })
      .expect(400);
    expect(portWithoutHost.body.fields).toEqual([
      { field: 'smtpPort', reason: expect.stringContaining('smtpHost') },
    ]);
    const removedAndSet = await http()
      .patch(`/api/mailboxes/${imap.body.id}`)
      .set(auth)
      .send({ smtpHost: null, smtpUser })
      .expect(400);
    expect(removedAndSet.body.fields).toEqual([
      { field: 'smtpUser', reason: expect.stringContaining('smtpHost') },
    ]);
  });

  it.each([
    [[], 'folders must name at least one folder'],
    [['INBOX', 'INBOX'], 'folders must not name a folder twice'],
  ])('refuses folders %j on create and update with 400', async (folders, reason) => {
    const created = await http()
      .post('/api/mailboxes')
      .set(auth)
      .send({ ...mailbox, folders })
      .expect(400);
    expect(created.body.fields).toEqual([{ field: 'folders', reason }]);
    const existing = await http().post('/api/mailboxes').set(auth).send(mailbox).expect(201);
    const updated = await http()
      .patch(`/api/mailboxes/${existing.body.id}`)
      .set(auth)
      .send({ folders })
      .expect(400);
    expect(updated.body.fields).toEqual([{ field: 'folders', reason }]);
    const byDefault = await http()
      .patch(`/api/mailboxes/${existing.body.id}`)
      .set(auth)
      .send({ folders: null })
      .expect(200);
    expect(byDefault.body.folders).toBeNull();
  });

  it('reports a failed connection test per protocol instead of failing the request', async () => {
    const created = await http().post('/api/mailboxes').set(auth).send(mailbox).expect(201);
    const test = await http().post(`/api/mailboxes/${created.body.id}/test`).set(auth).expect(200);
    expect(test.body.imap).toEqual({ ok: false, error: expect.any(String) });
    expect(test.body.smtp).toEqual({ ok: false, error: expect.any(String) });
  });

  it('shows sync health, and a sync against an unreachable server is a 502 that is recorded', async () => {
    const created = await http().post('/api/mailboxes').set(auth).send(mailbox).expect(201);
    const before = await http().get(`/api/mailboxes/${created.body.id}/sync`).set(auth).expect(200);
    expect(before.body).toMatchObject({
      mailboxId: created.body.id,
      lastSuccessAt: null,
      consecutiveFailures: 0,
      folders: [],
    });

    const sync = await http().post(`/api/mailboxes/${created.body.id}/sync`).set(auth).expect(502);
    expect(sync.body.code).toBe('MAILBOX_UNREACHABLE');
    const after = await http().get(`/api/mailboxes/${created.body.id}/sync`).set(auth).expect(200);
    expect(after.body.consecutiveFailures).toBe(1);
    expect(after.body.lastError).toEqual(expect.any(String));
    await http().post('/api/mailboxes/424242/sync').set(auth).expect(404);
  });
});
