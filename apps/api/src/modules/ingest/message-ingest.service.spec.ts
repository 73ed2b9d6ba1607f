import { DataSource } from 'typeorm';
import {
  ContactEntity,
  InquiryEntity,
  MailboxEntity,
  MessageEntity,
  MessageLocationEntity,
  QuarantinedMessageEntity,
} from '../../database/entities';
import { mailboxRow } from '../../database/test/mailbox-row';
import { BlobStore } from '../../storage/blob-store';
import { mail, startTempContext, type TempContext } from '../../test/temp-context';
import { IngestRepository } from './ingest.repository';
import { TriageContextService } from '../triage/triage-context.service';
import { InquiryTriageService } from './inquiry-triage.service';
import { MessageIngestService } from './message-ingest.service';
import { MessageParserPool } from './message-parser.pool';

describe('MessageIngestService (SQLite)', () => {
  let ctx: TempContext;
  let ingest: MessageIngestService;
  let db: DataSource;
  let mailboxId: number;

  beforeEach(async () => {
    ctx = await startTempContext();
    ingest = ctx.context.get(MessageIngestService);
    db = ctx.context.get(DataSource);
    mailboxId = (
      await db.getRepository(MailboxEntity).save(
        mailboxRow({
          name: 'Sales',
          address: 'sales@seller.example',
          imapPasswordEncrypted: 'v1:unused',
        }),
      )
    ).id;
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await ctx.close();
  });

  const imap = (folder: string, uid: number) => ({
    kind: 'imap' as const,
    mailboxId,
    folder,
    uidValidity: 7,
    uid,
  });
  const count = (entity: new () => object) => db.getRepository(entity).count();

  it('stores a buyer message with its raw bytes, a triaged inquiry and the sender as contact', async () => {
    const raw = mail({});
    const result = await ingest.ingestRaw(raw, imap('INBOX', 1));
    expect(result.status).toBe('stored');
    const message = await db.getRepository(MessageEntity).findOneByOrFail({});
    await expect(ctx.context.get(BlobStore).get(message.rawSha256)).resolves.toEqual(raw);
    expect(message.subject).toBe('Inquiry: 2000 pcs LED panel 600x600, CIF Valencia');
    const inquiry = await db.getRepository(InquiryEntity).findOneByOrFail({});
    expect(inquiry).toMatchObject({ status: 'new', mailboxId, messageId: message.id });
    expect(inquiry.verdict).toBe('clean');
    expect(inquiry.receivedAt.toISOString()).toBe('2026-03-02T08:15:00.000Z');
  });

  it('stores the HTML body sanitised: no scripts, handlers or remote images', async () => {
    const html = Buffer.from(
      'From: Ana Ruiz <ana.ruiz@buyer.example>\r\nTo: sales@seller.example\r\nSubject: LED panels\r\n' +
        'Message-ID: <h1@buyer.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n' +
        '<p onclick="steal()">Please quote <b>2000 pcs</b></p><script>alert(1)</script>' +
        '<img src="https://track.example/p.gif">\r\n',
    );
    await ingest.ingestRaw(html, imap('INBOX', 1));
    const message = await db.getRepository(MessageEntity).findOneByOrFail({});
    expect(message.html).toContain('<b>2000 pcs</b>');
    expect(message.html).not.toMatch(/script|onclick|track\.example/);
  });

  it('stores a message found in two folders once, with two locations, and one inquiry', async () => {
    await ingest.ingestRaw(mail({}), imap('INBOX', 1));
    const second = await ingest.ingestRaw(mail({}), imap('Archive', 40));
    expect(second.status).toBe('duplicate');
    await ingest.ingestRaw(mail({}), imap('Archive', 40));
    expect(await count(MessageEntity)).toBe(1);
    expect(await count(MessageLocationEntity)).toBe(2);
    expect(await count(InquiryEntity)).toBe(1);
  });

  it('gives inquiries left without a mailbox the mailbox where a batch finds their messages again', async () => {
    const mailboxes = db.getRepository(MailboxEntity);
    const connect = async (address: string) =>
      (await mailboxes.save(mailboxRow({ address, imapPasswordEncrypted: 'v1:unused' }))).id;
    const kept = await connect('us@seller.example');
    const message = (subject: string) =>
      mail({ subject, messageId: `${subject.replaceAll(' ', '-')}@buyer.example` });
    const at = (mailbox: number, uid: number) => ({ ...imap('INBOX', uid), mailboxId: mailbox });
    await ingest.ingestRaw(message('panels'), imap('INBOX', 1));
    await ingest.ingestRaw(message('drivers'), imap('INBOX', 2));
    await ingest.ingestRaw(message('frames'), at(kept, 1));
    await ingest.ingestRaw(message('cables'), { kind: 'import', source: 'cables.eml' });
    await ingest.ingestRaw(message('lenses'), { kind: 'import', source: 'lenses.eml' });
    await mailboxes.delete({ id: mailboxId });

    const again = await connect('sales@seller.example');
    const outcomes = await ingest.ingestBatch(
      ['panels', 'drivers', 'frames', 'cables'].map((subject, index) => ({
        raw: message(subject),
        origin: at(again, index + 1),
      })),
    );

    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(4).fill('duplicate'));
    const inquiries = await db
      .getRepository(InquiryEntity)
      .find({ relations: { message: true }, order: { id: 'ASC' } });
    expect(
      Object.fromEntries(inquiries.map((inquiry) => [inquiry.message!.subject, inquiry.mailboxId])),
    ).toEqual({ panels: again, drivers: again, frames: kept, cables: again, lenses: null });
  });

  it('records a message stored already under its Message-ID as a new location only, without parsing it', async () => {
    const first = await ingest.ingestRaw(mail({}), imap('INBOX', 1));
    const parse = jest.spyOn(ctx.context.get(MessageParserPool), 'parseForStorage');

    const again = await ingest.ingestRaw(
      mail({ body: 'Resent with other bytes.' }),
      imap('Archive', 3),
    );

    expect(again).toEqual({
      status: 'duplicate',
      messageId: (first as { messageId: number }).messageId,
    });
    expect(parse).not.toHaveBeenCalled();
    expect(await count(MessageEntity)).toBe(1);
    expect(await count(MessageLocationEntity)).toBe(2);
  });

  it('still stores a message once when another worker stored it after the batch looked it up', async () => {
    const first = await ingest.ingestRaw(mail({}), imap('INBOX', 1));
    const repository = ctx.context.get(IngestRepository);
    const lookup = jest.spyOn(repository, 'messageIdsByDedupKeys');
    lookup.mockResolvedValueOnce(new Map()).mockResolvedValueOnce(new Map());

    const late = await ingest.ingestRaw(
      mail({ body: 'Resent with other bytes.' }),
      imap('Archive', 4),
    );

    expect(late).toEqual({
      status: 'duplicate',
      messageId: (first as { messageId: number }).messageId,
    });
    expect(await count(MessageEntity)).toBe(1);
    expect(await count(MessageLocationEntity)).toBe(2);
  });

  it('recognises a re-imported message by Message-ID even when its bytes differ', async () => {
    await ingest.ingestRaw(mail({}), { kind: 'import', source: 'a.eml' });
    const again = await ingest.ingestRaw(mail({ extra: ['X-Forwarded-By: archive'] }), {
      kind: 'import',
      source: 'b.mbox#3',
    });
    expect(again.status).toBe('duplicate');
    expect(await count(MessageEntity)).toBe(1);
  });

  it('deduplicates messages without Message-ID by content', async () => {
    await ingest.ingestRaw(mail({ messageId: null }), { kind: 'import', source: 'x.eml' });
    await ingest.ingestRaw(mail({ messageId: null }), { kind: 'import', source: 'y.eml' });
    await ingest.ingestRaw(mail({ messageId: null, body: 'A different question.' }), {
      kind: 'import',
      source: 'z.eml',
    });
    expect(await count(MessageEntity)).toBe(2);
  });

  it('is safe when the same message arrives concurrently', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        ingest.ingestRaw(mail({}), imap(`F${index % 2}`, 10 + index)),
      ),
    );
    expect(results.filter((result) => result.status === 'stored')).toHaveLength(1);
    expect(await count(MessageEntity)).toBe(1);
    expect(await count(MessageLocationEntity)).toBe(6);
  });

  it('threads a reply by In-Reply-To and by subject with the same buyer, not across buyers', async () => {
    await ingest.ingestRaw(mail({}), imap('INBOX', 1));
    await ingest.ingestRaw(
      mail({
        messageId: 'r1@seller.example',
        from: 'sales@seller.example',
        to: 'ana.ruiz@buyer.example',
        inReplyTo: 'm1@buyer.example',
        subject: 'Re: LED panels',
      }),
      imap('Sent', 1),
    );
    await ingest.ingestRaw(
      mail({
        messageId: 'm2@buyer.example',
        subject: 'RE: Inquiry: 2000 pcs LED panel 600x600, CIF Valencia',
      }),
      imap('INBOX', 2),
    );
    await ingest.ingestRaw(
      mail({
        messageId: 'o1@other.example',
        from: 'Li Wei <li.wei@other.example>',
        subject: 'Inquiry: 2000 pcs LED panel 600x600, CIF Valencia',
      }),
      imap('INBOX', 3),
    );
    const messages = await db.getRepository(MessageEntity).find({ order: { id: 'ASC' } });
    const [original, reply, followUp, otherBuyer] = messages;
    expect(reply!.threadId).toBe(original!.threadId);
    expect(followUp!.threadId).toBe(original!.threadId);
    expect(otherBuyer!.threadId).not.toBe(original!.threadId);
  });

  it('keeps marketplace relays of different buyers apart although sender and subject are the same', async () => {
    const relay = (index: number, buyer: string, company: string) =>
      mail({
        messageId: `relay-${index}@service.alibaba.com`,
        from: 'Alibaba.com <notification@service.alibaba.com>',
        subject: 'You have a new inquiry',
        body: `You have a new inquiry from Alibaba.com.\r\n\r\nBuyer: ${buyer}\r\nCompany: ${company}\r\nCountry/Region: Chile\r\nQuantity: 500 pieces\r\nMessage: Please quote 500 pieces of item 42.\r\n\r\nReply in your Message Center.`,
      });
    await ingest.ingestRaw(relay(1, 'Pedro Soto', 'Soto Import SpA'), {
      kind: 'import',
      source: 'r1.eml',
    });
    await ingest.ingestRaw(relay(2, 'Maria Lopez', 'Lopez Ltda'), {
      kind: 'import',
      source: 'r2.eml',
    });
    const [first, second] = await db.getRepository(MessageEntity).find({ order: { id: 'ASC' } });
    expect(first!.threadId).not.toBe(second!.threadId);
    const contact = await db
      .getRepository(ContactEntity)
      .findOneByOrFail({ address: 'notification@service.alibaba.com' });
    expect(contact.company).toBeNull();
  });

  it('creates no inquiry for mail sent from our own mailbox', async () => {
    const result = await ingest.ingestRaw(
      mail({
        messageId: 'r9@seller.example',
        from: 'Sales <sales@seller.example>',
        to: 'ana.ruiz@buyer.example',
      }),
      imap('Sent', 9),
    );
    expect(result).toMatchObject({ status: 'stored', inquiryId: null });
    expect(await count(InquiryEntity)).toBe(0);
    expect((await db.getRepository(MessageEntity).findOneByOrFail({})).outgoing).toBe(true);
  });

  it('quarantines what is not a message, once, keeping its bytes', async () => {
    const garbage = Buffer.from('\u0000\u0001 this is no e-mail at all');
    const first = await ingest.ingestRaw(garbage, imap('INBOX', 5));
    const second = await ingest.ingestRaw(garbage, imap('INBOX', 5));
    expect(first.status).toBe('quarantined');
    expect(second).toEqual(first);
    const entry = await db.getRepository(QuarantinedMessageEntity).findOneByOrFail({});
    expect(entry).toMatchObject({ mailboxId, folder: 'INBOX', uid: 5 });
    expect(entry.reason).not.toBe('');
    await expect(ctx.context.get(BlobStore).get(entry.rawSha256!)).resolves.toEqual(garbage);
    expect(await count(MessageEntity)).toBe(0);
  });

  describe('a batch', () => {
    const batch = (...messages: Array<[Buffer, number]>) =>
      messages.map(([raw, uid]) => ({ raw, origin: imap('INBOX', uid) }));
    const inquiry = mail({});
    const reply = mail({
      messageId: 'm2@buyer.example',
      inReplyTo: 'm1@buyer.example',
      subject: 'Re: quantities',
    });
    const unrelated = mail({
      messageId: 'o1@other.example',
      from: 'Li Wei <li.wei@other.example>',
      subject: 'Sample request',
    });

    it('is stored as one message after the other would be: a reply threads to its parent in the same batch, a copy is stored once', async () => {
      const outcomes = await ingest.ingestBatch(
        batch([inquiry, 1], [reply, 2], [unrelated, 3], [inquiry, 4]),
        { deferTriage: true },
      );

      expect(outcomes.map((outcome) => outcome.status)).toEqual([
        'stored',
        'stored',
        'stored',
        'duplicate',
      ]);
      const [parent, answer, other] = await db
        .getRepository(MessageEntity)
        .find({ order: { id: 'ASC' } });
      expect(answer!.threadId).toBe(parent!.threadId);
      expect(other!.threadId).not.toBe(parent!.threadId);
      expect(answer!.contactId).toBe(parent!.contactId);
      expect(await count(MessageEntity)).toBe(3);
      expect(await count(InquiryEntity)).toBe(3);
      expect(await count(MessageLocationEntity)).toBe(4);
      expect(await count(ContactEntity)).toBe(2);
    });

    it('threads by subject with a buyer whose first message came in an earlier batch', async () => {
      await ingest.ingestBatch(batch([inquiry, 1]));
      await ingest.ingestBatch(
        batch([
          mail({
            messageId: 'm3@buyer.example',
            subject: 'AW: Inquiry: 2000 pcs LED panel 600x600, CIF Valencia',
          }),
          2,
        ]),
      );
      const [first, followUp] = await db
        .getRepository(MessageEntity)
        .find({ order: { id: 'ASC' } });
      expect(followUp!.threadId).toBe(first!.threadId);
    });

    it('reports a message that throws as failed, holds back the rest of its conversation and stores the others', async () => {
      const triage = ctx.context.get(InquiryTriageService);
      const isRelayed = triage.isRelayed.bind(triage);
      jest.spyOn(triage, 'isRelayed').mockImplementation((message) => {
        if (message.messageId === 'm1@buyer.example') throw new TypeError('no address');
        return isRelayed(message);
      });
      const commitWith = jest.fn(() => Promise.resolve());

      const outcomes = await ingest.ingestBatch(batch([inquiry, 1], [reply, 2], [unrelated, 3]), {
        deferTriage: true,
        commitWith,
      });

      expect(outcomes.map((outcome) => outcome.status)).toEqual(['failed', 'held', 'stored']);
      expect(outcomes[0]).toMatchObject({ error: new TypeError('no address') });
      expect(commitWith).not.toHaveBeenCalled();
      const stored = await db.getRepository(MessageEntity).find();
      expect(stored.map((message) => message.messageId)).toEqual(['o1@other.example']);
    });

    it('isolates a message whose rows the database refuses, storing the rest', async () => {
      const repository = ctx.context.get(IngestRepository);
      const insertMessages = repository.insertMessages.bind(repository);
      jest.spyOn(repository, 'insertMessages').mockImplementation((manager, messages) => {
        if (messages.some((message) => message.messageId === 'o1@other.example'))
          return Promise.reject(new Error('Incorrect string value for column subject'));
        return insertMessages(manager, messages);
      });

      const outcomes = await ingest.ingestBatch(batch([inquiry, 1], [unrelated, 2], [reply, 3]), {
        deferTriage: true,
      });

      expect(outcomes.map((outcome) => outcome.status)).toEqual(['stored', 'failed', 'stored']);
      expect(await count(MessageEntity)).toBe(2);
      expect(await count(InquiryEntity)).toBe(2);
      expect(await count(MessageLocationEntity)).toBe(2);
    });

    it('assesses a message that comes twice in one batch once', async () => {
      const remember = jest.spyOn(ctx.context.get(TriageContextService), 'remember');

      const outcomes = await ingest.ingestBatch(batch([inquiry, 1], [unrelated, 2], [inquiry, 3]));

      expect(outcomes.map((outcome) => outcome.status)).toEqual(['stored', 'stored', 'duplicate']);
      expect(remember).toHaveBeenCalledTimes(2);
    });

    it('reports a quarantine entry the database refuses as failed, storing the rest', async () => {
      const repository = ctx.context.get(IngestRepository);
      const quarantine = repository.quarantine.bind(repository);
      jest.spyOn(repository, 'quarantine').mockImplementation((manager, entries) => {
        if (entries.length > 0) return Promise.reject(new Error('Data too long for column reason'));
        return quarantine(manager, entries);
      });

      const outcomes = await ingest.ingestBatch(
        batch([inquiry, 1], [Buffer.from('\u0000 not mail at all'), 2], [unrelated, 3]),
        { deferTriage: true },
      );

      expect(outcomes.map((outcome) => outcome.status)).toEqual(['stored', 'failed', 'stored']);
      expect(await count(MessageEntity)).toBe(2);
      expect(await count(QuarantinedMessageEntity)).toBe(0);
    });

    it("commits the caller's work with its rows, and stores nothing when that work fails", async () => {
      await expect(
        ingest.ingestBatch(batch([inquiry, 1], [unrelated, 2]), {
          commitWith: () => Promise.reject(new Error('cursor not saved')),
        }),
      ).rejects.toThrow('cursor not saved');
      expect(await count(MessageEntity)).toBe(0);
      expect(await count(MessageLocationEntity)).toBe(0);
    });
  });
});
