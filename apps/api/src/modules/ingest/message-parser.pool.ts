import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { MalformedMessageError, type NormalisedMessage } from '@inquiry/mail';

/**
 * The worker's whole program: parse what it is sent with the same @inquiry/mail build the
 * service loads, answer with the message or the error. Given as source (eval) so the worker
 * starts the same way under ts sources in tests and the compiled service.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { parseMessage, sanitiseHtml } = require(${JSON.stringify(require.resolve('@inquiry/mail'))});
parentPort.on('message', ({ id, raw, sanitise }) => {
  parseMessage(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)).then(
    (message) => parentPort.postMessage({
      id,
      message,
      safeHtml: sanitise && message.html ? sanitiseHtml(message.html) : '',
    }),
    (error) => parentPort.postMessage({
      id,
      error: { name: error && error.name, message: String(error && error.message), reason: error && error.reason },
    }),
  );
});
`;

/** A parsed message as storage wants it: with its HTML made safe to show as well. */
export interface ParsedForStorage {
  message: NormalisedMessage;
  /** The sender's HTML sanitised (see sanitiseHtml); '' when the message has none. */
  safeHtml: string;
}

interface Pending {
  resolve(parsed: ParsedForStorage): void;
  reject(error: Error): void;
}

type Reply =
  | ({ id: number } & ParsedForStorage)
  | { id: number; error: { name?: string; message: string; reason?: string } };

/**
 * Parses messages on worker threads, so the CPU-heavy MIME decoding of one message runs while
 * the main thread stores the previous ones. One worker per spare core (at least one); each
 * handles its queue in order. A worker that dies fails what it held and is replaced.
 */
@Injectable()
export class MessageParserPool implements OnModuleDestroy {
  private readonly size = Math.max(1, availableParallelism() - 1);
  private readonly workers: Array<{ worker: Worker; pending: Map<number, Pending> } | undefined> =
    [];
  private nextId = 0;
  private closed = false;

  async parse(raw: Buffer): Promise<NormalisedMessage> {
    return (await this.run(raw, false)).message;
  }

  /** Parses and sanitises the HTML on the worker too: both are CPU work the store need not wait on. */
  parseForStorage(raw: Buffer): Promise<ParsedForStorage> {
    return this.run(raw, true);
  }

  private run(raw: Buffer, sanitise: boolean): Promise<ParsedForStorage> {
    if (this.closed) return Promise.reject(new Error('the message parser pool is closed'));
    const id = this.nextId++;
    const slot = this.slot(id % this.size);
    return new Promise<ParsedForStorage>((resolve, reject) => {
      // A worker with work keeps the process alive (a CLI import awaits nothing else); an idle one does not.
      if (slot.pending.size === 0) slot.worker.ref();
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, raw, sanitise });
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.flatMap((slot) => (slot ? [slot.worker.terminate()] : [])));
  }

  private slot(index: number): { worker: Worker; pending: Map<number, Pending> } {
    const existing = this.workers[index];
    if (existing) return existing;
    const pending = new Map<number, Pending>();
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref();
    const slot = { worker, pending };
    worker.on('message', (reply: Reply) => {
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if (pending.size === 0) worker.unref();
      if (!waiting) return;
      if ('message' in reply)
        waiting.resolve({ message: withLocalDates(reply.message), safeHtml: reply.safeHtml });
      else waiting.reject(replyError(reply.error));
    });
    const fail = (error: Error) => {
      if (this.workers[index] === slot) this.workers[index] = undefined;
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`message parser worker exited with code ${code}`)));
    this.workers[index] = slot;
    return slot;
  }
}

/**
 * Structured clone makes the Dates in the main Node realm, which is not the realm of a test
 * sandbox; rebuilt here, `instanceof Date` holds wherever this code runs.
 */
function withLocalDates(message: NormalisedMessage): NormalisedMessage {
  const local = (date: Date | undefined) => (date ? new Date(date.getTime()) : undefined);
  return {
    ...message,
    date: local(message.date),
    received: message.received.map((hop) => ({ ...hop, date: local(hop.date) })),
  };
}

function replyError(error: { name?: string; message: string; reason?: string }): Error {
  if (error.name === 'MalformedMessageError' && error.reason !== undefined)
    return new MalformedMessageError(error.reason);
  return Object.assign(new Error(error.message), { name: error.name ?? 'Error' });
}
