import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateKeyFile, SecretBox, SecretBoxError } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('round-trips a password, including non-ASCII', () => {
    expect(box.decrypt(box.encrypt('pässwörd-密码'))).toBe('pässwörd-密码');
  });

  it('never stores the plain text and uses a fresh nonce each time', () => {
    const a = box.encrypt('hunter2');
    const b = box.encrypt('hunter2');
    expect(a).not.toContain('hunter2');
    expect(a).not.toBe(b);
  });

  it('rejects a value sealed with another key', () => {
    const other = new SecretBox(randomBytes(32));
    expect(() => other.decrypt(box.encrypt('hunter2'))).toThrow(SecretBoxError);
  });

  it('rejects a tampered value', () => {
    const sealed = Buffer.from(box.encrypt('hunter2').slice(3), 'base64');
    sealed[sealed.length - 1]! ^= 1;
    expect(() => box.decrypt(`v1:${sealed.toString('base64')}`)).toThrow(SecretBoxError);
    expect(() => box.decrypt('plain-text')).toThrow(/unknown secret format/);
  });
});

describe('loadOrCreateKeyFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'inquiry-key-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates a key once and returns the same key afterwards', async () => {
    const path = join(dir, 'nested', 'secret.key');
    const first = await loadOrCreateKeyFile(path);
    expect(first).toHaveLength(32);
    await expect(loadOrCreateKeyFile(path)).resolves.toEqual(first);
    expect((await readFile(path, 'utf8')).trim()).toBe(first.toString('hex'));
  });

  it('names the file when its content is not a key', async () => {
    const path = join(dir, 'secret.key');
    await writeFile(path, 'nonsense');
    await expect(loadOrCreateKeyFile(path)).rejects.toThrow(path);
  });
});
