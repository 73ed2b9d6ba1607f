import { createHash } from 'node:crypto';

/**
 * The identity of a message across mailboxes and folders: its Message-ID when it has one
 * (hashed, so any length fits the unique index), else the SHA-256 of its raw bytes.
 */
export function dedupKey(message: { messageId?: string | null; rawSha256: string }): string {
  const messageId = normaliseMessageId(message.messageId);
  return messageId === undefined ? `raw:${message.rawSha256}` : messageIdKey(messageId);
}

/** The key a message with this Message-ID is stored under; used to follow References. */
export function messageIdKey(messageId: string): string {
  return `mid:${createHash('sha256').update(messageId, 'utf8').digest('hex')}`;
}

/** `<a@b>`, ` a@b ` and `a@b` are the same id; an empty one is no id at all. */
export function normaliseMessageId(messageId: string | null | undefined): string | undefined {
  const trimmed = messageId
    ?.trim()
    .replace(/^<+|>+$/g, '')
    .trim();
  return trimmed ? trimmed : undefined;
}
