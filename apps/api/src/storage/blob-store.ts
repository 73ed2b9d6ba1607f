import { createHash, randomUUID } from 'node:crypto';
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

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
  constructor(private readonly dir: string) {
    super();
  }

  async put(bytes: Buffer): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = this.pathOf(sha256);
    if (await this.exists(path)) return sha256;
    await mkdir(join(path, '..'), { recursive: true });
    const temporary = `${path}.${randomUUID()}.tmp`;
    try {
      await writeFile(temporary, bytes, { flag: 'wx' });
      await rename(temporary, path);
    } finally {
      await rm(temporary, { force: true });
    }
    return sha256;
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
