import { parseMessage } from '@inquiry/mail';
import { composeReply, type ReplyMail } from './reply-mime.composer';

const mail: ReplyMail = {
  from: { name: 'Chen Jing', address: 'sales@seller.example' },
  to: [{ name: 'Ana Ruiz', address: 'ana@buyer.example' }],
  subject: 'Su consulta sobre panel LED',
  text: 'Estimada Ana Ruiz,\n\nMuchas gracias por su consulta.\n\nSaludos cordiales,\nChen Jing',
  locale: 'es',
  dir: 'ltr',
  messageId: 'reply-1@seller.example',
  inReplyTo: 'm1@buyer.example',
  references: ['root@buyer.example'],
  original: {
    fromName: 'Ana Ruiz',
    fromAddress: 'ana@buyer.example',
    sentAt: new Date('2026-03-02T08:15:00Z'),
    text: 'Necesitamos 2000 unidades.\r\n> antes\r\nAna',
  },
  attachments: [
    { filename: 'Q-1.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4') },
  ],
  date: new Date('2026-03-02T10:00:00Z'),
};

describe('composeReply', () => {
  it('threads under the buyer message with our Message-ID and References ending in it', async () => {
    const parsed = await parseMessage(await composeReply(mail));
    expect(parsed.messageId).toBe('reply-1@seller.example');
    expect(parsed.inReplyTo).toBe('m1@buyer.example');
    expect(parsed.references).toEqual(['root@buyer.example', 'm1@buyer.example']);
    expect(parsed.subject).toBe('Su consulta sobre panel LED');
  });

  it('quotes the original below the reply, and attaches the files', async () => {
    const parsed = await parseMessage(await composeReply(mail));
    const reply = parsed.text.indexOf('Muchas gracias');
    const quote = parsed.text.indexOf('> Necesitamos 2000 unidades.');
    expect(reply).toBeGreaterThanOrEqual(0);
    expect(quote).toBeGreaterThan(reply);
    expect(parsed.text).toContain('>> antes');
    expect(parsed.text).toContain('Ana Ruiz <ana@buyer.example>:');
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['Q-1.pdf']);
  });

  it('uses CRLF line ends, as IMAP APPEND requires', async () => {
    const raw = (await composeReply(mail)).toString('latin1');
    expect(raw.replace(/\r\n/g, '')).not.toContain('\n');
  });
});
