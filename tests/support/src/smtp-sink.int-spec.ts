import { Socket } from 'node:net';
import { startSmtpServer } from './smtp-sink';

/** A minimal SMTP client speaking the protocol line by line, so the sink is tested on the wire. */
async function sendRaw(port: number, lines: string[]): Promise<string[]> {
  const socket = new Socket();
  const replies: string[] = [];
  let buffer = '';
  let waiting: (() => void) | undefined;
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let end: number;
    while ((end = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (/^\d{3} /.test(line)) {
        replies.push(line);
        waiting?.();
      }
    }
  });
  const nextReply = () => new Promise<void>((resolve) => (waiting = resolve));
  const greeting = nextReply();
  socket.connect(port, '127.0.0.1');
  await greeting;
  for (const line of lines) {
    const reply = nextReply();
    socket.write(line + '\r\n');
    await reply;
  }
  socket.end();
  return replies;
}

describe('startSmtpServer', () => {
  it('accepts a message and keeps its envelope and bytes', async () => {
    const sink = await startSmtpServer();
    try {
      const replies = await sendRaw(sink.port, [
        'EHLO test',
        'MAIL FROM:<sales@example.org>',
        'RCPT TO:<buyer@example.com>',
        'DATA',
        'Subject: Quote\r\n\r\nPrice list attached.\r\n.',
        'QUIT',
      ]);
      expect(replies.at(-2)).toMatch(/^250 /);
      expect(sink.messages).toHaveLength(1);
      expect(sink.messages[0]).toMatchObject({
        from: 'sales@example.org',
        to: ['buyer@example.com'],
      });
      expect(sink.messages[0]!.raw.toString()).toContain('Price list attached.');
    } finally {
      await sink.stop();
    }
  });

  it('refuses mail without login when users are configured', async () => {
    const sink = await startSmtpServer({ users: { rep: 'pw' } });
    try {
      const replies = await sendRaw(sink.port, [
        'EHLO test',
        'MAIL FROM:<sales@example.org>',
        'QUIT',
      ]);
      expect(replies[2]).toMatch(/^530 /);
      expect(sink.messages).toHaveLength(0);
    } finally {
      await sink.stop();
    }
  });
});
