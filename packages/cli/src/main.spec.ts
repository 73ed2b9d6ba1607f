import { closeSync, openSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import type { CliIo } from './command';
import { main } from './main';

/** Standard output whose every write fails the way a closed pipe or a full disk does. */
function failingStdout(code: string): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback(Object.assign(new Error(`write ${code}`), { code }));
    },
  });
}

async function runMain(
  argv: string[],
  stdout: Writable,
  input: string,
): Promise<{ code: number; stderr: string }> {
  const stderr = new PassThrough();
  let text = '';
  stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const io: CliIo = { stdin: Readable.from([Buffer.from(input, 'utf8')]), stdout, stderr };
  const code = await main(argv, io);
  return { code, stderr: text };
}

describe('inquiry', () => {
  it('stops quietly when the reader of its output goes away (| head -1)', async () => {
    const result = await runMain(['lang'], failingStdout('EPIPE'), 'hello there\n'.repeat(1000));
    expect(result).toEqual({ code: 141, stderr: '' });
  });

  it('says in one line that it cannot write its output when the disk is full', async () => {
    const result = await runMain(['lang'], failingStdout('ENOSPC'), 'hello there\n'.repeat(1000));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'inquiry lang: cannot write to standard output (no space left on device)\n',
    );
  });

  it('writes to a full disk (> /dev/full) from the real binary without a stack trace', async () => {
    const full = openSync('/dev/full', 'w');
    const child = spawn(process.execPath, [join(__dirname, '..', 'bin', 'inquiry.js'), 'lang'], {
      stdio: ['pipe', full, 'pipe'],
    });
    closeSync(full);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin!.end('hello there\n'.repeat(100));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stderr).toBe(
      'inquiry lang: cannot write to standard output (no space left on device)\n',
    );
  });
});
