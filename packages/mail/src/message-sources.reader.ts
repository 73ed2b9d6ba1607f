import { createReadStream } from 'node:fs';
import { open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';

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
const WEEKDAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '\\d{1,2}:\\d{2}(?::\\d{2})?';
const ZONE = '(?:[+-]\\d{4}|[A-Z]{1,5})';
/**
 * `From ` postmark lines as Gmail Takeout (`From 1780…@xxx Thu Sep 05 08:32:21 +0000 2024`),
 * Thunderbird (`From - Mon Jan 01 00:00:00 2024`), classic mbox (`From a@b Sat Jan  3 01:05:34
 * 1996`, a zone before or after the year) and a few tools (an RFC 5322 date) write them: a sender,
 * then a whole date. An unescaped body line such as "From 9:00 to 17:00 we are open" is none.
 */
const POSTMARK = new RegExp(
  `^From \\S+ +(?:${WEEKDAY} +${MONTH} +\\d{1,2} +${TIME} +(?:${ZONE} +)?\\d{4}(?: +${ZONE})?` +
    `|${WEEKDAY}, +\\d{1,2} +${MONTH} +\\d{4} +${TIME}(?: +${ZONE})?)(?:[ \\t\\r]|$)`,
);
/** Maildir keeps each message in a file of its own, under cur/ or new/, named without an extension. */
const MAILDIR_FOLDERS = new Set(['cur', 'new']);
const BYTE_ORDER_MARK = Buffer.from([0xef, 0xbb, 0xbf]);
const ESCAPED_FROM = /^>+From /;
const NEWLINE = Buffer.from('\n');

function describe(error: unknown, path: string): MessageSourceError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new MessageSourceError(path, 'no such file or directory');
  if (code === 'EACCES' || code === 'EPERM')
    return new MessageSourceError(path, 'permission denied (unreadable)');
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

/** The first line that holds anything, past a byte order mark and blank lines. */
function firstLine(start: Buffer): string {
  let from = start.subarray(0, 3).equals(BYTE_ORDER_MARK) ? 3 : 0;
  while (from < start.length && (start[from] === 0x0a || start[from] === 0x0d)) from++;
  const eol = start.indexOf(0x0a, from);
  return start.subarray(from, eol === -1 ? start.length : eol).toString('latin1');
}

const startsWithPostmark = (start: Buffer): boolean => POSTMARK.test(firstLine(start));

/**
 * Splits a stream of bytes into lines, each without its `\n` (a `\r` before it is kept). The
 * pieces of a line longer than a chunk (a base64 body written without breaks) are joined once,
 * when its end arrives, not again with every chunk.
 */
async function* lines(path: string): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const data = chunk as Buffer;
    let start = 0;
    for (let eol = data.indexOf(0x0a); eol !== -1; eol = data.indexOf(0x0a, start)) {
      const line = data.subarray(start, eol);
      yield pending.length > 0 ? Buffer.concat([...pending, line]) : line;
      pending = [];
      start = eol + 1;
    }
    if (start < data.length) pending.push(data.subarray(start));
  }
  if (pending.length > 0) yield Buffer.concat(pending);
}

const isBlank = (line: Buffer): boolean =>
  line.length === 0 || (line.length === 1 && line[0] === 0x0d);

/**
 * Messages of an mbox file (mboxrd or mboxo, LF or CRLF), one at a time so that a mailbox of
 * several gigabytes is never held in memory. `>From ` escapes are undone mboxrd-style, and the
 * blank line the format puts before each postmark is not part of the message.
 */
async function* readMbox(path: string): AsyncGenerator<MessageSource> {
  let current: Buffer[] | undefined;
  let count = 0;
  let first = true;
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
    for await (const read of lines(path)) {
      const line = first && read.subarray(0, 3).equals(BYTE_ORDER_MARK) ? read.subarray(3) : read;
      first = false;
      // The whole date makes a postmark, so one is a boundary even without the blank line before
      // it that some exporters leave out.
      if (line[0] === 0x46 && POSTMARK.test(line.subarray(0, 200).toString('latin1'))) {
        const message = finish();
        if (message) yield message;
        current = [];
      } else if (current) {
        current.push(
          line[0] === 0x3e && ESCAPED_FROM.test(line.subarray(0, 40).toString('latin1'))
            ? line.subarray(1)
            : line,
        );
      } else if (!isBlank(line)) {
        throw new MessageSourceError(
          path,
          'not an mbox file: it does not start with a "From " line',
        );
      }
    }
  } catch (error) {
    if (error instanceof MessageSourceError) throw error;
    throw describe(error, path);
  }
  const message = finish();
  if (message) yield message;
}

export interface ReadOptions {
  /**
   * Told of each file or subfolder of a folder that cannot be read, after which the walk goes
   * on; without it the first one ends the walk with its error. The path given itself always
   * throws.
   */
  onUnreadable?(error: MessageSourceError): void;
}

/**
 * The folder's mail in name order. Symbolic links are followed (a folder reached twice, as by
 * a link to an ancestor, is read once).
 */
async function* readFolder(
  path: string,
  options: ReadOptions,
  visited: Set<string>,
): AsyncGenerator<MessageSource> {
  let entries;
  try {
    const real = await realpath(path);
    if (visited.has(real)) return;
    visited.add(real);
    entries = await readdir(path, { withFileTypes: true });
  } catch (error) {
    throw describe(error, path);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const maildir = MAILDIR_FOLDERS.has(basename(path));
  for (const entry of entries) {
    const child = join(path, entry.name);
    try {
      let kind: 'folder' | 'file' | undefined;
      if (entry.isDirectory()) kind = 'folder';
      else if (entry.isFile()) kind = 'file';
      else if (entry.isSymbolicLink()) {
        // A dangling link is no mail and no error: nothing was there to read.
        const target = await stat(child).catch(() => undefined);
        kind = target?.isDirectory() ? 'folder' : target?.isFile() ? 'file' : undefined;
      }
      if (kind === 'folder') yield* readFolder(child, options, visited);
      else if (kind === 'file') yield* readFolderFile(child, maildir);
    } catch (error) {
      if (!(error instanceof MessageSourceError) || !options.onUnreadable) throw error;
      options.onUnreadable(error);
    }
  }
}

/**
 * How a file holds mail: by its extension, else by how it starts: a postmark (an mbox), header
 * fields (one message without an extension, as Maildir keeps them), or neither.
 */
async function kindOf(path: string): Promise<'eml' | 'mbox' | 'headers' | undefined> {
  const extension = extname(path).toLowerCase();
  if (extension === '.eml') return 'eml';
  if (MBOX_EXTENSIONS.has(extension)) return 'mbox';
  let start: Buffer;
  try {
    start = await head(path, 512);
  } catch (error) {
    throw describe(error, path);
  }
  if (startsWithPostmark(start)) return 'mbox';
  return HEADER_FIELD.test(firstLine(start)) ? 'headers' : undefined;
}

/** A file met in a folder: an .eml, an mbox, a Maildir message, or something else to pass by. */
async function* readFolderFile(path: string, inMaildir: boolean): AsyncGenerator<MessageSource> {
  const kind = await kindOf(path);
  if (kind === 'mbox') yield* readMbox(path);
  else if (kind === 'eml' || (kind === 'headers' && inMaildir)) yield* readEml(path);
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
 * any mboxrd/mboxo), or a folder searched recursively for those and Maildir messages, in name
 * order. Errors name the path: missing, unreadable, or not a mail file.
 */
export async function* readMessageSources(
  path: string,
  options: ReadOptions = {},
): AsyncGenerator<MessageSource> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw describe(error, path);
  }
  if (info.isDirectory()) {
    yield* readFolder(path, options, new Set());
    return;
  }
  if (!info.isFile()) throw new MessageSourceError(path, 'not a regular file or folder');
  const kind = await kindOf(path);
  if (kind === 'mbox') yield* readMbox(path);
  else if (kind !== undefined) yield* readEml(path);
  else throw new MessageSourceError(path, 'not a mail file: neither an .eml message nor an mbox');
}
