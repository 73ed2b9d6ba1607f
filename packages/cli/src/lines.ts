import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';

/**
 * The lines of a UTF-8 stream. Only LF ends a line and a CR before it is dropped; a CR inside
 * a line is text (old Mac line ends, stray carriage returns in pasted mail), not a break.
 */
export async function* readLines(input: Readable): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const lines = (pending + (typeof chunk === 'string' ? chunk : decoder.write(chunk))).split(
      '\n',
    );
    pending = lines.pop() ?? '';
    for (const line of lines) yield withoutTrailingCr(line);
  }
  pending += decoder.end();
  if (pending !== '') yield withoutTrailingCr(pending);
}

function withoutTrailingCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** All of a stream's bytes. */
export async function readAll(input: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of input as AsyncIterable<Buffer | string>)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  return Buffer.concat(chunks);
}
