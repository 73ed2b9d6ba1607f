import { DataSource } from 'typeorm';
import {
  ContactEntity,
  InquiryEntity,
  MailboxEntity,
  MessageEntity,
} from '../../database/entities';
import { mailboxRow } from '../../database/test/mailbox-row';
import { mail, startTempContext, type TempContext } from '../../test/temp-context';
import { MessageIngestService } from './message-ingest.service';
import { MessageParserPool } from './message-parser.pool';
import { PendingTriageService } from './pending-triage.service';

describe('PendingTriageService (SQLite)', () => {
  let ctx: TempContext;
  let ingest: MessageIngestService;
  let pending: PendingTriageService;
  let db: DataSource;

  const addMailbox = async (address: string) => {
    const saved = await db
      .getRepository(MailboxEntity)
      .save(mailboxRow({ address, imapPasswordEncrypted: 'v1:unused' }));
    return saved.id;
  };
  const imap = (mailboxId: number, uid: number) => ({
    kind: 'imap' as const,
    mailboxId,
    folder: 'INBOX',
    uidValidity: 7,
    uid,
  });
  const deferred = { deferTriage: true };

  beforeEach(async () => {
    ctx = await startTempContext();
    ingest = ctx.context.get(MessageIngestService);
    pending = ctx.context.get(PendingTriageService);
    db = ctx.context.get(DataSource);
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await ctx.close();
  });

  it('stores the inquiry as pending, then triages it exactly once', async () => {
    const mailboxId = await addMailbox('sales@seller.example');
    const result = await ingest.ingestRaw(mail({}), imap(mailboxId, 1), deferred);
    expect(result).toMatchObject({ status: 'stored' });
    const stored = await db.getRepository(InquiryEntity).findOneByOrFail({});
    expect(stored).toMatchObject({ status: 'new', verdict: null, tier: null, triagedAt: null });

    expect(await pending.triagePending(mailboxId)).toBe(1);
    const triaged = await db.getRepository(InquiryEntity).findOneByOrFail({ id: stored.id });
    expect(triaged.verdict).toBe('clean');
    expect(triaged.tier).toMatch(/^[ABCD]$/);
    expect(triaged.language).toBe('en');
    expect(triaged.triagedAt).toBeInstanceOf(Date);

    expect(await pending.triagePending(mailboxId)).toBe(0);
    const again = await db.getRepository(InquiryEntity).findOneByOrFail({ id: stored.id });
    expect(again.triagedAt).toEqual(triaged.triagedAt);
  });

  it("triages only the given mailbox's inquiries", async () => {
    const sales = await addMailbox('sales@seller.example');
    const export_ = await addMailbox('export@seller.example');
    await ingest.ingestRaw(mail({ messageId: 'a@buyer.example' }), imap(sales, 1), deferred);
    await ingest.ingestRaw(mail({ messageId: 'b@buyer.example' }), imap(export_, 1), deferred);

    expect(await pending.triagePending(sales)).toBe(1);
    const inquiries = await db.getRepository(InquiryEntity).find({ order: { id: 'ASC' } });
    expect(inquiries.map((inquiry) => [inquiry.mailboxId, inquiry.verdict !== null])).toEqual([
      [sales, true],
      [export_, false],
    ]);
  });

  it('keeps untriaged marketplace relays of different buyers in separate threads, and off the platform contact', async () => {
    const mailboxId = await addMailbox('sales@seller.example');
    const relay = (index: number, buyer: string, company: string) =>
      mail({
        messageId: `relay-${index}@service.alibaba.com`,
        from: 'Alibaba.com <notification@service.alibaba.com>',
        subject: 'You have a new inquiry',
        body: `You have a new inquiry from Alibaba.com.\r\n\r\nBuyer: ${buyer}\r\nCompany: ${company}\r\nCountry/Region: Chile\r\nQuantity: 500 pieces\r\nMessage: Please quote 500 pieces of item 42.\r\n\r\nReply in your Message Center.`,
      });
    await ingest.ingestRaw(relay(1, 'Pedro Soto', 'Soto Import SpA'), imap(mailboxId, 1), deferred);
    await ingest.ingestRaw(relay(2, 'Maria Lopez', 'Lopez Ltda'), imap(mailboxId, 2), deferred);
    expect(await pending.triagePending(mailboxId)).toBe(2);

    const [first, second] = await db.getRepository(MessageEntity).find({ order: { id: 'ASC' } });
    expect(first!.threadId).not.toBe(second!.threadId);
    const contact = await db
      .getRepository(ContactEntity)
      .findOneByOrFail({ address: 'notification@service.alibaba.com' });
    expect(contact).toMatchObject({ company: null, country: null });
  });

  it('leaves mail from our own mailbox without an inquiry, deferred or not', async () => {
    const mailboxId = await addMailbox('sales@seller.example');
    const result = await ingest.ingestRaw(
      mail({
        messageId: 'r9@seller.example',
        from: 'Sales <sales@seller.example>',
        to: 'ana.ruiz@buyer.example',
      }),
      imap(mailboxId, 9),
      deferred,
    );
    expect(result).toMatchObject({ status: 'stored', inquiryId: null });
    expect(await pending.triagePending(mailboxId)).toBe(0);
    expect(await db.getRepository(InquiryEntity).count()).toBe(0);
  });

  it('leaves an inquiry whose message no longer parses pending and triages the rest of the batch', async () => {
    const mailboxId = await addMailbox('sales@seller.example');
    for (const [uid, messageId] of ['a', 'b', 'c'].entries())
      await ingest.ingestRaw(
        mail({ messageId: `${messageId}@buyer.example` }),
        imap(mailboxId, uid + 1),
        deferred,
      );
    const parser = ctx.context.get(MessageParserPool);
    const parse = parser.parse.bind(parser);
    jest
      .spyOn(parser, 'parse')
      .mockImplementation((raw) =>
        raw.includes('b@buyer.example') ? Promise.reject(new Error('worker exited')) : parse(raw),
      );

    expect(await pending.triagePending(mailboxId)).toBe(2);
    const inquiries = await db
      .getRepository(InquiryEntity)
      .find({ relations: { message: true }, order: { id: 'ASC' } });
    expect(inquiries.map((inquiry) => [inquiry.message!.messageId, inquiry.verdict])).toEqual([
      ['a@buyer.example', 'clean'],
      ['b@buyer.example', null],
      ['c@buyer.example', 'clean'],
    ]);
  });
});
