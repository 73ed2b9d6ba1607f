import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageSourceError, readMessageSources, type MessageSource } from './message-sources.reader';

async function collect(path: string): Promise<MessageSource[]> {
  const found: MessageSource[] = [];
  for await (const source of readMessageSources(path)) found.push(source);
  return found;
}

const eml = (subject: string): string => `From: a@example.com\nSubject: ${subject}\n\nbody of ${subject}\n`;

describe('readMessageSources', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mail-sources-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    { style: 'Gmail Takeout, LF', postmark: 'From 1780538123456789012@xxx Thu Sep 05 08:32:21 +0000 2024', eol: '\n' },
    { style: 'Thunderbird, CRLF', postmark: 'From - Mon Jan 01 00:00:00 2024', eol: '\r\n' },
  ])('splits a $style mbox and undoes >From escapes', async ({ postmark, eol }) => {
    const lines = [
      postmark,
      'From: a@example.com',
      'Subject: first',
      '',
      '>From the factory we need 20 pallets.',
      '>>From here on, quoted.',
      'From the desk of the buyer (not a postmark: no time)',
      '',
      postmark,
      'From: b@example.com',
      'Subject: second',
      '',
      'second body',
      '',
    ];
    const path = join(dir, 'All mail.mbox');
    await writeFile(path, lines.join(eol));
    const found = await collect(path);
    expect(found.map((source) => source.source)).toEqual([`${path}#1`, `${path}#2`]);
    expect(found[0]!.raw.toString()).toBe(
      ['From: a@example.com', 'Subject: first', '', 'From the factory we need 20 pallets.', '>From here on, quoted.', 'From the desk of the buyer (not a postmark: no time)', ''].join(eol),
    );
    expect(found[1]!.raw.toString()).toBe(['From: b@example.com', 'Subject: second', '', 'second body', ''].join(eol));
  });

  it('walks a folder recursively for .eml files and mbox files, in name order, skipping others', async () => {
    await mkdir(join(dir, 'b', 'deep'), { recursive: true });
    await writeFile(join(dir, 'a.eml'), eml('a'));
    await writeFile(join(dir, 'b', 'deep', 'c.eml'), eml('c'));
    await writeFile(join(dir, 'b', 'Inbox'), `From - Mon Jan 01 00:00:00 2024\n${eml('m1')}\nFrom - Mon Jan 01 00:00:01 2024\n${eml('m2')}`);
    await writeFile(join(dir, 'b', 'Inbox.msf'), '// index');
    await writeFile(join(dir, 'notes.txt'), 'not mail');
    const found = await collect(dir);
    expect(found.map((source) => source.source)).toEqual([
      join(dir, 'a.eml'),
      `${join(dir, 'b', 'Inbox')}#1`,
      `${join(dir, 'b', 'Inbox')}#2`,
      join(dir, 'b', 'deep', 'c.eml'),
    ]);
  });

  it('reads a single .eml file byte for byte', async () => {
    const path = join(dir, 'one.eml');
    await writeFile(path, eml('one'));
    await expect(collect(path)).resolves.toEqual([{ source: path, raw: Buffer.from(eml('one')) }]);
  });

  it.each([
    { label: 'a missing path', name: 'nope.eml', content: undefined, problem: 'no such file or directory' },
    { label: 'a file that is not mail', name: 'photo.jpg', content: '\u0089PNG garbage', problem: 'not a mail file: neither an .eml message nor an mbox' },
    { label: 'an .mbox without postmarks', name: 'broken.mbox', content: 'hello\n', problem: 'not an mbox file: it does not start with a "From " line' },
  ])('names the path and the problem for $label', async ({ name, content, problem }) => {
    const path = join(dir, name);
    if (content !== undefined) await writeFile(path, content);
    const error = await collect(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MessageSourceError);
    expect((error as Error).message).toBe(`${path}: ${problem}`);
  });
});
