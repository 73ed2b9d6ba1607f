import { MalformedMessageError } from '@inquiry/mail';
import { mail } from '../../test/temp-context';
import { MessageParserPool } from './message-parser.pool';

describe('MessageParserPool', () => {
  let pool: MessageParserPool;

  beforeEach(() => {
    pool = new MessageParserPool();
  });
  afterEach(async () => {
    await pool.onModuleDestroy();
  });

  it('parses messages on worker threads into the same shape the parser gives, dates included', async () => {
    const [first, second] = await Promise.all([
      pool.parse(mail({})),
      pool.parse(mail({ messageId: 'm2@buyer.example', subject: 'Re: LED panels' })),
    ]);
    expect(first).toMatchObject({
      messageId: 'm1@buyer.example',
      subject: 'Inquiry: 2000 pcs LED panel 600x600, CIF Valencia',
      from: { address: 'ana.ruiz@buyer.example', name: 'Ana Ruiz' },
    });
    expect(first.date).toBeInstanceOf(Date);
    expect(first.date?.toISOString()).toBe('2026-03-02T08:15:00.000Z');
    expect(second.subject).toBe('Re: LED panels');
  });

  it('sanitises the HTML on the worker when parsing for storage, and gives none for a plain-text message', async () => {
    const raw = mail({
      body: '<p onclick="steal()">Please quote</p><script>alert(1)</script>',
    });
    const html = Buffer.from(raw.toString('utf8').replace('text/plain', 'text/html'));
    const stored = await pool.parseForStorage(html);
    expect(stored.message.html).toContain('<script>');
    expect(stored.safeHtml).toContain('Please quote');
    expect(stored.safeHtml).not.toMatch(/script|onclick/);
    expect((await pool.parseForStorage(mail({}))).safeHtml).toBe('');
  });

  it("hands back the parser's verdict on what is not a message as the parser's own error", async () => {
    const failure = pool.parse(Buffer.from('\u0000\u0001 this is no e-mail at all'));
    await expect(failure).rejects.toBeInstanceOf(MalformedMessageError);
    await expect(failure).rejects.toMatchObject({ reason: expect.stringMatching(/header/) });
  });

  it('refuses work once closed', async () => {
    await pool.onModuleDestroy();
    await expect(pool.parse(mail({}))).rejects.toThrow('closed');
  });
});
