import type { DataSource } from 'typeorm';
import { MessageEntity } from '../entities';
import { insertRows } from '../insert-rows';

type NewMessage = Omit<MessageEntity, 'id' | 'thread' | 'contact'>;

function message(n: number, fields: Partial<NewMessage> = {}): NewMessage {
  return {
    dedupKey: `mid:test-${n}`,
    messageId: `m${n}@buyer.example`,
    rawSha256: n.toString(16).padStart(64, '0'),
    rawSize: 100 + n,
    subject: `RFQ ${n}: 500 pcs valve`,
    fromAddress: `buyer${n}@importer.example`,
    fromName: `Buyer ${n}`,
    to: [{ name: 'Sales', address: 'sales@example.org' }],
    cc: [],
    sentAt: new Date(Date.UTC(2026, 10, 2, 9, 30, n % 60)),
    headers: [{ name: 'subject', value: `RFQ ${n}: 500 pcs valve` }],
    text: `Please quote ${n} pieces, FOB Ningbo. Ünïcödé 价格 😀`,
    html: '',
    attachments: [],
    problems: [],
    inReplyTo: null,
    references: [],
    outgoing: n % 2 === 0,
    demo: false,
    threadId: null,
    contactId: null,
    createdAt: new Date(Date.UTC(2026, 10, 2, 10, 0, 0)),
    ...fields,
  };
}

/** What insertRows must do on every database the service runs on; `open` gives an empty one. */
export function insertRowsCases(open: () => Promise<DataSource>): void {
  let dataSource: DataSource;
  beforeEach(async () => {
    dataSource = await open();
  });
  afterEach(async () => {
    await dataSource.destroy();
  });

  it('returns each row its own id, in the order given, batch after batch', async () => {
    const first = [1, 2, 3].map((n) => message(n));
    const second = [4, 5].map((n) => message(n));
    const ids = await dataSource.transaction(async (manager) => [
      ...(await insertRows(manager, MessageEntity, first)),
      ...(await insertRows(manager, MessageEntity, second)),
    ]);
    expect(new Set(ids).size).toBe(5);
    const stored = await dataSource.getRepository(MessageEntity).find();
    for (const [index, id] of ids.entries())
      expect(stored.find((row) => row.id === id)?.dedupKey).toBe(`mid:test-${index + 1}`);
  });

  it('stores values as the entity reads them back: JSON, dates, booleans, text', async () => {
    const row = message(7, {
      cc: [{ name: 'Zhang Wei', address: 'zhang@factory.example' }],
      problems: [
        { part: 'text', reason: 'declared charset "gb2312": decoded as detected gb18030' },
      ],
      references: ['<a@b>', '<c@d>'],
      outgoing: true,
      demo: true,
      sentAt: null,
      inReplyTo: 'parent@buyer.example',
    });
    const [id] = await dataSource.transaction((manager) =>
      insertRows(manager, MessageEntity, [row]),
    );
    const stored = await dataSource.getRepository(MessageEntity).findOneByOrFail({ id });
    expect(stored).toEqual({ ...row, id });
  });

  it('refuses a row that leaves a column out, naming it, and writes nothing', async () => {
    const incomplete = { ...message(9) } as Partial<NewMessage>;
    delete incomplete.rawSize;
    await expect(
      dataSource.transaction((manager) =>
        insertRows(manager, MessageEntity, [message(8), incomplete as NewMessage]),
      ),
    ).rejects.toThrow('row 1 for messages has no rawSize');
    expect(await dataSource.getRepository(MessageEntity).count()).toBe(0);
  });

  it('inserts nothing for no rows', async () => {
    await expect(
      dataSource.transaction((manager) => insertRows(manager, MessageEntity, [])),
    ).resolves.toEqual([]);
  });
}
