import { createHash, randomUUID } from 'node:crypto';
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Content-addressed, write-once storage for raw messages and attachments. */
export abstract class BlobStore {
  /** Stores the bytes (once) and returns their SHA-256 in hex, which is their address. */
  abstract put(bytes: Buffer): Promise<string>;
  abstract get(sha256: string): Promise<Buffer>;
  abstract has(sha256: string): Promise<boolean>;
}

export class BlobNotFoundError extends Error {
  constructor(readonly sha256: string) {
    super(`blob ${sha256} is not in the store`);
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Blobs on the local disk as `<dir>/ab/cd/<sha256>`. A blob is written to a temporary file
 * and renamed into place, so a reader never sees half a blob and concurrent writers of the
 * same content simply both end with the same complete file.
 */
export class LocalBlobStore extends BlobStore {
  /** Fan-out directories known to exist: ingestion writes thousands of blobs into 65,536 of them. */
  private readonly made = new Set<string>();

  constructor(private readonly dir: string) {
    super();
  }

  async put(bytes: Buffer): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = this.pathOf(sha256);
    if (await this.exists(path)) return sha256;
    const parent = dirname(path);
    if (!this.made.has(parent)) await this.makeDirectory(parent);
    const temporary = `${path}.${randomUUID()}.tmp`;
    try {
      try {
        await writeFile(temporary, bytes, { flag: 'wx' });
      } catch (error) {
        // Someone removed the directory since we made it (a cleared store): make it again.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        await this.makeDirectory(parent);
        await writeFile(temporary, bytes, { flag: 'wx' });
      }
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return sha256;
  }

  private async makeDirectory(path: string): Promise<void> {
    await mkdir(path, { recursive: true });
    this.made.add(path);
  }

  async get(sha256: string): Promise<Buffer> {
    try {
      return await readFile(this.pathOf(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobNotFoundError(sha256);
      throw error;
    }
  }

  has(sha256: string): Promise<boolean> {
    return this.exists(this.pathOf(sha256));
  }

  private pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new BlobNotFoundError(sha256);
    return join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  private async exists(path: string): Promise<boolean> {
    try {
      await access(path);
      return true;
    } catch {
      return false;
    }
  }
}
