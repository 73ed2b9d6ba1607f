import { decodeText } from './charset-decoder';

export interface DecodedHeader {
  text: string;
  problem?: string;
}

const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;
const NON_ASCII = /[\u0080-\uffff]/;

function wordBytes(encoding: string, payload: string): Buffer {
  if (encoding === 'B' || encoding === 'b') return Buffer.from(payload, 'base64');
  const bytes: number[] = [];
  for (let i = 0; i < payload.length; i++) {
    const char = payload[i];
    if (char === '_') bytes.push(0x20);
    else if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(payload.slice(i + 1, i + 3))) {
      bytes.push(parseInt(payload.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(payload.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes);
}

/** The raw value of a header line (`Name: value`, folding kept): everything after the colon. */
export function headerLineValue(line: string): string {
  const colon = line.indexOf(':');
  return colon === -1 ? '' : line.slice(colon + 1);
}

function isValidUtf8(bytes: Buffer): boolean {
  return !bytes.toString('utf8').includes('\uFFFD');
}

/**
 * Decodes a raw header value (a latin1 string holding the original bytes, as mailsplit's
 * header lines carry it): RFC 2047 encoded words with the same charset fallbacks as bodies, and
 * raw 8-bit bytes (UTF-8 if valid, else `hint`, the message's body charset, else detected).
 * Adjacent encoded words of one charset are joined before decoding because senders split
 * multi-byte characters across them.
 */
export function decodeHeaderValue(raw: string, hint?: string): DecodedHeader {
  const value = raw.replace(/\r?\n(?=[ \t])/g, '').trim();
  if (!value.includes('=?') && !NON_ASCII.test(value)) return { text: value };

  const problems: string[] = [];
  let text = '';
  let pending: { charset: string; bytes: Buffer[] } | undefined;
  const flush = (): void => {
    if (!pending) return;
    const decoded = decodeText(Buffer.concat(pending.bytes), pending.charset);
    if (decoded.problem) problems.push(decoded.problem);
    text += decoded.text;
    pending = undefined;
  };
  const literal = (chunk: string): void => {
    if (!NON_ASCII.test(chunk)) {
      text += chunk;
      return;
    }
    const bytes = Buffer.from(chunk, 'latin1');
    const decoded: DecodedHeader = isValidUtf8(bytes)
      ? { text: bytes.toString('utf8') }
      : decodeText(bytes, hint);
    if (decoded.problem) problems.push(`raw 8-bit header: ${decoded.problem}`);
    text += decoded.text;
  };

  let last = 0;
  for (const match of value.matchAll(ENCODED_WORD)) {
    const between = value.slice(last, match.index);
    const charset = (match[1] ?? '').split('*')[0] ?? '';
    if (pending && /^\s*$/.test(between) && pending.charset === charset) {
      pending.bytes.push(wordBytes(match[2] ?? 'Q', match[3] ?? ''));
    } else {
      flush();
      // Whitespace between two encoded words is folding, not text (RFC 2047 section 6.2).
      if (!(last > 0 && /^\s*$/.test(between))) literal(between);
      pending = { charset, bytes: [wordBytes(match[2] ?? 'Q', match[3] ?? '')] };
    }
    last = match.index + match[0].length;
  }
  flush();
  literal(value.slice(last));
  return problems.length > 0 ? { text, problem: problems.join('; ') } : { text };
}
