import { freePort, type SmtpSink, startSmtpServer } from '@inquiry/test-support';
import { parseMessage } from '@inquiry/mail';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { InquiryEntity, OutboundMessageEntity } from '../../database/entities';
import { type E2eApp, startE2eApp } from '../../test/e2e-app';
import {
  createSmtpOnlyMailbox,
  receive,
  saveProfile,
  spanishInquiry,
} from '../drafts/test/reply-fixtures';

interface Draft {
  id: number;
  recipients: Array<{ address: string; name: string }>;
  recipientSource: string;
  warnings: Array<{ code: string; message: string; detail: string }>;
  recipientConfirmation: { recipients: string; by: string } | null;
}

interface Outbound {
  id: number;
  draftId: number;
  state: string;
  messageId: string;
  attempts: number;
  lastError: string | null;
  sentFolder: string | null;
  appendError: string | null;
  storedMessageId: number | null;
}

describe('sending drafts (e2e, loopback SMTP, no IMAP server)', () => {
  let e2e: E2eApp;
  let sink: SmtpSink;
  let auth: { Authorization: string };
  let mailboxId: number;
  let uid = 0;
  const http = () => request(e2e.app.getHttpServer());

  /** An approved Spanish reply to a fresh inquiry that arrived in the mailbox. */
  async function approvedDraft(): Promise<{
    draftId: number;
    inquiryId: number;
    buyerMessageId: string;
  }> {
    const buyerMessageId = `ask-${++uid}@buyer.example`;
    const inquiryId = await receive(e2e.app, spanishInquiry(buyerMessageId), mailboxId, uid);
    const draft = await http()
      .post(`/api/inquiries/${inquiryId}/drafts`)
      .set(auth)
      .send({})
      .expect(201);
    const draftId = (draft.body as { id: number }).id;
    await http().post(`/api/drafts/${draftId}/approve`).set(auth).send({}).expect(201);
    return { draftId, inquiryId, buyerMessageId };
  }

  const send = (draftId: number, key?: string) => {
    const call = http().post(`/api/drafts/${draftId}/send`).set(auth);
    return key === undefined ? call : call.set('Idempotency-Key', key);
  };

  /** Runs `during` with the mailbox's SMTP port pointing at nothing, then restores it. */
  async function whileSmtpDown(during: () => Promise<void>): Promise<void> {
    const setSmtpPort = async (smtpPort: number) => {
      await http().patch(`/api/mailboxes/${mailboxId}`).set(auth).send({ smtpPort }).expect(200);
    };
    await setSmtpPort(await freePort());
    try {
      await during();
    } finally {
      await setSmtpPort(sink.port);
    }
  }

  beforeAll(async () => {
    sink = await startSmtpServer();
    e2e = await startE2eApp();
    auth = { Authorization: `Bearer ${e2e.token}` };
    await saveProfile(e2e.app, e2e.token);
    mailboxId = await createSmtpOnlyMailbox(e2e.app, e2e.token, sink);
  });
  afterAll(async () => {
    await e2e?.close();
    await sink?.stop();
  });

  it('delivers one threaded message, keeps it in the thread, and a retry does not send again', async () => {
    const { draftId, inquiryId, buyerMessageId } = await approvedDraft();
    const before = sink.messages.length;

    const first = await send(draftId, `key-${draftId}`).expect(200);
    const sent = first.body as Outbound;
    expect(sent).toMatchObject({ state: 'sent', attempts: 1, lastError: null, sentFolder: null });
    expect(sent.appendError).toMatch(/ECONNREFUSED/);
    expect(sent.storedMessageId).toEqual(expect.any(Number));
    expect(sink.messages.length).toBe(before + 1);

    const delivered = sink.messages[sink.messages.length - 1]!;
    expect(delivered.to).toEqual(['ana.ruiz@buyer.example']);
    const parsed = await parseMessage(delivered.raw);
    expect(parsed.messageId).toBe(sent.messageId);
    expect(parsed.inReplyTo).toBe(buyerMessageId);
    expect(parsed.references).toEqual([buyerMessageId]);
    expect(parsed.text).toContain('> Necesitamos 2000 unidades');

    const again = await send(draftId, `key-${draftId}`).expect(200);
    const otherKey = await send(draftId, 'a-different-key').expect(200);
    const noKey = await send(draftId).expect(200);
    for (const retry of [again, otherKey, noKey])
      expect(retry.body).toMatchObject({ id: sent.id, state: 'sent', attempts: 1 });
    expect(sink.messages.length).toBe(before + 1);

    const inquiry = await http().get(`/api/inquiries/${inquiryId}`).set(auth).expect(200);
    const body = inquiry.body as {
      status: string;
      thread: Array<{ id: number; outgoing: boolean }>;
    };
    expect(body.status).toBe('replied');
    expect(body.thread).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: sent.storedMessageId, outgoing: true }),
      ]),
    );
    const draft = await http().get(`/api/drafts/${draftId}`).set(auth).expect(200);
    expect(draft.body).toMatchObject({ status: 'sent' });
    await http().patch(`/api/drafts/${draftId}`).set(auth).send({ text: 'too late' }).expect(409);
  });

  it('sends once when two requests race', async () => {
    const { draftId } = await approvedDraft();
    const before = sink.messages.length;
    const results = await Promise.all([
      send(draftId, `race-${draftId}`),
      send(draftId, `race-${draftId}`),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(sink.messages.length).toBe(before + 1);
  });

  it('keeps a failed send with its error, lists it, and delivers it on retry', async () => {
    const { draftId } = await approvedDraft();
    await whileSmtpDown(async () => {
      const failed = await send(draftId, `fail-${draftId}`).expect(200);
      expect(failed.body).toMatchObject({ state: 'failed', attempts: 1 });
      expect((failed.body as Outbound).lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
      const listed = await http().get('/api/outbound?state=failed').set(auth).expect(200);
      expect((listed.body as { items: Outbound[] }).items.map((o) => o.draftId)).toContain(draftId);
    });
    const before = sink.messages.length;
    const retried = await send(draftId, `fail-${draftId}`).expect(200);
    expect(retried.body).toMatchObject({ state: 'sent', attempts: 2, lastError: null });
    expect(sink.messages.length).toBe(before + 1);
    const status = await http().get(`/api/drafts/${draftId}/outbound`).set(auth).expect(200);
    expect(status.body).toMatchObject({ state: 'sent' });
  });

  it('turns a send cut off mid-way into a visible failure instead of resending blindly', async () => {
    const { draftId } = await approvedDraft();
    await whileSmtpDown(async () => {
      await send(draftId).expect(200);
    });
    const before = sink.messages.length;
    await e2e.app
      .get(DataSource)
      .getRepository(OutboundMessageEntity)
      .update({ draftId }, { state: 'sending', sendingSince: new Date(Date.now() - 3_600_000) });

    const interrupted = await send(draftId).expect(200);
    expect(interrupted.body).toMatchObject({ state: 'failed' });
    expect((interrupted.body as Outbound).lastError).toMatch(/interrupted/);
    expect(sink.messages.length).toBe(before);

    const retried = await send(draftId).expect(200);
    expect(retried.body).toMatchObject({ state: 'sent' });
    expect(sink.messages.length).toBe(before + 1);
  });

  it('refuses drafts that are not approved, and keys that belong to another draft', async () => {
    const { draftId } = await approvedDraft();
    await send(draftId, `own-${draftId}`).expect(200);
    const other = await approvedDraft();
    const reused = await send(other.draftId, `own-${draftId}`).expect(422);
    expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });

    await http()
      .patch(`/api/drafts/${other.draftId}`)
      .set(auth)
      .send({ subject: 'Cotización' })
      .expect(200);
    const unapproved = await send(other.draftId).expect(409);
    expect(unapproved.body).toMatchObject({ code: 'DRAFT_NOT_APPROVED' });
  });

  it('answers 400 for a malformed Idempotency-Key or state filter, 404 for unknown drafts', async () => {
    const { draftId } = await approvedDraft();
    const badKey = await send(draftId, 'has spaces in it').expect(400);
    expect(badKey.body).toMatchObject({
      fields: [expect.objectContaining({ field: 'Idempotency-Key' })],
    });
    const badState = await http().get('/api/outbound?state=lost').set(auth).expect(400);
    expect(badState.body).toMatchObject({ fields: [expect.objectContaining({ field: 'state' })] });
    await send(999_999).expect(404);
    await http().get(`/api/drafts/${draftId}/outbound`).set(auth).expect(404);
  });

  it('replies to the Reply-To address the buyer gave on their own domain, without a warning', async () => {
    const inquiryId = await receive(
      e2e.app,
      spanishInquiry(`reply-to-${++uid}@buyer.example`, [
        'Reply-To: Compras Ruiz <compras@buyer.example>',
      ]),
      mailboxId,
      uid,
    );
    const draft = (
      await http().post(`/api/inquiries/${inquiryId}/drafts`).set(auth).send({}).expect(201)
    ).body as Draft;
    expect(draft).toMatchObject({
      recipients: [{ address: 'compras@buyer.example', name: 'Compras Ruiz' }],
      recipientSource: 'reply-to',
      warnings: [],
    });
    await http().post(`/api/drafts/${draft.id}/approve`).set(auth).send({}).expect(201);
    const before = sink.messages.length;
    const sent = await send(draft.id).expect(200);
    expect(sent.body).toMatchObject({ state: 'sent', to: 'compras@buyer.example' });
    expect(sink.messages.length).toBe(before + 1);
    const delivered = sink.messages[sink.messages.length - 1]!;
    expect(delivered.to).toEqual(['compras@buyer.example']);
    expect((await parseMessage(delivered.raw)).to).toEqual([
      { address: 'compras@buyer.example', name: 'Compras Ruiz' },
    ]);
  });

  it('warns about a Reply-To triage flags, and sends there only once a rep confirmed it', async () => {
    const inquiryId = await receive(
      e2e.app,
      spanishInquiry(`reply-to-${++uid}@buyer.example`, ['Reply-To: ana.compras@gmail.com']),
      mailboxId,
      uid,
    );
    const inquiry = await http().get(`/api/inquiries/${inquiryId}`).set(auth).expect(200);
    expect((inquiry.body as { signals: Array<{ id: string }> }).signals).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'mailbox.reply-to-mismatch' })]),
    );
    const draft = (
      await http().post(`/api/inquiries/${inquiryId}/drafts`).set(auth).send({}).expect(201)
    ).body as Draft;
    expect(draft).toMatchObject({
      recipients: [{ address: 'ana.compras@gmail.com' }],
      recipientSource: 'reply-to',
      warnings: [
        {
          code: 'reply-to-mismatch',
          message: expect.stringContaining(
            'ana.compras@gmail.com instead of ana.ruiz@buyer.example',
          ),
          detail: expect.stringContaining('gmail.com'),
        },
      ],
      recipientConfirmation: null,
    });

    const unconfirmed = await http()
      .post(`/api/drafts/${draft.id}/approve`)
      .set(auth)
      .send({})
      .expect(409);
    expect(unconfirmed.body).toMatchObject({
      code: 'RECIPIENT_UNCONFIRMED',
      details: [expect.objectContaining({ code: 'reply-to-mismatch' })],
    });
    const wrong = await http()
      .post(`/api/drafts/${draft.id}/approve`)
      .set(auth)
      .send({ confirmRecipient: 'ana.ruiz@buyer.example' })
      .expect(400);
    expect(wrong.body).toMatchObject({
      fields: [
        { field: 'confirmRecipient', reason: expect.stringContaining('ana.compras@gmail.com') },
      ],
    });
    const before = sink.messages.length;
    await send(draft.id).expect(409);
    expect(sink.messages.length).toBe(before);

    const approved = await http()
      .post(`/api/drafts/${draft.id}/approve`)
      .set(auth)
      .send({ confirmRecipient: 'Ana.Compras@gmail.com' })
      .expect(201);
    expect((approved.body as Draft).recipientConfirmation).toMatchObject({
      recipients: 'ana.compras@gmail.com',
      by: 'e2e',
    });
    await send(draft.id).expect(200);
    expect(sink.messages.length).toBe(before + 1);
    expect(sink.messages[sink.messages.length - 1]!.to).toEqual(['ana.compras@gmail.com']);
  });

  it('refuses to send a reply whose Reply-To was flagged after approval', async () => {
    const inquiryId = await receive(
      e2e.app,
      spanishInquiry(`reply-to-${++uid}@buyer.example`, ['Reply-To: ventas@buyer.example']),
      mailboxId,
      uid,
    );
    const draft = (
      await http().post(`/api/inquiries/${inquiryId}/drafts`).set(auth).send({}).expect(201)
    ).body as Draft;
    expect(draft.warnings).toEqual([]);
    await http().post(`/api/drafts/${draft.id}/approve`).set(auth).send({}).expect(201);
    const inquiries = e2e.app.get(DataSource).getRepository(InquiryEntity);
    const triaged = await inquiries.findOneByOrFail({ id: inquiryId });
    await inquiries.update(inquiryId, {
      signals: [
        ...(triaged.signals ?? []),
        {
          id: 'mailbox.reply-to-mismatch',
          class: 'scam',
          weight: 1.5,
          detail: 'Reply-To buyer.example, From buyer.example',
        },
      ],
    });
    const before = sink.messages.length;
    const refused = await send(draft.id).expect(409);
    expect(refused.body).toMatchObject({ code: 'RECIPIENT_UNCONFIRMED' });
    expect(sink.messages.length).toBe(before);
  });

  it('cannot send a reply to an imported inquiry: there is no mailbox to send from', async () => {
    const inquiryId = await receive(
      e2e.app,
      spanishInquiry(`imported-${++uid}@buyer.example`),
      null,
      uid,
    );
    const draft = await http()
      .post(`/api/inquiries/${inquiryId}/drafts`)
      .set(auth)
      .send({})
      .expect(201);
    const draftId = (draft.body as { id: number }).id;
    await http().post(`/api/drafts/${draftId}/approve`).set(auth).send({}).expect(201);
    const response = await send(draftId).expect(409);
    expect(response.body).toMatchObject({ code: 'MAILBOX_CANNOT_SEND' });
  });
});
