import { createHash } from 'node:crypto';
import { parseAddressList } from './address-list';
import { parseRfc5322Date } from './date-header.parser';
import { decodeHeaderValue, headerLineValue } from './header-decoder';
import { textFromHtml } from './html-text.extractor';
import { linksFromHtml, linksFromText } from './link.extractor';
import { MalformedMessageError } from './malformed-message.error';
import type { AttachmentInfo, DecodeProblem, Link, NormalisedMessage } from './message';
import { readMimeParts, type AttachmentPart, type MimeParts } from './mime-parts.reader';
import { parseReceived } from './received-header.parser';

const HEADER_FIELD = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;
const CONTENT_TYPE_CHARSET =
  /^content-type:[^\n]*(?:\n[ \t][^\n]*)*?;\s*charset\s*=\s*"?([^";\s]+)/gim;

interface PreparedInput {
  raw: Buffer;
  problems: DecodeProblem[];
}

/**
 * Checks that the input starts with header fields and finds where the body starts. Mail saved
 * with a leading mbox `From ` line or blank lines is accepted; a header block with no blank line
 * after it gets one inserted before the first line that is not a header field, so the body is
 * parsed as a body instead of disappearing into the header.
 */
function prepare(input: Buffer): PreparedInput {
  let start = 0;
  while (start < input.length && (input[start] === 0x0a || input[start] === 0x0d)) start++;
  if (input.subarray(start, start + 5).toString('latin1') === 'From ') {
    const eol = input.indexOf(0x0a, start);
    start = eol === -1 ? input.length : eol + 1;
  }
  if (start >= input.length || input.subarray(start).every((byte) => byte <= 0x20)) {
    throw new MalformedMessageError('the input is empty');
  }

  let lineStart = start;
  let lineNumber = 1;
  while (lineStart < input.length) {
    const eol = input.indexOf(0x0a, lineStart);
    const lineEnd = eol === -1 ? input.length : eol;
    const line = input.subarray(lineStart, Math.min(lineEnd, lineStart + 200)).toString('latin1');
    if (line === '' || line === '\r') break;
    const continuation = line.startsWith(' ') || line.startsWith('\t');
    if (!HEADER_FIELD.test(line) && !(continuation && lineNumber > 1)) {
      if (lineNumber === 1) {
        throw new MalformedMessageError(
          'the input does not start with header fields ("Name: value" lines)',
        );
      }
      const newline = input[lineStart - 2] === 0x0d ? '\r\n' : '\n';
      return {
        raw: Buffer.concat([
          input.subarray(start, lineStart),
          Buffer.from(newline),
          input.subarray(lineStart),
        ]),
        problems: [
          {
            part: 'structure',
            reason: `no blank line between header and body; the body was taken to start at line ${lineNumber}`,
          },
        ],
      };
    }
    if (eol === -1) break;
    lineStart = eol + 1;
    lineNumber++;
  }
  return { raw: start === 0 ? input : input.subarray(start), problems: [] };
}

async function readParts(raw: Buffer): Promise<MimeParts> {
  try {
    return await readMimeParts(raw);
  } catch (error) {
    throw new MalformedMessageError(
      `the MIME structure cannot be parsed: ${(error as Error).message}`,
    );
  }
}

function stripAngles(id: string): string {
  return id.trim().replace(/^<|>$/g, '');
}

function messageIds(value: string | undefined): string[] {
  return (value ?? '').match(/<[^<>\s]+>/g)?.map(stripAngles) ?? [];
}

function toAttachment(attachment: AttachmentPart): AttachmentInfo {
  const info: AttachmentInfo = {
    filename: attachment.filename,
    contentType: attachment.contentType,
    size: attachment.content.length,
    sha256: attachment.sha256,
    inline: attachment.disposition === 'inline' || attachment.related,
  };
  if (attachment.contentId) info.contentId = attachment.contentId;
  return info;
}

function mergeLinks(html: string, text: string): Link[] {
  const anchors = html ? linksFromHtml(html) : [];
  const seen = new Set(anchors.map((link) => link.url));
  const bare = linksFromText(text).filter((link) => !seen.has(link.url) && seen.add(link.url));
  return [...anchors, ...bare];
}

function declaredCharsets(latin1: string): string[] {
  const found = new Set<string>();
  for (const match of latin1.matchAll(CONTENT_TYPE_CHARSET)) {
    found.add((match[1] ?? '').toLowerCase());
  }
  return [...found];
}

/**
 * Parses one raw RFC 822 message into the normalised form every consumer reads. Garbage yields a
 * message plus `problems`; only input that is not mail at all throws `MalformedMessageError`.
 */
export async function parseMessage(input: Buffer): Promise<NormalisedMessage> {
  const { raw, problems } = prepare(input);
  const parsed = await readParts(raw);
  problems.push(...parsed.problems);

  const hint = parsed.charset;
  const headers = parsed.headerLines.map(({ key, line }) => {
    const decoded = decodeHeaderValue(headerLineValue(line), hint);
    if (decoded.problem) problems.push({ part: `header:${key}`, reason: decoded.problem });
    return { name: key, value: decoded.text };
  });
  const first = (name: string): string | undefined =>
    headers.find((header) => header.name === name)?.value;
  const rawValues = (name: string): string[] =>
    parsed.headerLines
      .filter((header) => header.key === name)
      .map((header) => headerLineValue(header.line));
  const decodeWord = (value: string): string => decodeHeaderValue(value, hint).text;

  const { html, alternative, plainBeforeHtml } = parsed;
  let text = parsed.text;
  // HTML speaks for the message's text unless a text/plain alternative says the same: an
  // HTML-only message, however nested, and HTML beside a plain-text part (a list footer) that
  // is not its alternative, in part order.
  const htmlOnly = text.trim() === '';
  if (html && (htmlOnly || !alternative)) {
    const derived = textFromHtml(html);
    if (derived.problem) problems.push({ part: 'html', reason: derived.problem });
    else if (htmlOnly) text = derived.text;
    else text = plainBeforeHtml ? `${text}${derived.text}` : `${derived.text}${text}`;
  }
  const message: NormalisedMessage = {
    rawSha256: createHash('sha256').update(input).digest('hex'),
    references: messageIds(first('references')),
    subject: first('subject') ?? '',
    replyTo: parseAddressList(rawValues('reply-to'), decodeWord),
    to: parseAddressList(rawValues('to'), decodeWord),
    cc: parseAddressList(rawValues('cc'), decodeWord),
    headers,
    received: rawValues('received').map(parseReceived),
    text,
    html,
    links: mergeLinks(html, text),
    attachments: parsed.attachments.map(toAttachment),
    // Read as bytes: charsets are ASCII whatever the body holds.
    declaredCharsets: declaredCharsets(raw.toString('latin1')),
    problems,
  };

  const messageId = messageIds(first('message-id'))[0] ?? first('message-id')?.trim();
  if (messageId) message.messageId = messageId;
  const inReplyTo = messageIds(first('in-reply-to'))[0];
  if (inReplyTo) message.inReplyTo = inReplyTo;
  const from = parseAddressList(rawValues('from'), decodeWord)[0];
  if (from) message.from = from;
  const contentLanguage = first('content-language');
  if (contentLanguage) message.contentLanguage = contentLanguage;

  const dateRaw = first('date');
  if (dateRaw !== undefined) {
    message.dateRaw = dateRaw;
    const date = parseRfc5322Date(dateRaw);
    if (date?.offsetMinutes !== undefined) message.dateOffsetMinutes = date.offsetMinutes;
    // An unreadable date is reported, never replaced by the time of parsing, which would hide it.
    const instant = date?.date ?? new Date(dateRaw);
    if (instant && !Number.isNaN(instant.getTime())) message.date = instant;
    else problems.push({ part: 'header:date', reason: `unreadable date "${dateRaw}"` });
  }
  return message;
}
