import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Standard output failed: closed by the reader (EPIPE) or the disk is full (ENOSPC), … */
export class OutputError extends Error {
  constructor(readonly code: string | undefined) {
    super(`cannot write to standard output (${describeWriteFailure(code)})`);
  }

  /** The reader went away (`inquiry triage … | head -1`): nothing is wrong, there is just no one to tell. */
  get readerClosed(): boolean {
    return this.code === 'EPIPE';
  }
}

const WRITE_FAILURES: Record<string, string> = {
  EPIPE: 'the reader closed the pipe',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error',
  EBADF: 'it is closed',
};

function describeWriteFailure(code: string | undefined): string {
  return (code && WRITE_FAILURES[code]) ?? code ?? 'unknown error';
}

/**
 * Writes a command's results. Each write waits while the stream's buffer is full, so a slow
 * reader slows the command down instead of the output piling up in memory, and a failed
 * stream ends the command with an OutputError instead of an unhandled 'error' event.
 */
export class Output {
  private failure: OutputError | undefined;

  constructor(private readonly stream: Writable) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      this.failure ??= new OutputError(error.code);
    });
  }

  async write(text: string): Promise<void> {
    this.throwIfFailed();
    if (!this.stream.write(text)) {
      try {
        await once(this.stream, 'drain');
      } catch (error) {
        throw this.failure ?? new OutputError((error as NodeJS.ErrnoException).code);
      }
    }
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}
