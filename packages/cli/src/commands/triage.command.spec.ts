import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from '../command';
import { UsageError } from '../command';
import { triageCommand } from './triage.command';

const INQUIRY = `From: Anna Schmidt <anna@kuechenwerk-example.de>
To: sales@exporter-example.com
Subject: RFQ quartz worktops
Date: Tue, 8 Oct 2024 10:02:04 +0200
Message-ID: <a1@kuechenwerk-example.de>
Content-Type: text/plain; charset=utf-8

Dear Lily, please quote 180 pcs quartz worktops 3000 x 640 x 20 mm, CIF Hamburg,
30% T/T deposit. We will pay for the samples.

Anna Schmidt
Kuechenwerk Example GmbH, Berlin, Germany
Tel. +49 30 1234567
`;

const PHISHING = `From: Finance <finance@gmail.com>
To: sales@exporter-example.com
Subject: Purchase order
Date: Mon, 4 Nov 2024 02:12:04 +0100
Message-ID: <po@gmail.com>
Content-Type: text/plain; charset=utf-8

Sign in to view the purchase order. Your mailbox will be suspended immediately.
Send your card number and CVV for verification.
`;

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'triage-cli-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

async function run(
  args: string[],
  input = '',
): Promise<{ code: number; lines: Array<Record<string, unknown>> }> {
  const stdout = new PassThrough();
  const chunks: string[] = [];
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  const io: CliIo = {
    stdin: Readable.from([Buffer.from(input, 'utf8')]),
    stdout,
    stderr: new PassThrough(),
  };
  const code = await triageCommand.run(args, io);
  const lines = chunks
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { code, lines };
}

describe('inquiry triage', () => {
  it('prints one JSON line per message of a folder with verdict, scores, tier, language and signals', async () => {
    const dir = folder({ 'a-inquiry.eml': INQUIRY, 'b-phishing.eml': PHISHING });
    const { code, lines } = await run([dir]);
    expect(code).toBe(0);
    expect(lines).toHaveLength(2);
    const byFile = Object.fromEntries(lines.map((l) => [String(l.file).split('/').pop(), l]));
    expect(byFile['a-inquiry.eml']).toMatchObject({ verdict: 'clean', tier: 'A', language: 'en' });
    expect(byFile['b-phishing.eml']).toMatchObject({ verdict: 'scam', tier: 'D' });
    expect(Object.keys(byFile['b-phishing.eml']!.scores as object).sort()).toEqual([
      'scam',
      'spam',
      'spy',
    ]);
    expect(byFile['b-phishing.eml']!.signals).toEqual(
      expect.arrayContaining([
        {
          id: 'scam.credential-request',
          class: 'scam',
          weight: expect.any(Number),
          detail: expect.any(String),
        },
      ]),
    );
    // The first message loads the IP-to-country table and the language profiles.
  }, 30_000);

  it('applies a deployment configuration from --config', async () => {
    const dir = folder({
      'x.eml': PHISHING,
      'config.json': JSON.stringify({
        weights: { 'scam.credential-request': 0, 'scam.card-details': 0, 'scam.urgency': 0 },
      }),
    });
    const { lines } = await run(['--config', join(dir, 'config.json'), join(dir, 'x.eml')]);
    expect(lines[0]).toMatchObject({ verdict: 'clean' });
  });

  it('prints an error line for a message that cannot be parsed and for a missing path, and exits 1', async () => {
    const dir = folder({ 'broken.eml': 'this is not a mail message at all' });
    const { code, lines } = await run([join(dir, 'broken.eml'), join(dir, 'missing.eml')]);
    expect(code).toBe(1);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      file: join(dir, 'broken.eml'),
      error: expect.stringContaining('cannot be parsed'),
    });
    expect(lines[1]).toMatchObject({ file: join(dir, 'missing.eml'), error: expect.any(String) });
  });

  it('prints an error line for a folder entry it cannot read and goes on with the rest', async () => {
    const dir = folder({
      'a.eml': INQUIRY,
      'b.mbox': 'exported notes, no mail here\n',
      'c.eml': PHISHING,
    });
    const { code, lines } = await run([dir]);
    expect(code).toBe(1);
    expect(
      lines.map((line) => [String(line.file).split('/').pop(), line.error ?? line.verdict]),
    ).toEqual([
      ['a.eml', 'clean'],
      ['b.mbox', 'not an mbox file: it does not start with a "From " line'],
      ['c.eml', 'scam'],
    ]);
  });

  it('says on stderr that a PATH holds no messages', async () => {
    const dir = folder({ 'notes.txt': 'no mail' });
    const stderr = new PassThrough();
    const said: string[] = [];
    stderr.on('data', (chunk: Buffer) => said.push(chunk.toString('utf8')));
    const code = await triageCommand.run([dir], {
      stdin: Readable.from([]),
      stdout: new PassThrough(),
      stderr,
    });
    expect(code).toBe(0);
    expect(said.join('')).toBe(`inquiry triage: ${dir}: no messages found\n`);
  });

  it('takes every argument after -- as a PATH, even one that looks like an option', async () => {
    const dir = folder({ '--inquiry.eml': INQUIRY });
    const { code, lines } = await run(['--', join(dir, '--inquiry.eml')]);
    expect(code).toBe(0);
    expect(lines).toEqual([
      expect.objectContaining({ file: join(dir, '--inquiry.eml'), verdict: 'clean' }),
    ]);
  });

  it('reads one message from standard input for -', async () => {
    const { code, lines } = await run(['-'], PHISHING);
    expect(code).toBe(0);
    expect(lines).toEqual([expect.objectContaining({ file: '-', verdict: 'scam' })]);
  });

  it.each([
    [[], 'no PATH given'],
    [['-', '-'], "'-' (standard input) can be given only once"],
    [['--config'], '--config needs a file name'],
    [['--verbose', 'x.eml'], "unknown option '--verbose'"],
    [
      ['--config', '/nonexistent/triage.json', 'x.eml'],
      '--config /nonexistent/triage.json: cannot be read',
    ],
  ])('rejects %j with a usage error', async (args, message) => {
    await expect(run(args)).rejects.toThrow(UsageError);
    await expect(run(args)).rejects.toThrow(message);
  });

  it('names the bad key of an invalid configuration file', async () => {
    const dir = folder({ 'config.json': '{"weights": {"spam.unknown": 1}}' });
    await expect(run(['--config', join(dir, 'config.json'), dir])).rejects.toThrow(
      `--config ${join(dir, 'config.json')}: weights.spam.unknown: is not a known setting`,
    );
  });
});
