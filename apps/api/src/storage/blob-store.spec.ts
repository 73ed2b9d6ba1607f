import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobNotFoundError, LocalBlobStore } from './blob-store';

describe('LocalBlobStore', () => {
  let dir: string;
  let store: LocalBlobStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'inquiry-blobs-'));
    store = new LocalBlobStore(dir);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('addresses content by its SHA-256 and returns the exact bytes', async () => {
    const bytes = Buffer.from([0, 255, 13, 10, 0x80]);
    const sha = await store.put(bytes);
    expect(sha).toBe(createHash('sha256').update(bytes).digest('hex'));
    await expect(store.get(sha)).resolves.toEqual(bytes);
    await expect(store.has(sha)).resolves.toBe(true);
  });

  it('stores identical content once, even when written concurrently', async () => {
    const bytes = Buffer.from('Subject: hello\r\n\r\nbody\r\n');
    const shas = await Promise.all(Array.from({ length: 8 }, () => store.put(bytes)));
    expect(new Set(shas).size).toBe(1);
    const shard = join(dir, shas[0]!.slice(0, 2), shas[0]!.slice(2, 4));
    await expect(readdir(shard)).resolves.toEqual([shas[0]]);
  });

  it('still stores after its directories were removed under it', async () => {
    const first = await store.put(Buffer.from('one'));
    await rm(join(dir, first.slice(0, 2)), { recursive: true });
    const again = await store.put(Buffer.from('one'));
    await expect(store.get(again)).resolves.toEqual(Buffer.from('one'));
  });

  it('reports a missing or malformed address as not found', async () => {
    await expect(store.get('0'.repeat(64))).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(store.get('../../etc/passwd')).rejects.toBeInstanceOf(BlobNotFoundError);
  });
});
