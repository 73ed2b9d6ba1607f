import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  MessageSourceError,
  readMessageSources,
  type MessageSource,
  type ReadOptions,
} from './message-sources.reader';

async function collect(path: string, options?: ReadOptions): Promise<MessageSource[]> {
  const found: MessageSource[] = [];
  for await (const source of readMessageSources(path, options)) found.push(source);
  return found;
}

const subjects = (found: MessageSource[]): string[] =>
  found.map((source) => /^Subject: (.*)$/m.exec(source.raw.toString())?.[1] ?? '?');

const eml = (subject: string): string =>
  `From: a@example.com\nSubject: ${subject}\n\nbody of ${subject}\n`;

describe('readMessageSources', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mail-sources-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    {
      style: 'Gmail Takeout, LF',
      postmark: 'From 1780538123456789012@xxx Thu Sep 05 08:32:21 +0000 2024',
      eol: '\n',
    },
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
      [
        'From: a@example.com',
        'Subject: first',
        '',
        'From the factory we need 20 pallets.',
        '>From here on, quoted.',
        'From the desk of the buyer (not a postmark: no time)',
        '',
      ].join(eol),
    );
    expect(found[1]!.raw.toString()).toBe(
      ['From: b@example.com', 'Subject: second', '', 'second body', ''].join(eol),
    );
  });

  it('walks a folder recursively for .eml files and mbox files, in name order, skipping others', async () => {
    await mkdir(join(dir, 'b', 'deep'), { recursive: true });
    await writeFile(join(dir, 'a.eml'), eml('a'));
    await writeFile(join(dir, 'b', 'deep', 'c.eml'), eml('c'));
    await writeFile(
      join(dir, 'b', 'Inbox'),
      `From - Mon Jan 01 00:00:00 2024\n${eml('m1')}\nFrom - Mon Jan 01 00:00:01 2024\n${eml('m2')}`,
    );
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
    {
      label: 'a missing path',
      name: 'nope.eml',
      content: undefined,
      problem: 'no such file or directory',
    },
    {
      label: 'a file that is not mail',
      name: 'photo.jpg',
      content: '\u0089PNG garbage',
      problem: 'not a mail file: neither an .eml message nor an mbox',
    },
    {
      label: 'an .mbox without postmarks',
      name: 'broken.mbox',
      content: 'hello\n',
      problem: 'not an mbox file: it does not start with a "From " line',
    },
  ])('names the path and the problem for $label', async ({ name, content, problem }) => {
    const path = join(dir, name);
    if (content !== undefined) await writeFile(path, content);
    const error = await collect(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MessageSourceError);
    expect((error as Error).message).toBe(`${path}: ${problem}`);
  });
  it('does not split a message at an unescaped body line that starts with "From " and a time', async () => {
    const path = join(dir, 'hand-made.mbox');
    await writeFile(
      path,
      [
        'From buyer@example.com Mon Jan  6 09:15:00 2025',
        'From: buyer@example.com',
        'Subject: RFQ 2',
        '',
        'Hi,',
        '',
        'From 9:00 to 17:00 we are in the office, call us at 10:30.',
        'Regards',
        '',
      ].join('\n'),
    );
    const [only, ...rest] = await collect(path);
    expect(rest).toEqual([]);
    expect(only!.raw.toString()).toContain('From 9:00 to 17:00 we are in the office');
  });

  it.each([
    ['a classic zone after the year', 'From a@example.com Sat Jan  3 01:05:34 1996 +0100'],
    ['an RFC 5322 date', 'From a@example.com Mon, 3 Nov 2025 10:00:00 +0000'],
  ])('splits at postmarks with %s, blank line before them or not', async (_label, postmark) => {
    const path = join(dir, 'concatenated.mbox');
    const message = (subject: string) => [
      postmark,
      'From: a@example.com',
      `Subject: ${subject}`,
      '',
      'text',
    ];
    await writeFile(
      path,
      [...message('one'), ...message('two'), '', ...message('three')].join('\n'),
    );
    expect(subjects(await collect(path))).toEqual(['one', 'two', 'three']);
  });

  it('reads an mbox that starts with a byte order mark or blank lines', async () => {
    const body = `From - Mon Jan 01 00:00:00 2024\n${eml('first')}`;
    await writeFile(join(dir, 'bom.mbox'), `\ufeff${body}`);
    await writeFile(join(dir, 'Blank'), `\n\n${body}`);
    expect(subjects(await collect(join(dir, 'bom.mbox')))).toEqual(['first']);
    expect(subjects(await collect(dir))).toEqual(['first', 'first']);
  });

  it('follows symbolic links to files and folders, reading a folder reached twice once', async () => {
    await mkdir(join(dir, 'real'));
    await writeFile(join(dir, 'real', 'a.eml'), eml('a'));
    await symlink(join(dir, 'real'), join(dir, 'linked-folder'));
    await symlink(join(dir, 'real', 'a.eml'), join(dir, 'linked.eml'));
    await symlink(dir, join(dir, 'real', 'loop'));
    await symlink(join(dir, 'gone.eml'), join(dir, 'dangling.eml'));
    expect((await collect(dir)).map((source) => source.source)).toEqual([
      join(dir, 'linked-folder', 'a.eml'),
      join(dir, 'linked.eml'),
    ]);
  });

  it('reads Maildir messages from cur/ and new/, not other files without an extension', async () => {
    for (const folder of ['cur', 'new', 'tmp'])
      await mkdir(join(dir, 'Inbox', folder), { recursive: true });
    await writeFile(join(dir, 'Inbox', 'cur', '1700000000.M1P1.host:2,S'), eml('seen'));
    await writeFile(join(dir, 'Inbox', 'new', '1700000001.M2P1.host'), eml('unseen'));
    await writeFile(join(dir, 'Inbox', 'tmp', '1700000002.M3P1.host'), eml('half-written'));
    await writeFile(join(dir, 'Inbox', 'dovecot-uidlist'), 'V1 1\n');
    await writeFile(join(dir, 'README'), 'Note: not mail\n');
    expect(subjects(await collect(dir))).toEqual(['seen', 'unseen']);
  });

  // Root reads files whatever their mode: run as root, the .mbox that is none is what the walk
  // must get past.
  const asRoot = process.getuid?.() === 0;
  it('reports an unreadable file or folder of a folder and reads on', async () => {
    await writeFile(join(dir, 'a.eml'), eml('a'));
    await writeFile(join(dir, 'b.mbox'), 'not an mbox\n');
    await writeFile(join(dir, 'c.eml'), eml('c'));
    await mkdir(join(dir, 'd'));
    await writeFile(join(dir, 'd', 'e.eml'), eml('e'));
    await writeFile(join(dir, 'f.eml'), eml('f'));
    if (!asRoot) {
      await chmod(join(dir, 'c.eml'), 0);
      await chmod(join(dir, 'd'), 0);
    }
    const problems: string[] = [];
    const found = await collect(dir, { onUnreadable: (error) => problems.push(error.message) });
    await chmod(join(dir, 'd'), 0o755);
    expect(subjects(found)).toEqual(asRoot ? ['a', 'c', 'e', 'f'] : ['a', 'f']);
    expect(problems).toEqual([
      `${join(dir, 'b.mbox')}: not an mbox file: it does not start with a "From " line`,
      ...(asRoot
        ? []
        : [
            `${join(dir, 'c.eml')}: permission denied (unreadable)`,
            `${join(dir, 'd')}: permission denied (unreadable)`,
          ]),
    ]);
    await expect(collect(dir)).rejects.toThrow(`${join(dir, 'b.mbox')}: not an mbox file`);
  });

  it('reads an mbox whose one line is longer than many read chunks', async () => {
    const line = 'QUJD'.repeat(3 << 20);
    const path = join(dir, 'long.mbox');
    await writeFile(
      path,
      `From - Mon Jan 01 00:00:00 2024\n${eml('long').replace('body of long', line)}`,
    );
    const [message] = await collect(path);
    expect(message!.raw.toString()).toContain(line);
  });
});
