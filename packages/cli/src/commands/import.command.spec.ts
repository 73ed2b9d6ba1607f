import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, serviceEnv } from '../test/run-cli';

// Each case starts a Node process that boots the service's database layer.
jest.setTimeout(60_000);

function message(id: string, from: string, subject: string): string {
  return [
    `From: ${from}`,
    'To: sales@seller.example',
    `Subject: ${subject}`,
    'Date: Mon, 02 Mar 2026 09:00:00 +0000',
    `Message-ID: <${id}>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Hello, please send your price list for ${subject}.`,
    '',
  ].join('\n');
}

describe('inquiry import', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'inquiry-cli-import-'));
    await mkdir(join(dir, 'mail', 'nested'), { recursive: true });
    await writeFile(
      join(dir, 'mail', 'one.eml'),
      message('one@a.example', 'Ana <ana@a.example>', 'valves'),
    );
    await writeFile(
      join(dir, 'mail', 'nested', 'export.mbox'),
      `From ana@a.example Mon Mar  2 09:00:00 2026\n${message('two@b.example', 'Bo <bo@b.example>', 'pumps')}\n` +
        `From bo@b.example Mon Mar  2 09:00:00 2026\n${message('one@a.example', 'Ana <ana@a.example>', 'valves')}\n`,
    );
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('imports a folder of .eml and mbox once; a second run adds nothing', async () => {
    const env = serviceEnv(dir);
    const first = await runCli(['import', join(dir, 'mail')], env);
    expect(first.stderr).toBe(`created a new database at sqlite:${join(dir, 'inquiry.sqlite')}\n`);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      '3 messages, 2 new, 1 already stored, 2 inquiries, 0 quarantined',
    );
    const second = await runCli(['import', join(dir, 'mail')], env);
    expect(second.stderr).toBe(`using database sqlite:${join(dir, 'inquiry.sqlite')}\n`);
    expect(second.stdout).toContain(
      '3 messages, 0 new, 3 already stored, 0 inquiries, 0 quarantined',
    );
  });

  it('lists a message it could not parse with the reason, and goes on', async () => {
    await writeFile(join(dir, 'broken.eml'), '\u0000\u0000\u0000 binary junk');
    const result = await runCli(
      ['import', join(dir, 'broken.eml'), join(dir, 'mail', 'one.eml')],
      serviceEnv(dir),
    );
    expect(result.stdout.split('\n')[0]).toBe(
      `${join(dir, 'broken.eml')}: 1 messages, 0 new, 0 already stored, 0 inquiries, 1 quarantined`,
    );
    expect(result.stderr.match(/quarantined/g)).toHaveLength(1);
    expect(result.stderr).toContain(`  quarantined ${join(dir, 'broken.eml')}:`);
    expect(result.stdout).toContain(`${join(dir, 'mail', 'one.eml')}: 1 messages, 1 new`);
  });

  it('imports the rest of a folder past a file it cannot read, lists that file, exit code 1', async () => {
    await writeFile(join(dir, 'mail', 'notes.mbox'), 'exported notes, no mail here\n');
    const result = await runCli(['import', join(dir, 'mail')], serviceEnv(dir));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '3 messages, 2 new, 1 already stored, 2 inquiries, 0 quarantined, 1 unreadable',
    );
    expect(result.stderr).toContain(
      `  unreadable ${join(dir, 'mail', 'notes.mbox')}: not an mbox file: it does not start with a "From " line`,
    );
  });

  it('names the file and the problem for a path it cannot read, exit code 1', async () => {
    const missing = join(dir, 'nope.mbox');
    const result = await runCli(['import', missing], serviceEnv(dir));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(missing);
  });

  it('names the blob folder when it cannot store messages there, and keeps what is stored', async () => {
    const env = serviceEnv(dir);
    await runCli(['import', join(dir, 'mail', 'one.eml')], env);
    await rm(join(dir, 'blobs'), { recursive: true });
    await writeFile(join(dir, 'blobs'), 'a file where the folder should be');
    const result = await runCli(['import', join(dir, 'mail')], env);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n').pop()).toMatch(
      new RegExp(
        `^inquiry import: blob folder ${join(dir, 'blobs')} \\(BLOB_DIR\\): cannot .* \\(part of the path is a file, not a folder\\)$`,
      ),
    );
    await rm(join(dir, 'blobs'));
    const again = await runCli(['import', join(dir, 'mail', 'one.eml')], env);
    expect(again.stdout).toContain('1 messages, 0 new, 1 already stored');
  });

  it('asks for a path', async () => {
    const result = await runCli(['import'], serviceEnv(dir));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no PATH given');
  });
});
