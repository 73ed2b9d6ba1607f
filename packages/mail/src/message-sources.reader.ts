import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

export interface MessageSource {
  /** The file path, or `mbox-path#N` (1-based) for the N-th message of an mbox. */
  source: string;
  raw: Buffer;
}

/** A path that cannot be read as mail; the message names the path and the problem. */
export class MessageSourceError extends Error {
  override readonly name = 'MessageSourceError';

  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

const MBOX_EXTENSIONS = new Set(['.mbox', '.mbx', '.mbs']);
const HEADER_FIELD = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;
/**
 * `From ` postmark lines as Gmail Takeout (`From 1780…@xxx Thu Sep 05 08:32:21 +0000 2024`),
 * Thunderbird (`From - Mon Jan 01 00:00:00 2024`) and classic mbox write them: they carry a time.
 * A body line that merely starts with "From " after a blank line does not.
 */
const POSTMARK = /^From \S*.*\b\d{1,2}:\d{2}/;
const ESCAPED_FROM = /^>+From /;
const NEWLINE = Buffer.from('\n');

function describe(error: unknown, path: string): MessageSourceError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new MessageSourceError(path, 'no such file or directory');
  if (code === 'EACCES' || code === 'EPERM') return new MessageSourceError(path, 'permission denied (unreadable)');
  if (code === 'EISDIR') return new MessageSourceError(path, 'is a directory');
  return new MessageSourceError(path, `cannot be read: ${(error as Error).message}`);
}

async function head(path: string, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function startsWithPostmark(start: Buffer): boolean {
  const firstLine = start.subarray(0, start.indexOf(0x0a) === -1 ? start.length : start.indexOf(0x0a));
  return POSTMARK.test(firstLine.toString('latin1'));
}

/** Splits a stream of bytes into lines, each without its `\n` (a `\r` before it is kept). */
async function* lines(path: string): AsyncGenerator<Buffer> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const data: Buffer = rest.length > 0 ? Buffer.concat([rest, chunk as Buffer]) : (chunk as Buffer);
    let start = 0;
    for (let eol = data.indexOf(0x0a, start); eol !== -1; eol = data.indexOf(0x0a, start)) {
      yield data.subarray(start, eol);
      start = eol + 1;
    }
    rest = Buffer.from(data.subarray(start));
  }
  if (rest.length > 0) yield rest;
}

const isBlank = (line: Buffer): boolean => line.length === 0 || (line.length === 1 && line[0] === 0x0d);

/**
 * Messages of an mbox file (mboxrd or mboxo, LF or CRLF), one at a time so that a mailbox of
 * several gigabytes is never held in memory. `>From ` escapes are undone mboxrd-style, and the
 * blank line the format puts before each postmark is not part of the message.
 */
async function* readMbox(path: string): AsyncGenerator<MessageSource> {
  let current: Buffer[] | undefined;
  let count = 0;
  let previousBlank = true;
  const finish = (): MessageSource | undefined => {
    if (!current) return undefined;
    const last = current[current.length - 1];
    if (last !== undefined && isBlank(last)) current.pop();
    count++;
    const raw = Buffer.concat(current.flatMap((line) => [line, NEWLINE]));
    current = undefined;
    return { source: `${path}#${count}`, raw };
  };
  try {
    for await (const line of lines(path)) {
      if (previousBlank && line[0] === 0x46 && POSTMARK.test(line.subarray(0, 200).toString('latin1'))) {
        const message = finish();
        if (message) yield message;
        current = [];
      } else if (current) {
        current.push(line[0] === 0x3e && ESCAPED_FROM.test(line.subarray(0, 40).toString('latin1')) ? line.subarray(1) : line);
      } else {
        throw new MessageSourceError(path, 'not an mbox file: it does not start with a "From " line');
      }
      previousBlank = isBlank(line);
    }
  } catch (error) {
    if (error instanceof MessageSourceError) throw error;
    throw describe(error, path);
  }
  const message = finish();
  if (message) yield message;
}

async function* readFolder(path: string): AsyncGenerator<MessageSource> {
  let entries;
  try {
    entries = await readdir(path, { withFileTypes: true });
  } catch (error) {
    throw describe(error, path);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) yield* readFolder(child);
    else if (entry.isFile()) {
      const extension = extname(entry.name).toLowerCase();
      if (extension === '.eml') yield* readEml(child);
      else if (MBOX_EXTENSIONS.has(extension) || startsWithPostmark(await head(child, 512).catch(() => Buffer.alloc(0)))) {
        yield* readMbox(child);
      }
    }
  }
}

async function* readEml(path: string): AsyncGenerator<MessageSource> {
  try {
    yield { source: path, raw: await readFile(path) };
  } catch (error) {
    throw describe(error, path);
  }
}

/**
 * Every message under `path`: a single `.eml` file, an mbox file (Gmail Takeout, Thunderbird,
 * any mboxrd/mboxo), or a folder searched recursively for both, in name order. Errors name the
 * path: missing, unreadable, or not a mail file.
 */
export async function* readMessageSources(path: string): AsyncGenerator<MessageSource> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw describe(error, path);
  }
  if (info.isDirectory()) {
    yield* readFolder(path);
    return;
  }
  if (!info.isFile()) throw new MessageSourceError(path, 'not a regular file or folder');
  const start = await head(path, 512).catch((error: unknown) => {
    throw describe(error, path);
  });
  const extension = extname(path).toLowerCase();
  if (extension !== '.eml' && (MBOX_EXTENSIONS.has(extension) || startsWithPostmark(start))) {
    yield* readMbox(path);
  } else if (extension === '.eml' || HEADER_FIELD.test(start.toString('latin1'))) {
    yield* readEml(path);
  } else {
    throw new MessageSourceError(path, 'not a mail file: neither an .eml message nor an mbox');
  }
}
