import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readMessageSources } from '@inquiry/mail';
import { labelledMboxEntry } from './labelled-mbox';

async function readBack(mbox: Buffer): Promise<Buffer[]> {
  const dir = await mkdtemp(join(tmpdir(), 'labelled-mbox-'));
  try {
    await writeFile(join(dir, 'labels.mbox'), mbox);
    const raws: Buffer[] = [];
    for await (const { raw } of readMessageSources(join(dir, 'labels.mbox'))) raws.push(raw);
    return raws;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('labelledMboxEntry', () => {
  const crlf = Buffer.from(
    'From: a@buyer.example\r\nSubject: x\r\n\r\nFrom now on\r\n>From the top\r\nCaf\xe9\r\n',
    'latin1',
  );
  const lf = Buffer.from('From: b@buyer.example\nSubject: y\n\nno final newline', 'latin1');

  it('reads back as the original messages with the label header in front', async () => {
    const mbox = Buffer.concat([
      labelledMboxEntry(crlf, 'spam', 7, new Date('2026-03-02T09:00:00Z')),
      labelledMboxEntry(lf, 'clean', 8, new Date('2026-03-12T09:00:00Z')),
    ]);
    const [first, second] = await readBack(mbox);
    expect(first?.toString('latin1')).toBe(
      `X-Inquiry-Label: spam\r\nX-Inquiry-Id: 7\r\n${crlf.toString('latin1')}`,
    );
    expect(second?.toString('latin1')).toMatch(
      /^X-Inquiry-Label: clean\nX-Inquiry-Id: 8\nFrom: b@buyer\.example\nSubject: y\n\nno final newline\n?$/,
    );
  });

  it('quotes body lines that start with From so they do not split the mailbox', () => {
    const entry = labelledMboxEntry(crlf, 'spam', 7, new Date('2026-03-02T09:00:00Z'));
    const text = entry.toString('latin1');
    expect(text.startsWith('From MAILER-DAEMON Mon Mar  2 09:00:00 2026\r\n')).toBe(true);
    expect(text).toContain('\r\n>From now on\r\n>>From the top\r\n');
    expect(text).toContain('\r\nX-Inquiry-Id: 7\r\nFrom: a@buyer.example\r\n');
  });
});
