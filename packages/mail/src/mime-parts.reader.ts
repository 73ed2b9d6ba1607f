import { createHash } from 'node:crypto';
import { finished } from 'node:stream/promises';
import { Splitter, type MimeNode, type SplitterChunk } from '@zone-eu/mailsplit';
import type { HeaderLine } from '@zone-eu/mailsplit';
import libbase64 from 'libbase64';
import libmime from 'libmime';
import libqp from 'libqp';
import { decodeText } from './charset-decoder';
import { formatAddressList, parseAddressList } from './address-list';
import { parseRfc5322Date } from './date-header.parser';
import { decodeHeaderValue, headerLineValue } from './header-decoder';
import type { DecodeProblem } from './message';

/** Part types read as the message's text; anything else is an attachment. */
const TEXT_TYPES: ReadonlySet<string> = new Set([
  'text/plain',
  'text/html',
  'message/delivery-status',
]);
/** Separators of the joined bodies: a text part between HTML parts leaves an empty entry. */
const TEXT_SEPARATOR = '\n';
const HTML_SEPARATOR = '<br/>\n';
/** Headers of a forwarded message shown above its text, as a mail client shows them. */
const FORWARDED_FIELDS = ['From', 'Subject', 'Date', 'To', 'Cc', 'Bcc'] as const;

export interface AttachmentPart {
  filename: string;
  contentType: string;
  /** Content-Disposition as written (`attachment`, `inline`, or whatever the sender put). */
  disposition: string | undefined;
  contentId: string | undefined;
  /** Inside a multipart/related: a picture or style the HTML refers to. */
  related: boolean;
  content: Buffer;
  sha256: string;
}

export interface MimeParts {
  /** The top-level header fields as written, folded lines included. */
  headerLines: HeaderLine[];
  /** The top-level Content-Type charset: the best guess for raw 8-bit header bytes. */
  charset: string | undefined;
  /**
   * Bodies of the text parts in part order, joined by a newline. An HTML part outside an
   * alternative, beside plain text, leaves an empty entry where its text belongs.
   */
  text: string;
  /**
   * Bodies of the HTML parts in part order, joined by HTML_SEPARATOR. A plain-text part outside
   * an alternative, beside HTML, leaves an empty entry where its HTML belongs.
   */
  html: string;
  /** Whether the message has a multipart/alternative: HTML and plain text saying the same thing. */
  alternative: boolean;
  /** Whether a plain-text part outside an alternative comes before the first HTML part. */
  plainBeforeHtml: boolean;
  attachments: AttachmentPart[];
  /** Text parts whose bytes did not decode cleanly from what they declared. */
  problems: DecodeProblem[];
}

/** The splitter's events in order: every node and, for leaves, their body bytes. */
async function split(raw: Buffer): Promise<{ nodes: MimeNode[]; bodies: Map<MimeNode, Buffer[]> }> {
  const nodes: MimeNode[] = [];
  const bodies = new Map<MimeNode, Buffer[]>();
  const splitter = new Splitter();
  splitter.on('data', (chunk: SplitterChunk) => {
    if (chunk.type === 'node') nodes.push(chunk);
    else if (chunk.type === 'body') {
      const chunks = bodies.get(chunk.node);
      if (chunks) chunks.push(chunk.value);
      else bodies.set(chunk.node, [chunk.value]);
    }
  });
  splitter.end(raw);
  await finished(splitter);
  return { nodes, bodies };
}

/** A part with content of its own: not a container of parts, nor an embedded message read in place. */
function isLeaf(node: MimeNode): boolean {
  return !node.multipart && !(node.rfc822 && node.messageNode);
}

/** A leaf's content, its transfer encoding undone. */
function contentOf(node: MimeNode, bodies: ReadonlyMap<MimeNode, Buffer[]>): Buffer {
  const chunks = bodies.get(node);
  const body = chunks ? Buffer.concat(chunks) : Buffer.alloc(0);
  if (node.encoding === 'base64')
    return libbase64.decode(body.toString('latin1').replace(/[^a-zA-Z0-9+/=]+/g, ''));
  return node.encoding === 'quoted-printable' ? libqp.decode(body) : body;
}

function sha256Of(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

function parentOf(node: MimeNode): MimeNode | undefined {
  return node.parentNode === false ? undefined : node.parentNode;
}

function isInside(node: MimeNode, contentType: string): boolean {
  for (let parent = parentOf(node); parent; parent = parentOf(parent)) {
    if (parent.contentType === contentType) return true;
  }
  return false;
}

/** A part is text only when it is a text type shown inline; everything else is an attachment. */
function isAttachment(node: MimeNode): boolean {
  const contentType = node.contentType || 'text/plain';
  if (!TEXT_TYPES.has(contentType)) return true;
  return node.disposition !== false && node.disposition !== 'inline';
}

function attachmentOf(node: MimeNode, content: Buffer): AttachmentPart {
  const filename = node.filename || '';
  let contentType = node.contentType || 'application/octet-stream';
  // Senders label most files octet-stream; the name tells a PDF from an executable.
  if (contentType === 'application/octet-stream' && filename) {
    contentType = libmime.detectMimeType(filename) || contentType;
  }
  const headers = node.headers === false ? undefined : node.headers;
  const contentId = headers?.hasHeader('content-id')
    ? headers.getFirst('content-id').trim().replace(/^<|>$/g, '').trim()
    : undefined;
  return {
    filename,
    contentType,
    disposition: node.disposition || undefined,
    contentId,
    related: contentId !== undefined && isInside(node, 'multipart/related'),
    content,
    sha256: sha256Of(content),
  };
}

function forwardedValue(field: string, raw: string, hint: string | undefined): string {
  const decode = (value: string): string => decodeHeaderValue(value, hint).text;
  if (field === 'Subject') return decode(raw);
  if (field === 'Date') {
    const date = parseRfc5322Date(decode(raw))?.date;
    return date ? date.toUTCString() : '';
  }
  return formatAddressList(parseAddressList([raw], decode));
}

/** The forwarded message's own From, Subject, Date and recipients, one `Name: value` per line. */
function forwardedHeader(node: MimeNode, hint: string | undefined): string {
  const fields = node.headers === false ? [] : node.headers.getList();
  const lines: string[] = [];
  for (const field of FORWARDED_FIELDS) {
    const line = fields.findLast(({ key }) => key === field.toLowerCase())?.line;
    const value = line && forwardedValue(field, headerLineValue(line), hint);
    if (value) lines.push(`${field}: ${value}`);
  }
  return `\n${lines.join('\n')}\n`;
}

/**
 * Splits one raw message into its parts with mailsplit and reads them: text and HTML bodies
 * decoded to strings (charset by `decodeText`, format=flowed unwrapped), attachments decoded to
 * bytes. Rejects only when the structure cannot be split at all.
 */
export async function readMimeParts(raw: Buffer): Promise<MimeParts> {
  const { nodes, bodies } = await split(raw);
  const root = nodes[0];
  const problems: DecodeProblem[] = [];
  const attachments: AttachmentPart[] = [];
  const textOf = new Map<MimeNode, string>();
  let hasText = false;
  let hasHtml = false;
  for (const node of nodes) {
    if (!isLeaf(node)) continue;
    const content = contentOf(node, bodies);
    if (isAttachment(node)) {
      attachments.push(attachmentOf(node, content));
      continue;
    }
    if (node.contentType === 'text/html') hasHtml = true;
    else hasText = true;
    const unwrapped = node.flowed
      ? Buffer.from(libmime.decodeFlowed(content.toString('latin1'), node.delSp), 'latin1')
      : content;
    const decoded = decodeText(unwrapped, node.charset || undefined);
    if (decoded.problem) problems.push({ part: 'body', reason: decoded.problem });
    textOf.set(node, decoded.text.replace(/\r?\n/g, '\n'));
  }

  const hint = root?.charset || undefined;
  const texts: string[] = [];
  const htmls: string[] = [];
  let plainBeforeHtml = false;
  for (const node of nodes) {
    const parent = parentOf(node);
    if (parent?.contentType === 'message/rfc822' && hasText)
      texts.push(forwardedHeader(node, hint));
    const body = textOf.get(node);
    if (!body) continue;
    const alternative = isInside(node, 'multipart/alternative');
    if (node.contentType === 'text/html') {
      if ((!alternative && hasText) || (node === root && !hasText)) texts.push('');
      htmls.push(body);
    } else {
      texts.push(body);
      if (!alternative && hasHtml) {
        if (htmls.length === 0) plainBeforeHtml = true;
        htmls.push('');
      }
    }
  }

  const headers = root?.headers;
  return {
    headerLines: headers ? headers.getList() : [],
    charset: hint,
    text: texts.join(TEXT_SEPARATOR),
    html: htmls.join(HTML_SEPARATOR),
    alternative: nodes.some((node) => node.contentType === 'multipart/alternative'),
    plainBeforeHtml,
    attachments,
    problems,
  };
}

/** The decoded bytes of the attachment whose SHA-256 `parseMessage` reported, if the message has it. */
export async function attachmentContent(raw: Buffer, sha256: string): Promise<Buffer | undefined> {
  // Only attachments are decoded: the text parts and their charsets are not needed here.
  const { nodes, bodies } = await split(raw);
  for (const node of nodes) {
    if (!isLeaf(node) || !isAttachment(node)) continue;
    const content = contentOf(node, bodies);
    if (sha256Of(content) === sha256) return content;
  }
  return undefined;
}
