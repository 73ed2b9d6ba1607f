/**
 * The normalised form of one e-mail, shared by ingestion, triage, language detection and the
 * CLI. Everything a rule needs is here as plain data, so consumers never touch MIME.
 */

export interface Address {
  /** Lower-cased addr-spec, e.g. `john@example.com`. */
  address: string;
  /** Display name as decoded from the header, '' when absent. */
  name: string;
}

/** One `Received:` header, top (newest, added by our own server) first. */
export interface ReceivedHop {
  raw: string;
  /** Host name the sender announced (`from HELO`), if any. */
  fromHelo?: string;
  /** Reverse-DNS name recorded by the receiving server, if any. */
  fromRdns?: string;
  /** IP literal recorded for the sending side (IPv4 or IPv6), if any. */
  fromIp?: string;
  /** Receiving host (`by ...`). */
  by?: string;
  /** Timestamp after the `;`, if it parses. */
  date?: Date;
}

export interface Link {
  /** The href (or bare URL found in text). */
  url: string;
  /** Lower-cased host name of the URL, '' when it has none. */
  host: string;
  /** Visible text of the anchor (HTML), '' for bare URLs. */
  text: string;
}

export interface AttachmentInfo {
  filename: string;
  contentType: string;
  size: number;
  /** SHA-256 of the decoded content, hex. */
  sha256: string;
  /** Inline parts (cid images) are not attachments a user opens. */
  inline: boolean;
  contentId?: string;
}

export interface DecodeProblem {
  /**
   * Which part: `header:NAME` (lower-cased), `body` (a text part whose charset failed; the reason
   * names the charset), `html` (no text could be derived from it), `structure`.
   */
  part: string;
  reason: string;
}

export interface NormalisedMessage {
  /** `Message-ID` without angle brackets, or undefined when the header is missing. */
  messageId?: string;
  /** SHA-256 hex of the raw bytes: the identity of a message without a Message-ID. */
  rawSha256: string;
  inReplyTo?: string;
  references: string[];
  subject: string;
  from?: Address;
  replyTo: Address[];
  to: Address[];
  cc: Address[];
  /** Date header as parsed (absolute instant), undefined when missing or unparseable. */
  date?: Date;
  /**
   * Offset of the Date header in minutes east of UTC as written by the sender (+0800 -> 480),
   * undefined when missing; kept even when it is impossible (e.g. -1600 -> -960) because that
   * is evidence in itself.
   */
  dateOffsetMinutes?: number;
  /** The Date header value exactly as written. */
  dateRaw?: string;
  /** All headers, lower-cased names, values decoded to text, in order of appearance. */
  headers: Array<{ name: string; value: string }>;
  received: ReceivedHop[];
  /**
   * Plain-text body (from text/plain, or derived from HTML when there is none). Bytes that no
   * charset could decode are U+FFFD here and reported in `problems`.
   */
  text: string;
  /**
   * The HTML body as the sender wrote it (decoded, NOT sanitised), '' when the message has none.
   * Changed from "sanitised" so parsing stays fast: pass it through `sanitiseHtml` before storing
   * it for display or showing it.
   */
  html: string;
  links: Link[];
  attachments: AttachmentInfo[];
  /** Charset(s) the sender declared for text parts, lower-cased. */
  declaredCharsets: string[];
  /** Content-Language header, if present. */
  contentLanguage?: string;
  /** Parts that could not be decoded cleanly; the raw bytes are kept, nothing is dropped. */
  problems: DecodeProblem[];
}
